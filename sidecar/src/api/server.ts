/** The sidecar's HTTP API (express): health, the integration's summary, incidents, what it learned, actions, status, maintenance, the OpenAPI document, and the ingress UI. */
import type { Health } from '@ha-llm-ops/contracts';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { ingressUser } from './ingress.js';
import { actionRoutes, type ActionService } from './actions.js';
import { incidentRoutes, type IncidentService } from './incidents.js';
import { knowledgeRoutes, type KnowledgeService } from './knowledge.js';
import { learningRoutes, type LearningService } from './learning.js';
import { maintenanceRoutes, type MaintenanceService } from './maintenance.js';
import { openApiDocument } from './openapi.js';
import { statusRoutes, type StatusService } from './status.js';
import { summaryRoutes, type SummaryService } from './summary.js';
import { tokenMatches } from './token.js';
import { ApiError, errorHandler } from './validate.js';

/** What the API needs to know about the running sidecar. */
export interface ApiContext {
  version: string;
  apiToken: string;
  haStatus(): { connected: boolean; version: string | null };
  incidents: IncidentService;
  /** False alarms, what is kept quiet, and how incidents ended. */
  learning: LearningService;
  /** The knowledge file's rules, and "save as a rule". */
  knowledge: KnowledgeService;
  actions: ActionService;
  status: StatusService;
  /** Maintenance mode: no incident opens while it is on. */
  maintenance: MaintenanceService;
  /** Everything the integration shows, kept ready: its one request per refresh. */
  summary: SummaryService;
  /** Address of the Supervisor's ingress proxy (add-on mode), or null standalone. */
  ingressPeer: string | null;
  /** The ingress web UI's files (built panel); served only to ingress requests. */
  publicDir: string | null;
}

function bearer(req: Request): string | undefined {
  const header = req.get('authorization');
  const m = header ? /^Bearer\s+(\S.*)$/i.exec(header) : null;
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

  app.use('/api', (req: Request, res: Response, next: NextFunction) => {
    const user = ingressUser(req, ctx.ingressPeer);
    if (user !== null && req.get('authorization') === undefined) {
      res.locals.user = user; // HA authenticated this user; ingress needs no token
      next();
      return;
    }
    const presented = bearer(req);
    if (presented === undefined)
      throw new ApiError(401, 'missing API token (Authorization: Bearer <token>)');
    if (!tokenMatches(presented, ctx.apiToken)) throw new ApiError(401, 'invalid API token');
    next();
  });

  app.use('/api', summaryRoutes(ctx.summary));
  app.use('/api', learningRoutes(ctx.learning));
  app.use('/api', knowledgeRoutes(ctx.knowledge));
  app.use('/api/incidents', incidentRoutes(ctx.incidents));
  app.use('/api/actions', actionRoutes(ctx.actions));
  app.use('/api', statusRoutes(ctx.status));
  app.use('/api/maintenance', maintenanceRoutes(ctx.maintenance));

  app.use('/api', () => {
    throw new ApiError(404, 'no such endpoint');
  });

  // The add-on's ingress page: the same panel, talking to this API. Ingress only.
  const publicDir = ctx.publicDir;
  if (publicDir && existsSync(publicDir)) {
    const files = express.static(publicDir, { index: 'index.html', fallthrough: false });
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (ingressUser(req, ctx.ingressPeer) === null) {
        res.status(404).json({ error: 'the web UI is served through Home Assistant ingress only' });
        return;
      }
      files(req, res, next);
    });
  }
  app.use(errorHandler);
  return app;
}

/**
 * Serve the API; rejects with the listen error (a taken port, a bad address). Express 5
 * hands that error to the callback: without the check a sidecar would report serving
 * while nothing listens.
 */
export function listen(app: Express, host: string, port: number): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, (err?: Error) => {
      if (!err) return resolve(s);
      s.close();
      reject(err);
    });
  });
}
