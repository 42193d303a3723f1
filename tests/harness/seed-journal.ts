/**
 * Fill a sidecar data dir with incidents for a test scenario, through the
 * sidecar's own Journal and Correlator (real SQLite), then exit. A sidecar
 * started on that dir serves them as if it had observed the failures itself.
 *
 *   node --conditions=@ha-llm-ops/source --import tsx tests/harness/seed-journal.ts <DATA_DIR> <scenario>
 *
 * Prints one JSON object naming the incidents it made (`{"hub": "inc_…", …}`).
 * The signals are stamped "now": log-only incidents stay open for the sidecar's
 * quiet period, state-based ones (config entry failures) until cleared.
 */
import type { RcaResult, Signal } from '@ha-llm-ops/contracts';
import { join } from 'node:path';
import { loadSettings } from '../../sidecar/src/config.js';
import { Correlator } from '../../sidecar/src/correlate/index.js';
import { IncidentLifecycle } from '../../sidecar/src/incident/lifecycle.js';
import { Journal } from '../../sidecar/src/journal/journal.js';
import { LlmCallJournal } from '../../sidecar/src/journal/llm-calls.js';
import { ProposalJournal } from '../../sidecar/src/journal/proposals.js';
import { createLogger } from '../../sidecar/src/log.js';

export const HUB_ENTRY = '01JDX4Z8M2Q7R5T9V3W6Y8A1B2';

type Seeded = Record<string, string>;

/** A config entry failing (or recovering), as the config_entries collector reports it. */
function entrySignal(
  domain: string,
  entryId: string,
  title: string,
  state: string,
  active: boolean,
): Signal {
  return {
    source: 'config_entries',
    kind: 'entry_state',
    condition: active ? 'active' : 'cleared',
    key: entryId,
    observed_at: new Date().toISOString(),
    integration: domain,
    entry_id: entryId,
    subject: null,
    severity: active ? 'error' : 'info',
    message: active ? `${title} (${domain}) is stuck in setup retry` : `${title} is loaded`,
    count: 1,
    data: { state: active ? state : 'loaded', reason: null, title, source: 'user' },
    sensitive: [],
  };
}

/** An error logged by an integration, as the system_log collector reports it. */
function logSignal(domain: string, severity: Signal['severity'], message: string): Signal {
  return {
    source: 'system_log',
    kind: 'log_record',
    condition: 'occurrence',
    key: null,
    observed_at: new Date().toISOString(),
    integration: domain,
    entry_id: null,
    subject: null,
    severity,
    message,
    count: 1,
    data: {
      logger: `homeassistant.components.${domain}`,
      level: severity.toUpperCase(),
      source: [`homeassistant/components/${domain}/__init__.py`, 42],
      messages: [message],
      exception: null,
      first_occurred: new Date().toISOString(),
    },
    sensitive: [],
  };
}

/** The analysis the offline analyzer writes for a hub stuck in setup retry. */
const HUB_ANALYSIS: RcaResult = {
  summary: 'Fault Lab cannot reach its hub and keeps retrying setup.',
  root_cause:
    'The hub at [IP_1] does not answer (timeout), so the integration raises ConfigEntryNotReady.',
  impact: "The hub's 3 sensors have no data until the connection works.",
  confidence: 0.8,
  category: 'setup_retry',
  remedy: 'reload_config_entry',
  evidence_refs: ['entry'],
  candidate_actions: [
    {
      action_id: 'reload_config_entry',
      params: { entry_id: HUB_ENTRY },
      rationale: 'Once the hub answers again, a reload sets the entry up at once.',
      risk: 'low',
    },
  ],
  risk: 'low',
  tests: [{ kind: 'config_entry_loaded', description: 'Fault Lab is loaded', timeout_s: 60 }],
  manual_steps: ['Check that the hub is powered and on the network.', 'Then reload it.'],
  analyzer: 'offline',
  signature: 'setup_retry.unreachable',
};

const tick = () => new Promise((r) => setTimeout(r, 5));

/**
 * One of each kind the integration shows, oldest first: a resolved (analyzed) incident,
 * a dismissed one, a warning (below the default Repairs threshold), a critical
 * one without analysis, and last the analyzed error of a hub in setup retry.
 */
