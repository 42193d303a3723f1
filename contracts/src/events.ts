import * as v from 'valibot';
import { ProposalStatus } from './action.js';
import { OutcomeKind } from './outcome.js';
import { ActionId, Category, IncidentStatus, Remedy, Severity } from './vocabulary.js';

/** Payload of the `llm_ops_incident` event on HA's bus: small, never a bundle (HA records events). */
export const IncidentEvent = v.object({
  incident_id: v.string(),
  /** opened, updated, resolved or dismissed. */
  change: v.picklist(['opened', 'updated', 'resolved', 'dismissed']),
  status: IncidentStatus,
  integration: v.nullable(v.string()),
  category: Category,
  severity: Severity,
  title: v.pipe(v.string(), v.maxLength(255)),
  occurrences: v.pipe(v.number(), v.integer(), v.minValue(1)),
  remedy: v.nullable(Remedy),
  confidence: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  /**
   * How it ended, on `resolved` and `dismissed`; null otherwise. Absent in events
   * queued by versions before outcomes.
   */
  outcome: v.optional(v.nullable(OutcomeKind)),
});
export type IncidentEvent = v.InferOutput<typeof IncidentEvent>;

/** Payload of the `llm_ops_action` event. */
export const ActionEvent = v.object({
  proposal_id: v.string(),
  incident_id: v.string(),
  action_id: ActionId,
  status: ProposalStatus,
  backup_id: v.nullable(v.string()),
});
export type ActionEvent = v.InferOutput<typeof ActionEvent>;

export const INCIDENT_EVENT = 'llm_ops_incident';
export const ACTION_EVENT = 'llm_ops_action';

/** Who or what ended a maintenance window. */
export const MaintenanceEndReason = v.picklist(['time', 'user']);

/** One failure seen while maintenance was on (a title, never evidence). */
export const MaintenanceFailure = v.object({
  title: v.pipe(v.string(), v.maxLength(255)),
  integration: v.nullable(v.string()),
  severity: Severity,
  occurrences: v.pipe(v.number(), v.integer(), v.minValue(1)),
  first_seen: v.string(),
  last_seen: v.string(),
  /** Still failing when the window ended: it opens an incident now. */
  still_failing: v.boolean(),
});
export type MaintenanceFailure = v.InferOutput<typeof MaintenanceFailure>;

/**
 * Payload of the `llm_ops_maintenance` event, fired once when a maintenance window
 * ends: what failed during it and what is still failing (at most 20 failures listed).
 */
export const MaintenanceSummary = v.object({
  started_at: v.string(),
  ended_at: v.string(),
  ended_by: MaintenanceEndReason,
  /** The person or surface that started it (`panel`, `entity`, `action`, `api`). */
  started_by: v.nullable(v.string()),
  surface: v.string(),
  failed_count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  still_failing_count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  failures: v.array(MaintenanceFailure),
});
export type MaintenanceSummary = v.InferOutput<typeof MaintenanceSummary>;

export const MAINTENANCE_EVENT = 'llm_ops_maintenance';

/** Maintenance as `GET /api/maintenance` and the status report show it. */
export const MaintenanceState = v.object({
  active: v.boolean(),
  started_at: v.nullable(v.string()),
  /** When it ends by itself (ISO 8601, UTC). */
  until: v.nullable(v.string()),
  /** How long it was started for (an extension does not change it). */
  minutes: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
  started_by: v.nullable(v.string()),
  surface: v.nullable(v.string()),
  /** Failures held back so far in this window. */
  failed_count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The summary of the last window that ended, if any. */
  last_summary: v.nullable(MaintenanceSummary),
});
export type MaintenanceState = v.InferOutput<typeof MaintenanceState>;
