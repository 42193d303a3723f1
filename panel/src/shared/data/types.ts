/**
 * What the panel and the cards read and change, and the one interface they do it through.
 * The shapes are the contracts' (contracts/src); only types are imported, so no schema
 * code ends up in the bundles.
 */
import type {
  ActionEvent,
  DebugCapture,
  ActionExecution,
  ActionProposal,
  EvidenceBundle,
  ExecutionResult,
  Incident,
  IncidentEvent,
  IncidentOutcome,
  IncidentStatus,
  LearnedQuiet,
  NotProposed,
  MaintenanceState,
  MaintenanceSummary,
  OutcomeKind,
  OutcomeStats,
  ProposalStatus,
  RcaResult,
  Severity,
  Signal,
  StoredSignal,
  Suppression,
  TrackRecord,
  UpdateAttribution,
  UpstreamReport,
} from '@ha-llm-ops/contracts';

export type {
  ActionEvent,
  DebugCapture,
  ActionExecution,
  ActionProposal,
  EvidenceBundle,
  ExecutionResult,
  Incident,
  IncidentEvent,
  IncidentOutcome,
  IncidentStatus,
  LearnedQuiet,
  NotProposed,
  MaintenanceState,
  MaintenanceSummary,
  OutcomeKind,
  OutcomeStats,
  ProposalStatus,
  RcaResult,
  Severity,
  Signal,
  StoredSignal,
  Suppression,
  TrackRecord,
  UpdateAttribution,
  UpstreamReport,
};

/** Filters of `llm_ops/incidents` (and `GET api/incidents`). */
export interface IncidentQuery {
  status?: IncidentStatus[];
  severity?: Severity[];
  integration?: string;
  category?: string;
  /** Only incidents that are not resolved or dismissed. */
  active?: boolean;
  limit?: number;
  offset?: number;
}

/** A page of incidents, most recently seen first. */
export interface IncidentPage {
  items: Incident[];
  total: number;
  limit: number;
  offset: number;
}

/** An incident with everything the detail view shows. */
/** A rule of the sidecar's knowledge file, as "Save as a rule" wrote it. */
export interface KnowledgeRule {
  id: string;
  /** A case-insensitive regular expression over log lines. */
  match: string;
  integration?: string;
  category: string;
  remedy: string;
  title?: string;
  root_cause?: string;
  actions?: string[];
  confidence?: number;
}

export interface IncidentDetail {
  incident: Incident;
  /** As the journal keeps them: with their id, without integration, entry and subject. */
  signals: StoredSignal[];
  bundle: EvidenceBundle | null;
  analysis: RcaResult | null;
  /** Its proposals (the integration lists the pending ones, the sidecar all of them). */
  proposals: ActionProposal[];
  /** Debug lines captured for it, redacted (empty from a back end that keeps none). */
  debug_captures: DebugCapture[];
  /** Actions no longer proposed because they failed here repeatedly, and why. */
  not_proposed: NotProposed[];
  /** What the model calls for it took; null when no model was asked. */
  llm_usage: LlmUsage | null;
  /** The update it started soon after, with the backup from before it (older back ends: null). */
  after_update: UpdateAttribution | null;
}

/** Tokens, cost and time of an incident's model calls, all together. */
export interface LlmUsage {
  calls: number;
  prompt_tokens: number;
  completion_tokens: number;
  /** In the currency of the configured prices. */
  cost: number;
  latency_ms: number;
}

/** The LLM analyzer's budget, in the status. */
export interface LlmBudget {
  backend: string;
  model: string;
  calls_per_hour: number;
  calls_left_this_hour: number;
  cost_this_month: number;
  monthly_cost_cap: number | null;
  /** Why the model is not asked now (offline analysis only); null when it may be. */
  paused: 'monthly_cost_cap' | 'hourly_calls' | null;
  /** When the month, and so the cost cap, starts afresh. */
  month_resets_at: string;
}

/** A proposal with its execution steps and how it ended. */
export interface ProposalDetail {
  proposal: ActionProposal;
  execution: ActionExecution | null;
  result: ExecutionResult | null;
}

export type Mode = 'observe' | 'approve' | 'auto';

/** The sidecar's mode, policy summary and counts (`llm_ops/status`, `GET api/status`). */
export interface OpsStatus {
  mode: Mode;
  policy: {
    valid: boolean;
    error: string | null;
    source?: string;
    max_actions_per_hour?: number;
    quiet_hours?: { start: string; end: string } | null;
    auto_actions?: string[];
  };
  /** False when HA fires no system_log_event and the log is polled instead. */
  system_log_events: boolean;
  last_analysis_at: string | null;
  counts: { open: number; awaiting_approval: number };
  /** Home Assistant's time zone, in which quiet hours are read; null until it is known. */
  time_zone: string | null;
  /** What each allow-listed action is called, for people (the actions name themselves). */
  action_labels?: Record<string, string>;
  /** Whether the integration reaches the sidecar (absent: unknown, assume yes). */
  connected?: boolean;
  /** The LLM analyzer's budget; null when no LLM is configured. */
  llm: LlmBudget | null;
  /** Maintenance mode: while on, no incident opens. */
  maintenance: MaintenanceState;
  /** The knowledge file: rules in force, and its problem. */
  knowledge: { file: string; rules: number; error: string | null };
}

