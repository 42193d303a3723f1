/**
 * The HTTP API's answers that carry other contracts: a page of incidents (`GET /api/incidents`),
 * an incident with everything its detail view shows (`GET /api/incidents/{id}`), a proposal
 * with how it ran (`GET /api/actions/{id}`), the sidecar's status (`GET /api/status`) and
 * everything the integration shows (`GET /api/summary`); the
 * knowledge file's answer is in knowledge.ts. The OpenAPI document and the JSON Schema files
 * refer to the contracts they carry by name rather than copying them; a field's
 * `description` is what they say of it.
 */
import * as v from 'valibot';
import { ActionExecution, ActionProposal, ExecutionResult, NotProposed } from './action.js';
import { MaintenanceState } from './events.js';
import { EvidenceBundle } from './evidence.js';
import { Incident } from './incident.js';
import { KnowledgeReport, KnowledgeRule, KnowledgeStatus } from './knowledge.js';
import { LearnedQuiet, OutcomeStats, Suppression } from './outcome.js';
import { RcaResult } from './rca.js';
import { Signal } from './signal.js';
import { UpdateAttribution } from './update.js';
import { DebugCapture } from './upstream.js';
import { Mode, Remedy, Timestamp } from './vocabulary.js';

const Count = v.pipe(v.number(), v.integer());

/** What the model calls of one incident took, all together (`IncidentDetail.llm_usage`). */
export const LlmUsage = v.object({
  calls: v.pipe(Count, v.description('Model calls, repair attempts included')),
  prompt_tokens: Count,
  completion_tokens: Count,
  /** In the currency of the configured prices. */
  cost: v.pipe(
    v.number(),
    v.description('From the configured prices per million tokens, in their currency'),
  ),
  latency_ms: v.pipe(Count, v.description('Time spent waiting for the model')),
});
export type LlmUsage = v.InferOutput<typeof LlmUsage>;

/**
 * A signal as the journal keeps it for its incident: with its row id, and without the
 * integration, config entry and subject (the incident names those).
 */
export const StoredSignal = v.object({
  id: Count,
  ...v.omit(Signal, ['integration', 'entry_id', 'subject']).entries,
});
export type StoredSignal = v.InferOutput<typeof StoredSignal>;

/** `GET /api/incidents`: a page of incidents, most recently seen first. */
export const IncidentPage = v.object({
  items: v.array(Incident),
  total: Count,
  limit: Count,
  offset: Count,
});
export type IncidentPage = v.InferOutput<typeof IncidentPage>;

/** `GET /api/incidents/{id}`: an incident with everything the detail view shows. */
export const IncidentDetail = v.object({
  incident: Incident,
  signals: v.array(StoredSignal),
  bundle: v.nullable(EvidenceBundle),
  analysis: v.nullable(RcaResult),
  proposals: v.array(ActionProposal),
  llm_usage: v.pipe(
    v.nullable(LlmUsage),
    v.description(
      'What the model calls for this incident took, all together; null when no model was asked',
    ),
  ),
  not_proposed: v.pipe(
    v.array(NotProposed),
    v.description('Actions no longer proposed because they failed here repeatedly, and why.'),
  ),
  /** Debug lines captured for it (capture_debug_log), redacted, oldest capture first. */
  debug_captures: v.array(DebugCapture),
  /** The update (of HA, an add-on or an integration) it started soon after; null when none. */
  after_update: v.pipe(
    v.nullable(UpdateAttribution),
    v.description(
      'The update of Home Assistant, an add-on or an integration it started soon after, with the backup from before it; null when none.',
    ),
  ),
});
export type IncidentDetail = v.InferOutput<typeof IncidentDetail>;

/** `GET /api/actions/{id}`: a proposal with how it ran. */
export const ProposalDetail = v.object({
  proposal: ActionProposal,
  execution: v.nullable(ActionExecution),
  result: v.nullable(ExecutionResult),
});
export type ProposalDetail = v.InferOutput<typeof ProposalDetail>;

/** The optional LLM analyzer: what it may still be asked, and why it is paused (`Status.llm`). */
export const LlmStatus = v.object({
  backend: v.picklist(['openai', 'ai_task']),
  model: v.string(),
  calls_per_hour: Count,
  calls_left_this_hour: v.pipe(
    Count,
    v.description('Model calls still allowed in the rolling hour'),
  ),
  /** Recorded cost of the model calls since the 1st of the month (HA's time zone). */
  cost_this_month: v.pipe(
    v.number(),
    v.description("Recorded cost since the 1st of the month, in Home Assistant's time zone"),
  ),
  /** The monthly cost cap; null when there is none. */
  monthly_cost_cap: v.pipe(v.nullable(v.number()), v.description('null: no cap')),
  paused: v.pipe(
    v.nullable(v.picklist(['monthly_cost_cap', 'hourly_calls'])),
    v.description('Why the model is not asked now (offline analysis only); null when it may be'),
  ),
  month_resets_at: v.pipe(
    Timestamp,
    v.description('When the month, and so the cost cap, starts afresh'),
  ),
});
export type LlmStatus = v.InferOutput<typeof LlmStatus>;

