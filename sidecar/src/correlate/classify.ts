/**
 * A first category and title for a new incident, from its first signal alone.
 * The analyzers refine both moments later; this only makes sure an incident is
 * never shown without them. The title is in the language given (Home Assistant's
 * when the incident opens); the signal's own message stays English evidence.
 */
import type { Category, Signal } from '@ha-llm-ops/contracts';
import { message, type MessageId } from '../i18n/index.js';

const ENTRY_STATE: Record<string, { category: Category; what: MessageId }> = {
  setup_retry: { category: 'setup_retry', what: 'incident.entry_setup_retry' },
  setup_error: { category: 'other', what: 'incident.entry_setup_error' },
  migration_error: { category: 'invalid_config', what: 'incident.entry_migration_error' },
  failed_unload: { category: 'other', what: 'incident.entry_failed_unload' },
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

/** The title of an unavailable group in `language`, or null when the signal lacks its facts. */
function unavailableTitle(signal: Signal, language: string): string | null {
  const members = signal.data.entity_ids;
  const group = signal.data.group;
  if (!Array.isArray(members) || typeof group !== 'string') return null;
  const n = members.length;
  if (n === 1 && signal.subject === members[0])
    return message(language, 'incident.entity_unavailable', { entity: String(members[0]) });
  return n === 1
    ? message(language, 'incident.entities_unavailable_one', { group })
    : message(language, 'incident.entities_unavailable_many', { count: n, group });
}

/** The title of a failed automation or script run, or of an add-on's state, in `language`; null without its facts. */
function runOrAddonTitle(signal: Signal, language: string): string | null {
  const d = signal.data;
  if (signal.kind === 'automation_error' && signal.subject && typeof d.error === 'string') {
    const id = d.domain === 'script' ? 'incident.script_failed' : 'incident.automation_failed';
    return message(language, id, { entity: signal.subject, error: d.error });
  }
  if (signal.kind === 'addon_state' && typeof d.slug === 'string' && typeof d.state === 'string')
    return message(language, 'incident.addon_state', {
      name: typeof d.name === 'string' ? d.name : d.slug,
      slug: d.slug,
      state: d.state,
    });
  return null;
}

/** The provisional category and title of an incident opened by `signal`. */
export function classify(signal: Signal, language = 'en'): { category: Category; title: string } {
  if (signal.kind === 'entry_state') {
    const state = String(signal.data.state ?? '');
    const known = ENTRY_STATE[state];
    const name = String(
      signal.data.title ?? signal.integration ?? message(language, 'incident.an_integration'),
    );
    if (known)
      return { category: known.category, title: clip(message(language, known.what, { name })) };
  }
  const category = KIND[signal.kind] ?? 'other';
  if (signal.kind === 'entities_unavailable' && signal.condition === 'active') {
    const title = unavailableTitle(signal, language);
    if (title) return { category, title: clip(title) };
  }
  const title = runOrAddonTitle(signal, language);
  if (title) return { category, title: clip(title) };
  return { category, title: clip(signal.message) };
}
