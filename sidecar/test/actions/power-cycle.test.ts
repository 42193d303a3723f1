/**
 * power_cycle_device switches only the plug the policy maps to the incident's device, never a
 * plug on that device itself, keeps the time off within its range, and switches the plug on
 * again whatever happens once it was told to go off.
 */
import type { ActionParams } from '@ha-llm-ops/contracts';
import type { Connection } from 'home-assistant-js-websocket';
import { describe, expect, it } from 'vitest';
import { ActionRejected, type ActionContext } from '../../src/actions/action.js';
import {
  deviceReports,
  powerCycleCandidate,
  powerCycleDevice,
} from '../../src/actions/power-cycle.js';
import type { RegistryDevice, RegistryEntity } from '../../src/ha/inventory.js';
import type { IncidentRecord, SignalRecord } from '../../src/journal/journal.js';

const APPLIANCE = 'a0000000000000000000000000000001';
const PLUG_DEVICE = 'b0000000000000000000000000000002';
const OTHER = 'c0000000000000000000000000000003';

const entity = (entity_id: string, device_id: string | null, name: string | null = null) =>
  ({ entity_id, device_id, platform: 'fault_lab', name, original_name: null }) as RegistryEntity;
const ENTITIES = [
  entity('sensor.appliance_boots', APPLIANCE),
  entity('switch.plug', PLUG_DEVICE, 'Kitchen plug'),
  entity('sensor.plug_power', PLUG_DEVICE),
  entity('sensor.other_status', OTHER),
  entity('switch.other_plug', null),
];
const DEVICES: RegistryDevice[] = [
  { id: APPLIANCE, name: 'Coffee machine', name_by_user: null, config_entries: [] },
  { id: PLUG_DEVICE, name: 'Plug', name_by_user: null, config_entries: [] },
  { id: OTHER, name: 'Boiler', name_by_user: null, config_entries: [] },
];

interface State {
  entity_id: string;
  state: string;
  last_changed: string;
  last_updated: string;
  last_reported?: string;
}

/** HA's registries, its states and the switch service over fakes; `calls` records the services. */
function setup(
  opts: {
    map?: Record<string, string>;
    subject?: string | null;
    category?: IncidentRecord['category'];
    /** The plug ignores turn_off (a plug that no longer answers). */
    stuckOn?: boolean;
    signal?: AbortSignal;
    /** The incident's signals: entities_unavailable ones name more devices. */
    signals?: Pick<SignalRecord, 'kind' | 'subject'>[];
  } = {},
) {
  const calls: string[] = [];
  let clock = Date.parse('2026-12-04T10:00:00Z');
  const tick = () => new Date((clock += 1000)).toISOString();
  const states = new Map<string, State>(
    ['switch.plug', 'sensor.appliance_boots'].map((id) => {
      const at = tick();
      const state = id === 'switch.plug' ? 'on' : 'unavailable';
      return [id, { entity_id: id, state, last_changed: at, last_updated: at }];
    }),
  );
  const conn = {
    sendMessagePromise: (msg: Record<string, unknown>) => {
      if (msg.type === 'get_states') return Promise.resolve([...states.values()]);
      if (msg.type === 'call_service') {
        const data = msg.service_data as { entity_id: string };
        calls.push(`${String(msg.domain)}.${String(msg.service)} ${data.entity_id}`);
        const s = states.get(data.entity_id);
        if (s && !(opts.stuckOn && msg.service === 'turn_off')) {
          s.state = msg.service === 'turn_on' ? 'on' : 'off';
          s.last_changed = s.last_updated = tick();
        }
        return Promise.resolve(null);
      }
      return Promise.reject(new Error(`unexpected ${String(msg.type)}`));
    },
  } as unknown as Connection;
  const ctx = {
    conn,
    incident: {
      id: 'inc_1',
      integration: 'fault_lab',
      category: opts.category ?? 'device_unavailable',
      subject: opts.subject === undefined ? `device:${APPLIANCE}` : opts.subject,
    } as IncidentRecord,
    inventory: {
      entity: (id: string) => ENTITIES.find((e) => e.entity_id === id),
      device: (id: string) => DEVICES.find((d) => d.id === id),
      entitiesOf: (id: string) =>
        ENTITIES.filter((e) => e.device_id === id).map((e) => e.entity_id),
    },
    journal: { signalsOf: () => opts.signals ?? [] },
    log: { info: () => undefined },
    powerCycle: opts.map ?? { 'sensor.appliance_boots': 'switch.plug' },
    signal: opts.signal,
  } as unknown as ActionContext;
  /** The appliance answers again, as HA reports it `after` ms past the last event. */
  const reportAgain = () => {
    const s = states.get('sensor.appliance_boots');
    if (s) Object.assign(s, { state: '2', last_reported: tick(), last_updated: tick() });
  };
  return { ctx, calls, states, reportAgain };
}

