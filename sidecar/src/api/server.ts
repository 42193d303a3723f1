/** The sidecar's HTTP API (express). */
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Health } from '@ha-llm-ops/contracts';
import { tokenMatches } from './token.js';

/** What the API needs to know about the running sidecar. */
export interface ApiContext {
  version: string;
  apiToken: string;
  haStatus(): { connected: boolean; version: string | null };
}

function bearer(req: Request): string | undefined {
  const header = req.get('authorization');
  const m = header ? /^Bearer\s+(.+)$/i.exec(header) : null;
  return m?.[1]?.trim();
}

/** Build the express app. Health is open (for the Supervisor watchdog) but rejects a wrong token. */
export function createApi(ctx: ApiContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '256kb' }));

  app.get('/api/health', (req, res) => {
    const presented = bearer(req);
    if (presented !== undefined && !tokenMatches(presented, ctx.apiToken)) {
      res.status(401).json({ error: 'invalid API token' });
      return;
    }
    const body: Health = {
      status: 'ok',
      service: 'ha-llm-ops',
      version: ctx.version,
      authenticated: presented !== undefined,
      ha: ctx.haStatus(),
    };
    res.json(body);
  });

  app.use('/api', (_req, res) => {
    res.status(404).json({ error: 'no such endpoint' });
  });
  // express needs all four parameters to recognise an error handler.
  app.use((err: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    res.status(err.status ?? 500).json({ error: err.status ? err.message : 'internal error' });
  });
  return app;
}
