/** Helpers of the LLM analyzer tests: a real journal with incidents, bundles, offline findings. */
import type { EvidenceBundle, RcaResult, Signal } from '@ha-llm-ops/contracts';
import type { IncidentRecord } from '../../../src/journal/journal.js';
import { LlmCallJournal } from '../../../src/journal/llm-calls.js';
import { ProposalJournal } from '../../../src/journal/proposals.js';
import { makePipeline, signal } from '../../helpers/pipeline.js';

export const ENTRY_ID = '01JFAULTLAB00000000000000AB';

/** A journal with a correlator, and shortcuts to open and fix incidents. */
export function llmJournal() {
  const pipe = makePipeline();
  const calls = new LlmCallJournal(pipe.journal.db);
  const proposals = new ProposalJournal(pipe.journal.db);

  /** Open an incident from one signal and return it. */
  const open = (over: Partial<Signal> = {}): IncidentRecord => {
    const before = new Set(pipe.journal.listIncidents({}, 1000, 0).items.map((i) => i.id));
    pipe.correlator.emit(signal({ observed_at: pipe.clock.iso(), ...over }));
    const made = pipe.journal.listIncidents({}, 1000, 0).items.find((i) => !before.has(i.id));
    if (!made) throw new Error('no incident opened');
    return made;
  };

  /** Record that `actionId` fixed `incident` (a succeeded, verified execution) and resolve it. */
  let n = 0;
  const fixed = (
    incident: IncidentRecord,
    actionId: string,
    params: Record<string, string>,
    outcome: 'succeeded' | 'failed' = 'succeeded',
    rca: RcaResult | null = null,
  ) => {
    n++;
    const at = pipe.clock.iso();
    if (rca) pipe.lifecycle.recordAnalysis(incident.id, rca, null);
    proposals.addProposal({
      id: `prp_${n}`,
      incident_id: incident.id,
      action_id: actionId as 'reload_config_entry',
      params,
      target: `${actionId}:${n}`,
      status: outcome,
      risk: 'low',
      rationale: 'r',
      preview: {
        label: 'l',
        summary: 's',
        precondition: 'p',
        backup: null,
        verification: [],
        rollback: 'r',
        track_record: null,
      },
      proposed_by: 'offline',
      created_at: at,
      expires_at: null,
      decided_at: at,
      decided_by: 'test',
    });
    proposals.addExecution({
      id: `exe_${n}`,
      proposal_id: `prp_${n}`,
      incident_id: incident.id,
      action_id: actionId,
      target: `${actionId}:${n}`,
      status: outcome,
      started_at: at,
      finished_at: at,
      steps: [],
      result: null,
    });
    if (outcome === 'succeeded')
      pipe.journal.updateIncident(
        incident.id,
        { status: 'resolved', resolved_at: at, resolution: 'fixed' },
        at,
      );
  };
  return { ...pipe, calls, proposals, open, fixed };
}

/** An evidence bundle of an incident with these log lines (already redacted, as bundles are). */
export function bundleOf(
  incident: Pick<IncidentRecord, 'id'>,
  lines: string[] = [
    "Config entry 'Fault Lab' for fault_lab integration not ready yet: Timeout while connecting to Fault Lab hub at [IP_1]; Retrying in background",
  ],
  over: Partial<EvidenceBundle> = {},
): EvidenceBundle {
  return {
    incident_id: incident.id,
    created_at: '2026-11-25T10:00:00.000Z',
    token_budget: 3000,
    token_estimate: 400,
    log_lines: lines.map((text) => ({
      text,
      level: 'ERROR',
      logger: 'homeassistant.config_entries',
      count: 1,
      first_seen: null,
      last_seen: null,
      traceback: null,
    })),
    config_entry: {
      entry_id: ENTRY_ID,
      domain: 'fault_lab',
      title: 'Fault Lab',
      state: 'setup_retry',
      reason: 'Timeout while connecting to Fault Lab hub at [IP_1]',
    },
    entities: [],
    integration: { domain: 'fault_lab', custom: true, version: '0.1.0' },
    ha_version: '2026.11.0',
    recent_changes: [],
    configuration: null,
    redactions: { ip: 1 },
    truncated: 0,
    ...over,
  };
}

/** An offline finding, as the signature knowledge base would give it. */
export function offlineFinding(over: Partial<RcaResult> = {}): RcaResult {
  return {
    summary: 'fault_lab is not ready and keeps retrying setup',
    root_cause: 'Setting up fault_lab failed with a temporary error.',
    impact: 'Its entities stay unavailable.',
    confidence: 0.65,
    category: 'setup_retry',
    remedy: 'check_network_or_device',
    evidence_refs: ['log:0', 'entry'],
    candidate_actions: [
      {
        action_id: 'reload_config_entry',
        params: { entry_id: ENTRY_ID },
        rationale: 'Reload once it answers.',
        risk: 'low',
      },
    ],
    risk: 'low',
    tests: [{ kind: 'config_entry_loaded', description: 'loaded', timeout_s: 900 }],
    manual_steps: ['Check the hub.'],
    analyzer: 'offline',
    signature: 'setup.retry',
    ...over,
  };
}
