/** Schemas shared by the sidecar, the integration and the front end. */
export * from './action.js';
export * from './answers.js';
export * from './events.js';
export * from './evidence.js';
export * from './health.js';
export * from './incident.js';
export * from './knowledge.js';
export * from './outcome.js';
export * from './policy.js';
export * from './rca.js';
export * from './signal.js';
export * from './update.js';
export * from './upstream.js';
export * from './vocabulary.js';
