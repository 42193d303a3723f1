"""The shapes of the sidecar's HTTP API answers, as the integration reads them.

They follow the sidecar's contracts (contracts/src) and docs/openapi.json; the client in
api.py returns them, the coordinator, entities and Repairs read them.
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict

type Mode = Literal["observe", "approve", "auto"]


class HaIssue(TypedDict):
    """A Repairs issue Home Assistant raised itself."""

    domain: str
    issue_id: str


class IncidentOutcome(TypedDict):
    """How an incident ended (contracts/src/outcome.ts)."""

    outcome: str
    closed_at: str
    signature: str | None
    integration: str | None
    action_id: str | None
    decided_by: str | None


class Incident(TypedDict):
    """An incident (contracts/src/incident.ts)."""

    id: str
    fingerprint: str
    status: str
    severity: str
    category: str
    integration: str | None
    entry_id: str | None
    subject: str | None
    title: str
    first_seen: str
    last_seen: str
    occurrences: int
    resolved_at: str | None
    resolution: str | None
    remedy: str | None
    confidence: float | None
    ha_issue: HaIssue | None
    outcome: IncidentOutcome | None


class Suppression(TypedDict):
    """A failure kept quiet (contracts/src/outcome.ts)."""

    incident_id: str
    kind: str
    title: str | None
    integration: str | None
    fingerprints: int
    created_at: str
    expires_at: str | None
    reason: str | None


class KnowledgeRule(TypedDict, total=False):
    """A rule of the knowledge file (sidecar/src/shared/knowledge.ts)."""

    id: str
    match: str
    integration: str
    category: str
    remedy: str
    title: str
    root_cause: str
    actions: list[str]
    confidence: float


class SignatureRate(TypedDict):
    """The false-alarm rate of one analysis signature."""

    signature: str | None
    closed: int
    false_alarms: int
    false_alarm_rate: float | None


class OutcomeStats(TypedDict):
    """How incidents ended, and the false-alarm rate (contracts/src/outcome.ts)."""

    closed: int
    false_alarms: int
    false_alarm_rate: float | None
    by_outcome: dict[str, int]
    by_signature: list[SignatureRate]


# A time of day window on Home Assistant's clock (`HH:MM`, `to` excluded); "from" is a
# keyword, so the functional form keeps the sidecar's field names.
QuietWindow = TypedDict("QuietWindow", {"from": str, "to": str})


class LearnedQuiet(TypedDict):
    """Outages of one subject that end by themselves on a schedule (contracts)."""

    id: str
    source: str
    key: str
    title: str | None
    integration: str | None
    windows: list[QuietWindow]
    days: int
    last_recovered_at: str
    kept_quiet: int


class UpstreamReport(TypedDict):
    """A bug report for an integration's issue tracker (contracts/src/upstream.ts)."""

    incident_id: str
    title: str
    body: str
    integration: dict[str, Any]
    ha_version: str | None
    issue_tracker: str | None
    new_issue_url: str | None
    search_url: str | None
    truncated: bool


class IncidentPage(TypedDict):
    """`GET /api/incidents`."""

    items: list[Incident]
    total: int
    limit: int
    offset: int


class RcaResult(TypedDict):
    """The analysis of an incident (contracts/src/rca.ts); only what is read here."""

    summary: str
    root_cause: str
    impact: str
    remedy: str
    manual_steps: list[str]


class LlmUsage(TypedDict):
    """What the model calls for one incident took, all together."""

    calls: int
    prompt_tokens: int
    completion_tokens: int
    cost: float
    latency_ms: int


class TrackRecord(TypedDict):
    """How an action went for an integration here (contracts/src/action.ts)."""

    integration: str
    tries: int
    verified: int
    failed_in_a_row: int
    summary: str


class NotProposed(TypedDict):
    """An action no longer proposed for an incident: it failed here repeatedly."""

    action_id: str
    label: str
    track_record: TrackRecord
    reason: str


class IncidentDetail(TypedDict):
    """`GET /api/incidents/{id}`."""

    incident: Incident
    signals: list[dict[str, Any]]
    bundle: dict[str, Any] | None
    analysis: RcaResult | None
    # None when no model was asked.
    llm_usage: LlmUsage | None
    # Actions no longer proposed, and why.
    not_proposed: list[NotProposed]
    # The update it started soon after (contracts/src/update.ts), or None.
    after_update: dict[str, Any] | None


