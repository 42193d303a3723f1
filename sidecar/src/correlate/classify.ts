/**
 * A first category and title for a new incident, from its first signal alone.
 * The analyzers refine both moments later; this only makes sure an incident is
 * never shown without them.
 */
import type { Category, Signal } from '@ha-llm-ops/contracts';

const ENTRY_STATE: Record<string, { category: Category; what: string }> = {
  setup_retry: { category: 'setup_retry', what: 'is stuck in setup retry' },
  setup_error: { category: 'other', what: 'failed to set up' },
  migration_error: { category: 'invalid_config', what: 'failed to migrate its configuration' },
  failed_unload: { category: 'other', what: 'failed to unload' },
};

const KIND: Record<string, Category> = {
  entities_unavailable: 'device_unavailable',
  automation_error: 'automation_error',
  addon_state: 'addon_crash',
};

const MAX_TITLE = 120;

function clip(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > MAX_TITLE ? `${line.slice(0, MAX_TITLE - 1)}…` : line;
}

/** The provisional category and title of an incident opened by `signal`. */
export function classify(signal: Signal): { category: Category; title: string } {
  if (signal.kind === 'entry_state') {
    const state = String(signal.data.state ?? '');
    const known = ENTRY_STATE[state];
    const name = String(signal.data.title ?? signal.integration ?? 'an integration');
    if (known) return { category: known.category, title: clip(`${name} ${known.what}`) };
  }
  return { category: KIND[signal.kind] ?? 'other', title: clip(signal.message) };
}
