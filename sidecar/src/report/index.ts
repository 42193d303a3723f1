/** Reporting: incidents and actions told to Home Assistant as events. */
export { incidentEvent, Reporter, type ReporterOptions } from './reporter.js';