class VerificationTest(TypedDict):
    """A check run after an action."""

    kind: str
    description: str


class ActionPreview(TypedDict):
    """What a proposal will do, shown before anyone approves it."""

    summary: str
    precondition: str
    backup: str | None
    verification: list[VerificationTest]
    rollback: str
    # None when the incident names no integration.
    track_record: TrackRecord | None


class ActionProposal(TypedDict):
    """An allow-listed action for one incident (contracts/src/action.ts)."""

    id: str
    incident_id: str
    action_id: str
    params: dict[str, str | int | float | bool]
    status: str
    risk: str
    rationale: str
    preview: ActionPreview
    proposed_by: str
    created_at: str
    expires_at: str | None
    decided_at: str | None
    decided_by: str | None


class ProposalDetail(TypedDict):
    """`GET /api/actions/{id}`: the proposal, its execution and how it ended."""

    proposal: ActionProposal
    execution: dict[str, Any] | None
    result: dict[str, Any] | None


class QuietHours(TypedDict):
    """When the policy lets nothing run automatically."""

    start: str
    end: str


class PolicyStatus(TypedDict):
    """The policy as the sidecar loaded it."""

    valid: bool
    error: str | None
    max_actions_per_hour: int
    quiet_hours: QuietHours | None


class StatusCounts(TypedDict):
    """Incident counts of `GET /api/status`."""

    open: int
    awaiting_approval: int


class LlmStatus(TypedDict):
    """The LLM analyzer's budget in `GET /api/status`."""

    backend: str
    model: str
    calls_per_hour: int
    calls_left_this_hour: int
    cost_this_month: float
    monthly_cost_cap: float | None
    # monthly_cost_cap or hourly_calls: why the model is not asked now.
    paused: str | None
    month_resets_at: str


class MaintenanceFailure(TypedDict):
    """A failure seen while maintenance was on."""

    title: str
    integration: str | None
    severity: str
    occurrences: int
    first_seen: str
    last_seen: str
    still_failing: bool


class MaintenanceSummary(TypedDict):
    """What happened during a maintenance window (the `llm_ops_maintenance` event)."""

    started_at: str
    ended_at: str
    ended_by: Literal["time", "user"]
    started_by: str | None
    surface: str
    failed_count: int
    still_failing_count: int
    failures: list[MaintenanceFailure]


class MaintenanceState(TypedDict):
    """`GET /api/maintenance`: while it is on, no incident opens."""

    active: bool
    started_at: str | None
    until: str | None
    minutes: int | None
    started_by: str | None
    surface: str | None
    failed_count: int
    last_summary: MaintenanceSummary | None


class KnowledgeStatus(TypedDict):
    """The knowledge file in `GET /api/status`: rules in force and its problem."""

    file: str
    rules: int
    error: str | None


class SidecarStatus(TypedDict):
    """`GET /api/status`."""

    mode: Mode
    policy: PolicyStatus
    system_log_events: bool
    last_analysis_at: str | None
    counts: StatusCounts
    time_zone: str | None
    # None when no LLM is configured (offline analysis only).
    llm: LlmStatus | None
    maintenance: MaintenanceState
    knowledge: KnowledgeStatus


class SummaryHa(TypedDict):
    """The sidecar's link to Home Assistant, as the summary reports it."""

    connected: bool
    version: str | None


class ActiveIncidents(TypedDict):
    """Open-like incidents, most recently seen first (at most 500), and how many."""

    items: list[Incident]
    total: int


class Explanation(TypedDict):
    """What an active incident's Repairs issue says (before analysis: no remedy)."""

    root_cause: str
    remedy: str | None
    manual_steps: list[str]


class SidecarSummary(TypedDict):
    """`GET /api/summary`: everything the integration shows, in one answer."""

    service: str
    version: str
    ha: SummaryHa
    status: SidecarStatus
    active: ActiveIncidents
    last_incident: Incident | None
    proposals: list[ActionProposal]
    outcomes: OutcomeStats
    # By incident id, for every incident in active.items.
    explanations: dict[str, Explanation]
