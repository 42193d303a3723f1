/** German words of the dashboard cards and their editors; the same keys as `en.ts`. */
import type { en } from './en.js';

export const de: Readonly<Record<keyof typeof en, string>> = {
  'card.offline': 'Der LLM-Ops-Sidecar ist nicht erreichbar.',
  'card.not_loaded': 'LLM Ops ist nicht eingerichtet.',
  'card.loading': 'Wird geladen…',
  'card.open_panel': 'LLM Ops öffnen',
  'card.picker.incidents.name': 'LLM-Ops-Vorfälle',
  'card.picker.incidents.description':
    'Offene Vorfälle mit Anzahl nach Schweregrad; tippe auf einen, um ihn in LLM Ops zu öffnen.',
  'card.picker.approval.name': 'LLM-Ops-Genehmigungen',
  'card.picker.approval.description':
    'Behebungen, die auf Genehmigung warten, mit ihrer Vorschau (Probelauf); genehmigen oder ablehnen.',
  'card.incidents.title': 'Vorfälle',
  'card.incidents.counts': 'Offene Vorfälle nach Schweregrad',
  'card.incidents.show_entity': '{entity} anzeigen',
  'card.incidents.empty': 'Keine offenen Vorfälle.',
  'card.incidents.more': '{count} weitere in LLM Ops',
  'card.false_alarm.heading': 'Kein Problem?',
  'card.false_alarm.body':
    '„{title}“ wird als Fehlalarm geschlossen; derselbe Fehler bleibt dann 90 Tage lang still. Im LLM-Ops-Panel rückgängig zu machen.',
  'card.false_alarm.confirm': 'Kein Problem',
  'card.false_alarm.reason': 'Warum ist es kein Problem? (optional)',
  'card.false_alarm.label': 'Kein Problem: {title}',
  'card.approval.title': 'Ausstehende Genehmigungen',
  'card.approval.empty': 'Nichts wartet auf Genehmigung.',
  'card.approval.more': '{count} weitere warten',
  'config.mapping':
    'Ungültige Konfiguration: erwartet werden Optionen als Zuordnung (Schlüssel: Wert)',
  'config.text': '{key} muss Text sein',
  'config.pattern': '{key} muss {what} sein, nicht „{value}“',
  'config.boolean': '{key} muss true oder false sein',
  'config.integer': '{key} muss eine ganze Zahl von {min} bis {max} sein',
  'config.severity': 'min_severity muss einer dieser Werte sein: {list}',
  'config.domain': 'eine Integrationsdomäne wie zha',
  'config.entity': 'eine Entitäts-ID',
  'editor.title': 'Titel',
  'editor.incidents_max': 'Höchstens angezeigte Vorfälle',
  'editor.show_counts': 'Anzahl nach Schweregrad anzeigen',
  'editor.min_severity': 'Niedrigster angezeigter Schweregrad',
  'editor.all': 'Alle',
  'editor.integration': 'Nur diese Integration',
  'editor.integration_placeholder': 'z. B. zha',
  'editor.integration_helper': 'Eine Integrationsdomäne; leer lassen für alle.',
  'editor.entity': 'Entität, die die Anzahlen öffnen',
  'editor.approval_max': 'Höchstens angezeigte Vorschläge',
  'editor.show_preview': 'Vorschau (Probelauf) anzeigen',
};