async function rejection(ctx: ActionContext, params: ActionParams): Promise<string> {
  const err = await powerCycleDevice.resolve(ctx, params).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ActionRejected);
  return (err as Error).message;
}

describe('power_cycle_device parameters', () => {
  it('fills in the plug the policy maps to the incident’s device, by one of its entities or its id', async () => {
    expect(await powerCycleDevice.resolve(setup().ctx, {})).toEqual({
      device: APPLIANCE,
      plug: 'switch.plug',
      off_s: 10,
    });
    const byId = setup({ map: { [APPLIANCE]: 'switch.plug' } });
    expect(await powerCycleDevice.resolve(byId.ctx, { off_s: '30' })).toEqual({
      device: APPLIANCE,
      plug: 'switch.plug',
      off_s: 30,
    });
  });

  it.each([4, 301, 2.5, 'ten', true])('refuses off_s %j', async (off_s) => {
    expect(await rejection(setup().ctx, { off_s })).toMatch(
      /^off_s must be a whole number of seconds from 5 to 300/,
    );
  });

  it('refuses a device the policy maps to no plug', async () => {
    expect(await rejection(setup({ map: {} }).ctx, {})).toBe(
      'Coffee machine is not mapped to a plug in the policy (power_cycle); no plug is switched for it',
    );
  });

  it('refuses a plug that is on the device itself', async () => {
    const { ctx } = setup({ map: { 'sensor.plug_power': 'switch.plug' } });
    expect(await rejection(ctx, { device: PLUG_DEVICE })).toMatch(
      /^switch\.plug is on Plug itself: switched off, the device would cut its own power/,
    );
  });

  it('refuses another mapped device than the incident’s, another plug and unknown parameters', async () => {
    const { ctx } = setup({
      map: { 'sensor.appliance_boots': 'switch.plug', [OTHER]: 'switch.other_plug' },
    });
    expect(await rejection(ctx, { device: OTHER })).toBe(
      'Boiler is not the device of the incident',
    );
    expect(await rejection(ctx, { plug: 'switch.other_plug' })).toBe(
      'plug must be switch.plug, the plug the policy maps to Coffee machine',
    );
    expect(await rejection(ctx, { entity_id: 'switch.plug' })).toBe('unknown parameter entity_id');
    expect(await rejection(ctx, { device: 'sensor.nowhere' })).toMatch(/not in Home Assistant/);
  });

  it('refuses a plug the registry does not know, and incidents a power cycle cannot fix', async () => {
    expect(await rejection(setup({ map: { [APPLIANCE]: 'switch.gone' } }).ctx, {})).toMatch(
      /the plug switch\.gone .* is not a switch in Home Assistant's entity registry/,
    );
    expect(await rejection(setup({ category: 'auth_expired' }).ctx, {})).toBe(
      'a power cycle does not fix a auth expired incident',
    );
  });

  it('is proposed for an unavailable device only when the policy maps it', () => {
    expect(powerCycleCandidate(setup().ctx)).toMatchObject({
      action_id: 'power_cycle_device',
      params: { device: APPLIANCE, off_s: 10 },
    });
    expect(powerCycleCandidate(setup({ map: { [OTHER]: 'switch.plug' } }).ctx)).toBeNull();
    expect(powerCycleCandidate(setup({ category: 'log_flood' }).ctx)).toBeNull();
    expect(powerCycleCandidate(setup({ subject: null }).ctx)).toBeNull();
  });

  it('finds the device by the incident’s unavailable entities when another signal opened it', async () => {
    const outage = [{ kind: 'entities_unavailable', subject: `device:${APPLIANCE}` }];
    const { ctx } = setup({ subject: '192.0.2.10', signals: outage });
    expect(powerCycleCandidate(ctx)?.params).toEqual({ device: APPLIANCE, off_s: 10 });
    expect((await powerCycleDevice.resolve(ctx, {})).device).toBe(APPLIANCE);
    // Two mapped devices down in one incident: the planner does not pick one.
    const both = setup({
      map: { [APPLIANCE]: 'switch.plug', [OTHER]: 'switch.other_plug' },
      signals: [...outage, { kind: 'entities_unavailable', subject: `device:${OTHER}` }],
    });
    expect(powerCycleCandidate(both.ctx)).toBeNull();
    expect(await rejection(both.ctx, {})).toBe(
      'the incident is about 2 devices: name one (device)',
    );
    expect((await powerCycleDevice.resolve(both.ctx, { device: OTHER })).plug).toBe(
      'switch.other_plug',
    );
  });

  it('previews the plug and the device, without a backup', async () => {
    const { ctx } = setup();
    const preview = powerCycleDevice.preview(ctx, await powerCycleDevice.resolve(ctx, {}));
    expect(preview.summary).toBe(
      'Switch off plug Kitchen plug (switch.plug) for 10 s, then on, to restart device Coffee machine.',
    );
    expect(preview.backup).toBeNull();
    expect(preview.rollback).toMatch(/^Switch switch\.plug back on/);
    expect(preview.verification.map((v) => v.kind)).toEqual(['device_reporting']);
  });
});

