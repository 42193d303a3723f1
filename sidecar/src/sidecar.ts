/**
 * The running sidecar: the journal, the HTTP API, the connection to HA and the
 * pipeline collect → correlate → report, wired together. The API serves from
 * the start; HA may come and go.
 */
import type { Connection } from 'home-assistant-js-websocket';
import type { Server } from 'node:http';
import { createApi } from './api/server.js';
import { resolveApiToken } from './api/token.js';
import type { StopCollector } from './collect/collector.js';
import { COLLECTORS } from './collect/index.js';
import type { Settings } from './config.js';
import { Correlator } from './correlate/correlator.js';
import { connectToHa } from './ha/connection.js';
import { Inventory } from './ha/inventory.js';
import { Incidents } from './incidents.js';
import { BundleStore } from './journal/bundles.js';
import { Journal } from './journal/journal.js';
import type { Logger } from './log.js';
import { Reporter } from './report/reporter.js';
import { SupervisorClient } from './supervisor/client.js';
import { VERSION } from './version.js';

const RETENTION_EVERY_MS = 60 * 60 * 1000;

export class Sidecar {
  readonly journal: Journal;
  readonly correlator: Correlator;
  readonly reporter: Reporter;
  readonly bundles: BundleStore;
  private conn: Connection | undefined;
  private server: Server | undefined;
  private inventory: Inventory | undefined;
  private readonly stops: StopCollector[] = [];
  private readonly abort = new AbortController();
  private retentionTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly settings: Settings,
    private readonly log: Logger,
  ) {
    this.journal = new Journal(`${settings.dataDir}/journal.db`);
    this.bundles = new BundleStore(settings.incidentDir);
    this.correlator = new Correlator(this.journal, { thresholds: settings.thresholds, log });
    this.reporter = new Reporter({
      journal: this.journal,
      log,
      updateIntervalS: settings.thresholds.eventUpdateIntervalS,
    });
    this.correlator.onChange((incident, change) => this.reporter.incidentChanged(incident, change));
  }

  /** Serve the API, then connect to HA in the background and start collecting. */
  async start(): Promise<void> {
    const { settings, log } = this;
    const app = createApi({
      version: VERSION,
      apiToken: resolveApiToken(settings.apiToken, settings.dataDir),
      haStatus: () => ({
        connected: this.conn?.connected ?? false,
        version: this.conn?.haVersion ?? null,
      }),
      incidents: new Incidents(this.journal, this.correlator, this.bundles),
    });
    this.server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(settings.port, settings.host, () => resolve(s));
      s.once('error', (err) =>
        reject(
          new Error(`cannot serve the API on ${settings.host}:${settings.port}: ${err.message}`),
        ),
      );
    });
    log.info(`ha-llm-ops ${VERSION} serving the API on ${settings.host}:${settings.port}`);
    this.correlator.start();
    this.retention();
    this.retentionTimer = setInterval(() => this.retention(), RETENTION_EVERY_MS);
  }

  /** Connect to HA (retrying until it answers) and start the collectors. */
  async connect(): Promise<void> {
    const { settings, log } = this;
    const conn = await connectToHa({
      wsUrl: settings.haWsUrl,
      token: settings.haToken,
      log,
      signal: this.abort.signal,
    });
    this.conn = conn;
    this.inventory = new Inventory(log);
    await this.inventory.start(conn);
    this.reporter.attach(conn);
    const ctx = {
      conn,
      inventory: this.inventory,
      supervisor: settings.supervisor
        ? new SupervisorClient(settings.supervisor.url, settings.supervisor.token)
        : null,
      cursors: this.journal,
      sink: this.correlator,
      thresholds: settings.thresholds,
      log,
      now: () => new Date(),
    };
    for (const collector of COLLECTORS) {
      if (!collector.enabled(ctx)) continue;
      try {
        this.stops.push(await collector.start(ctx));
        log.debug(`collector ${collector.source} started`);
      } catch (err) {
        log.error(`collector ${collector.source} failed to start: ${String(err)}`);
      }
    }
    log.info('watching Home Assistant');
  }

  /** Drop closed incidents past their retention, with their bundles. */
  private retention(): void {
    const { retentionDays, maxClosedIncidents } = this.settings.thresholds;
    const before = new Date(Date.now() - retentionDays * 86_400_000).toISOString();
    const gone = [
      ...this.journal.purgeClosedBefore(before),
      ...this.journal.purgeClosedBeyond(maxClosedIncidents),
    ];
    for (const id of gone) this.bundles.remove(id);
    if (gone.length) this.log.info(`retention: removed ${gone.length} closed incidents`);
  }

  async stop(): Promise<void> {
    this.abort.abort();
    clearInterval(this.retentionTimer);
    this.correlator.stop();
    this.reporter.stop();
    for (const stop of this.stops.splice(0)) {
      try {
        await stop();
      } catch {
        // the connection may already be gone
      }
    }
    await this.inventory?.stop();
    this.conn?.close();
    await new Promise((r) => (this.server ? this.server.close(r) : r(undefined)));
    this.journal.close();
  }
}
