/**
 * The LLM Ops dashboard cards, loaded on every frontend page by the integration
 * (`frontend.add_extra_js_url`): the incidents card, the approval card, their editors,
 * and their entries in the card picker.
 */
import './approval-card.js';
import './editors.js';
import './incidents-card.js';
import { browserLanguage, localize, setLanguage } from '@ha-llm-ops/panel/shared';
import './i18n/index.js';

export { LlmOpsApprovalCard } from './approval-card.js';
export { LlmOpsApprovalCardEditor, LlmOpsIncidentsCardEditor } from './editors.js';
export { LlmOpsIncidentsCard } from './incidents-card.js';

/** An entry of the dashboard's card picker. */
export interface CustomCardEntry {
  type: string;
  name: string;
  description?: string;
  preview?: boolean;
  documentationURL?: string;
}

declare global {
  interface Window {
    customCards?: CustomCardEntry[];
  }
}

const DOCS = 'https://github.com/ha-llm-ops/ha-llm-ops';

// The picker lists cards before any card has `hass`: the language HA stored for this browser.
setLanguage(browserLanguage());

export const CUSTOM_CARDS: readonly CustomCardEntry[] = [
  {
    type: 'llm-ops-incidents-card',
    name: localize('card.picker.incidents.name'),
    description: localize('card.picker.incidents.description'),
    preview: true,
    documentationURL: DOCS,
  },
  {
    type: 'llm-ops-approval-card',
    name: localize('card.picker.approval.name'),
    description: localize('card.picker.approval.description'),
    preview: true,
    documentationURL: DOCS,
  },
];

window.customCards = window.customCards ?? [];
for (const card of CUSTOM_CARDS) {
  if (!window.customCards.some((c) => c.type === card.type)) window.customCards.push(card);
}
