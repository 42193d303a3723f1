/**
 * Every incident closes with an outcome, recorded in the journal with its
 * signature, integration and action; false alarms keep the same failure quiet.
 */
import type { RcaResult } from '@ha-llm-ops/contracts';
import { describe, expect, it } from 'vitest';
import { ProposalJournal } from '../../src/journal/proposals.js';
import { makePipeline, signal } from '../helpers/pipeline.js';

const ENTRY = '01JDX4Z8M2Q7R5T9V3W6Y8A1B2';

const entryState = (condition: 'active' | 'cleared', at: string) =>
  signal({
    source: 'config_entries',
    kind: 'entry_state',
    condition,
    key: ENTRY,
    entry_id: ENTRY,
    observed_at: at,
    message: 'Fault Lab (fault_lab) setup_retry',
    data: { state: 'setup_retry', title: 'Fault Lab', reason: 'Timeout' },
  });

const RCA: RcaResult = {
  summary: 'The hub does not answer',
  root_cause: 'timeout',
  impact: 'its entities are unavailable',
  confidence: 0.8,
  category: 'setup_retry',
  remedy: 'reload_config_entry',
  evidence_refs: [],
  candidate_actions: [],
  risk: 'low',
  tests: [],
  manual_steps: [],
  analyzer: 'offline',
  signature: 'setup.not_ready',
};

/** One open incident from a failing entry, analyzed with RCA. */
function openIncident() {
  const p = makePipeline({ quietPeriodS: 60 });
  p.correlator.emit(entryState('active', p.clock.iso()));
  const [incident] = p.journal.listIncidents({}, 10, 0).items;
  const id = String(incident?.id);
  p.lifecycle.recordAnalysis(id, RCA, null);
  return { ...p, id };
}

const proposal = (incidentId: string, actionId: 'start_reauth' | 'set_integration_log_level') => ({
  id: `prp_${actionId}`,
  incident_id: incidentId,
  action_id: actionId,
  params: { entry_id: ENTRY },
  target: `${actionId}:${ENTRY}`,
  status: 'succeeded' as const,
  risk: 'low' as const,
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
  proposed_by: 'offline' as const,
  created_at: '2026-11-25T10:00:01.000Z',
  expires_at: null,
  decided_at: '2026-11-25T10:00:02.000Z',
  decided_by: 'Ada',
});

describe('incident outcomes', () => {
  it('a failure that clears with nothing done resolved itself', () => {
    const { correlator, journal, clock, id } = openIncident();
    clock.advance(30);
    correlator.emit(entryState('cleared', clock.iso()));
    expect(journal.getIncident(id)?.status).toBe('resolved');
    expect(journal.outcomes.of(id)).toEqual({
      outcome: 'resolved_itself',
      closed_at: clock.iso(),
      signature: 'setup.not_ready',
      integration: 'fault_lab',
      action_id: null,
      decided_by: null,
    });
  });

  it('a log-only failure that stops repeating expired', () => {
    const { correlator, journal, clock } = makePipeline({ quietPeriodS: 60 });
    correlator.emit(signal({ observed_at: clock.iso() }));
    const [incident] = journal.listIncidents({}, 10, 0).items;
    clock.advance(61);
    correlator.resolveQuiet();
    expect(journal.outcomes.of(String(incident?.id))?.outcome).toBe('expired');
  });

  it('a verified action fixed it, and says which', () => {
    const { lifecycle, journal, id } = openIncident();
    lifecycle.resolveFixed(id, 'reload_config_entry');
    expect(journal.getIncident(id)?.resolution).toBe('fixed by reload_config_entry; verified');
    expect(journal.outcomes.of(id)).toMatchObject({
      outcome: 'fixed_by_action',
      action_id: 'reload_config_entry',
      signature: 'setup.not_ready',
    });
  });

  it('a failure that clears after a re-authentication the user completed was fixed by the user', () => {
    const { correlator, journal, clock, id } = openIncident();
    new ProposalJournal(journal.db).addProposal(proposal(id, 'start_reauth'));
    clock.advance(30);
    correlator.emit(entryState('cleared', clock.iso()));
    expect(journal.outcomes.of(id)).toMatchObject({
      outcome: 'fixed_by_user',
      action_id: 'start_reauth',
    });
  });

  it('an action that only gathers evidence does not make the user the fixer', () => {
    const { correlator, journal, clock, id } = openIncident();
    new ProposalJournal(journal.db).addProposal(proposal(id, 'set_integration_log_level'));
    clock.advance(30);
    correlator.emit(entryState('cleared', clock.iso()));
    expect(journal.outcomes.of(id)?.outcome).toBe('resolved_itself');
  });

  it('a dismissal is ignored, with who decided', () => {
    const { lifecycle, journal, id } = openIncident();
    lifecycle.dismiss(id, { ignoreSimilar: false, reason: null, decidedBy: 'Ada' });
    expect(journal.outcomes.of(id)).toMatchObject({ outcome: 'ignored', decided_by: 'Ada' });
  });

  it('a reopened incident has no outcome until it closes again', () => {
    const { correlator, journal, clock, id } = openIncident();
    clock.advance(10);
    correlator.emit(entryState('cleared', clock.iso()));
    clock.advance(10);
    correlator.emit(entryState('active', clock.iso()));
    expect(journal.getIncident(id)?.status).toBe('open');
    expect(journal.outcomes.of(id)).toBeNull();
  });

  it('counts outcomes and the false-alarm rate, overall and per signature', () => {
    const { correlator, lifecycle, journal, clock, id } = openIncident();
    lifecycle.markFalseAlarm(id, { reason: 'restarts nightly' });
    correlator.emit(signal({ observed_at: clock.iso(), integration: 'hue' }));
    const hue = journal.listIncidents({ integration: 'hue' }, 10, 0).items[0];
    lifecycle.resolveFixed(String(hue?.id), 'reload_config_entry');
    const stats = journal.outcomes.stats();
    expect(stats.closed).toBe(2);
    expect(stats.false_alarms).toBe(1);
    expect(stats.false_alarm_rate).toBe(0.5);
    expect(stats.by_outcome).toMatchObject({ false_alarm: 1, fixed_by_action: 1, expired: 0 });
    expect(stats.by_signature).toEqual([
      { signature: 'setup.not_ready', closed: 1, false_alarms: 1, false_alarm_rate: 1 },
      { signature: null, closed: 1, false_alarms: 0, false_alarm_rate: 0 },
    ]);
  });
});

