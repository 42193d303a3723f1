import * as v from 'valibot';
import { VerificationTest } from './rca.js';
import { ActionId, Risk, Timestamp } from './vocabulary.js';

export const PROPOSAL_STATUSES = [
  'proposed',
  'approved',
  'rejected',
  'expired',
  'executing',
  'succeeded',
  'failed',
  'rolled_back',
  'interrupted',
] as const;
export const ProposalStatus = v.picklist(PROPOSAL_STATUSES);
export type ProposalStatus = v.InferOutput<typeof ProposalStatus>;

/** Parameter values an action takes (resolved and checked by code, never free-form calls). */
export const ActionParams = v.record(v.string(), v.union([v.string(), v.number(), v.boolean()]));
export type ActionParams = v.InferOutput<typeof ActionParams>;

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

/**
 * How an action went for an integration in this home before it was proposed: its finished
 * runs for incidents of the integration (runs a restart cut short are not counted) and how
 * many passed verification (for an action that fixes: fixed the failure).
 */
export const TrackRecord = v.object({
  integration: v.string(),
  tries: Count,
  verified: Count,
  /** The latest tries that failed, in a row (0 when the latest passed or there is none). */
  failed_in_a_row: Count,
  /** In words: "Reload the integration entry fixed fault_lab 5 of 6 times here." */
  summary: v.string(),
});
export type TrackRecord = v.InferOutput<typeof TrackRecord>;

/** An action the planner no longer proposes for an incident, and why (it failed here repeatedly). */
export const NotProposed = v.object({
  action_id: ActionId,
  label: v.string(),
  track_record: TrackRecord,
  /** In words: "Reload the integration entry failed for fault_lab the last 3 times here." */
  reason: v.string(),
});
export type NotProposed = v.InferOutput<typeof NotProposed>;

/** What a proposal will do, shown before anyone approves it. */
export const ActionPreview = v.object({
  /** The action's name for people ("Reload the integration entry"), from the action itself. */
  label: v.string(),
  /** What will happen, in words. */
  summary: v.string(),
  /** When it makes sense to run it, e.g. "reload once the device answers again". */
  precondition: v.string(),
  /** What the backup taken first covers, or null when none is needed. */
  backup: v.nullable(v.string()),
  /** What is checked afterwards. */
  verification: v.array(VerificationTest),
  /** How it is undone if verification fails. */
  rollback: v.string(),
  /**
   * How the action went for the incident's integration here when it was proposed; null when
   * the incident names no integration (or for proposals made before track records).
   */
  track_record: v.nullable(TrackRecord),
});
export type ActionPreview = v.InferOutput<typeof ActionPreview>;

/** A concrete, allow-listed action for one incident, waiting for (or past) a decision. */
export const ActionProposal = v.object({
  id: v.string(),
  incident_id: v.string(),
  action_id: ActionId,
  params: ActionParams,
  status: ProposalStatus,
  risk: Risk,
  rationale: v.string(),
  preview: ActionPreview,
  /** Who proposed it: an analyzer or a user through the API. */
  proposed_by: v.picklist(['offline', 'llm', 'ai_task', 'user']),
  created_at: Timestamp,
  expires_at: v.nullable(Timestamp),
  decided_at: v.nullable(Timestamp),
  decided_by: v.nullable(v.string()),
});
export type ActionProposal = v.InferOutput<typeof ActionProposal>;

/** `POST /api/actions/propose`: a proposal as a client submits it. */
export const ProposeActionRequest = v.strictObject({
  incident_id: v.pipe(v.string(), v.minLength(1)),
  action_id: ActionId,
  params: v.optional(ActionParams, {}),
  rationale: v.optional(v.pipe(v.string(), v.maxLength(2000)), ''),
});
export type ProposeActionRequest = v.InferOutput<typeof ProposeActionRequest>;

export const EXECUTION_STEPS = ['precheck', 'backup', 'apply', 'verify', 'rollback'] as const;

/** One step of an execution, as journaled. */
export const ExecutionStep = v.object({
  step: v.picklist(EXECUTION_STEPS),
  status: v.picklist(['running', 'succeeded', 'failed', 'skipped']),
  started_at: Timestamp,
  finished_at: v.nullable(Timestamp),
  detail: v.string(),
});
export type ExecutionStep = v.InferOutput<typeof ExecutionStep>;

/** A run of an approved proposal. */
export const ActionExecution = v.object({
  id: v.string(),
  proposal_id: v.string(),
  status: v.picklist(['running', 'succeeded', 'failed', 'rolled_back', 'interrupted']),
  started_at: Timestamp,
  finished_at: v.nullable(Timestamp),
  steps: v.array(ExecutionStep),
});
export type ActionExecution = v.InferOutput<typeof ActionExecution>;

/** How an execution ended. */
export const ExecutionResult = v.object({
  execution_id: v.string(),
  proposal_id: v.string(),
  outcome: v.picklist(['succeeded', 'failed', 'rolled_back', 'interrupted']),
  backup_id: v.nullable(v.string()),
  verification: v.object({
    passed: v.boolean(),
    checks: v.array(v.object({ description: v.string(), passed: v.boolean(), detail: v.string() })),
  }),
  rollback: v.nullable(
    v.object({ attempted: v.boolean(), succeeded: v.boolean(), detail: v.string() }),
  ),
  error: v.nullable(v.string()),
});
export type ExecutionResult = v.InferOutput<typeof ExecutionResult>;
