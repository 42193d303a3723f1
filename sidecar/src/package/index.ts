/** Packaging: an incident's evidence, redacted and within a token budget. */
export { buildBundle, estimateTokens, type BundleSources } from './bundle.js';
export { enrich, haHttpBase, type Enrichment, type HaHttp } from './enrich.js';
export { Redactor, type RedactorOptions } from './redact.js';
export { keyedLabel, redactionKey } from './redaction-key.js';
export { signalRedaction, type SignalRedaction } from './signal-redaction.js';
