/** Correlation: signals become incidents, one per broken thing. */
export { Correlator, type CorrelatorOptions } from './correlator.js';
export {
  Maintenance,
  MAINTENANCE_MAX_MINUTES,
  MaintenanceRefused,
  type MaintenanceSurface,
} from './maintenance.js';