describe('false alarms', () => {
  it('close the incident and open the same failure again lowered to info, unannounced to Repairs', () => {
    const { correlator, lifecycle, journal, clock, id } = openIncident();
    const closed = lifecycle.markFalseAlarm(id, { reason: 'restarts nightly', decidedBy: 'Ada' });
    expect(closed?.status).toBe('dismissed');
    expect(journal.outcomes.of(id)).toMatchObject({ outcome: 'false_alarm', decided_by: 'Ada' });

    clock.advance(3600);
    correlator.emit(entryState('active', clock.iso()));
    const again = journal.listIncidents({ active: true }, 10, 0).items;
    expect(again).toHaveLength(1);
    expect(again[0]?.id).not.toBe(id);
    expect(again[0]?.severity).toBe('info');
  });

  it('concern only the same failure: another failure of the integration keeps its severity', () => {
    const { correlator, lifecycle, journal, clock, id } = openIncident();
    lifecycle.markFalseAlarm(id, { reason: null });
    clock.advance(3600);
    correlator.emit(
      signal({ observed_at: clock.iso(), message: 'Invalid authentication for the cloud account' }),
    );
    expect(journal.listIncidents({ active: true }, 10, 0).items[0]?.severity).toBe('error');
  });

  it('are listed, can be undone, and then the failure is reported as usual', () => {
    const { correlator, lifecycle, journal, clock, id } = openIncident();
    lifecycle.markFalseAlarm(id, { reason: 'restarts nightly' });
    const [listed] = journal.dismissals.list(clock.iso());
    expect(listed).toMatchObject({
      incident_id: id,
      kind: 'false_alarm',
      integration: 'fault_lab',
      reason: 'restarts nightly',
      created_at: clock.iso(),
      expires_at: new Date(clock.t + 90 * 86_400_000).toISOString(),
    });

    expect(lifecycle.undoSuppression(id)).toBe(true);
    expect(journal.dismissals.list(clock.iso())).toEqual([]);
    expect(journal.outcomes.of(id)?.outcome).toBe('ignored');
    expect(lifecycle.undoSuppression(id)).toBe(false);
    clock.advance(3600);
    correlator.emit(entryState('active', clock.iso()));
    expect(journal.listIncidents({ active: true }, 10, 0).items[0]?.severity).toBe('error');
  });

  it('expire after 90 days', () => {
    const { correlator, lifecycle, journal, clock, id } = openIncident();
    lifecycle.markFalseAlarm(id, { reason: null });
    clock.advance(91 * 86_400);
    expect(journal.dismissals.list(clock.iso())).toEqual([]);
    correlator.emit(entryState('active', clock.iso()));
    expect(journal.listIncidents({ active: true }, 10, 0).items[0]?.severity).toBe('error');
  });

  it('"ignore similar" is listed too and can be undone', () => {
    const { correlator, lifecycle, journal, clock, id } = openIncident();
    lifecycle.dismiss(id, { ignoreSimilar: true, reason: null });
    expect(journal.dismissals.list(clock.iso())).toMatchObject([
      { incident_id: id, kind: 'ignored', expires_at: null },
    ]);
    clock.advance(10);
    correlator.emit(entryState('active', clock.iso()));
    expect(journal.listIncidents({ active: true }, 10, 0).total).toBe(0);
    lifecycle.undoSuppression(id);
    expect(journal.outcomes.of(id)?.outcome).toBe('ignored');
    correlator.emit(entryState('active', clock.iso()));
    expect(journal.listIncidents({ active: true }, 10, 0).total).toBe(1);
  });
});