/** The policy as the sidecar loaded it. */
export const PolicyStatus = v.object({
  valid: v.boolean(),
  error: v.nullable(v.string()),
  source: v.string(),
  max_actions_per_hour: Count,
  quiet_hours: v.nullable(v.object({ start: v.string(), end: v.string() })),
  auto_actions: v.array(v.string()),
});
export type PolicyStatus = v.InferOutput<typeof PolicyStatus>;

/** `GET /api/status`: what the sidecar is doing and how it is allowed to act. */
export const Status = v.object({
  mode: Mode,
  policy: PolicyStatus,
  /** False when HA fires no system_log_event and the log is polled instead. */
  system_log_events: v.boolean(),
  last_analysis_at: v.nullable(Timestamp),
  counts: v.object({ open: Count, awaiting_approval: Count }),
  /** Home Assistant's time zone, in which quiet hours are read; null until it is known. */
  time_zone: v.pipe(
    v.nullable(v.string()),
    v.description("Home Assistant's time zone (IANA), in which quiet hours are read"),
  ),
  knowledge: KnowledgeStatus,
  /** What each allow-listed action is called, for people (each action names itself). */
  action_labels: v.pipe(
    v.record(v.string(), v.string()),
    v.description('What each allow-listed action is called, for people'),
  ),
  /** The LLM analyzer's budget; null when no LLM is configured (offline analysis only). */
  llm: v.pipe(
    v.nullable(LlmStatus),
    v.description(
      'The LLM analyzer and its budget; null when no LLM is configured (offline analysis only)',
    ),
  ),
  /** Maintenance mode: whether it is on, until when, and the last window's summary. */
  maintenance: MaintenanceState,
});
export type Status = v.InferOutput<typeof Status>;

/**
 * What an active incident's Repairs issue says: the analysis's root cause, remedy and manual
 * steps, or, before it is analyzed, the newest thing observed and no remedy.
 */
export const Explanation = v.object({
  root_cause: v.string(),
  remedy: v.nullable(Remedy),
  manual_steps: v.array(v.string()),
});
export type Explanation = v.InferOutput<typeof Explanation>;

/**
 * `GET /api/summary`: everything the integration shows, in one answer (Home Assistant's start
 * waits on its first refresh): the sidecar, its status, the active incidents with what their
 * Repairs issues say, the last incident, the proposals waiting and how incidents ended.
 */
export const Summary = v.object({
  service: v.literal('ha-llm-ops'),
  version: v.string(),
  ha: v.object({ connected: v.boolean(), version: v.nullable(v.string()) }),
  status: Status,
  active: v.pipe(
    v.object({ items: v.array(Incident), total: Count }),
    v.description(
      'Incidents not resolved or dismissed, most recently seen first (at most 500), and how many there are',
    ),
  ),
  last_incident: v.pipe(
    v.nullable(Incident),
    v.description('The most recently seen incident of any status'),
  ),
  proposals: v.pipe(
    v.array(ActionProposal),
    v.description('Proposals waiting for a decision, oldest first'),
  ),
  outcomes: OutcomeStats,
  explanations: v.pipe(
    v.record(v.string(), Explanation),
    v.description(
      "What each listed active incident's Repairs issue says, by incident id, so no analysis is asked for apart",
    ),
  ),
});
export type Summary = v.InferOutput<typeof Summary>;

/** Every refusal and failure of the API: what is wrong, and the request's field it concerns. */
export const ErrorAnswer = v.object({
  error: v.string(),
  field: v.optional(v.string()),
});
export type ErrorAnswer = v.InferOutput<typeof ErrorAnswer>;

/** An incident after a change: analyzed again, dismissed, marked a false alarm. */
export const IncidentAnswer = v.object({ incident: Incident });
export type IncidentAnswer = v.InferOutput<typeof IncidentAnswer>;

/** A proposal after a change: proposed, approved, rejected. */
export const ProposalAnswer = v.object({ proposal: ActionProposal });
export type ProposalAnswer = v.InferOutput<typeof ProposalAnswer>;

/** The mode in force after a switch. */
export const ModeAnswer = v.object({ mode: Mode });
export type ModeAnswer = v.InferOutput<typeof ModeAnswer>;

/** A rule of the knowledge file, as now in force. */
export const RuleAnswer = v.object({ rule: KnowledgeRule });
export type RuleAnswer = v.InferOutput<typeof RuleAnswer>;

/** What is kept quiet now (false alarms, ignored failures), newest first. */
export const SuppressionList = v.object({ items: v.array(Suppression) });
export type SuppressionList = v.InferOutput<typeof SuppressionList>;

/** What is learned quiet now, most recently recovered first. */
export const LearnedQuietList = v.object({ items: v.array(LearnedQuiet) });
export type LearnedQuietList = v.InferOutput<typeof LearnedQuietList>;

/**
 * The answers that carry other contracts, by name: their schemas (OpenAPI, JSON Schema)
 * refer to the contracts they carry instead of copying them in.
 */
export const ANSWERS = {
  IncidentPage,
  IncidentDetail,
  ProposalDetail,
  Status,
  Summary,
  KnowledgeReport,
  // The API's refusals and failures are `Error` in the OpenAPI document, as before.
  Error: ErrorAnswer,
  IncidentAnswer,
  ProposalAnswer,
  ModeAnswer,
  RuleAnswer,
  SuppressionList,
  LearnedQuietList,
};
