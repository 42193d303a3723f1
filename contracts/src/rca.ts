import * as v from 'valibot';
import { ActionId, Category, Remedy, Risk } from './vocabulary.js';

/** An action the analysis suggests; the planner still resolves and checks every parameter. */
export const CandidateAction = v.object({
  action_id: ActionId,
  params: v.record(v.string(), v.union([v.string(), v.number(), v.boolean()])),
  rationale: v.string(),
  risk: Risk,
  /**
   * It helps only after the user changed something (the rationale says what): proposed, and
   * never run by itself, whatever the policy says.
   */
  after_user_fix: v.optional(v.boolean()),
});
export type CandidateAction = v.InferOutput<typeof CandidateAction>;

/** The typed post-conditions the executor can check. */
export const VERIFICATION_KINDS = [
  'config_entry_loaded',
  'config_entry_disabled',
  'entities_available',
  'no_new_matching_errors',
  'addon_started',
  'automation_runs_clean',
  'automation_off',
  'log_level_set',
  'reauth_started',
  'backup_present',
  'core_running',
  'supervisor_issue_resolved',
  'device_reporting',
  'manual',
] as const;

/** A check that tells whether a fix worked. */
export const VerificationTest = v.object({
  kind: v.picklist(VERIFICATION_KINDS),
  description: v.string(),
  timeout_s: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});
export type VerificationTest = v.InferOutput<typeof VerificationTest>;

/** The explanation of an incident: what broke, why, what it affects, what to do. */
export const RcaResult = v.object({
  summary: v.pipe(v.string(), v.minLength(1)),
  root_cause: v.pipe(v.string(), v.minLength(1)),
  impact: v.string(),
  confidence: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  category: Category,
  remedy: Remedy,
  /** References into the evidence bundle (e.g. "log:0", "entry", "entity:sensor.x"). */
  evidence_refs: v.array(v.string()),
  candidate_actions: v.array(CandidateAction),
  risk: Risk,
  tests: v.array(VerificationTest),
  manual_steps: v.array(v.string()),
  /** Which analyzer produced it, and the signature that matched (offline). */
  analyzer: v.picklist(['offline', 'llm', 'ai_task']),
  signature: v.nullable(v.string()),
});
export type RcaResult = v.InferOutput<typeof RcaResult>;
