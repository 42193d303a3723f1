/**
 * Entities that stay `unavailable` longer than a threshold, grouped by device
 * (else config entry), and devices under the hub, bridge or broker they fail behind
 * (outage.ts): a hub going down is one condition, not forty. An entity counts as
 * failing until its device reports again (reports.ts). States come from `get_states`
 * at (re)connect and `state_changed` events after (filtered in HA when the llm_ops
 * integration is loaded: ha/state-changes.ts).
 */
import type { Signal } from '@ha-llm-ops/contracts';
import type { Collector } from './collector.js';
import { groupFailures, type Group } from './outage.js';
import { awaitingReports, outageActive, outageCleared } from './outage-text.js';
import { FailingEntities, type StateLike } from './reports.js';

/** The signal of a group over the threshold (active) or back (cleared). */
function groupSignal(g: Group, active: boolean, at: string): Signal {
  const n = g.members.length;
  const message = !active
    ? g.outage
      ? outageCleared(g.name)
      : `the entities of ${g.name} are available again`
    : g.outage
      ? outageActive(g.outage.root, g.outage.devices.length)
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
      ...(g.outage && {
        root: g.outage.root,
        devices: g.outage.devices,
        integrations: g.outage.integrations,
      }),
    },
    sensitive: [],
  };
}

export const entitiesCollector: Collector = {
  source: 'entities',
  enabled: () => true,

  async start(ctx) {
    const { conn, inventory, sink, log, stateChanges } = ctx;
    const thresholdMs = ctx.thresholds.unavailableAfterS * 1000;
    const failing = new FailingEntities(inventory, thresholdMs, () => ctx.now().getTime());
    /** Each failing device's root (hub, bridge, broker), kept while it fails. */
    const roots = new Map<string, string>();
    /** Groups reported active: their member list as last reported, and the group. */
    const reported = new Map<string, { members: string; group: Group }>();

    const evaluate = (resync: boolean) => {
      const now = ctx.now().getTime();
      const groups = groupFailures(inventory, failing.failing(), roots).filter(
        (g) => now - g.since >= thresholdMs,
      );
      const silenced = new Set(failing.takeSilenced());
      const at = new Date(now).toISOString();
      for (const g of groups) {
        const members = g.members.join(',');
        if (reported.get(g.key)?.members !== members) sink.emit(groupSignal(g, true, at));
        reported.set(g.key, { members, group: g });
        const waiting = g.members.filter((m) => silenced.has(m)).length;
        if (waiting) log.info(awaitingReports(g.name, waiting));
      }
      const keep = new Set(groups.map((g) => g.key));
      for (const [key, { group }] of [...reported]) {
        if (keep.has(key)) continue;
        reported.delete(key);
        sink.emit(groupSignal(group, false, at));
      }
      if (resync) sink.reconcile('entities', keep);
    };

    const resync = async () => {
      const states = await conn.sendMessagePromise<StateLike[]>({ type: 'get_states' });
      failing.resync(states);
      reported.clear();
      evaluate(true);
    };

    // An entry set up again (not the first list, which says nothing new) re-read its devices.
    const stopEntries = inventory.onEntries((_entries, transitions) => {
      for (const { before, after } of transitions)
        if (before && before.state !== 'loaded' && after?.state === 'loaded')
          failing.entrySetUp(after.entry_id);
    });
    // The snapshot is taken once each (re)subscription is in place, so no change falls between.
    const changes = await stateChanges.listen(
      (ev) => failing.change(ev.data.entity_id, ev.data.new_state, ev.data.old_state),
      () =>
        resync().catch((err: unknown) => log.warning(`entities: resync failed: ${String(err)}`)),
    );
    const timer = setInterval(
      () => evaluate(false),
      Math.max(250, Math.min(thresholdMs / 4, 5000)),
    );
    return async () => {
      clearInterval(timer);
      stopEntries();
      await changes.stop();
    };
  },
};
