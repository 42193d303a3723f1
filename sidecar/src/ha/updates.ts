/**
 * Following updates: HA's update entities (`update.*`) carry the installed version of
 * Home Assistant, the Supervisor's add-ons, integrations (HACS's or their own) and
 * devices; an update happened when `installed_version` changed. Read with `get_states`
 * after every connect (an update of Core restarts HA, so no event reports it) and from
 * `state_changed` events between. Where no update entity tells, HA's own version and the
 * Supervisor's list of add-ons (with their versions) do, read at every connect. Each update is kept with the newest backup taken
 * before it: the Supervisor's `/backups` when there is a Supervisor, else core
 * `backup/info`.
 */
import type { Connection } from 'home-assistant-js-websocket';
import { guarded, type Logger } from '../log.js';
import type { InstalledUpdate } from '../shared/update-attribution.js';
import type { SupervisorClient } from '../supervisor/client.js';
import type { Inventory } from './inventory.js';
import type { StateChangeFeed, StateChangeSubscription } from './state-changes.js';

/** An update entity's state, as HA sends it (the fields read). */
export interface UpdateState {
  entity_id: string;
  /** `on` while an update is available. */
  state?: string;
  attributes: {
    title?: unknown;
    friendly_name?: unknown;
    installed_version?: unknown;
    latest_version?: unknown;
    release_url?: unknown;
  };
}

/**
 * The current state of every update entity, kept by the follower from its reads and the
 * state-change feed: evidence of an incident reads them here instead of asking HA for all
 * of its states (thousands in a large home) once more per incident.
 */
export class UpdateStates {
  private readonly byId = new Map<string, UpdateState>();

  /** What a full read found (after every connect). */
  replace(states: readonly UpdateState[]): void {
    this.byId.clear();
    for (const s of states) this.byId.set(s.entity_id, s);
  }

  /** An entity's new state, or null when it was removed. */
  change(entityId: string, state: UpdateState | null): void {
    if (state) this.byId.set(entityId, state);
    else this.byId.delete(entityId);
  }

  list(): UpdateState[] {
    return [...this.byId.values()];
  }
}

/** Where updates are remembered (the journal's UpdateJournal). */
export interface UpdateStore {
  knownVersion(entityId: string): string | undefined;
  see(entityId: string, version: string): void;
  record(update: InstalledUpdate): void;
}

export interface UpdateFollowerDeps {
  conn: Connection;
  inventory: Inventory;
  supervisor: SupervisorClient | null;
  store: UpdateStore;
  /** The sidecar's one state-change subscription, shared with the entities collector. */
  stateChanges: StateChangeFeed;
  /** Where the update entities' current states are kept, for others to read. */
  current?: UpdateStates;
  log: Logger;
  now(): Date;
}

/** A backup counts as "before the update" when taken at most this long before it. */
const BACKUP_BEFORE_MS = 24 * 60 * 60 * 1000;
/** Clock skew and the time a backup's date is stamped at its start: a little after still counts. */
const BACKUP_SLACK_MS = 60 * 1000;
/** The update entities of the Supervisor's own parts (not add-ons), by unique id. */
const CORE_UNIQUE_ID = 'home_assistant_core_version_latest';
const SYSTEM_UNIQUE_IDS = new Set([
  'home_assistant_supervisor_version_latest',
  'home_assistant_os_version_latest',
]);

/**
 * Where a version comes from when no update entity reports it: HA's own version (a
 * Container or Core install has no update entity for Core), and each add-on's version
 * from the Supervisor's `/addons`. They stand in for an entity id.
 */
const CORE_VERSION = 'homeassistant';
const ADDON_VERSION = 'addon:';

/** An attribute that is a non-empty string, else null. */
export const text = (x: unknown): string | null => (typeof x === 'string' && x !== '' ? x : null);

/** What an update entity updates: Core, an add-on, an integration, or something else. */
function subjectOf(
  inventory: Inventory,
  entityId: string,
): Pick<InstalledUpdate, 'kind' | 'integration' | 'addon'> {
  const reg = inventory.entity(entityId);
  if (
    entityId === CORE_VERSION ||
    entityId === 'update.home_assistant_core_update' ||
    reg?.unique_id === CORE_UNIQUE_ID
  )
    return { kind: 'core', integration: null, addon: null };
  if (entityId.startsWith(ADDON_VERSION))
    return { kind: 'addon', integration: null, addon: entityId.slice(ADDON_VERSION.length) };
  if (!reg) return { kind: 'other', integration: null, addon: null };
  if (reg.platform === 'hassio') {
    if (SYSTEM_UNIQUE_IDS.has(reg.unique_id))
      return { kind: 'other', integration: null, addon: null };
    const slug = reg.unique_id.replace(/_version_latest$/, '');
    return { kind: 'addon', integration: null, addon: slug };
  }
  if (reg.platform === 'hacs') {
    // HACS names an integration's update after it: update.<domain>_update.
    const domain = /^update\.(.+?)(?:_update)?$/.exec(entityId)?.[1] ?? '';
    const known = inventory.integration(domain);
    return { kind: 'integration', integration: known ? domain : null, addon: null };
  }
  return { kind: 'integration', integration: reg.platform, addon: null };
}

