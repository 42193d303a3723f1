/**
 * Entities that stay `unavailable` longer than a threshold, grouped by device
 * (else config entry): a hub going down is one condition, not forty. States come
 * from `get_states` at (re)connect and `state_changed` events after (filtered in HA
 * when the llm_ops integration is loaded: ha/state-changes.ts).
 */
import type { Signal } from '@ha-llm-ops/contracts';
import type { Inventory } from '../ha/inventory.js';
import { subscribeStateChanges } from '../ha/state-changes.js';
import { guarded } from '../log.js';
import type { Collector } from './collector.js';

interface StateLike {
  entity_id: string;
  state: string;
  last_changed: string;
}

/** A group of entities that fail together. */
interface Group {
  key: string;
  integration: string | null;
  entryId: string | null;
  subject: string | null;
  name: string;
  members: string[];
  since: number;
}

const OWN_PLATFORM = 'llm_ops';

/** Which group an entity belongs to, and how to name it. */
function groupOf(inventory: Inventory, entityId: string): Omit<Group, 'members' | 'since'> | null {
  const reg = inventory.entity(entityId);
  if (reg?.platform === OWN_PLATFORM) return null; // our own entities go unavailable with the sidecar
  const entryId = reg?.config_entry_id ?? null;
  const integration = reg?.platform ?? null;
  if (reg?.device_id) {
    const device = inventory.device(reg.device_id);
    return {
      key: `device:${reg.device_id}`,
      integration,
      entryId,
      subject: `device:${reg.device_id}`,
      name: device?.name_by_user ?? device?.name ?? entityId,
    };
  }
  if (entryId) {
    return {
      key: `entry:${entryId}`,
      integration,
      entryId,
      subject: null,
      name: inventory.entry(entryId)?.title ?? entryId,
    };
  }
  return {
    key: `entity:${entityId}`,
    integration,
    entryId: null,
    subject: entityId,
    name: entityId,
  };
}

/** The signal of a group over the threshold (active) or back (cleared). */
function groupSignal(g: Group, active: boolean, at: string): Signal {
  const n = g.members.length;
  const message = !active
    ? `the entities of ${g.name} are available again`
    : n === 1 && g.subject === g.members[0]
      ? `${g.members[0]} is unavailable`
      : `${n} ${n === 1 ? 'entity' : 'entities'} of ${g.name} ${n === 1 ? 'is' : 'are'} unavailable`;
  return {
    source: 'entities',
    kind: 'entities_unavailable',
    condition: active ? 'active' : 'cleared',
    key: g.key,
    observed_at: at,
    integration: g.integration,
    entry_id: g.entryId,
    subject: g.subject,
    severity: 'error',
    message,
    count: 1,
    data: {
      entity_ids: g.members,
      group: g.name,
      unavailable_since: new Date(g.since).toISOString(),
    },
    sensitive: [],
  };
}

export const entitiesCollector: Collector = {
  source: 'entities',
  enabled: () => true,

  async start(ctx) {
    const { conn, inventory, sink, log } = ctx;
    const thresholdMs = ctx.thresholds.unavailableAfterS * 1000;
    /** When each currently unavailable entity became unavailable (epoch ms). */
    const since = new Map<string, number>();
    /** Groups reported active, with their member list as last reported. */
    const reported = new Map<string, string>();

    const observe = (s: StateLike | null | undefined, entityId: string) => {
      if (s?.state === 'unavailable') {
        if (!since.has(entityId))
          since.set(entityId, Date.parse(s.last_changed) || ctx.now().getTime());
      } else {
        since.delete(entityId);
      }
    };

    const evaluate = (resync: boolean) => {
      const now = ctx.now().getTime();
      const groups = new Map<string, Group>();
      for (const [entityId, t] of since) {
        if (now - t < thresholdMs) continue;
        const g = groupOf(inventory, entityId);
        if (!g) continue;
        const group = groups.get(g.key) ?? { ...g, members: [], since: t };
        group.members.push(entityId);
        group.since = Math.min(group.since, t);
        groups.set(g.key, group);
      }
      const at = new Date(now).toISOString();
      for (const g of groups.values()) {
        g.members.sort();
        const members = g.members.join(',');
        if (reported.get(g.key) !== members) {
          reported.set(g.key, members);
          sink.emit(groupSignal(g, true, at));
        }
      }
      for (const key of [...reported.keys()]) {
        if (groups.has(key)) continue;
        reported.delete(key);
        sink.emit(
          groupSignal(
            {
              key,
              integration: null,
              entryId: null,
              subject: null,
              name: key,
              members: [],
              since: now,
            },
            false,
            at,
          ),
        );
      }
      if (resync) sink.reconcile('entities', new Set(groups.keys()));
    };

    const resync = async () => {
      const states = await conn.sendMessagePromise<StateLike[]>({ type: 'get_states' });
      since.clear();
      for (const s of states) observe(s, s.entity_id);
      reported.clear();
      evaluate(true);
    };

    // The snapshot is taken once each (re)subscription is in place, so no change falls between.
    const changes = await subscribeStateChanges(
      conn,
      guarded(log, 'a state change', (ev) => observe(ev.data.new_state, ev.data.entity_id)),
      log,
      () =>
        resync().catch((err: unknown) => log.warning(`entities: resync failed: ${String(err)}`)),
    );
    const timer = setInterval(
      () => evaluate(false),
      Math.max(250, Math.min(thresholdMs / 4, 5000)),
    );
    return async () => {
      clearInterval(timer);
      await changes.stop();
    };
  },
};
