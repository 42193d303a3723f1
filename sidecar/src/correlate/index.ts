/** Correlation: signals become incidents, one per broken thing. */
export { Correlator, type CorrelatorOptions } from './correlator.js';
