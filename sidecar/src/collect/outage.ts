/**
 * Which failing entities make one outage. Entities group by device (else config entry, else
 * alone), as before; devices then group under their root: a hub, bridge, coordinator or
 * broker (`via_device_id` in HA's device registry) that is down itself, or behind which
 * several devices failed within a short window; failing that, a config entry several of
 * whose devices failed together (a cloud account or a broker connection). A device failing
 * alone keeps its own group.
 */
import type { RegistryDevice, RegistryEntity } from '../ha/inventory.js';

/** What grouping reads of HA's registries (the Inventory, or a stand-in in tests). */
export interface RegistryView {
  entity(entityId: string): RegistryEntity | undefined;
  device(deviceId: string): RegistryDevice | undefined;
  entry(entryId: string): { domain: string; title: string } | undefined;
}

/** One device's (hub, bridge, broker) outage that took others down. */
export interface Outage {
  /** The root's name: the device or config entry the others depend on. */
  root: string;
  /** The affected devices' names, the root's own first when it failed too. */
  devices: string[];
  /** The integrations (domains) of the affected entities. */
  integrations: string[];
}

/** A group of entities that fail together: one condition, one signal. */
export interface Group {
  key: string;
  integration: string | null;
  entryId: string | null;
  subject: string | null;
  name: string;
  members: string[];
  since: number;
  /** Set when the group spans several devices under one root. */
  outage: Outage | null;
}

/** Devices failing together under one parent (or entry) that make it an outage of it. */
export const OUTAGE_MIN_DEVICES = 3;
/** How close together their failures must start. */
export const OUTAGE_WINDOW_MS = 5 * 60_000;
const MAX_DEPTH = 8;
const OWN_PLATFORM = 'llm_ops';

const deviceName = (d: RegistryDevice | undefined, id: string): string =>
  d?.name_by_user ?? d?.name ?? id;

/** The devices a device is connected through, nearest first (cycle-safe). */
export function ancestorsOf(view: RegistryView, deviceId: string): string[] {
  const chain: string[] = [];
  let via = view.device(deviceId)?.via_device_id ?? null;
  while (via && !chain.includes(via) && via !== deviceId && chain.length < MAX_DEPTH) {
    chain.push(via);
    via = view.device(via)?.via_device_id ?? null;
  }
  return chain;
}

/** The most failure starts that fall within one window. */
function mostInWindow(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while ((sorted[to] ?? 0) - (sorted[from] ?? 0) > OUTAGE_WINDOW_MS) from++;
    best = Math.max(best, to - from + 1);
  }
  return best;
}

interface FailingDevice {
  id: string;
  since: number;
  entities: string[];
  entryId: string | null;
}

/**
 * Group the failing entities (entity id → since when, epoch ms). Every entity of `down`
 * lands in exactly one group, except the sidecar's own. `roots` (device → root device, kept
 * by the caller between calls) keeps a device under its root while it still fails, so the
 * last few devices of an outage to recover stay in its incident.
 */
