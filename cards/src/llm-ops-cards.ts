/**
 * The LLM Ops dashboard cards, loaded on every frontend page by the integration
 * (`frontend.add_extra_js_url`): the incidents card, the approval card, their editors,
 * and their entries in the card picker.
 */
import './approval-card.js';
import './editors.js';
import './incidents-card.js';

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

export const CUSTOM_CARDS: readonly CustomCardEntry[] = [
  {
    type: 'llm-ops-incidents-card',
    name: 'LLM Ops incidents',
    description: 'Open incidents with counts by severity; tap one to open it in LLM Ops.',
    preview: true,
    documentationURL: DOCS,
  },
  {
    type: 'llm-ops-approval-card',
    name: 'LLM Ops approvals',
    description: 'Fixes waiting for approval, with their dry-run preview; approve or reject.',
    preview: true,
    documentationURL: DOCS,
  },
];

window.customCards = window.customCards ?? [];
for (const card of CUSTOM_CARDS) {
  if (!window.customCards.some((c) => c.type === card.type)) window.customCards.push(card);
}
