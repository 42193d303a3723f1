/** The planner: who a proposal is by decides whether `auto` may ever run it. */
import type { RcaResult } from '@ha-llm-ops/contracts';
import { describe, expect, it } from 'vitest';
import type { ActionContext } from '../../src/actions/action.js';
import type { HaConfigEntry } from '../../src/ha/config-entries.js';
import type { IncidentRecord } from '../../src/journal/journal.js';
import { makePipeline, makePlanner, pastExecution, signal } from '../helpers/pipeline.js';

const ENTRY_ID = '01J0ENTRY0000000000000000AB';

function setup(state: string) {
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
  const reload = {
    action_id: 'reload_config_entry' as const,
    params: { entry_id: ENTRY_ID },
    rationale: 'Reload it.',
    risk: 'low' as const,
  };
  const rca = { ...incident.analysis, candidate_actions: [reload] } as RcaResult;
  return { planner, incident, rca, proposals };
}

describe('who a proposal is by', () => {
  it('keeps what only a model names as the model’s', async () => {
    const { planner, incident, rca } = setup('loaded');
    const [made] = await planner.plan(incident, rca, 'llm');
    expect(made?.proposed_by).toBe('llm');
  });

  it('gives a reload the entry’s setup retry implies to the knowledge base, whoever names it', async () => {
    const { planner, incident, rca } = setup('setup_retry');
    const [made] = await planner.plan(incident, rca, 'llm');
    expect([made?.action_id, made?.proposed_by]).toEqual(['reload_config_entry', 'offline']);
  });

  it('lets the knowledge base vouch for a proposal a model made first', async () => {
    const { planner, incident, rca } = setup('loaded');
    const [byModel] = await planner.plan(incident, rca, 'llm');
    const [again] = await planner.plan(incident, rca, 'offline');
    expect(again?.id).toBe(byModel?.id);
    expect(again?.proposed_by).toBe('offline');
  });

  it('ranks what worked in this home for this integration first', async () => {
    const { planner, incident, rca, proposals } = setup('loaded');
    // History: reloads helped here once in three tries, debug logging twice in two.
    const past = (
      n: number,
      actionId: 'reload_config_entry' | 'set_integration_log_level',
      ok: boolean,
    ) =>
      pastExecution(proposals, {
        id: `past_${n}`,
        incidentId: incident.id,
        actionId,
        target: `${actionId}:past${n}`,
        at: `2026-11-2${n}T10:00:00.000Z`,
        status: ok ? 'succeeded' : 'failed',
      });
    for (const n of [1, 2, 3]) past(n, 'reload_config_entry', n === 1);
    for (const n of [4, 5]) past(n, 'set_integration_log_level', true);
    const debug = {
      action_id: 'set_integration_log_level' as const,
      params: { integration: 'hue', level: 'debug' },
      rationale: 'Capture more.',
      risk: 'low' as const,
    };
    const made = await planner.plan(
      incident,
      { ...rca, candidate_actions: [...rca.candidate_actions, debug] },
      'offline',
    );
    expect(made.map((p) => p.action_id)).toEqual([
      'set_integration_log_level',
      'reload_config_entry',
    ]);
  });
});

describe('a power cycle', () => {
  const DEVICE = 'a0000000000000000000000000000001';
  const PLUG_DEVICE = 'b0000000000000000000000000000002';

  function outage(powerCycle: Record<string, string>) {
    const { journal, lifecycle, correlator } = makePipeline();
    correlator.emit(
      signal({
        source: 'entities',
        kind: 'entities_unavailable',
        condition: 'active',
        key: `device:${DEVICE}`,
        entry_id: ENTRY_ID,
        subject: `device:${DEVICE}`,
        message: '1 entity of Coffee machine is unavailable',
        data: { entity_ids: ['sensor.coffee_status'] },
      }),
    );
    const [incident] = journal.listIncidents({}, 1, 0).items as [IncidentRecord];
    const entities = [
      { entity_id: 'sensor.coffee_status', device_id: DEVICE },
      { entity_id: 'switch.plug', device_id: PLUG_DEVICE },
    ];
    const { planner } = makePlanner(
      { journal, lifecycle },
      (i) =>
        ({
          incident: i,
          journal,
          powerCycle,
          inventory: {
            entry: () => undefined,
            entity: (id: string) => entities.find((e) => e.entity_id === id),
            device: (id: string) => (id === DEVICE ? { id, name: 'Coffee machine' } : undefined),
          },
        }) as unknown as ActionContext,
    );
    return { planner, incident };
  }

  it('is proposed by the knowledge base for an unavailable device the policy maps to a plug', async () => {
    const { planner, incident } = outage({ 'sensor.coffee_status': 'switch.plug' });
    expect(incident.category).toBe('device_unavailable');
    const made = await planner.plan(incident, null, 'offline');
    expect(made.map((p) => [p.action_id, p.params, p.proposed_by])).toEqual([
      ['power_cycle_device', { device: DEVICE, plug: 'switch.plug', off_s: 10 }, 'offline'],
    ]);
  });

  it('is never proposed for a device the policy does not map', async () => {
    const { planner, incident } = outage({});
    expect(await planner.plan(incident, null, 'offline')).toEqual([]);
  });

  it('a model naming it is vouched for by the mapping', async () => {
    const { planner, incident } = outage({ 'sensor.coffee_status': 'switch.plug' });
    const rca = {
      candidate_actions: [
        { action_id: 'power_cycle_device', params: { off_s: 30 }, rationale: 'x', risk: 'medium' },
      ],
    } as unknown as RcaResult;
    const made = await planner.plan(incident, rca, 'llm');
    expect(made).toHaveLength(2);
    expect(new Set(made.map((p) => p.id)).size).toBe(1);
    expect(made[1]).toMatchObject({ params: { off_s: 30 }, proposed_by: 'offline' });
  });
});
