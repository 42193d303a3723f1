/**
 * Config entries, kept current with `config_entries/subscribe`: one full list
 * first (and again after every reconnect), then added/removed/updated changes.
 */
import type { Connection, UnsubscribeFunc } from 'home-assistant-js-websocket';

/** The states a config entry can be in (HA's ConfigEntryState values). */
export type ConfigEntryState =
  | 'not_loaded'
  | 'loaded'
  | 'setup_error'
  | 'migration_error'
  | 'setup_retry'
  | 'setup_in_progress'
  | 'unload_in_progress'
  | 'failed_unload';

/** The fields of HA's config entry JSON the sidecar uses. */
export interface HaConfigEntry {
  entry_id: string;
  domain: string;
  title: string;
  source: string;
  state: ConfigEntryState;
  reason: string | null;
  disabled_by: string | null;
}

interface EntryChange {
  type: 'added' | 'removed' | 'updated' | null;
  entry: HaConfigEntry;
}

/** A change seen by a subscriber: the entry before (if known) and after (if not removed). */
export interface EntryTransition {
  before: HaConfigEntry | undefined;
  after: HaConfigEntry | undefined;
}

/**
 * Subscribe to config entries. `onChange` gets the full current map, the
 * transitions of this message, and whether it was a full list (every entry).
 */
export async function subscribeConfigEntries(
  conn: Connection,
  onChange: (
    entries: ReadonlyMap<string, HaConfigEntry>,
    transitions: EntryTransition[],
    full: boolean,
  ) => void,
): Promise<UnsubscribeFunc> {
  const entries = new Map<string, HaConfigEntry>();
  return conn.subscribeMessage<EntryChange[]>(
    (changes) => {
      const transitions: EntryTransition[] = [];
      const full = changes.length > 0 && changes.every((c) => c.type === null);
      if (full) {
        // A full list replaces what we knew: entries removed while we were
        // disconnected must not linger.
        const previous = new Map(entries);
        entries.clear();
        for (const { entry } of changes) {
          entries.set(entry.entry_id, entry);
          transitions.push({ before: previous.get(entry.entry_id), after: entry });
          previous.delete(entry.entry_id);
        }
        for (const gone of previous.values()) transitions.push({ before: gone, after: undefined });
      } else {
        for (const { type, entry } of changes) {
          const before = entries.get(entry.entry_id);
          if (type === 'removed') entries.delete(entry.entry_id);
          else entries.set(entry.entry_id, entry);
          transitions.push({ before, after: type === 'removed' ? undefined : entry });
        }
      }
      onChange(entries, transitions, full);
    },
    { type: 'config_entries/subscribe' },
  );
}
