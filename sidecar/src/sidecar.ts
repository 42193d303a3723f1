/**
 * The running sidecar: the journal, the HTTP API, the connection to HA and the
 * pipeline collect → correlate → package → analyze → plan → approve → execute → report,
 * wired together. The API serves from the start; HA may come and go.
 */
import type { Signal, SignalSource } from '@ha-llm-ops/contracts';
import type { Connection } from 'home-assistant-js-websocket';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { ActionContext } from './actions/action.js';
import { createLlmAnalyzer, isNoise, OfflineIncidentAnalyzer } from './analyze/index.js';
import { createApi, listen } from './api/server.js';
import { resolveApiToken } from './api/token.js';
import { Approval } from './approve/index.js';
import type { CollectorContext, StopCollector } from './collect/collector.js';
import { COLLECTORS } from './collect/index.js';
import type { Settings } from './config.js';
import { Correlator, Maintenance } from './correlate/index.js';
import { Executor, Reverter, revertCheckMs } from './execute/index.js';
import { connectToHa } from './ha/connection.js';
import { Inventory } from './ha/inventory.js';
import { StateChangeFeed } from './ha/state-changes.js';
import { followUpdates, UpdateStates } from './ha/updates.js';
import { IncidentLifecycle } from './incident/lifecycle.js';
import { Incidents } from './incidents.js';
import { BundleStore } from './journal/bundles.js';
import { type IncidentRecord, Journal } from './journal/journal.js';
import { ProposalJournal } from './journal/proposals.js';
import { RevertJournal } from './journal/reverts.js';
import { applyRetention, retentionReport } from './journal/retention.js';
import { guarded, type Logger } from './log.js';
import { enrich, haHttpBase, keyedLabel, redactionKey, signalRedaction } from './package/index.js';
import { type IncidentAnalyzer, Pipeline } from './pipeline.js';
import { Planner } from './plan/index.js';
import { PolicyKeeper } from './policy/policy-keeper.js';
import { Reporter } from './report/index.js';
import { apiServices } from './services.js';
import { KnowledgeBase } from './shared/knowledge.js';
import { SupervisorClient } from './supervisor/client.js';
import { addonUrl, announce } from './supervisor/discovery.js';
import { VERSION } from './version.js';

const RETENTION_EVERY_MS = 60 * 60 * 1000;
const EXPIRY_EVERY_MS = 60 * 1000;
const STOP_GRACE_MS = 5_000; // how long stopping waits for HA to confirm unsubscribes
const WRITE_ERROR_EVERY_MS = 60 * 1000;

/** Live facts collectors report about themselves. */
export interface SidecarFlags {
  /** False once the system log turned out to be polled (HA fires no system_log_event). */
  systemLogEvents: boolean;
}

export interface SidecarOptions {
  analyzer?: IncidentAnalyzer | null;
  /** The ingress UI's files (default: the package's public/ folder). */
  publicDir?: string;
}

/** The sidecar cannot start here (its port is taken, …): the message says what to change. */
export class StartError extends Error {}
export class Sidecar {
  readonly journal: Journal;
  readonly proposals: ProposalJournal;
  readonly lifecycle: IncidentLifecycle;
  readonly correlator: Correlator;
  /** Maintenance mode: while it is on no incident opens. */
  readonly maintenance: Maintenance;
  readonly reporter: Reporter;
  readonly bundles: BundleStore;
  readonly policy: PolicyKeeper;
  /** The user's own rules for the offline analyzer, re-read when the file changes. */
  readonly knowledge: KnowledgeBase;
  readonly approval: Approval;
  readonly executor: Executor;
  /** Ends temporary changes (a quieted logger) when their time is up. */
  readonly reverter: Reverter;
  readonly planner: Planner;
  readonly pipeline: Pipeline;
  readonly flags: SidecarFlags = { systemLogEvents: true };
  private readonly llm: ReturnType<typeof createLlmAnalyzer>;
  private conn: Connection | undefined;
  private server: Server | undefined;
  private inventory: Inventory | undefined;
  private readonly tz = (): string | null => this.inventory?.timeZone ?? null;
  private readonly lang = (): string => this.inventory?.language ?? 'en';
  private readonly supervisor: SupervisorClient | null;
  private readonly stops: StopCollector[] = [];
  private readonly abort = new AbortController();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly publicDir: string;
  /** Recent changes in HA (restarts, entry state changes), newest first, for evidence bundles. */
  private readonly changes: { at: string; what: string }[] = [];
  /** The update entities' states, kept by the update follower; incidents' evidence reads them. */
  private readonly updateStates = new UpdateStates();
  private readonly redactText: (text: string) => string;

