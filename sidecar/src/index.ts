/** Public API of the sidecar package. */
export { createApi, type ApiContext } from './api/server.js';
export { loadSettings, SettingsError, type Settings } from './config.js';
export { connectToHa, HaAuthError } from './ha/connection.js';
export { createLogger, type Logger, type LogLevel } from './log.js';
export { VERSION } from './version.js';