async function seedIncidents(journal: Journal, { correlator, lifecycle }: Pipe): Promise<Seeded> {
  const seeded: Seeded = {};
  const opened = (): string => {
    const { items } = journal.listIncidents({}, 1, 0);
    if (!items[0]) throw new Error('the correlator opened no incident');
    return items[0].id;
  };

  correlator.emit(entrySignal('zwave_js', 'entry-zwave', 'Z-Wave', 'setup_retry', true));
  seeded.resolved = opened();
  await tick();
  correlator.emit(entrySignal('zwave_js', 'entry-zwave', 'Z-Wave', 'setup_retry', false));
  // Analyzed while it was open: a resolved incident that can be saved as a knowledge rule.
  journal.updateIncident(
    seeded.resolved,
    {
      analysis: {
        ...HUB_ANALYSIS,
        summary: 'Z-Wave cannot reach its stick and keeps retrying setup.',
        candidate_actions: [],
      },
    },
    new Date().toISOString(),
  );
  await tick();

  correlator.emit(logSignal('sonos', 'error', 'Sonos speaker Kitchen dropped off the network'));
  seeded.dismissed = opened();
  lifecycle.dismiss(seeded.dismissed, { ignoreSimilar: false, reason: 'seeded' });
  await tick();

  correlator.emit(logSignal('mqtt', 'warning', 'MQTT broker answered slowly (3.2 s)'));
  seeded.warning = opened();
  await tick();

  correlator.emit(logSignal('recorder', 'critical', 'The recorder database is malformed'));
  seeded.critical = opened();
  await tick();

  correlator.emit(entrySignal('fault_lab', HUB_ENTRY, 'Fault Lab', 'setup_retry', true));
  seeded.hub = opened();
  journal.updateIncident(
    seeded.hub,
    {
      analysis: HUB_ANALYSIS,
      remedy: HUB_ANALYSIS.remedy,
      confidence: HUB_ANALYSIS.confidence,
      analyzed_at: new Date().toISOString(),
    },
    new Date().toISOString(),
  );
  seeded.hub_entry = HUB_ENTRY;
  return seeded;
}

/** A Repairs issue Home Assistant raised itself (a failed setup), as the repairs collector reports it. */
function repairSignal(domain: string, issueId: string): Signal {
  return {
    source: 'repairs',
    kind: 'repair_issue',
    condition: 'active',
    key: `homeassistant:${issueId}`,
    observed_at: new Date().toISOString(),
    integration: domain,
    entry_id: null,
    subject: null,
    severity: 'error',
    message: `Setup of ${domain} failed — The integration could not be set up.`,
    count: 1,
    data: {
      domain: 'homeassistant',
      issue_id: issueId,
      issue_domain: domain,
      translation_key: 'integration_setup_failed',
    },
    sensitive: [],
  };
}

/** What a scenario seeds through: the sidecar's own correlator and lifecycle. */
interface Pipe {
  correlator: Correlator;
  lifecycle: IncidentLifecycle;
}

