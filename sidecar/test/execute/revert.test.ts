/**
 * Temporary changes end by themselves: the Reverter undoes a change once its time is up (not
 * before), also when the sidecar was restarted meanwhile, waits while Home Assistant is away,
 * and shows the undoing as a step of the execution.
 */
import type { Connection } from 'home-assistant-js-websocket';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActionContext } from '../../src/actions/action.js';
import { Reverter } from '../../src/execute/revert.js';
import { type IncidentRecord, Journal } from '../../src/journal/journal.js';
import { ProposalJournal } from '../../src/journal/proposals.js';
import { RevertJournal } from '../../src/journal/reverts.js';
import { createLogger } from '../../src/log.js';
import { Clock, makePipeline, signal } from '../helpers/pipeline.js';

const FLOODER = 'custom_components.fault_lab.flood';

function open(dir: string) {
  const journal = new Journal(join(dir, 'journal.db'));
  return {
    journal,
    proposals: new ProposalJournal(journal.db),
    reverts: new RevertJournal(journal.db),
  };
}

/** A fake HA side recording service calls; `connected: false` is Home Assistant away. */
function haSide() {
  const calls: unknown[] = [];
  const state = { connected: true };
  const conn = {
    sendMessagePromise: (msg: Record<string, unknown>) => {
      if (msg.type === 'call_service') calls.push(msg.service_data);
      return Promise.resolve(null);
    },
  } as unknown as Connection;
  const context = (incident: IncidentRecord) =>
    state.connected ? ({ conn, incident, revertAfterS: 60 } as unknown as ActionContext) : null;
  return { calls, state, context };
}

describe('Reverter', () => {
  it('sets a quieted logger back once its time is up, across a restart of the sidecar', async () => {
    const { journal: first, correlator, dir } = makePipeline();
    correlator.emit(signal());
    const [incident] = first.listIncidents({}, 1, 0).items as [IncidentRecord];
    const before = {
      journal: first,
      proposals: new ProposalJournal(first.db),
      reverts: new RevertJournal(first.db),
    };
    before.proposals.addProposal({
      id: 'prp_1',
      incident_id: incident.id,
      action_id: 'quiet_logger',
      params: { logger: FLOODER, level: 'error' },
      target: `quiet_logger:${FLOODER}`,
      status: 'succeeded',
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
      created_at: '2026-11-25T10:00:00.000Z',
      expires_at: null,
      decided_at: '2026-11-25T10:00:00.000Z',
      decided_by: 'admin',
    });
    before.proposals.addExecution({
      id: 'exe_1',
      proposal_id: 'prp_1',
      incident_id: incident.id,
      action_id: 'quiet_logger',
      target: `quiet_logger:${FLOODER}`,
      status: 'succeeded',
      started_at: '2026-11-25T10:00:00.000Z',
      finished_at: '2026-11-25T10:00:01.000Z',
      steps: [],
      result: null,
    });
    before.reverts.schedule({
      execution_id: 'exe_1',
      incident,
      action_id: 'quiet_logger',
      params: { logger: FLOODER, level: 'error' },
      applied: { previous: 'info' },
      due_at: '2026-11-25T10:01:00.000Z',
    });
    first.close();

    // A new process on the same journal.
    const after = open(dir);
    const clock = new Clock(Date.parse('2026-11-25T10:00:30Z'));
    const ha = haSide();
    const reverter = new Reverter({
      reverts: after.reverts,
      proposals: after.proposals,
      context: ha.context,
      log: createLogger('error'),
      now: clock.now,
    });
    expect(await reverter.runDue()).toBe(0);
    expect(ha.calls).toEqual([]);

    clock.advance(60);
    ha.state.connected = false; // Home Assistant away: nothing is lost, it waits
    expect(await reverter.runDue()).toBe(0);
    expect(after.reverts.get('exe_1')?.done_at).toBeNull();

    ha.state.connected = true;
    expect(await reverter.runDue()).toBe(1);
    expect(ha.calls).toEqual([{ [FLOODER]: 'INFO' }]);
    expect(after.reverts.get('exe_1')).toMatchObject({ done_at: clock.iso() });
    expect(after.proposals.execution('exe_1')?.steps).toEqual([
      expect.objectContaining({
        step: 'rollback',
        status: 'succeeded',
        detail: expect.stringContaining('logs at info again'),
      }),
    ]);
    // Undone once: nothing left on the next round.
    expect(await reverter.runDue()).toBe(0);
    expect(ha.calls).toHaveLength(1);
    after.journal.close();
  });
});