/** A change pushed by `llm_ops/subscribe`. */
export type OpsEvent =
  | { kind: 'incident'; data: IncidentEvent }
  | { kind: 'action'; data: ActionEvent }
  /** A maintenance window ended: its summary. */
  | { kind: 'maintenance'; data: MaintenanceSummary };

/** Why a request failed, as far as the views care. */
export type SourceErrorKind =
  /** The sidecar (or HA's connection) cannot be reached. */
  | 'offline'
  /** The llm_ops integration is not set up. */
  | 'not_loaded'
  /** The back end does not know the command (an older integration). */
  | 'unsupported'
  /** Only administrators may do this. */
  | 'forbidden'
  | 'not_found'
  /** Refused: no longer pending, the policy, a cooldown, … */
  | 'conflict'
  | 'failed';

/** A failed request, with a message fit to show the user. */
export class SourceError extends Error {
  constructor(
    readonly kind: SourceErrorKind,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

/**
 * Where the panel and the cards get incidents and proposals, and send decisions.
 * One implementation talks to HA's WebSocket API (the integration's commands), one to
 * the sidecar's own HTTP API (the add-on's ingress page).
 */
export interface IncidentSource {
  /** Whether the current user may approve, reject and dismiss. */
  readonly canDecide: boolean;
  incidents(query: IncidentQuery): Promise<IncidentPage>;
  incident(id: string): Promise<IncidentDetail>;
  /** Proposals waiting for a decision. */
  proposals(): Promise<ActionProposal[]>;
  /** A proposal with its execution, or null when the back end cannot tell. */
  proposal(id: string): Promise<ProposalDetail | null>;
  /** Mode and policy, or null when the back end cannot tell. */
  status(): Promise<OpsStatus | null>;
  approve(proposalId: string): Promise<ActionProposal>;
  reject(proposalId: string, reason?: string): Promise<ActionProposal>;
  dismiss(incidentId: string, opts: { ignoreSimilar: boolean; reason?: string }): Promise<Incident>;
  /** Close as not a problem; the same failure then opens at info for a while. */
  markFalseAlarm(incidentId: string, reason?: string): Promise<Incident>;
  /**
   * Call `onEvent` for every change; resolves to the function that stops it. `onResync`
   * runs when changes may have been missed (HA's connection came back): reload then.
   */
  subscribe(onEvent: (event: OpsEvent) => void, onResync?: () => void): Promise<() => void>;
}

/**
 * What only the panel asks besides: what is kept quiet, how incidents ended, bug reports for
 * upstream (the cards never show them, so their bundle does not carry them).
 */
export interface PanelSource extends IncidentSource {
  /** Save a resolved incident as a rule of the knowledge file; admins only. */
  saveRule(incidentId: string, ruleId?: string): Promise<KnowledgeRule>;
  /** What is kept quiet (false alarms, ignored failures), newest first; admins only. */
  suppressions(): Promise<Suppression[]>;
  /** Undo what was decided on an incident; returns what is still kept quiet. */
  undoSuppression(incidentId: string): Promise<Suppression[]>;
  /** How incidents ended and the false-alarm rate, or null when the back end cannot tell. */
  outcomes(): Promise<OutcomeStats | null>;
  /** Outages learned to end by themselves on a schedule (learned quiet); admins only. */
  learnedQuiet(): Promise<LearnedQuiet[]>;
  /** Forget what was learned of one item (by id), or of all (null); returns what is left. */
  resetLearnedQuiet(id: string | null): Promise<LearnedQuiet[]>;
  /** A bug report of an incident for its integration's issue tracker; admins only. */
  upstreamReport(incidentId: string): Promise<UpstreamReport>;
  /** Start maintenance for `minutes` from now (again while on: a new end); admins only. */
  startMaintenance(minutes: number): Promise<MaintenanceState>;
  /** End maintenance now; its summary. */
  endMaintenance(): Promise<MaintenanceSummary>;
}

/** Proposal states after which nothing changes any more. */
export const FINAL_PROPOSAL_STATUSES: readonly ProposalStatus[] = [
  'rejected',
  'expired',
  'succeeded',
  'failed',
  'rolled_back',
  'interrupted',
];

/** Incident states that still need attention. */
export const ACTIVE_STATUSES: readonly IncidentStatus[] = [
  'open',
  'analyzing',
  'awaiting_approval',
  'remediating',
];

export const ALL_STATUSES: readonly IncidentStatus[] = [
  ...ACTIVE_STATUSES,
  'resolved',
  'dismissed',
];

export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'error', 'warning', 'info'];

/** Rank for sorting: higher is more severe. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  critical: 3,
  error: 2,
  warning: 1,
  info: 0,
};

/** How many incidents there are of each severity. */
export function countBySeverity(items: readonly Incident[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, error: 0, warning: 0, info: 0 };
  for (const i of items) counts[i.severity] += 1;
  return counts;
}
