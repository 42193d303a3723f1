/**
 * The track record a proposal carries (how often its action passed verification for the
 * integration here, out of how many tries), and the rule that an action whose last three
 * tries for an integration failed is no longer proposed for it, with the reason kept.
 */
import type { RcaResult } from '@ha-llm-ops/contracts';
import { describe, expect, it } from 'vitest';
import type { ActionContext } from '../../src/actions/action.js';
import type { HaConfigEntry } from '../../src/ha/config-entries.js';
import type { IncidentRecord } from '../../src/journal/journal.js';
import { makePipeline, makePlanner, pastExecution, signal } from '../helpers/pipeline.js';

const ENTRY_ID = '01J0ENTRY0000000000000000AB';
type Run = 'succeeded' | 'failed' | 'rolled_back' | 'interrupted';

function setup(state = 'loaded') {
  const { journal, lifecycle, correlator } = makePipeline();
  correlator.emit(signal({ integration: 'hue', entry_id: ENTRY_ID }));
  const [incident] = journal.listIncidents({}, 1, 0).items as [IncidentRecord];
  const entry = { entry_id: ENTRY_ID, domain: 'hue', title: 'Hue bridge', state } as HaConfigEntry;
  const { planner, proposals } = makePlanner(
    { journal, lifecycle },
    (i) =>
      ({
        incident: i,
        inventory: { entry: (id: string) => (id === ENTRY_ID ? entry : undefined) },
      }) as unknown as ActionContext,
  );
  const rca = {
    ...incident.analysis,
    candidate_actions: [
      {
        action_id: 'reload_config_entry' as const,
        params: { entry_id: ENTRY_ID },
        rationale: 'Reload it.',
        risk: 'low' as const,
      },
    ],
  } as RcaResult;
  let n = 0;
  /** Earlier reloads for incidents of `incidentId` (hue's by default), oldest first. */
  const history = (runs: Run[], incidentId = incident.id) => {
    for (const status of runs) {
      n += 1;
      pastExecution(proposals, {
        id: `past_${n}`,
        incidentId,
        actionId: 'reload_config_entry',
        target: `reload_config_entry:past${n}`,
        at: `2026-11-01T10:${String(n).padStart(2, '0')}:00.000Z`,
        status,
      });
    }
  };
  return { planner, incident, rca, history, journal, correlator, lifecycle };
}

describe('the track record on a proposal', () => {
  it('says how often the action fixed the integration here, out of how many tries', async () => {
    const { planner, incident, rca, history } = setup();
    history(['succeeded', 'failed', 'succeeded', 'succeeded', 'succeeded', 'succeeded']);
    const [made] = await planner.plan(incident, rca, 'offline');
    expect(made?.preview.track_record).toEqual({
      integration: 'hue',
      tries: 6,
      verified: 5,
      failed_in_a_row: 0,
      summary: 'Reload the integration entry fixed hue 5 of 6 times here.',
    });
  });

  it('says when the action was never tried for the integration here', async () => {
    const { planner, incident, rca } = setup();
    const [made] = await planner.plan(incident, rca, 'offline');
    expect(made?.preview.track_record).toMatchObject({ tries: 0, verified: 0 });
    expect(made?.preview.track_record?.summary).toBe(
      'Reload the integration entry has not been tried for hue here yet.',
    );
  });

  it('counts only this integration’s incidents, and not runs a restart cut short', async () => {
    const { planner, incident, rca, history, journal, correlator } = setup();
    correlator.emit(signal({ integration: 'zha', message: 'zha coordinator is gone' }));
    const zha = journal.listIncidents({ integration: 'zha' }, 1, 0).items[0];
    history(['failed', 'failed', 'failed'], zha?.id);
    history(['succeeded', 'interrupted', 'rolled_back']);
    const [made] = await planner.plan(incident, rca, 'offline');
    expect(made?.preview.track_record).toMatchObject({
      tries: 2,
      verified: 1,
      failed_in_a_row: 1,
    });
  });
});

describe('an action that failed here repeatedly', () => {
  it('is not proposed after three failed tries in a row, and the incident says why', async () => {
    const { planner, incident, rca, history } = setup();
    history(['succeeded', 'failed', 'rolled_back', 'failed']);
    expect(await planner.plan(incident, rca, 'offline')).toEqual([]);
    expect(planner.notProposed(incident, rca)).toEqual([
      {
        action_id: 'reload_config_entry',
        label: 'Reload the integration entry',
        track_record: expect.objectContaining({ tries: 4, verified: 1, failed_in_a_row: 3 }),
        reason: 'Reload the integration entry failed for hue the last 3 times here.',
      },
    ]);
  });

  it('is not proposed either when the entry’s setup retry implies it', async () => {
    const { planner, incident, history } = setup('setup_retry');
    history(['failed', 'failed', 'failed']);
    expect(await planner.plan(incident, null, 'offline')).toEqual([]);
    expect(planner.notProposed(incident, null).map((n) => n.action_id)).toEqual([
      'reload_config_entry',
    ]);
  });

  it('is still proposed after two failures in a row, or when the latest try fixed it', async () => {
    const twice = setup();
    twice.history(['failed', 'failed']);
    expect((await twice.planner.plan(twice.incident, twice.rca, 'offline')).length).toBe(1);
    expect(twice.planner.notProposed(twice.incident, twice.rca)).toEqual([]);

    const fixedLast = setup();
    fixedLast.history(['failed', 'failed', 'failed', 'succeeded']);
    const [made] = await fixedLast.planner.plan(fixedLast.incident, fixedLast.rca, 'offline');
    expect(made?.preview.track_record?.summary).toBe(
      'Reload the integration entry fixed hue 1 of 4 times here.',
    );
  });

  it('does not count against another integration', async () => {
    const { planner, incident, rca, history, journal, correlator } = setup();
    correlator.emit(signal({ integration: 'zha', message: 'zha coordinator is gone' }));
    const zha = journal.listIncidents({ integration: 'zha' }, 1, 0).items[0];
    history(['failed', 'failed', 'failed'], zha?.id);
    expect((await planner.plan(incident, rca, 'offline')).length).toBe(1);
  });

  it('can still be proposed by a user, who sees its record', async () => {
    const { planner, incident, history } = setup();
    history(['failed', 'failed', 'failed']);
    const made = await planner.propose(incident, {
      action_id: 'reload_config_entry',
      params: { entry_id: ENTRY_ID },
      rationale: 'The hub is back; try once more.',
    });
    expect(made.preview.track_record?.summary).toBe(
      'Reload the integration entry fixed hue 0 of 3 times here.',
    );
  });

  it('is not listed as not proposed once the incident is closed', () => {
    const { planner, incident, rca, history, lifecycle } = setup();
    history(['failed', 'failed', 'failed']);
    const closed = lifecycle.dismiss(incident.id, {
      ignoreSimilar: false,
      reason: null,
      decidedBy: null,
    });
    expect(closed?.status).toBe('dismissed');
    expect(planner.notProposed(closed as IncidentRecord, rca)).toEqual([]);
  });
});
