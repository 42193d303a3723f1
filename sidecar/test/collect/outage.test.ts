import { describe, expect, it } from 'vitest';
import type { RegistryDevice, RegistryEntity } from '../../src/ha/inventory.js';
import { groupFailures, OUTAGE_WINDOW_MS, type RegistryView } from '../../src/collect/outage.js';
import { FailingEntities, REPORT_GRACE_MS, type StateLike } from '../../src/collect/reports.js';

/** A registry: devices (id → via, entry) and their entities (`<device>.<n>`). */
function registry(
  devices: Record<string, { via?: string; entry?: string; name?: string }>,
  entitiesPer = 1,
): RegistryView & { entitiesOf(d: string): string[] } {
  const ents = new Map<string, RegistryEntity>();
  const devs = new Map<string, RegistryDevice>();
  for (const [id, d] of Object.entries(devices)) {
    const entry = d.entry ?? 'hub_entry';
    devs.set(id, {
      id,
      name: d.name ?? id,
      name_by_user: null,
      config_entries: [entry],
      via_device_id: d.via ?? null,
    });
    for (let n = 0; n < entitiesPer; n++) {
      const entityId = `sensor.${id}_${n}`;
      ents.set(entityId, {
        entity_id: entityId,
        platform: entry.replace(/_entry$/, ''),
        unique_id: entityId,
        config_entry_id: entry,
        device_id: id,
        disabled_by: null,
        name: null,
        original_name: null,
      });
    }
  }
  return {
    entity: (id) => ents.get(id),
    device: (id) => devs.get(id),
    entry: (id) => ({ domain: id.replace(/_entry$/, ''), title: `Entry ${id}` }),
    entitiesOf: (d) => [...ents.values()].filter((e) => e.device_id === d).map((e) => e.entity_id),
  };
}

/** A hub with `n` devices behind it. */
function hubWith(n: number, extra: Record<string, { via?: string; entry?: string }> = {}) {
  const devices: Record<string, { via?: string; entry?: string; name?: string }> = {
    hub: { name: 'Bridge' },
    ...extra,
  };
  for (let i = 1; i <= n; i++) devices[`d${i}`] = { via: 'hub', name: `Sensor ${i}` };
  return registry(devices);
}

const downAt = (ids: string[], t = 0) => new Map(ids.map((id) => [id, t]));

