/**
 * A fake Supervisor for tests: the Supervisor needs Docker, which CI lacks.
 * It follows the documented REST API (developers.home-assistant.io, Supervisor
 * endpoints): bearer auth, `{"result": "ok", "data": …}` envelopes, plain-text
 * logs, background backup jobs polled through `/jobs/<id>`, and discovery.
 * Tests change its state and read the requests it received.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import WebSocket from 'ws';
import express, { type NextFunction, type Request, type Response } from 'express';

export interface FakeAddon {
  slug: string;
  name: string;
  version: string;
  state: 'started' | 'stopped' | 'error' | 'unknown';
  update_available: boolean;
  log: string[];
  /** Restarts that must fail before one succeeds (to test verify/rollback). */
  failRestarts?: number;
}

export interface FakeBackup {
  slug: string;
  name: string;
  type: 'partial' | 'full';
  date: string;
  content: { homeassistant: boolean; addons: string[]; folders: string[] };
}

export interface FakeJob {
  uuid: string;
  name: string;
  done: boolean;
  progress: number;
  stage: string | null;
  reference: string | null;
  errors: { type: string; message: string }[];
  /** Polls left before the job finishes. */
  pollsLeft: number;
  /** When set, the job finishes with this error instead of a backup. */
  failWith?: string;
}