describe('false alarms in auto mode', () => {
  it('run nothing automatically for the same failure; another failure still may', async () => {
    const { Approval } = await import('../../src/approve/index.js');
    const { PolicyKeeper } = await import('../../src/policy/policy-keeper.js');
    const { parsePolicy } = await import('../../src/policy/policy.js');
    const { createLogger } = await import('../../src/log.js');
    const { correlator, lifecycle, journal, clock, id } = openIncident();
    const proposals = new ProposalJournal(journal.db);
    const policy = parsePolicy('mode: auto\nactions:\n  reload_config_entry:\n    auto: true\n');
    const approval = new Approval({
      journal,
      proposals,
      lifecycle,
      policy: new PolicyKeeper({ policy, source: 'test', error: null }, journal),
      announce: { actionChanged: () => undefined },
      context: () => ({}) as never,
      log: createLogger('error'),
      now: clock.now,
    });
    const reload = (incidentId: string) => ({
      ...proposal(incidentId, 'start_reauth'),
      id: `prp_reload_${incidentId}`,
      action_id: 'reload_config_entry' as const,
      target: `reload_config_entry:${ENTRY}`,
      status: 'proposed' as const,
      decided_at: null,
      decided_by: null,
      created_at: clock.iso(),
    });

    lifecycle.markFalseAlarm(id, { reason: null });
    clock.advance(3600);
    correlator.emit(entryState('active', clock.iso()));
    const [quiet] = journal.listIncidents({ active: true }, 10, 0).items;
    if (!quiet) throw new Error('the failure opened no incident');
    proposals.addProposal(reload(quiet.id));
    expect(approval.auto(quiet, proposals.ofIncident(quiet.id))).toBeNull();
    expect(proposals.proposal(`prp_reload_${quiet.id}`)?.status).toBe('proposed');

    // Without the false alarm, the policy runs it.
    lifecycle.undoSuppression(id);
    expect(approval.auto(quiet, proposals.ofIncident(quiet.id))?.proposal.status).toBe('approved');
  });
});

describe('a failure that clears while an approved action runs', () => {
  const running = (incidentId: string) => ({
    ...proposal(incidentId, 'start_reauth'),
    id: 'prp_running',
    action_id: 'reload_config_entry' as const,
    target: `reload_config_entry:${ENTRY}`,
    status: 'executing' as const,
  });

  it('is left to the action: a verified fix closes it as fixed by the action', () => {
    const { correlator, lifecycle, journal, clock, id } = openIncident();
    new ProposalJournal(journal.db).addProposal(running(id));
    clock.advance(5);
    // The reload loads the entry before the executor verifies it.
    correlator.emit(entryState('cleared', clock.iso()));
    expect(journal.getIncident(id)?.status).toBe('open');
    lifecycle.resolveFixed(id, 'reload_config_entry');
    expect(journal.outcomes.of(id)).toMatchObject({
      outcome: 'fixed_by_action',
      action_id: 'reload_config_entry',
    });
  });

  it('resolved itself when the action then fixes nothing (not expired)', () => {
    const { correlator, journal, clock, id } = openIncident();
    const proposals = new ProposalJournal(journal.db);
    proposals.addProposal(running(id));
    clock.advance(5);
    correlator.emit(entryState('cleared', clock.iso()));
    proposals.transition('prp_running', ['executing'], 'failed');
    clock.advance(120);
    correlator.resolveQuiet();
    expect(journal.getIncident(id)?.status).toBe('resolved');
    expect(journal.outcomes.of(id)?.outcome).toBe('resolved_itself');
  });
});
