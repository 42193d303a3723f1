/** Reporting: incidents and actions told to Home Assistant as events. */
export { incidentEvent, Reporter, type ReporterOptions } from './reporter.js';
export {
  buildUpstreamReport,
  CORE_TRACKER,
  githubIssues,
  MAX_URL_CHARS,
  trackerOf,
  type ReportedIntegration,
  type UpstreamSources,
} from './upstream.js';