export function groupFailures(
  view: RegistryView,
  down: ReadonlyMap<string, number>,
  roots: Map<string, string> = new Map(),
): Group[] {
  const groups = new Map<string, Group>();
  const add = (base: Omit<Group, 'members' | 'since' | 'outage'>, id: string, t: number) => {
    const g = groups.get(base.key) ?? { ...base, members: [], since: t, outage: null };
    g.members.push(id);
    g.since = Math.min(g.since, t);
    groups.set(base.key, g);
  };
  const devices = new Map<string, FailingDevice>();
  for (const [entityId, t] of down) {
    const reg = view.entity(entityId);
    if (reg?.platform === OWN_PLATFORM) continue; // ours go unavailable with the sidecar
    const entryId = reg?.config_entry_id ?? null;
    const integration = reg?.platform ?? null;
    if (reg?.device_id) {
      const d = devices.get(reg.device_id) ?? {
        id: reg.device_id,
        since: t,
        entities: [],
        entryId,
      };
      d.entities.push(entityId);
      d.since = Math.min(d.since, t);
      devices.set(reg.device_id, d);
    } else if (entryId) {
      const name = view.entry(entryId)?.title ?? entryId;
      add({ key: `entry:${entryId}`, integration, entryId, subject: null, name }, entityId, t);
    } else {
      add(
        { key: `entity:${entityId}`, integration, entryId, subject: entityId, name: entityId },
        entityId,
        t,
      );
    }
  }

  // Under each device that others connect through: when the failures behind it began.
  const behind = new Map<string, number[]>();
  const chains = new Map<string, string[]>();
  for (const d of devices.values()) {
    const chain = ancestorsOf(view, d.id);
    chains.set(d.id, chain);
    for (const a of chain) behind.set(a, [...(behind.get(a) ?? []), d.since]);
  }
  const isRoot = (a: string) =>
    devices.has(a) || mostInWindow(behind.get(a) ?? []) >= OUTAGE_MIN_DEVICES;
  const rootOf = new Map<string, string | null>();
  for (const d of devices.values()) {
    const chain = chains.get(d.id) ?? [];
    const root = [...chain].reverse().find(isRoot) ?? roots.get(d.id) ?? null;
    rootOf.set(d.id, root !== null && chain.includes(root) ? root : null);
  }
  roots.clear();
  for (const [d, r] of rootOf) if (r !== null) roots.set(d, r);
  // A device others fail behind is a root itself.
  const rootIds = new Set(roots.values());
  // Devices without such a root, several of one entry failing together: that entry's outage.
  const loose = new Map<string, number[]>();
  for (const d of devices.values()) {
    if (rootOf.get(d.id) !== null || !d.entryId || rootIds.has(d.id)) continue;
    loose.set(d.entryId, [...(loose.get(d.entryId) ?? []), d.since]);
  }
  const entryDown = (entryId: string | null) =>
    entryId !== null && mostInWindow(loose.get(entryId) ?? []) >= OUTAGE_MIN_DEVICES;

  const affected = new Map<string, Set<string>>();
  for (const d of devices.values()) {
    const rootId = rootOf.get(d.id) ?? null;
    const byEntry = rootId === null && !rootIds.has(d.id) && entryDown(d.entryId);
    let base: Omit<Group, 'members' | 'since' | 'outage'>;
    if (byEntry && d.entryId) {
      const entry = view.entry(d.entryId);
      base = {
        key: `entry:${d.entryId}`,
        integration: entry?.domain ?? view.entity(d.entities[0] ?? '')?.platform ?? null,
        entryId: d.entryId,
        subject: null,
        name: entry?.title ?? d.entryId,
      };
    } else {
      const id = rootId ?? d.id;
      const device = view.device(id);
      const platform = view.entity(d.entities[0] ?? '')?.platform ?? null;
      // A device failing alone: its entities' integration and entry, as ever; a root: its own.
      const entryId = rootIds.has(id)
        ? (device?.primary_config_entry ?? device?.config_entries[0] ?? d.entryId)
        : d.entryId;
      base = {
        key: `device:${id}`,
        integration: rootIds.has(id)
          ? ((entryId ? view.entry(entryId)?.domain : undefined) ?? platform)
          : platform,
        entryId,
        subject: `device:${id}`,
        name: deviceName(device, id),
      };
    }
    for (const e of d.entities) add(base, e, d.since);
    affected.set(base.key, (affected.get(base.key) ?? new Set()).add(d.id));
  }

  for (const g of groups.values()) {
    g.members.sort();
    const ids = affected.get(g.key);
    if (!ids || ids.size < 2) continue;
    const rootId = g.key.startsWith('device:') ? g.key.slice('device:'.length) : null;
    const names = [...ids]
      .filter((id) => id !== rootId)
      .map((id) => deviceName(view.device(id), id))
      .sort((a, b) => a.localeCompare(b));
    const integrations = new Set(
      g.members.map((e) => view.entity(e)?.platform).filter((p): p is string => !!p),
    );
    g.outage = {
      root: g.name,
      devices: rootId && ids.has(rootId) ? [g.name, ...names] : names,
      integrations: [...integrations].sort(),
    };
  }
  return [...groups.values()];
}