const SCENARIOS: Record<string, (journal: Journal, pipe: Pipe) => Promise<Seeded>> = {
  /** No incident at all. */
  async empty() {
    return {};
  },

  incidents: seedIncidents,
  /**
   * A plug seen going off and coming back by itself at this time of day on each of the
   * last three days: learned quiet, as `learned` (its id).
   */
  async learned_quiet(_journal, { lifecycle }) {
    for (const daysAgo of [3, 2, 1]) {
      const start = Date.now() - daysAgo * 86_400_000;
      lifecycle.quiet.record(
        {
          source: 'entities',
          key: 'device:seeded-plug',
          title: '2 entities of Aquarium plug are unavailable',
          integration: 'tplink',
          startedAt: new Date(start).toISOString(),
          endedAt: new Date(start + 1_800_000).toISOString(),
        },
        false,
      );
    }
    return { learned: 'entities:device:seeded-plug' };
  },
  /** An error incident that mirrors a Repairs issue HA raised itself. */
  async ha_repair(journal, { correlator }) {
    correlator.emit(repairSignal('fault_lab', 'integration_setup_failed_fault_lab'));
    const { items } = journal.listIncidents({}, 1, 0);
    if (!items[0]) throw new Error('the correlator opened no incident');
    return { ha_repair: items[0].id };
  },

  /**
   * The incidents above, with a pending proposal for the hub (reload its entry)
   * and one for the critical incident (restart Home Assistant), as the planner
   * records them.
   */
  async proposals(journal, pipe) {
    const seeded = await seedIncidents(journal, pipe);
    const { hub, critical } = seeded;
    if (!hub || !critical) throw new Error('the incidents scenario lacks hub or critical');
    const proposals = new ProposalJournal(journal.db);
    const now = new Date();
    const base = {
      status: 'proposed' as const,
      proposed_by: 'offline' as const,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 86_400_000).toISOString(),
      decided_at: null,
      decided_by: null,
    };
    proposals.addProposal({
      ...base,
      id: 'prp_hub',
      incident_id: hub,
      action_id: 'reload_config_entry',
      params: { entry_id: HUB_ENTRY },
      target: `reload_config_entry:${HUB_ENTRY}`,
      risk: 'low',
      rationale: 'The entry is stuck in setup retry; a reload sets it up at once.',
      preview: {
        label: 'Reload the integration entry',
        summary: 'Reload the config entry Fault Lab (fault_lab).',
        precondition: 'Reload once the device answers again.',
        backup: null,
        verification: [
          { kind: 'config_entry_loaded', description: 'Fault Lab is loaded within 60 s' },
        ],
        rollback: 'None needed: reloading is idempotent.',
        // As the planner writes it after one verified reload of fault_lab in two tries here.
        track_record: {
          integration: 'fault_lab',
          tries: 2,
          verified: 1,
          failed_in_a_row: 0,
          summary: 'Reload the integration entry fixed fault_lab 1 of 2 times here.',
        },
      },
    });
    proposals.addProposal({
      ...base,
      id: 'prp_critical',
      incident_id: critical,
      action_id: 'restart_core',
      params: {},
      target: 'restart_core',
      risk: 'high',
      rationale: 'The recorder cannot open its database until Home Assistant restarts.',
      preview: {
        label: 'Restart Home Assistant',
        summary: 'Restart Home Assistant.',
        precondition: 'Only when nothing else helps.',
        backup: 'Home Assistant configuration (partial backup, without the database)',
        verification: [
          { kind: 'no_new_matching_errors', description: 'The database error does not recur' },
        ],
        rollback: 'None.',
        track_record: null,
      },
    });
    const at = now.toISOString();
    journal.updateIncident(hub, { status: 'awaiting_approval' }, at);
    journal.updateIncident(critical, { status: 'awaiting_approval' }, at);
    seeded.hub_proposal = 'prp_hub';
    seeded.critical_proposal = 'prp_critical';
    return seeded;
  },

  /**
   * The incidents above, and two model calls for the hub made a minute ago, as
   * the LLM analyzer journals them: 1000 + 500 tokens, 0.004 each, 1.2 s each.
   */
  async llm_calls(journal, pipe) {
    const seeded = await seedIncidents(journal, pipe);
    const { hub } = seeded;
    if (!hub) throw new Error('the incidents scenario lacks hub');
    const calls = new LlmCallJournal(journal.db);
    const at = new Date(Date.now() - 60_000).toISOString();
    for (const outcome of ['invalid', 'repaired'] as const)
      calls.record({
        incident_id: hub,
        at,
        backend: 'openai',
        model: 'gpt-test',
        prompt_tokens: 1000,
        completion_tokens: 500,
        cost: 0.004,
        outcome,
        dropped_actions: 0,
        detail: null,
        latency_ms: 1200,
      });
    return seeded;
  },
};

async function main(): Promise<void> {
  const [dataDir, scenario] = process.argv.slice(2);
  const seed = scenario ? SCENARIOS[scenario] : undefined;
  if (!dataDir || !seed) {
    process.stderr.write(
      `usage: seed-journal.ts <DATA_DIR> <${Object.keys(SCENARIOS).join('|')}>\n`,
    );
    process.exit(2);
  }
  // The sidecar's own defaults, for a data dir it will run on.
  const settings = loadSettings({
    HA_URL: 'http://127.0.0.1:9',
    HA_TOKEN: 'unused',
    DATA_DIR: dataDir,
  });
  const journal = new Journal(join(settings.dataDir, 'journal.db'));
  try {
    const log = createLogger('warning');
    const lifecycle = new IncidentLifecycle(journal, new ProposalJournal(journal.db), { log });
    const correlator = new Correlator(journal, lifecycle, { thresholds: settings.thresholds, log });
    process.stdout.write(`${JSON.stringify(await seed(journal, { correlator, lifecycle }))}\n`);
  } finally {
    journal.close();
  }
}

await main();
