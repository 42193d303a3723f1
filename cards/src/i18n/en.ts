/**
 * English words of the dashboard cards and their editors. The source every other language
 * follows: a key added here must be added to every other catalog in this folder.
 */
export const en = {
  'card.offline': 'The LLM Ops sidecar cannot be reached.',
  'card.not_loaded': 'LLM Ops is not set up.',
  'card.loading': 'Loading…',
  'card.open_panel': 'Open LLM Ops',
  'card.picker.incidents.name': 'LLM Ops incidents',
  'card.picker.incidents.description':
    'Open incidents with counts by severity; tap one to open it in LLM Ops.',
  'card.picker.approval.name': 'LLM Ops approvals',
  'card.picker.approval.description':
    'Fixes waiting for approval, with their dry-run preview; approve or reject.',
  'card.incidents.title': 'Incidents',
  'card.incidents.counts': 'Open incidents by severity',
  'card.incidents.show_entity': 'Show {entity}',
  'card.incidents.empty': 'No open incidents.',
  'card.incidents.more': '{count} more in LLM Ops',
  'card.false_alarm.heading': 'Not a problem?',
  'card.false_alarm.body':
    '“{title}” closes as a false alarm; the same failure then stays quiet for 90 days. Undo it in the LLM Ops panel.',
  'card.false_alarm.confirm': 'Not a problem',
  'card.false_alarm.reason': 'Why is it no problem? (optional)',
  'card.false_alarm.label': 'Not a problem: {title}',
  'card.approval.title': 'Pending approvals',
  'card.approval.empty': 'Nothing waits for approval.',
  'card.approval.more': '{count} more waiting',
  'config.mapping': 'Invalid configuration: expected a mapping of options',
  'config.text': '{key} must be text',
  'config.pattern': '{key} must be {what}, not "{value}"',
  'config.boolean': '{key} must be true or false',
  'config.integer': '{key} must be a whole number from {min} to {max}',
  'config.severity': 'min_severity must be one of {list}',
  'config.domain': 'an integration domain such as zha',
  'config.entity': 'an entity id',
  'editor.title': 'Title',
  'editor.incidents_max': 'Incidents shown at most',
  'editor.show_counts': 'Show counts by severity',
  'editor.min_severity': 'Least severity shown',
  'editor.all': 'All',
  'editor.integration': 'Only this integration',
  'editor.integration_placeholder': 'e.g. zha',
  'editor.integration_helper': 'An integration domain; leave empty for all.',
  'editor.entity': 'Entity the counts open',
  'editor.approval_max': 'Proposals shown at most',
  'editor.show_preview': 'Show the dry-run preview',
} as const;