  constructor(
    private readonly settings: Settings,
    private readonly log: Logger,
    opts: SidecarOptions = {},
  ) {
    const t = settings.thresholds;
    this.publicDir = opts.publicDir ?? fileURLToPath(new URL('../public', import.meta.url));
    let writeFailedAt = 0;
    this.journal = new Journal(`${settings.dataDir}/journal.db`, {
      onCorrupt: (keptAs, why) =>
        log.error(
          `the journal ${settings.dataDir}/journal.db is not a usable database (${why}); it is kept as ${keptAs} and a fresh journal is started`,
        ),
      // Once a minute at most: a full disk fails every turn.
      onWriteError: (err) => {
        if (Date.now() - writeFailedAt < WRITE_ERROR_EVERY_MS) return;
        writeFailedAt = Date.now();
        log.error(
          `cannot write the journal ${settings.dataDir}/journal.db (${err instanceof Error ? err.message : String(err)}); free space in ${settings.dataDir}: until then new changes are dropped, and read again from Home Assistant once they can be saved`,
        );
      },
    });
    this.proposals = new ProposalJournal(this.journal.db);
    this.bundles = new BundleStore(settings.incidentDir);
    this.supervisor = settings.supervisor
      ? new SupervisorClient(settings.supervisor.url, settings.supervisor.token)
      : null;
    this.policy = PolicyKeeper.load(settings.policyFile, this.journal, settings.mode, log);
    this.knowledge = new KnowledgeBase(settings.knowledgeFile, log);
    const rules = () => this.knowledge.current().rules;
    // Everything the journal stores is redacted, with placeholders stable across all of it.
    const label = keyedLabel(redactionKey(settings.dataDir));
    const redactSignal = signalRedaction({ ...settings.redact, label });
    this.redactText = redactSignal.text;
    this.lifecycle = new IncidentLifecycle(this.journal, this.proposals, { log, zone: this.tz });
    this.maintenance = new Maintenance(this.journal.db, { log, quietPeriodS: t.quietPeriodS });
    this.correlator = new Correlator(this.journal, this.lifecycle, {
      thresholds: t,
      log,
      isNoise,
      redact: redactSignal,
      maintenance: this.maintenance,
      language: this.lang,
    });
    this.reporter = new Reporter({
      journal: this.journal,
      log,
      updateIntervalS: t.eventUpdateIntervalS,
    });
    this.maintenance.onEnded((summary) => this.reporter.maintenanceEnded(summary));
    const context = (incident: IncidentRecord) => this.actionContext(incident);
    this.approval = new Approval({
      journal: this.journal,
      proposals: this.proposals,
      lifecycle: this.lifecycle,
      policy: this.policy,
      announce: this.reporter,
      context,
      log,
      timeZone: this.tz,
    });
    const reverts = new RevertJournal(this.journal.db);
    this.reverter = new Reverter({ reverts, proposals: this.proposals, context, log });
    this.executor = new Executor({
      journal: this.journal,
      proposals: this.proposals,
      reverts,
      lifecycle: this.lifecycle,
      announce: this.reporter,
      log,
      backupTimeoutS: t.backupTimeoutS,
      keepBackups: t.keepBackups,
      verifyMaxWaitS: t.verifyMaxWaitS,
    });
    this.planner = new Planner({
      proposals: this.proposals,
      policy: this.policy,
      lifecycle: this.lifecycle,
      announce: this.reporter,
      context,
      log,
      proposalTtlS: t.proposalTtlS,
      language: this.lang,
    });
    this.llm = createLlmAnalyzer({
      settings: settings.llm,
      db: this.journal.db,
      connection: () => this.conn,
      timeZone: this.tz,
      language: this.lang,
      log,
      knowledge: { rules, redact: { ...settings.redact, label } },
    });
    this.pipeline = new Pipeline({
      llm: this.llm ? { analyzer: this.llm, bundles: this.bundles } : null,
      lifecycle: this.lifecycle,
      reporter: this.reporter,
      planner: this.planner,
      approval: this.approval,
      executor: this.executor,
      current: (id) => this.journal.getIncident(id),
      analyzer:
        opts.analyzer === undefined
          ? new OfflineIncidentAnalyzer({
              journal: this.journal,
              bundles: this.bundles,
              inventory: () => this.inventory,
              haVersion: () => this.conn?.haVersion ?? null,
              recentChanges: () => [...this.changes],
              budgetTokens: t.bundleTokens,
              redact: { ...settings.redact, label },
              knowledge: rules,
              language: this.lang,
              gather: async (incident) => {
                if (!this.conn?.connected || !this.inventory) return null;
                const http = { baseUrl: haHttpBase(settings.haWsUrl), token: settings.haToken };
                return enrich(this.inventory, http, incident, this.updateStates.list());
              },
            })
          : opts.analyzer,
      log,
    });
  }