describe('groupFailures', () => {
  it('a hub down with its 24 devices is one group, named after the hub, listing them all', () => {
    const view = hubWith(24);
    const ids = ['hub', ...Array.from({ length: 24 }, (_, i) => `d${i + 1}`)].map(
      (d) => `sensor.${d}_0`,
    );
    const groups = groupFailures(view, downAt(ids));
    expect(groups).toHaveLength(1);
    const [g] = groups;
    expect(g).toMatchObject({ key: 'device:hub', subject: 'device:hub', name: 'Bridge' });
    expect(g?.members).toHaveLength(25);
    expect(g?.outage?.root).toBe('Bridge');
    expect(g?.outage?.devices[0]).toBe('Bridge');
    expect(g?.outage?.devices).toHaveLength(25);
    expect(g?.outage?.integrations).toEqual(['hub']);
  });

  it('devices behind a hub that has no entities of its own fail as one, when several fail together', () => {
    const view = hubWith(5);
    const groups = groupFailures(view, downAt(['sensor.d1_0', 'sensor.d2_0', 'sensor.d3_0']));
    expect(groups.map((g) => g.key)).toEqual(['device:hub']);
    expect(groups[0]?.outage?.devices).toEqual(['Sensor 1', 'Sensor 2', 'Sensor 3']);
  });

  it('one device failing alone keeps its own group, naming no root', () => {
    const view = hubWith(5);
    const groups = groupFailures(view, downAt(['sensor.d1_0']));
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ key: 'device:d1', name: 'Sensor 1', outage: null });
  });

  it('devices failing far apart in time behind a live hub stay separate', () => {
    const view = hubWith(5);
    const down = new Map([
      ['sensor.d1_0', 0],
      ['sensor.d2_0', OUTAGE_WINDOW_MS * 2],
      ['sensor.d3_0', OUTAGE_WINDOW_MS * 4],
    ]);
    expect(groupFailures(view, down).map((g) => g.key)).toEqual([
      'device:d1',
      'device:d2',
      'device:d3',
    ]);
  });

  it('a broker behind several integrations: their devices are one outage of the broker', () => {
    const view = registry({
      broker: { name: 'MQTT broker', entry: 'mqtt_entry' },
      a: { via: 'broker', entry: 'zigbee2mqtt_entry' },
      b: { via: 'broker', entry: 'zigbee2mqtt_entry' },
      c: { via: 'broker', entry: 'tasmota_entry' },
    });
    const groups = groupFailures(view, downAt(['sensor.a_0', 'sensor.b_0', 'sensor.c_0']));
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      key: 'device:broker',
      integration: 'mqtt',
      entryId: 'mqtt_entry',
      name: 'MQTT broker',
    });
    expect(groups[0]?.outage?.integrations).toEqual(['tasmota', 'zigbee2mqtt']);
  });

  it('several devices of one entry failing together, with no hub between: that entry', () => {
    const view = registry({ a: {}, b: {}, c: {}, d: {} });
    const groups = groupFailures(view, downAt(['sensor.a_0', 'sensor.b_0', 'sensor.c_0']));
    expect(groups.map((g) => g.key)).toEqual(['entry:hub_entry']);
    expect(groups[0]?.outage?.root).toBe('Entry hub_entry');
    expect(groups[0]?.outage?.devices).toEqual(['a', 'b', 'c']);
  });

  it('the topmost failing device is the root (coordinator → router → end devices)', () => {
    const view = registry({
      coord: { name: 'Coordinator' },
      router: { via: 'coord', name: 'Router' },
      end: { via: 'router', name: 'End' },
    });
    const groups = groupFailures(
      view,
      downAt(['sensor.coord_0', 'sensor.router_0', 'sensor.end_0']),
    );
    expect(groups.map((g) => g.key)).toEqual(['device:coord']);
    expect(groups[0]?.outage?.devices).toEqual(['Coordinator', 'End', 'Router']);
  });

  it('the last devices of an outage to recover stay under its root', () => {
    const view = registry({
      broker: { name: 'Broker', entry: 'mqtt_entry' },
      a: { via: 'broker', entry: 'zigbee2mqtt_entry' },
      b: { via: 'broker', entry: 'zigbee2mqtt_entry' },
      c: { via: 'broker', entry: 'tasmota_entry' },
    });
    const roots = new Map<string, string>();
    groupFailures(view, downAt(['sensor.a_0', 'sensor.b_0', 'sensor.c_0']), roots);
    const tail = groupFailures(view, downAt(['sensor.c_0']), roots);
    expect(tail.map((g) => g.key)).toEqual(['device:broker']);
    // Recovered, then failing alone later: its own again.
    groupFailures(view, downAt([]), roots);
    expect(groupFailures(view, downAt(['sensor.c_0']), roots).map((g) => g.key)).toEqual([
      'device:c',
    ]);
  });

  it('a via_device loop does not hang', () => {
    const view = registry({ a: { via: 'b' }, b: { via: 'a' } });
    expect(groupFailures(view, downAt(['sensor.a_0'])).map((g) => g.key)).toEqual(['device:a']);
  });
});

const state = (entity_id: string, value: string, at: number, reported = at): StateLike => ({
  entity_id,
  state: value,
  last_changed: new Date(at).toISOString(),
  last_updated: new Date(at).toISOString(),
  last_reported: new Date(reported).toISOString(),
});

