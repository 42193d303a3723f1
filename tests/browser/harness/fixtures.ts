/**
 * Fixtures for the component tests and the benchmark: the contracts' golden examples
 * (contracts/examples), plus incidents generated in the same shape.
 */
import type {
  ActionEvent,
  ActionExecution,
  ActionProposal,
  EvidenceBundle,
  ExecutionResult,
  Incident,
  IncidentEvent,
  RcaResult,
  Signal,
  StoredSignal,
} from '@ha-llm-ops/contracts';
import type { Fixtures } from './api.js';

declare global {
  interface ImportMeta {
    /** Vite's build-time glob import (vite/client types are not part of this project). */
    glob<T>(pattern: string, options: { eager: true; import: 'default' }): Record<string, T>;
  }
}

const examples = import.meta.glob<unknown>('../../../contracts/examples/*.json', {
  eager: true,
  import: 'default',
});

/** A golden example by file name (a fresh copy each time). */
function example<T>(name: string): T {
  const value = examples[`../../../contracts/examples/${name}.json`];
  if (value === undefined) throw new Error(`no golden example ${name}`);
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A signal as the journal keeps it for its incident (what an incident's detail holds). */
function stored(id: number, { integration: _i, entry_id: _e, subject: _s, ...signal }: Signal) {
  return { id, ...signal } satisfies StoredSignal;
}

/** The golden examples, typed as the contracts. */
export function goldenFixtures(): Fixtures {
  const logSignal = example<Signal>('Signal.log-record');
  const evidence = example<EvidenceBundle>('EvidenceBundle.setup-retry');
  const execution = example<ActionExecution>('ActionExecution.succeeded');
  const proposal = example<ActionProposal>('ActionProposal.reload');
  const rolledBack = example<ExecutionResult>('ExecutionResult.rolled-back');
  // A second log line with a traceback, as the packager collapses it.
  evidence.log_lines.push({
    text: 'Error parsing reading from Fault Lab hub',
    level: 'ERROR',
    logger: 'custom_components.fault_lab.coordinator',
    count: 7,
    first_seen: '2026-11-25T10:15:02.120Z',
    last_seen: '2026-11-25T10:16:12.510Z',
    traceback: String(logSignal.data.exception).split('\n'),
  });
  const succeeded: ExecutionResult = {
    ...rolledBack,
    execution_id: execution.id,
    proposal_id: proposal.id,
    outcome: 'succeeded',
    verification: {
      passed: true,
      checks: [{ description: 'Fault Lab is loaded within 60 s', passed: true, detail: 'loaded' }],
    },
    rollback: null,
  };
  return {
    incidentOpen: example<Incident>('Incident.open'),
    incidentResolved: example<Incident>('Incident.resolved'),
    incidentEvent: example<IncidentEvent>('IncidentEvent.opened'),
    proposal,
    actionEvent: example<ActionEvent>('ActionEvent.succeeded'),
    execution,
    resultRolledBack: rolledBack,
    resultSucceeded: succeeded,
    bundle: evidence,
    analysis: example<RcaResult>('RcaResult.setup-retry'),
    signals: [stored(1, example<Signal>('Signal.entry-state')), stored(2, logSignal)],
  };
}

const INTEGRATIONS = [
  'zha',
  'mqtt',
  'hue',
  'fault_lab',
  'shelly',
  'esphome',
  'tuya',
  'sonos',
  null,
];
const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
const STATUSES = [
  'open',
  'open',
  'awaiting_approval',
  'analyzing',
  'resolved',
  'dismissed',
] as const;
const CATEGORIES = [
  'setup_retry',
  'device_unavailable',
  'auth_expired',
  'network_unreachable',
  'automation_error',
  'database',
] as const;
const TITLES = [
  'is stuck in setup retry',
  'has 3 unavailable entities',
  'needs you to sign in again',
  'cannot reach its hub',
  'automation failed with an error',
  'database is slow to commit',
];

/** `n` incidents shaped like the contract, deterministic, most recently seen first. */
export function makeIncidents(n: number): Incident[] {
  const base = Date.parse('2026-11-25T12:00:00.000Z');
  const out: Incident[] = [];
  for (let k = 0; k < n; k++) {
    const integration = INTEGRATIONS[k % INTEGRATIONS.length] ?? null;
    const status = STATUSES[(k * 7) % STATUSES.length] ?? 'open';
    const last = base - k * 97_000;
    const closed = status === 'resolved' || status === 'dismissed';
    out.push({
      id: `inc_${k.toString(16).padStart(32, '0')}`,
      fingerprint: (0x1000000000000000 + k).toString(16).slice(0, 16).padStart(16, '0'),
      status,
      severity: SEVERITIES[(k * 3) % SEVERITIES.length] ?? 'error',
      category: CATEGORIES[k % CATEGORIES.length] ?? 'other',
      integration,
      entry_id: integration ? `01JDX${k.toString().padStart(21, '0')}` : null,
      subject: null,
      title: `${integration ?? 'Home Assistant'} ${TITLES[k % TITLES.length]} (#${k})`,
      first_seen: new Date(last - 3_600_000 - k * 1000).toISOString(),
      last_seen: new Date(last).toISOString(),
      occurrences: 1 + ((k * 13) % 40),
      resolved_at: closed ? new Date(last + 60_000).toISOString() : null,
      resolution: closed ? 'the condition cleared' : null,
      remedy: k % 3 === 0 ? 'reload_config_entry' : null,
      confidence: k % 3 === 0 ? 0.8 : null,
      ha_issue: null,
      outcome: closed
        ? {
            outcome: status === 'dismissed' ? 'ignored' : 'resolved_itself',
            closed_at: new Date(last + 60_000).toISOString(),
            signature: null,
            integration,
            action_id: null,
            decided_by: null,
          }
        : null,
    });
  }
  return out;
}
