/**
 * What is installed in HA: config entries, registered entities and devices, and
 * the integrations' manifests. Collectors use it to attribute signals (which
 * entry a log line or an entity belongs to, whether an integration is custom).
 * Kept current by registry events and refetched after every reconnect.
 */
import type { Connection, UnsubscribeFunc } from 'home-assistant-js-websocket';
import type { Logger } from '../log.js';
import { languageOf } from '../i18n/index.js';
import { describeError } from './errors.js';
import {
  subscribeConfigEntries,
  type EntryTransition,
  type HaConfigEntry,
} from './config-entries.js';

/** An entity registry entry (the fields used here). */
export interface RegistryEntity {
  entity_id: string;
  platform: string;
  unique_id: string;
  config_entry_id: string | null;
  device_id: string | null;
  disabled_by: string | null;
  name: string | null;
  original_name: string | null;
}

/** A device registry entry (the fields used here). */
export interface RegistryDevice {
  id: string;
  name: string | null;
  name_by_user: string | null;
  config_entries: string[];
  /** The config entry that created it (HA 2024.6 and later). */
  primary_config_entry?: string | null;
  /** The device it is connected through (a hub, bridge or coordinator), when any. */
  via_device_id?: string | null;
}

/** An integration's manifest (the fields used here). */
export interface IntegrationManifest {
  domain: string;
  name: string;
  is_built_in: boolean;
  version?: string;
  loggers?: string[];
}

type EntriesListener = (
  entries: ReadonlyMap<string, HaConfigEntry>,
  transitions: EntryTransition[],
  full: boolean,
) => void;

const REFETCH_DELAY_MS = 1000;

