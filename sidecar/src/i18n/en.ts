/**
 * The sidecar's own user-facing sentences in English, keyed by stable ids: the
 * English catalog and the source every other language translates. Placeholders
 * are `{name}`. (The offline analyzer's explanations stay in their signature
 * files; a language's file translates them by their English text, see index.ts.)
 */
export const EN = {
  // Provisional incident titles (correlate), shown until an analyzer explains the incident.
  'incident.entry_setup_retry': '{name} is stuck in setup retry',
  'incident.entry_setup_error': '{name} failed to set up',
  'incident.entry_migration_error': '{name} failed to migrate its configuration',
  'incident.entry_failed_unload': '{name} failed to unload',
  'incident.entity_unavailable': '{entity} is unavailable',
  'incident.entities_unavailable_one': '1 entity of {group} is unavailable',
  'incident.entities_unavailable_many': '{count} entities of {group} are unavailable',
  'incident.an_integration': 'an integration',
  // Track records and why an action is no longer proposed (plan).
  'track.untried': '{action} has not been tried for {integration} here yet.',
  'track.fixed': '{action} fixed {integration} {verified} of {tries} times here.',
  'track.worked': '{action} worked for {integration} {verified} of {tries} times here.',
  'track.given_up': '{action} failed for {integration} the last {count} times here.',
  'plan.setup_retry_reload':
    '{entry} is stuck in setup retry; a reload sets it up at once when its cause is gone.',
  // What the LLM is asked to write in (analyze).
  'llm.answer_language':
    'Write every text field of the answer (summary, root_cause, impact, rationale, test descriptions, manual_steps) in English.',
} as const;

/** The id of a sentence of the sidecar's own catalog. */
export type MessageId = keyof typeof EN;
