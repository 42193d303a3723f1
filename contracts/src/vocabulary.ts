/** The product's shared vocabulary: categories, remedies, actions, severities, statuses. */
import * as v from 'valibot';

/** The failure classes an incident can belong to (DESIGN.md §4). */
export const CATEGORIES = [
  'setup_retry',
  'auth_expired',
  'invalid_config',
  'automation_error',
  'device_unavailable',
  'network_unreachable',
  'database',
  'blocking_io',
  'slow_update',
  'incompatible_custom_component',
  'dependency_install',
  'certificate',
  'rate_limited',
  'security_login',
  'resource_exhaustion',
  'addon_crash',
  'proxy_misconfig',
  'log_flood',
  'other',
] as const;
export const Category = v.picklist(CATEGORIES);
export type Category = v.InferOutput<typeof Category>;

/** The kind of fix that actually helps, shown to the user first. */
export const REMEDIES = [
  'reload_config_entry',
  'start_reauth',
  'fix_config_then_reload',
  'restart_addon',
  'restart_core',
  'update_or_remove_custom_component',
  'check_network_or_device',
  'free_disk_or_repair_db',
  'notify_only',
] as const;
export const Remedy = v.picklist(REMEDIES);
export type Remedy = v.InferOutput<typeof Remedy>;

/** The allow-list: nothing outside it can ever be executed (DESIGN.md §3). */
export const ACTION_IDS = [
  'reload_config_entry',
  'start_reauth',
  'reload_automations',
  'reload_scripts',
  'disable_automation',
  'set_integration_log_level',
  'quiet_logger',
  'capture_debug_log',
  'disable_config_entry',
  'restart_addon',
  'power_cycle_device',
  'create_backup',
  'restart_core',
  'apply_suggestion',
] as const;
export const ActionId = v.picklist(ACTION_IDS);
export type ActionId = v.InferOutput<typeof ActionId>;

/** Severities, mirroring HA's Repairs levels plus info. */
export const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
export const Severity = v.picklist(SEVERITIES);
export type Severity = v.InferOutput<typeof Severity>;

/** Rank for sorting and thresholds: higher is more severe. */
export const SEVERITY_RANK: Record<Severity, number> = {
  critical: 3,
  error: 2,
  warning: 1,
  info: 0,
};

export const INCIDENT_STATUSES = [
  'open',
  'analyzing',
  'awaiting_approval',
  'remediating',
  'resolved',
  'dismissed',
] as const;
export const IncidentStatus = v.picklist(INCIDENT_STATUSES);
export type IncidentStatus = v.InferOutput<typeof IncidentStatus>;

/** An incident in one of these needs nothing more done: it is over. */
export const CLOSED_STATUSES = [
  'resolved',
  'dismissed',
] as const satisfies readonly IncidentStatus[];

/** Whether an incident with this status is over (resolved or dismissed). */
export function isClosed(status: IncidentStatus): boolean {
  return (CLOSED_STATUSES as readonly IncidentStatus[]).includes(status);
}

/** Where a signal came from: one collector each. */
export const SIGNAL_SOURCES = [
  'system_log',
  'config_entries',
  'repairs',
  'entities',
  'automations',
  'supervisor',
] as const;
export const SignalSource = v.picklist(SIGNAL_SOURCES);
export type SignalSource = v.InferOutput<typeof SignalSource>;

export const RISKS = ['low', 'medium', 'high'] as const;
export const Risk = v.picklist(RISKS);
export type Risk = v.InferOutput<typeof Risk>;

/** The sidecar's modes: only watch, propose for approval, or act on its own within the policy. */
export const MODES = ['observe', 'approve', 'auto'] as const;
export const Mode = v.picklist(MODES);
export type Mode = v.InferOutput<typeof Mode>;

/** An ISO 8601 timestamp with time zone. */
export const Timestamp = v.pipe(v.string(), v.isoTimestamp());