  /** The live HA side for an action, or null while disconnected. */
  private actionContext(incident: IncidentRecord): ActionContext | null {
    const { conn, inventory, supervisor, journal, log, settings, redactText: redact } = this;
    if (!conn?.connected || !inventory) return null;
    const haHttp = { baseUrl: haHttpBase(settings.haWsUrl), token: settings.haToken };
    const base = { conn, inventory, supervisor, incident, journal, log, now: () => new Date() };
    const powerCycle = this.policy.current().policy.power_cycle;
    return { ...base, revertAfterS: settings.thresholds.revertAfterS, haHttp, redact, powerCycle };
  }

  /** Serve the API and start the timers; connecting to HA is separate (connect()). */
  async start(): Promise<void> {
    const { settings, log } = this;
    this.executor.recoverInterrupted();
    const apiToken = resolveApiToken(settings.apiToken, settings.dataDir);
    const incidents = new Incidents(
      this.journal,
      this.lifecycle,
      this.bundles,
      this.proposals,
      this.pipeline,
      { conn: () => this.conn, redact: this.redactText },
    );
    const app = createApi({
      apiToken,
      ...apiServices({
        ...this,
        log,
        incidents,
        version: VERSION,
        haStatus: () => ({
          connected: (this.conn?.connected ?? false) && this.inventory !== undefined,
          version: this.conn?.haVersion ?? null,
        }),
        timeZone: this.tz,
        llm: () => this.llm?.status() ?? null,
      }),
      ingressPeer: settings.ingressPeer,
      publicDir: this.publicDir,
    });
    this.server = await listen(app, settings.host, settings.port).catch((err: Error) => {
      throw new StartError(
        `cannot serve the API on ${settings.host}:${settings.port}: ${err.message}; another program (or a second sidecar) holds that port: stop it or set LLM_OPS_PORT`,
      );
    });
    log.info(`ha-llm-ops ${VERSION} serving the API on ${settings.host}:${settings.port}`);
    if (this.supervisor) {
      // Let Home Assistant offer to set up the integration with this address and token.
      void announce(this.supervisor, { url: addonUrl(settings.port), token: apiToken }, log, {
        signal: this.abort.signal,
      });
    }
    this.correlator.start();
    this.retention();
    this.timers.push(
      setInterval(() => this.retention(), RETENTION_EVERY_MS),
      setInterval(() => this.approval.expireStale(), EXPIRY_EVERY_MS),
      // A change due while the sidecar was stopped ends right after the next connect.
      setInterval(() => void this.revertDue(), revertCheckMs(settings.thresholds.revertAfterS)),
    );
  }