/** The installed-things model shared by all collectors. */
export class Inventory {
  private entriesMap: ReadonlyMap<string, HaConfigEntry> = new Map();
  private entities = new Map<string, RegistryEntity>();
  private devices = new Map<string, RegistryDevice>();
  private manifests = new Map<string, IntegrationManifest>();
  private loggers = new Map<string, string>();
  private zone: string | null = null;
  private lang: string | null = null;
  private readonly listeners = new Set<EntriesListener>();
  private readonly unsubs: UnsubscribeFunc[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private conn: Connection | null = null;
  /** Whether the entity registry was read: until then, an entity it lacks may still exist. */
  private entitiesRead = false;
  /**
   * Registry changes announced (events, reconnects) and how many of them the copy held has
   * read: when they are equal, an entity the copy lacks does not exist.
   */
  private entityChanges = 0;
  private entityChangesRead = 0;

  constructor(private readonly log: Logger) {}

  /** Load everything and keep it current. */
  async start(conn: Connection): Promise<void> {
    this.conn = conn;
    // A minimal HA may lack a registry command: attribution then works with less.
    const fetched = await Promise.allSettled([
      this.fetchEntities(conn),
      this.fetchDevices(conn),
      this.fetchManifests(conn),
      this.fetchConfig(conn),
    ]);
    for (const f of fetched) {
      if (f.status === 'rejected')
        this.log.warning(`could not read HA's registries: ${describeError(f.reason)}`);
    }
    this.unsubs.push(
      await subscribeConfigEntries(conn, (entries, transitions, full) => {
        this.entriesMap = entries;
        this.logStates(transitions);
        for (const l of this.listeners) l(entries, transitions, full);
      }),
      await conn.subscribeEvents(() => this.entitiesChanged(conn), 'entity_registry_updated'),
      await conn.subscribeEvents(
        () => this.later('devices', () => this.fetchDevices(conn)),
        'device_registry_updated',
      ),
      await conn.subscribeEvents(
        () => this.later('manifests', () => this.fetchManifests(conn)),
        'component_loaded',
      ),
      await conn.subscribeEvents(
        () => this.later('configuration', () => this.fetchConfig(conn)),
        'core_config_updated',
      ),
    );
    const onReady = () => {
      this.entitiesChanged(conn); // events may have been missed while disconnected
      this.later('devices', () => this.fetchDevices(conn));
      this.later('manifests', () => this.fetchManifests(conn));
      this.later('configuration', () => this.fetchConfig(conn));
    };
    conn.addEventListener('ready', onReady);
    this.unsubs.push(async () => conn.removeEventListener('ready', onReady));
  }

  /** Log every entry state change; loaded entries on a full list only at debug level. */
  private logStates(transitions: EntryTransition[]): void {
    for (const { before, after } of transitions) {
      if (!after || before?.state === after.state) continue;
      const reason = after.reason ? `: ${after.reason}` : '';
      const line = `config entry ${after.title} (${after.domain}, ${after.entry_id}) is ${after.state}${reason}`;
      if (!before && after.state === 'loaded') this.log.debug(line);
      else this.log.info(line);
    }
  }

  async stop(): Promise<void> {
    for (const t of this.timers.values()) clearTimeout(t);
    await Promise.allSettled(this.unsubs.map((u) => u()));
  }

  /** Coalesce bursts of registry events into one refetch. */
  private later(what: string, fetch: () => Promise<void>): void {
    if (this.timers.has(what)) return;
    this.timers.set(
      what,
      setTimeout(() => {
        this.timers.delete(what);
        fetch().catch((err: unknown) =>
          this.log.warning(`could not refresh the ${what} of HA: ${String(err)}`),
        );
      }, REFETCH_DELAY_MS),
    );
  }

  private entitiesChanged(conn: Connection): void {
    this.entityChanges++;
    this.later('entities', () => this.fetchEntities(conn));
  }

  private async fetchEntities(conn: Connection): Promise<void> {
    const changes = this.entityChanges;
    const list = await conn.sendMessagePromise<RegistryEntity[]>({
      type: 'config/entity_registry/list',
    });
    if (changes < this.entityChangesRead) return; // a newer read landed first
    this.entities = new Map(list.map((e) => [e.entity_id, e]));
    this.entitiesRead = true;
    this.entityChangesRead = changes;
  }

  /**
   * Whether the entity registry holds an entity of this platform and unique id. When the copy
   * held lacks it and a registry change is announced but not read yet, the registry is read
   * now (the entity may be newer than the copy); else the copy is current and answers.
   * Null when the registry cannot be read: then nobody knows.
   */
  async hasEntity(platform: string, uniqueId: string): Promise<boolean | null> {
    if (this.entityByUniqueId(platform, uniqueId)) return true;
    const current = this.entitiesRead && this.entityChangesRead === this.entityChanges;
    if (!current && this.conn) await this.fetchEntities(this.conn).catch(() => undefined);
    if (!this.entitiesRead) return null;
    return this.entityByUniqueId(platform, uniqueId) !== undefined;
  }

  private async fetchDevices(conn: Connection): Promise<void> {
    const list = await conn.sendMessagePromise<RegistryDevice[]>({
      type: 'config/device_registry/list',
    });
    this.devices = new Map(list.map((d) => [d.id, d]));
  }

  private async fetchManifests(conn: Connection): Promise<void> {
    const list = await conn.sendMessagePromise<IntegrationManifest[]>({ type: 'manifest/list' });
    this.manifests = new Map(list.map((m) => [m.domain, m]));
    const loggers = new Map<string, string>();
    for (const m of list) for (const name of m.loggers ?? []) loggers.set(name, m.domain);
    this.loggers = loggers;
  }

  private async fetchConfig(conn: Connection): Promise<void> {
    const config = await conn.sendMessagePromise<{ time_zone?: unknown; language?: unknown }>({
      type: 'get_config',
    });
    this.zone = typeof config.time_zone === 'string' && config.time_zone ? config.time_zone : null;
    this.lang = typeof config.language === 'string' && config.language ? config.language : null;
  }

  /**
   * The language of the texts the sidecar writes: Home Assistant's selected language
   * (`get_config` → `language`) when ../i18n has a catalog for it, else English.
   */
  get language(): string {
    return languageOf(this.lang);
  }

  /** Home Assistant's configured time zone (IANA name), null until known. */
  get timeZone(): string | null {
    return this.zone;
  }

  /** Be told about every config entry change (after the inventory started). */
  onEntries(listener: EntriesListener): () => void {
    this.listeners.add(listener);
    if (this.entriesMap.size > 0) {
      const all = [...this.entriesMap.values()].map((e) => ({ before: undefined, after: e }));
      listener(this.entriesMap, all, true);
    }
    return () => this.listeners.delete(listener);
  }

  get entries(): ReadonlyMap<string, HaConfigEntry> {
    return this.entriesMap;
  }

  entry(entryId: string): HaConfigEntry | undefined {
    return this.entriesMap.get(entryId);
  }

  /** The entry a record of `domain` is about: named by title, else the only one. */
  entryFor(domain: string, title?: string | null): HaConfigEntry | undefined {
    const candidates = [...this.entriesMap.values()].filter((e) => e.domain === domain);
    if (title) {
      const named = candidates.find((e) => e.title === title);
      if (named) return named;
    }
    return candidates.length === 1 ? candidates[0] : undefined;
  }

  entity(entityId: string): RegistryEntity | undefined {
    return this.entities.get(entityId);
  }

  /** The ids of the entities registered to a device. */
  entitiesOf(deviceId: string): string[] {
    return [...this.entities.values()]
      .filter((e) => e.device_id === deviceId)
      .map((e) => e.entity_id);
  }

  /** The entity of an integration's unique id (e.g. an automation's config id). */
  entityByUniqueId(platform: string, uniqueId: string): RegistryEntity | undefined {
    for (const e of this.entities.values())
      if (e.platform === platform && e.unique_id === uniqueId) return e;
    return undefined;
  }

  device(deviceId: string): RegistryDevice | undefined {
    return this.devices.get(deviceId);
  }

  /** Facts of an installed integration: custom or core, and its version. */
  integration(
    domain: string,
  ): { custom: boolean; version: string | null; name: string } | undefined {
    const m = this.manifests.get(domain);
    return m && { custom: !m.is_built_in, version: m.version ?? null, name: m.name };
  }

  /** Library loggers declared by integrations (manifest `loggers`), by logger name. */
  get libraryLoggers(): ReadonlyMap<string, string> {
    return this.loggers;
  }
}