describe('power_cycle_device run', () => {
  const params = { device: APPLIANCE, plug: 'switch.plug', off_s: 0 };

  it('switches the plug off and on, and is verified once the device reports after that', async () => {
    const { ctx, calls, states, reportAgain } = setup();
    const applied = await powerCycleDevice.apply(ctx, params);
    expect(calls).toEqual(['switch.turn_off switch.plug', 'switch.turn_on switch.plug']);
    expect(applied.on_at).toBe(states.get('switch.plug')?.last_changed);
    expect(await deviceReports(ctx, params, applied)).toEqual({
      ok: false,
      detail:
        'Coffee machine does not report: sensor.appliance_boots still is unavailable or unknown',
    });
    reportAgain();
    expect(await deviceReports(ctx, params, applied)).toEqual({
      ok: true,
      detail: 'Coffee machine reports again (sensor.appliance_boots: 2)',
    });
  });

  it('switches the plug on again when it did not go off', async () => {
    const { ctx, calls } = setup({ stuckOn: true });
    await expect(powerCycleDevice.apply(ctx, params)).rejects.toThrow(
      'switch.plug did not switch off (it is on)',
    );
    expect(calls.at(-1)).toBe('switch.turn_on switch.plug');
  });

  it('switches the plug on at once when the sidecar stops during the time off', async () => {
    const stopping = new AbortController();
    const { ctx, calls, states } = setup({ signal: stopping.signal });
    const run = powerCycleDevice.apply(ctx, { ...params, off_s: 300 });
    await expect.poll(() => states.get('switch.plug')?.state).toBe('off');
    stopping.abort();
    await expect(run).rejects.toThrow('the sidecar is stopping: switch.plug was switched on again');
    expect(states.get('switch.plug')?.state).toBe('on');
    expect(calls).toEqual(['switch.turn_off switch.plug', 'switch.turn_on switch.plug']);
  });

  it('switches nothing once the sidecar is stopping', async () => {
    const stopping = new AbortController();
    stopping.abort();
    const { ctx, calls } = setup({ signal: stopping.signal });
    await expect(powerCycleDevice.apply(ctx, params)).rejects.toThrow(
      'the sidecar is stopping: nothing was switched',
    );
    expect(calls).toEqual([]);
  });

  it('rolls back by switching the plug on', async () => {
    const { ctx, states } = setup();
    const plug = states.get('switch.plug');
    if (plug) plug.state = 'off';
    expect(await powerCycleDevice.rollback(ctx, params, {})).toEqual({
      attempted: true,
      succeeded: true,
      detail: 'switch.plug is on',
    });
    expect(states.get('switch.plug')?.state).toBe('on');
  });
});