  /** The API's address once started (tests start it on port 0). */
  get apiAddress(): string {
    const addr = this.server?.address();
    if (!addr || typeof addr === 'string') throw new Error('the API is not listening');
    return `http://${addr.address === '0.0.0.0' ? '127.0.0.1' : addr.address}:${addr.port}`;
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
    this.noteChange(`connected to Home Assistant ${conn.haVersion}`);
    conn.addEventListener('ready', () =>
      this.noteChange(`Home Assistant ${conn.haVersion} came back (restart or network)`),
    );
    // Actions and the API's "connected" wait for the inventory: before HA's config entries
    // are read, an approved reload would find no entry to act on.
    const inventory = new Inventory(log);
    await inventory.start(conn);
    this.inventory = inventory;
    this.inventory.onEntries((_entries, transitions, full) => {
      if (full) return;
      for (const { before, after } of transitions) {
        if (before && after && before.state !== after.state) {
          this.noteChange(
            `config entry ${after.title} (${after.domain}): ${before.state} → ${after.state}`,
          );
        }
      }
    });
    this.reporter.attach(conn);
    const stateChanges = new StateChangeFeed(conn, log);
    this.stops.push(() => stateChanges.stop());
    const ctx: CollectorContext = {
      conn,
      inventory: this.inventory,
      stateChanges,
      supervisor: this.supervisor,
      cursors: this.journal,
      dropped: () => this.journal.dropped,
      // Collectors emit from WebSocket listeners: a signal that cannot be taken
      // is logged and skipped, never allowed to end the process.
      sink: {
        emit: guarded(log, 'taking a signal', (signal: Signal) =>
          this.journal.guard(() => this.correlator.emit(signal)),
        ),
        reconcile: guarded(
          log,
          'reconciling signals',
          (source: SignalSource, keep: ReadonlySet<string>) =>
            this.journal.guard(() => this.correlator.reconcile(source, keep)),
        ),
      },
      thresholds: settings.thresholds,
      log,
      now: () => new Date(),
      flags: this.flags,
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
    this.stops.push(
      await followUpdates({ ...ctx, store: this.journal.updates, current: this.updateStates }),
    );
    log.info('watching Home Assistant');
    void this.revertDue();
  }

  /** End the temporary changes whose time is up; a failure is logged and tried again later. */
  private async revertDue(): Promise<void> {
    await this.reverter
      .runDue()
      .catch((err: unknown) => this.log.warning(`ending temporary changes failed: ${String(err)}`));
  }

  private noteChange(what: string): void {
    this.changes.unshift({ at: new Date().toISOString(), what });
    this.changes.length = Math.min(this.changes.length, 20);
  }

  /** Apply the journal's bounds, and say what went. */
  private retention(): void {
    const { journal, proposals, bundles, settings } = this;
    const gone = applyRetention(journal, proposals, bundles, settings.thresholds);
    for (const line of retentionReport(gone)) this.log.info(line);
  }

  /** Stop everything; bounded even when HA keeps the socket open but never answers. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.executor.stop(STOP_GRACE_MS); // a plug off for a power cycle comes on first
    for (const t of this.timers) clearInterval(t);
    this.correlator.stop();
    this.pipeline.stop();
    this.reporter.stop();
    // All at once: one unanswered unsubscribe must not leave the others' timers running.
    const unsubscribed = Promise.allSettled([
      ...this.stops.splice(0).map(async (stop) => stop()),
      this.inventory?.stop(),
    ]);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), STOP_GRACE_MS)));
    const outcome = await Promise.race([unsubscribed, late]);
    clearTimeout(timer);
    if (outcome === 'late')
      this.log.warning(
        `Home Assistant did not answer while stopping (${STOP_GRACE_MS / 1000} s); closing the connection anyway`,
      );
    this.conn?.close();
    await new Promise((r) => {
      if (!this.server) return r(undefined);
      this.server.close(r);
      this.server.closeAllConnections(); // idle keep-alive connections would hold close() open
    });
    this.journal.close();
  }
}
