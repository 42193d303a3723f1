/** Schemas shared by the sidecar, the integration and the front end. */
export * from './health.js';