interface ListedBackup {
  id: string;
  name: string;
  date: string;
}

async function listBackups(deps: UpdateFollowerDeps): Promise<ListedBackup[]> {
  if (deps.supervisor) {
    const { backups } = await deps.supervisor.call<{
      backups: { slug: string; name: string; date: string }[];
    }>('GET', '/backups');
    return backups.map((b) => ({ id: b.slug, name: b.name, date: b.date }));
  }
  const { backups } = await deps.conn.sendMessagePromise<{
    backups: { backup_id: string; name: string; date: string }[];
  }>({ type: 'backup/info' });
  return backups.map((b) => ({ id: b.backup_id, name: b.name, date: b.date }));
}

/** The newest backup taken before `at` (within a day), or null. */
async function backupBefore(deps: UpdateFollowerDeps, at: Date): Promise<ListedBackup | null> {
  try {
    const t = at.getTime();
    const before = (await listBackups(deps))
      .map((b) => ({ ...b, t: Date.parse(b.date) }))
      .filter((b) => b.t <= t + BACKUP_SLACK_MS && b.t >= t - BACKUP_BEFORE_MS)
      .sort((a, b) => b.t - a.t)[0];
    return before
      ? { id: before.id, name: before.name, date: new Date(before.t).toISOString() }
      : null;
  } catch (err) {
    deps.log.debug(`could not list the backups: ${String(err)}`);
    return null;
  }
}

/** Follow the update entities; resolves once the first read is done, returns the stop. */
export async function followUpdates(deps: UpdateFollowerDeps): Promise<() => Promise<void>> {
  const { conn, store, log } = deps;

  const installed = async (s: UpdateState, from: string, to: string): Promise<void> => {
    const at = deps.now();
    const backup = await backupBefore(deps, at);
    const update: InstalledUpdate = {
      entity_id: s.entity_id,
      ...subjectOf(deps.inventory, s.entity_id),
      title: text(s.attributes.title) ?? text(s.attributes.friendly_name) ?? s.entity_id,
      from_version: from,
      to_version: to,
      release_url: text(s.attributes.release_url),
      updated_at: at.toISOString(),
      backup,
    };
    store.record(update);
    log.info(
      `${update.title} was updated from ${from} to ${to}${backup ? ` (backup before it: ${backup.name})` : ''}`,
    );
  };

  const observe = (s: UpdateState | null | undefined) => {
    if (!s) return;
    const version = text(s.attributes.installed_version);
    if (!version) return; // unavailable, or nothing installed yet
    const known = store.knownVersion(s.entity_id);
    if (known === version) return;
    store.see(s.entity_id, version);
    if (known !== undefined) void installed(s, known, version).catch(guardedError);
  };
  const guardedError = (err: unknown) => log.warning(`recording an update failed: ${String(err)}`);

  const resync = async () => {
    const states = await conn.sendMessagePromise<UpdateState[]>({ type: 'get_states' });
    const entities = states.filter((s) => s.entity_id.startsWith('update.'));
    deps.current?.replace(entities);
    for (const s of entities) observe(s);
    const covered = entities.map((s) => subjectOf(deps.inventory, s.entity_id));
    const version = (id: string, title: string, v: string) =>
      observe({ entity_id: id, attributes: { title, installed_version: v } });
    if (!covered.some((c) => c.kind === 'core') && conn.haVersion)
      version(CORE_VERSION, 'Home Assistant Core', conn.haVersion);
    if (deps.supervisor) {
      // The Supervisor's own trouble is reported by its collectors: here it only means less.
      const addons = await deps.supervisor.addons().catch((err: unknown) => {
        log.debug(`could not list the add-ons: ${String(err)}`);
        return [];
      });
      for (const a of addons) {
        if (!covered.some((c) => c.addon === a.slug))
          version(`${ADDON_VERSION}${a.slug}`, a.name, a.version);
      }
    }
  };
  const run = () =>
    resync().catch((err: unknown) => log.warning(`updates: resync failed: ${String(err)}`));

  // Through the same feed as the entities (every update.* change is in it), so following
  // updates adds nothing to what Home Assistant sends or filters.
  let changes: StateChangeSubscription | undefined;
  try {
    changes = await deps.stateChanges.listen(
      guarded(log, 'an update entity change', (ev) => {
        if (!ev.data.entity_id.startsWith('update.')) return;
        const state = ev.data.new_state as UpdateState | null;
        deps.current?.change(ev.data.entity_id, state);
        observe(state);
      }),
    );
  } catch (err) {
    log.warning(`cannot follow updates: ${String(err)}`);
  }
  conn.addEventListener('ready', run);
  await run();
  return async () => {
    conn.removeEventListener('ready', run);
    await changes?.stop();
  };
}
