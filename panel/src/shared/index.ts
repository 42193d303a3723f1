/**
 * What the panel and the cards share, through this one entry (the cards import it as
 * `@ha-llm-ops/panel/shared`): the data source over HA's WebSocket API and its types, the
 * proposal tracker, live updates, the loading controller, the proposal element, and the
 * labels, icons, confirmation dialog and base styles both draw with.
 */
export * from './data/types.js';
export * from './data/ha-source.js';
export * from './data/proposal-tracker.js';
export * from './live.js';
export * from './loading.js';
export * from './proposal/proposal.js';
export * from './proposal/proposal-styles.js';
export * from './proposal/proposal-view.js';
export * from './ui/confirm.js';
export * from './ui/format.js';
export * from './ui/icons.js';
export * from './ui/styles.js';
export * from './i18n/index.js';
