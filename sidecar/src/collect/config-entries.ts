/**
 * Config entries that fail: setup_retry, setup_error, migration_error and
 * failed_unload, with HA's reason. A condition per entry, cleared when the
 * entry loads again (or is disabled or deleted).
 */
import type { Severity, Signal } from '@ha-llm-ops/contracts';
import type { ConfigEntryState, HaConfigEntry } from '../ha/config-entries.js';
import type { Collector } from './collector.js';

const FAILING: Partial<Record<ConfigEntryState, Severity>> = {
  setup_retry: 'error',
  setup_error: 'error',
  migration_error: 'error',
  failed_unload: 'warning',
};

/** States that say nothing yet: the entry is on its way somewhere. */
const TRANSIENT = new Set<ConfigEntryState>(['setup_in_progress', 'unload_in_progress']);

const DESCRIBE: Record<string, string> = {
  setup_retry: 'is stuck in setup retry',
  setup_error: 'failed to set up',
  migration_error: 'failed to migrate its configuration',
  failed_unload: 'failed to unload',
};

/**
 * Whether a state says nothing yet. An enabled entry in `not_loaded` is on its way
 * through a reload (HA unloads, then sets up again): a fix's own reload must not
 * read as the fix having worked.
 */
const undecided = (entry: HaConfigEntry): boolean =>
  TRANSIENT.has(entry.state) || (entry.state === 'not_loaded' && entry.disabled_by === null);

/** The signal for an entry's state, or null when its state says nothing. */
export function entrySignal(entry: HaConfigEntry, at: string): Signal | null {
  if (undecided(entry)) return null;
  const severity = FAILING[entry.state];
  const failing = severity !== undefined && entry.disabled_by === null;
  const reason = entry.reason ? `: ${entry.reason}` : '';
  return {
    source: 'config_entries',
    kind: 'entry_state',
    condition: failing ? 'active' : 'cleared',
    key: entry.entry_id,
    observed_at: at,
    integration: entry.domain,
    entry_id: entry.entry_id,
    subject: null,
    severity: severity ?? 'info',
    message: failing
      ? `${entry.title} (${entry.domain}) ${DESCRIBE[entry.state]}${reason}`
      : `${entry.title} (${entry.domain}) is ${entry.state}`,
    count: 1,
    data: { state: entry.state, reason: entry.reason, title: entry.title, source: entry.source },
    sensitive: [],
  };
}

export const configEntriesCollector: Collector = {
  source: 'config_entries',
  enabled: () => true,

  async start(ctx) {
    return ctx.inventory.onEntries((entries, transitions, fullList) => {
      const at = ctx.now().toISOString();
      for (const { after, before } of transitions) {
        if (after) {
          const signal = entrySignal(after, at);
          if (signal) ctx.sink.emit(signal);
        } else if (before) {
          // Deleted: whatever it was, it fails no more.
          const gone = entrySignal({ ...before, state: 'loaded', disabled_by: null }, at);
          if (gone)
            ctx.sink.emit({
              ...gone,
              message: `${before.title} (${before.domain}) was deleted`,
              data: { ...gone.data, state: 'deleted' },
            });
        }
      }
      if (fullList) {
        // After a full list, failing (or undecided) entries are all there is.
        const keep = new Set(
          [...entries.values()]
            .filter((e) => undecided(e) || (FAILING[e.state] && e.disabled_by === null))
            .map((e) => e.entry_id),
        );
        ctx.sink.reconcile('config_entries', keep);
      }
    });
  },
};
