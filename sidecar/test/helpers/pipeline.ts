/** A real journal (SQLite in a temp dir) with a correlator, for tests of the pipeline. */
import type { ActionId, Signal } from '@ha-llm-ops/contracts';
import type { Connection } from 'home-assistant-js-websocket';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLlmSettings } from '../../src/shared/llm-settings.js';
import type { Settings, Thresholds } from '../../src/config.js';
import type { ActionContext } from '../../src/actions/action.js';
import type { CollectorContext } from '../../src/collect/collector.js';
import { Correlator } from '../../src/correlate/correlator.js';
import { IncidentLifecycle } from '../../src/incident/lifecycle.js';
import { type IncidentRecord, Journal } from '../../src/journal/journal.js';
import { ProposalJournal } from '../../src/journal/proposals.js';
import { createLogger } from '../../src/log.js';
import { Planner } from '../../src/plan/planner.js';
import { loadPolicy } from '../../src/policy/policy.js';
import { PolicyKeeper } from '../../src/policy/policy-keeper.js';
import type { IncidentChange } from '../../src/shared/interfaces.js';
import type { SupervisorClient } from '../../src/supervisor/client.js';

export const THRESHOLDS: Thresholds = {
  unavailableAfterS: 60,
  groupingWindowS: 300,
  quietPeriodS: 1800,
  flapWindowS: 900,
  eventUpdateIntervalS: 60,
  logPollS: 10,
  supervisorPollS: 60,
  signalsPerIncident: 5,
  retentionDays: 30,
  maxClosedIncidents: 100,
  backupTimeoutS: 120,
  keepBackups: 5,
  verifyMaxWaitS: 20,
  proposalTtlS: 3600,
  revertAfterS: 3600,
  bundleTokens: 3000,
};

/** A controllable clock. */
export class Clock {
  constructor(public t = Date.parse('2026-11-25T10:00:00Z')) {}
  now = () => new Date(this.t);
  advance(seconds: number): void {
    this.t += seconds * 1000;
  }
  iso(): string {
    return new Date(this.t).toISOString();
  }
}

