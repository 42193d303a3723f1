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