describe('FailingEntities: recovered when the device reports again', () => {
  const THRESHOLD = 1000;
  function setup() {
    const view = registry({ hub: {}, a: { via: 'hub' }, b: { via: 'hub' } }, 2);
    let now = 0;
    const failing = new FailingEntities(view, THRESHOLD, () => now);
    const go = (id: string, value: string, prev: string) =>
      failing.change(id, state(id, value, now), state(id, prev, now));
    return { failing, go, at: (t: number) => (now = t) };
  }

  it('back with the stale reading it still fails; a later change recovers it', () => {
    const { failing, go, at } = setup();
    go('sensor.a_0', 'unavailable', '21.5');
    at(5000);
    go('sensor.a_0', '21.5', 'unavailable');
    expect([...failing.failing().keys()]).toEqual(['sensor.a_0']);
    expect(failing.takeSilenced()).toEqual(['sensor.a_0']);
    go('sensor.a_0', '21.7', '21.5');
    expect(failing.failing().size).toBe(0);
  });

  it('back with a new reading it has reported', () => {
    const { failing, go, at } = setup();
    go('sensor.a_0', 'unavailable', '21.5');
    at(5000);
    go('sensor.a_0', '22.0', 'unavailable');
    expect(failing.failing().size).toBe(0);
  });

  it('back as unknown is no report', () => {
    const { failing, go, at } = setup();
    go('sensor.a_0', 'unavailable', '21.5');
    at(5000);
    go('sensor.a_0', 'unknown', 'unavailable');
    go('sensor.a_0', 'unknown', 'unknown');
    expect([...failing.failing().keys()]).toEqual(['sensor.a_0']);
  });

  it('a blip shorter than the threshold is forgotten at once', () => {
    const { failing, go, at } = setup();
    go('sensor.a_0', 'unavailable', '21.5');
    at(500);
    go('sensor.a_0', '21.5', 'unavailable');
    expect(failing.failing().size).toBe(0);
  });

  it('one entity reporting recovers its device and the hub it connects through, not its siblings', () => {
    const { failing, go, at } = setup();
    for (const id of ['sensor.hub_0', 'sensor.a_0', 'sensor.a_1', 'sensor.b_0'])
      go(id, 'unavailable', 'x');
    at(5000);
    for (const id of ['sensor.hub_0', 'sensor.a_0', 'sensor.a_1', 'sensor.b_0'])
      go(id, 'x', 'unavailable');
    expect(failing.failing().size).toBe(4);
    go('sensor.a_0', 'y', 'x');
    expect([...failing.failing().keys()]).toEqual(['sensor.b_0']);
  });

  it('a sibling that reported first recovers the entities of its device coming back later', () => {
    const { failing, go, at } = setup();
    go('sensor.a_0', 'unavailable', 'x');
    go('sensor.a_1', 'unavailable', '45');
    at(5000);
    go('sensor.a_0', 'y', 'unavailable');
    go('sensor.a_1', '45', 'unavailable');
    expect(failing.failing().size).toBe(0);
    expect(failing.takeSilenced()).toEqual([]);
  });

  it('its config entry set up again (a reload): its entities back have reported', () => {
    const { failing, go, at } = setup();
    go('sensor.a_0', 'unavailable', 'x');
    go('sensor.b_0', 'unavailable', 'x');
    at(5000);
    go('sensor.a_0', 'x', 'unavailable');
    failing.entrySetUp('hub_entry');
    go('sensor.b_0', 'x', 'unavailable');
    expect(failing.failing().size).toBe(0);
  });

  it('down again before it reported: the outage keeps its start', () => {
    const { failing, go, at } = setup();
    go('sensor.a_0', 'unavailable', 'x');
    at(5000);
    go('sensor.a_0', 'x', 'unavailable');
    at(6000);
    go('sensor.a_0', 'unavailable', 'x');
    expect(failing.failing().get('sensor.a_0')).toBe(0);
  });

  it('a silent device counts as recovered after the grace period', () => {
    const { failing, go, at } = setup();
    go('sensor.a_0', 'unavailable', 'x');
    at(5000);
    go('sensor.a_0', 'x', 'unavailable');
    at(5000 + REPORT_GRACE_MS);
    expect(failing.failing().size).toBe(0);
  });

  it('at a reconnect, last_reported moving on is a report', () => {
    const { failing, go, at } = setup();
    go('sensor.a_0', 'unavailable', 'x');
    at(5000);
    go('sensor.a_0', 'x', 'unavailable');
    failing.resync([state('sensor.a_0', 'x', 5000), state('sensor.b_0', 'x', 0)]);
    expect([...failing.failing().keys()]).toEqual(['sensor.a_0']);
    failing.resync([state('sensor.a_0', 'x', 5000, 9000)]);
    expect(failing.failing().size).toBe(0);
  });

  it('at a reconnect, entities unavailable meanwhile are failing, removed ones forgotten', () => {
    const { failing, go } = setup();
    go('sensor.a_0', 'unavailable', 'x');
    failing.resync([state('sensor.b_0', 'unavailable', 0)]);
    expect([...failing.failing().keys()]).toEqual(['sensor.b_0']);
  });
});
