/** The sidecar's HTTP API (express): health, incidents, and the OpenAPI document. */
import type { Health } from '@ha-llm-ops/contracts';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { actionRoutes, type ActionService } from './actions.js';
import { incidentRoutes, type IncidentService } from './incidents.js';
import { openApiDocument } from './openapi.js';
import { statusRoutes, type StatusService } from './status.js';
import { tokenMatches } from './token.js';
import { ApiError, errorHandler } from './validate.js';

/** What the API needs to know about the running sidecar. */
export interface ApiContext {
  version: string;
  apiToken: string;
  haStatus(): { connected: boolean; version: string | null };
  incidents: IncidentService;
  actions: ActionService;
  status: StatusService;
}

function bearer(req: Request): string | undefined {
  const header = req.get('authorization');
  const m = header ? /^Bearer\s+(.+)$/i.exec(header) : null;
  return m?.[1]?.trim();
}

/** Build the express app. Health and the OpenAPI document are open; everything else needs the token. */
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

  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApiDocument(ctx.version));
  });

  app.use('/api', (req: Request, _res: Response, next: NextFunction) => {
    const presented = bearer(req);
    if (presented === undefined)
      throw new ApiError(401, 'missing API token (Authorization: Bearer <token>)');
    if (!tokenMatches(presented, ctx.apiToken)) throw new ApiError(401, 'invalid API token');
    next();
  });

  app.use('/api/incidents', incidentRoutes(ctx.incidents));
  app.use('/api/actions', actionRoutes(ctx.actions));
  app.use('/api', statusRoutes(ctx.status));

  app.use('/api', () => {
    throw new ApiError(404, 'no such endpoint');
  });
  app.use(errorHandler);
  return app;
}