export interface FakeSupervisorState {
  addons: FakeAddon[];
  resolution: {
    unsupported: string[];
    unhealthy: string[];
    issues: { uuid: string; type: string; context: string; reference: string | null }[];
    suggestions: {
      uuid: string;
      type: string;
      context: string;
      reference: string | null;
      auto: boolean;
    }[];
  };
  backups: FakeBackup[];
  jobs: Map<string, FakeJob>;
  discovery: { uuid: string; service: string; config: Record<string, unknown>; addon: string }[];
  /**
   * Core's container log as Core and its supervision print it (no journal header); with
   * `verbose` each line gets the journal's (`<ISO time> homeassistant homeassistant[pid]: …`),
   * its time the moment the line was first served, as journald keeps the time it got a line.
   */
  coreLog: string[];
  /** The Supervisor's own log, in its format (`24-06-10 21:36:07 WARNING (MainThread) [logger] …`). */
  supervisorLog: string[];
  /** The host's journal, each line in the verbose format (`<ISO time> <host> <program>[pid]: …`). */
  hostLog: string[];
  /** Next backup request fails (true) or its job fails (string message). */
  failNextBackup: boolean | string;
  /** When set, `POST /core/check` finds the configuration invalid with this message. */
  configError: string | null;
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

/**
 * How the fake answers, to test a Supervisor in trouble: `error` answers 500 to
 * everything, `slow` answers after `slowMs`, `silent` takes requests and never answers.
 */
export type SupervisorHealth = 'ok' | 'error' | 'slow' | 'silent';

export interface FakeSupervisor {
  url: string;
  token: string;
  state: FakeSupervisorState;
  requests: RecordedRequest[];
  health: SupervisorHealth;
  slowMs: number;
  /**
   * Called with each request before it is answered (a test kills the sidecar
   * here, at an exact step); `drop` leaves the request unanswered.
   */
  intercept: ((req: RecordedRequest) => Promise<'answer' | 'drop'>) | null;
  /**
   * Connect to Core's Unix socket as the Supervisor does (`ws+unix://<socket>:/api/websocket`,
   * no token: the socket is the Supervisor user), to push `supervisor/event` messages.
   */
  connectCore(socketPath: string): Promise<void>;
  /**
   * Set an add-on's state and, when connected to Core, push the event the Supervisor's
   * add-on state setter sends: `supervisor/event` `{event: 'addon', slug, state}`.
   */
  setAddonState(slug: string, addonState: FakeAddon['state']): Promise<void>;
  close(): Promise<void>;
}

const ok = (res: Response, data: unknown = {}) => res.json({ result: 'ok', data });
const fail = (res: Response, status: number, message: string) =>
  res.status(status).json({ result: 'error', message });

/** Start a fake Supervisor on a free loopback port. */
export async function startFakeSupervisor(
  initial: Partial<FakeSupervisorState> = {},
): Promise<FakeSupervisor> {
  const token = `fake-supervisor-token-${randomUUID()}`;
  const state: FakeSupervisorState = {
    addons: [],
    resolution: { unsupported: [], unhealthy: [], issues: [], suggestions: [] },
    backups: [],
    jobs: new Map(),
    discovery: [],
    coreLog: [],
    supervisorLog: [],
    hostLog: [],
    failNextBackup: false,
    configError: null,
    ...initial,
  };
  const requests: RecordedRequest[] = [];
  const app = express();
  app.use(express.json());
  // The returned object, filled in below: the middleware reads its current settings.
  const fake = { health: 'ok', slowMs: 0, intercept: null } as Pick<
    FakeSupervisor,
    'health' | 'slowMs' | 'intercept'
  >;
  app.use((req: Request, res: Response, next: NextFunction) => {
    const recorded = { method: req.method, path: req.path, body: req.body as unknown };
    requests.push(recorded);
    if (req.get('authorization') !== `Bearer ${token}`) {
      fail(res, 401, 'Invalid token for access');
      return;
    }
    const proceed = async () => {
      if (fake.intercept && (await fake.intercept(recorded)) === 'drop') return;
      if (fake.health === 'silent') return;
      if (fake.health === 'error') return fail(res, 500, 'Unknown error, see supervisor logs');
      if (fake.health === 'slow') await new Promise((r) => setTimeout(r, fake.slowMs));
      next();
    };
    void proceed();
  });

  const addon = (slug: string | undefined) => state.addons.find((a) => a.slug === slug);
  const logText = (lines: string[], req: Request) => {
    const n = Number(req.query.lines ?? 100);
    return lines.slice(-n).join('\n') + (lines.length ? '\n' : '');
  };

  // What HA's hassio integration asks for while it sets up.
  app.get('/supervisor/ping', (_req, res) => ok(res));
  app.post('/supervisor/update', (_req, res) => fail(res, 400, 'No supervisor update available'));
  app.get('/discovery', (_req, res) => {
    const services: Record<string, string[]> = {};
    for (const d of state.discovery) (services[d.service] ??= []).push(d.addon);
    ok(res, { discovery: state.discovery, services });
  });
  app.get('/mounts', (_req, res) => ok(res, { default_backup_mount: null, mounts: [] }));
  app.get('/supervisor/info', (_req, res) =>
    ok(res, { version: '2026.11.1', healthy: true, supported: true }),
  );
  app.get('/core/info', (_req, res) =>
    ok(res, { version: '2026.11.0', version_latest: '2026.11.0', update_available: false }),
  );
  const coreLogTimes: string[] = [];
  app.get('/core/logs', (req, res) => {
    if (req.query.verbose === undefined)
      return void res.type('text/plain').send(logText(state.coreLog, req));
    state.coreLog.forEach((_, i) => (coreLogTimes[i] ??= new Date().toISOString()));
    const lines = state.coreLog.map(
      (line, i) => `${coreLogTimes[i] ?? ''} homeassistant homeassistant[61]: ${line}`,
    );
    res.type('text/plain').send(logText(lines, req));
  });
  app.get('/supervisor/logs', (req, res) =>
    res.type('text/plain').send(logText(state.supervisorLog, req)),
  );
  // Without `verbose` the journal gives each entry's message alone.
  app.get('/host/logs', (req, res) =>
    res
      .type('text/plain')
      .send(
        logText(
          req.query.verbose === undefined
            ? state.hostLog.map((l) => l.replace(/^\S+ \S+ \S+ [^:]+: /, ''))
            : state.hostLog,
          req,
        ),
      ),
  );
  app.post('/core/restart', (_req, res) => ok(res)); // recorded; Core keeps running here
  // The Supervisor runs Core's `check_config` and answers an error when it finds problems.
  app.post('/core/check', (_req, res) => {
    if (state.configError) fail(res, 400, state.configError);
    else ok(res);
  });
  app.get('/resolution/info', (_req, res) => ok(res, { ...state.resolution, checks: [] }));
  // Applying a suggestion runs its fixup, which dismisses the issues it was for (the same
  // context and reference) and the suggestion itself; a start or restart runs the add-on.
  app.post('/resolution/suggestion/:uuid', (req, res) => {
    const r = state.resolution;
    const s = r.suggestions.find((x) => x.uuid === req.params.uuid);
    if (!s) return fail(res, 400, 'The supplied UUID is not a valid suggestion');
    r.suggestions = r.suggestions.filter((x) => x !== s);
    r.issues = r.issues.filter((i) => !(i.context === s.context && i.reference === s.reference));
    const a = s.context === 'addon' ? addon(s.reference ?? undefined) : undefined;
    if (a && ['execute_start', 'execute_restart'].includes(s.type)) a.state = 'started';
    return ok(res);
  });
  app.get('/addons', (_req, res) =>
    ok(res, {
      addons: state.addons.map(({ slug, name, version, state: s, update_available }) => ({
        slug,
        name,
        version,
        state: s,
        update_available,
        description: name,
        repository: 'local',
      })),
    }),
  );
  app.get('/addons/:slug/info', (req, res) => {
    const a = addon(req.params.slug);
    if (!a) return fail(res, 404, `Addon ${req.params.slug} does not exist`);
    const { log: _log, failRestarts: _f, ...info } = a;
    return ok(res, { ...info, boot: 'auto', watchdog: true });
  });
  app.get('/addons/:slug/logs', (req, res) => {
    const a = addon(req.params.slug);
    if (!a) return fail(res, 404, `Addon ${req.params.slug} does not exist`);
    return res.type('text/plain').send(logText(a.log, req));
  });
  app.post('/addons/:slug/restart', (req, res) => {
    const a = addon(req.params.slug);
    if (!a) return fail(res, 404, `Addon ${req.params.slug} does not exist`);
    if (a.failRestarts && a.failRestarts > 0) {
      a.failRestarts--;
      a.state = 'error';
      a.log.push('[fake] restart failed: exited with code 1');
      return ok(res);
    }
    a.state = 'started';
    a.log.push('[fake] add-on restarted');
    return ok(res);
  });

  app.post('/backups/new/partial', (req, res) => {
    const body = (req.body ?? {}) as {
      name?: string;
      homeassistant?: boolean;
      addons?: string[];
      folders?: string[];
      background?: boolean;
    };
    if (!body.homeassistant && !body.addons?.length && !body.folders?.length) {
      return fail(res, 400, 'A partial backup needs homeassistant, addons or folders');
    }
    if (state.failNextBackup === true) {
      state.failNextBackup = false;
      return fail(res, 500, 'Backup failed: not enough free space');
    }
    const slug = randomUUID().replaceAll('-', '').slice(0, 8);
    const job: FakeJob = {
      uuid: randomUUID().replaceAll('-', ''),
      name: 'backup_manager_partial_backup',
      done: false,
      progress: 0,
      stage: 'addon_repositories',
      reference: slug,
      errors: [],
      pollsLeft: 2,
    };
    if (typeof state.failNextBackup === 'string') {
      job.failWith = state.failNextBackup;
      state.failNextBackup = false;
    }
    state.jobs.set(job.uuid, job);
    const backup: FakeBackup = {
      slug,
      name: body.name ?? 'backup',
      type: 'partial',
      date: new Date().toISOString(),
      content: {
        homeassistant: Boolean(body.homeassistant),
        addons: body.addons ?? [],
        folders: body.folders ?? [],
      },
    };
    if (!body.background) {
      if (job.failWith) return fail(res, 500, job.failWith);
      state.backups.push(backup);
      job.done = true;
      return ok(res, { slug });
    }
    (job as FakeJob & { backup: FakeBackup }).backup = backup;
    return ok(res, { job_id: job.uuid });
  });

  app.get('/jobs/:uuid', (req, res) => {
    const job = state.jobs.get(String(req.params.uuid));
    if (!job) return fail(res, 404, 'Job does not exist');
    if (!job.done && --job.pollsLeft <= 0) {
      job.done = true;
      job.progress = 100;
      job.stage = null;
      if (job.failWith) job.errors.push({ type: 'BackupError', message: job.failWith });
      else {
        const backup = (job as FakeJob & { backup?: FakeBackup }).backup;
        if (backup) state.backups.push(backup);
      }
    }
    const { pollsLeft: _p, failWith: _f, ...visible } = job as FakeJob & { backup?: unknown };
    delete (visible as { backup?: unknown }).backup;
    return ok(res, { ...visible, child_jobs: [], extra: null });
  });

  app.get('/backups', (_req, res) => ok(res, { backups: state.backups }));
  app.delete('/backups/:slug', (req, res) => {
    const at = state.backups.findIndex((x) => x.slug === req.params.slug);
    if (at < 0) return fail(res, 404, 'Backup does not exist');
    state.backups.splice(at, 1);
    return ok(res);
  });
  app.get('/backups/:slug/info', (req, res) => {
    const b = state.backups.find((x) => x.slug === req.params.slug);
    return b ? ok(res, b) : fail(res, 404, 'Backup does not exist');
  });

  app.post('/discovery', (req, res) => {
    const body = (req.body ?? {}) as { service?: string; config?: Record<string, unknown> };
    if (!body.service || typeof body.config !== 'object')
      return fail(res, 400, 'service and config are required');
    const uuid = randomUUID().replaceAll('-', '');
    state.discovery.push({ uuid, service: body.service, config: body.config, addon: 'ha_llm_ops' });
    return ok(res, { uuid });
  });

  app.use((_req, res) => fail(res, 404, 'Not found'));

  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  let core: WebSocket | null = null;
  let nextId = 1;
  const connectCore = (socketPath: string) =>
    new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(`ws+unix://${socketPath}:/api/websocket`);
      ws.on('error', reject);
      ws.on('message', (raw) => {
        const m = JSON.parse(String(raw)) as { type?: string };
        if (m.type === 'auth_ok') {
          core = ws;
          resolve();
        }
      });
    });
  const setAddonState = async (slug: string, addonState: FakeAddon['state']) => {
    const a = addon(slug);
    if (!a) throw new Error(`no add-on ${slug}`);
    a.state = addonState;
    const ws = core;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    const data = { event: 'addon', slug, state: addonState };
    await new Promise<void>((resolve, reject) =>
      ws.send(JSON.stringify({ id: nextId++, type: 'supervisor/event', data }), (err) =>
        err ? reject(err) : resolve(),
      ),
    );
  };
  return Object.assign(fake, {
    connectCore,
    setAddonState,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token,
    state,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        core?.close();
        server.close(() => resolve());
        server.closeAllConnections(); // requests left unanswered on purpose
      }),
  });
}