export function tempDir(prefix = 'llm-ops-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Settings of a sidecar for in-process tests: loopback, port 0, a temp data dir. */
export function testSettings(over: Partial<Settings> = {}, dir = tempDir()): Settings {
  return {
    haWsUrl: 'ws://127.0.0.1:9/api/websocket',
    haToken: 'unused',
    viaSupervisor: false,
    port: 0,
    host: '127.0.0.1',
    logLevel: 'error',
    dataDir: dir,
    apiToken: 'test-token-0123456789abcdef',
    incidentDir: join(dir, 'incidents'),
    policyFile: null,
    knowledgeFile: join(dir, 'knowledge.yaml'),
    mode: null,
    ingressPeer: null,
    redact: { ip: true, mac: true },
    supervisor: null,
    thresholds: THRESHOLDS,
    llm: loadLlmSettings({}),
    ...over,
  };
}

export function makePipeline(thresholds: Partial<Thresholds> = {}, dir = tempDir()) {
  const clock = new Clock();
  const journal = new Journal(join(dir, 'journal.db'));
  const log = createLogger('error');
  const lifecycle = new IncidentLifecycle(journal, new ProposalJournal(journal.db), {
    log,
    now: clock.now,
  });
  const correlator = new Correlator(journal, lifecycle, {
    thresholds: { ...THRESHOLDS, ...thresholds },
    log,
    now: clock.now,
  });
  const changes: [IncidentRecord, IncidentChange][] = [];
  lifecycle.onChange((incident, change) => changes.push([incident, change]));
  return { clock, journal, lifecycle, correlator, changes, dir };
}

/**
 * What the Supervisor collector is started with in a test: a test pipeline's journal and
 * correlator, one poll (the next is an hour away), and in place of Home Assistant's connection
 * one that answers `supervisor/subscribe` as a Core without a Supervisor does (`unknown_command`),
 * unless a test gives its own.
 */
export function supervisorContext(
  pipeline: ReturnType<typeof makePipeline>,
  supervisor: SupervisorClient | null,
  conn: Pick<Connection, 'subscribeMessage'> = {
    subscribeMessage: () =>
      Promise.reject({ code: 'unknown_command', message: 'Unknown command.' }),
  },
): CollectorContext {
  return {
    conn: conn as Connection,
    inventory: undefined as never,
    stateChanges: undefined as never,
    supervisor,
    cursors: pipeline.journal,
    dropped: () => pipeline.journal.dropped,
    sink: pipeline.correlator,
    thresholds: { ...THRESHOLDS, supervisorPollS: 3600 },
    log: createLogger('error'),
    now: () => new Date(),
    flags: { systemLogEvents: true },
  };
}

/**
 * A planner over a test pipeline's journal, in the default policy, with the given context
 * (`PlannerClass`: the planner of a module graph a test re-imported with a mock).
 */
export function makePlanner(
  { journal, lifecycle }: Pick<ReturnType<typeof makePipeline>, 'journal' | 'lifecycle'>,
  context: (incident: IncidentRecord) => ActionContext,
  PlannerClass: typeof Planner = Planner,
) {
  const proposals = new ProposalJournal(journal.db);
  const planner = new PlannerClass({
    proposals,
    policy: new PolicyKeeper(loadPolicy(null), journal),
    lifecycle,
    announce: { actionChanged: () => undefined },
    context,
    log: createLogger('error'),
    proposalTtlS: 600,
  });
  return { planner, proposals };
}

/** Journal a decided proposal and its finished execution: what a home's history holds. */
export function pastExecution(
  proposals: ProposalJournal,
  run: {
    id: string;
    incidentId: string;
    actionId: ActionId;
    target: string;
    at: string;
    status?: 'succeeded' | 'failed' | 'rolled_back' | 'interrupted';
  },
): void {
  const { id, incidentId, actionId, target, at, status = 'succeeded' } = run;
  proposals.addProposal({
    id: `prp_${id}`,
    incident_id: incidentId,
    action_id: actionId,
    params: {},
    target,
    status,
    risk: 'low',
    rationale: '',
    preview: {
      label: '',
      summary: '',
      precondition: '',
      backup: null,
      verification: [],
      rollback: '',
      track_record: null,
    },
    proposed_by: 'offline',
    created_at: at,
    expires_at: null,
    decided_at: at,
    decided_by: 'x',
  });
  proposals.addExecution({
    id: `exe_${id}`,
    proposal_id: `prp_${id}`,
    incident_id: incidentId,
    action_id: actionId,
    target,
    status,
    started_at: at,
    finished_at: at,
    steps: [],
    result: null,
  });
}

/** A signal with defaults for everything a test does not care about. */
export function signal(over: Partial<Signal> = {}): Signal {
  return {
    source: 'system_log',
    kind: 'log_record',
    condition: 'occurrence',
    key: null,
    observed_at: '2026-11-25T10:00:00.000Z',
    integration: 'fault_lab',
    entry_id: null,
    subject: null,
    severity: 'error',
    message: 'Error fetching data from 192.0.2.10: timeout after 10 s',
    count: 1,
    data: {},
    sensitive: [],
    ...over,
  };
}

/** An incident as stored, open since `at`; `over` changes any field. */
export function incidentRecord(
  over: Partial<IncidentRecord> = {},
  at = '2026-12-01T10:00:00.000Z',
): IncidentRecord {
  return {
    id: 'inc_1',
    fingerprint: '0123456789abcdef',
    group_key: 'hue|e1',
    status: 'open',
    severity: 'error',
    category: 'other',
    integration: 'hue',
    entry_id: null,
    subject: null,
    title: 'Hue bridge unreachable',
    first_seen: at,
    last_seen: at,
    occurrences: 1,
    resolved_at: null,
    resolution: null,
    remedy: null,
    confidence: null,
    flaps: 0,
    analysis: null,
    analyzed_at: null,
    updated_at: at,
    ...over,
  };
}
