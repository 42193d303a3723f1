/** Analysis: root cause, impact and candidate actions, offline or by a model. */
export {
  OfflineIncidentAnalyzer,
  type OfflineIncidentAnalyzerOptions,
} from './incident-analyzer.js';
export { createLlmAnalyzer, LlmAnalyzer } from './llm/index.js';
export { incidentsOf, LogIncidentBuilder, type LogIncident } from './log-file.js';
export { isNoise } from './noise.js';
export { FLOOD_REPEATS } from './offline/signatures/log-flood.js';
