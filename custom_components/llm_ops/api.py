"""Client of the sidecar's HTTP API: the integration's only I/O."""

from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, Literal, NotRequired, TypedDict, cast
from urllib.parse import quote

from aiohttp import ClientError, ClientSession, ClientTimeout, ContentTypeError

from .const import REQUEST_TIMEOUT, SIDECAR_SERVICE

type Mode = Literal["observe", "approve", "auto"]
# Where maintenance was started from (the sidecar journals it).
type Surface = Literal["panel", "entity", "action", "api"]


class SidecarError(Exception):
    """Talking to the sidecar failed."""


class SidecarConnectionError(SidecarError):
    """The sidecar did not answer."""


class SidecarAuthError(SidecarError):
    """The sidecar rejected the API token."""


class NotASidecarError(SidecarError):
    """Something answered, but it is not the LLM Ops sidecar."""


class SidecarResponseError(SidecarError):
    """The sidecar answered a request with an error (its `{error, field?}` body)."""

    def __init__(self, status: int, message: str, field: str | None = None) -> None:
        """Keep the HTTP status and the sidecar's message."""
        super().__init__(f"HTTP {status}: {message}")
        self.status = status
        self.message = message
        self.field = field


class SidecarNotFoundError(SidecarResponseError):
    """404: no such incident or proposal."""


class SidecarConflictError(SidecarResponseError):
    """409: the proposal is no longer pending (decided, expired or running)."""


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
    # None when no model was asked (absent from older sidecars).
    llm_usage: NotRequired[LlmUsage | None]
    # Actions no longer proposed, and why (older sidecars do not send it).
    not_proposed: NotRequired[list[NotProposed]]


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
    # Older sidecars do not send it; null when the incident names no integration.
    track_record: NotRequired[TrackRecord | None]


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
    proposed_by: NotRequired[str]
    created_at: NotRequired[str]
    expires_at: NotRequired[str | None]
    decided_at: NotRequired[str | None]
    decided_by: NotRequired[str | None]


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
    time_zone: NotRequired[str | None]
    # None when no LLM is configured (offline analysis only).
    llm: NotRequired[LlmStatus | None]
    # Absent from sidecars before maintenance mode.
    maintenance: NotRequired[MaintenanceState]

    knowledge: NotRequired[KnowledgeStatus]


_ERRORS: dict[int, type[SidecarResponseError]] = {
    HTTPStatus.NOT_FOUND: SidecarNotFoundError,
    HTTPStatus.CONFLICT: SidecarConflictError,
}


def _id(value: str) -> str:
    """Quote an id for a URL path, so it can never name another endpoint."""
    return quote(value, safe="")


@dataclass(frozen=True, slots=True)
class SidecarHealth:
    """What /api/health reports."""

    version: str
    ha_connected: bool
    ha_version: str | None


class SidecarClient:
    """Calls the sidecar's HTTP API with its bearer token."""

    def __init__(self, session: ClientSession, url: str, token: str) -> None:
        """Initialize the client for the sidecar at url."""
        self._session = session
        self.url = url.rstrip("/")
        self._token = token

    async def _request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        json: dict[str, Any] | None = None,
    ) -> Any:
        try:
            async with self._session.request(
                method,
                f"{self.url}{path}",
                params=params,
                json=json,
                headers={"Authorization": f"Bearer {self._token}"},
                timeout=ClientTimeout(total=REQUEST_TIMEOUT),
            ) as resp:
                if resp.status == HTTPStatus.UNAUTHORIZED:
                    raise SidecarAuthError
                body = await resp.json()
                # 200, or 201 for what a request creates (a proposal, a rule).
                if HTTPStatus.OK <= resp.status < HTTPStatus.MULTIPLE_CHOICES:
                    return body
                error = body if isinstance(body, dict) else {}
                cls = _ERRORS.get(resp.status, SidecarResponseError)
                raise cls(resp.status, str(error.get("error", "")), error.get("field"))
        except (ContentTypeError, ValueError) as err:
            raise NotASidecarError("not JSON") from err
        except (TimeoutError, ClientError) as err:
            raise SidecarConnectionError(str(err) or type(err).__name__) from err

    async def async_health(self) -> SidecarHealth:
        """Check the sidecar and the token; raise a SidecarError subclass on failure."""
        try:
            data = await self._request("GET", "/api/health")
        except SidecarResponseError as err:
            raise NotASidecarError(str(err)) from err
        if not isinstance(data, dict) or data.get("service") != SIDECAR_SERVICE:
            raise NotASidecarError("no ha-llm-ops service marker")
        if data.get("authenticated") is not True:
            raise SidecarAuthError
        ha = data.get("ha") or {}
        return SidecarHealth(
            version=str(data.get("version", "")),
            ha_connected=bool(ha.get("connected")),
            ha_version=ha.get("version"),
        )

    async def async_status(self) -> SidecarStatus:
        """Return the mode, the policy's state and the incident counts."""
        return cast(SidecarStatus, await self._request("GET", "/api/status"))

    async def async_set_mode(self, mode: Mode) -> Mode:
        """Switch the sidecar to observe, approve or auto mode."""
        data = await self._request("PUT", "/api/mode", json={"mode": mode})
        return cast(Mode, data["mode"])

    async def async_maintenance(self) -> MaintenanceState:
        """Return whether maintenance is on, until when, and the last summary."""
        return cast(MaintenanceState, await self._request("GET", "/api/maintenance"))

    async def async_start_maintenance(
        self, minutes: int, *, started_by: str | None, surface: Surface
    ) -> MaintenanceState:
        """Start maintenance for minutes from now (again while on: a new end)."""
        body = {"minutes": minutes, "started_by": started_by, "surface": surface}
        data = await self._request("PUT", "/api/maintenance", json=body)
        return cast(MaintenanceState, data)

    async def async_end_maintenance(self) -> MaintenanceSummary:
        """End maintenance now; return its summary."""
        data = await self._request("DELETE", "/api/maintenance")
        return cast(MaintenanceSummary, data)

    async def async_incidents(
        self,
        *,
        status: list[str] | None = None,
        severity: list[str] | None = None,
        integration: str | None = None,
        category: str | None = None,
        active: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> IncidentPage:
        """Return a page of incidents, most recently seen first."""
        params: dict[str, str] = {}
        if status:
            params["status"] = ",".join(status)
        if severity:
            params["severity"] = ",".join(severity)
        if integration:
            params["integration"] = integration
        if category:
            params["category"] = category
        if active is not None:
            params["active"] = "true" if active else "false"
        if limit is not None:
            params["limit"] = str(limit)
        if offset is not None:
            params["offset"] = str(offset)
        return cast(
            IncidentPage, await self._request("GET", "/api/incidents", params=params)
        )

    async def async_incident(self, incident_id: str) -> IncidentDetail:
        """Return an incident with its signals, evidence bundle and analysis."""
        return cast(
            IncidentDetail,
            await self._request("GET", f"/api/incidents/{_id(incident_id)}"),
        )

    async def async_dismiss(
        self, incident_id: str, *, ignore_similar: bool, reason: str | None = None
    ) -> Incident:
        """Dismiss an incident; with ignore_similar, the same failure stays ignored."""
        body: dict[str, Any] = {"ignore_similar": ignore_similar}
        if reason is not None:
            body["reason"] = reason
        data = await self._request(
            "POST", f"/api/incidents/{_id(incident_id)}/dismiss", json=body
        )
        return cast(Incident, data["incident"])

    async def async_mark_false_alarm(
        self,
        incident_id: str,
        *,
        reason: str | None = None,
        decided_by: str | None = None,
    ) -> Incident:
        """Close an incident as a false alarm; the same failure is then kept quiet."""
        body: dict[str, Any] = {}
        if reason is not None:
            body["reason"] = reason
        if decided_by is not None:
            body["decided_by"] = decided_by
        data = await self._request(
            "POST", f"/api/incidents/{_id(incident_id)}/false-alarm", json=body
        )
        return cast(Incident, data["incident"])

    async def async_save_rule(
        self, incident_id: str, *, rule_id: str | None = None
    ) -> KnowledgeRule:
        """Save a resolved incident as a rule of the knowledge file."""
        body: dict[str, Any] = {} if rule_id is None else {"id": rule_id}
        data = await self._request(
            "POST", f"/api/incidents/{_id(incident_id)}/rule", json=body
        )
        return cast(KnowledgeRule, data["rule"])

    async def async_suppressions(self) -> list[Suppression]:
        """Return what is kept quiet: ignored failures and false alarms."""
        data = await self._request("GET", "/api/suppressions")
        return cast(list[Suppression], data["items"])

    async def async_undo_suppression(self, incident_id: str) -> list[Suppression]:
        """Undo ignoring or a false alarm decided on an incident."""
        data = await self._request("DELETE", f"/api/suppressions/{_id(incident_id)}")
        return cast(list[Suppression], data["items"])

    async def async_learned_quiet(self) -> list[LearnedQuiet]:
        """Return what was learned quiet: outages that end on a schedule."""
        data = await self._request("GET", "/api/learned-quiet")
        return cast(list[LearnedQuiet], data["items"])

    async def async_reset_learned_quiet(
        self, learned_id: str | None
    ) -> list[LearnedQuiet]:
        """Forget what was learned of one subject, or of all (None)."""
        path = "/api/learned-quiet"
        if learned_id is not None:
            path = f"{path}/{_id(learned_id)}"
        data = await self._request("DELETE", path)
        return cast(list[LearnedQuiet], data["items"])

    async def async_outcomes(self) -> OutcomeStats:
        """Return how incidents ended and the false-alarm rate."""
        return cast(OutcomeStats, await self._request("GET", "/api/outcomes"))

    async def async_upstream_report(self, incident_id: str) -> UpstreamReport:
        """Return a bug report of an incident for its integration's issue tracker."""
        return cast(
            UpstreamReport,
            await self._request(
                "GET", f"/api/incidents/{_id(incident_id)}/upstream-report"
            ),
        )

    async def async_reanalyze(self, incident_id: str) -> Incident:
        """Ask for a fresh analysis of an incident."""
        data = await self._request(
            "POST", f"/api/incidents/{_id(incident_id)}/reanalyze", json={}
        )
        return cast(Incident, data["incident"])

    async def async_pending_proposals(self) -> list[ActionProposal]:
        """Return the proposals waiting for a decision."""
        return cast(
            list[ActionProposal], await self._request("GET", "/api/actions/pending")
        )

    async def async_proposal(self, proposal_id: str) -> ProposalDetail:
        """Return a proposal with its execution and result, if it ran."""
        return cast(
            ProposalDetail,
            await self._request("GET", f"/api/actions/{_id(proposal_id)}"),
        )

    async def async_approve(
        self, proposal_id: str, *, decided_by: str | None = None
    ) -> ActionProposal:
        """Approve a pending proposal; the sidecar then runs it in the background."""
        body: dict[str, Any] = {}
        if decided_by is not None:
            body["decided_by"] = decided_by
        data = await self._request(
            "POST", f"/api/actions/{_id(proposal_id)}/approve", json=body
        )
        return cast(ActionProposal, data["proposal"])

    async def async_reject(
        self,
        proposal_id: str,
        *,
        decided_by: str | None = None,
        reason: str | None = None,
    ) -> ActionProposal:
        """Reject a pending proposal."""
        body: dict[str, Any] = {}
        if decided_by is not None:
            body["decided_by"] = decided_by
        if reason is not None:
            body["reason"] = reason
        data = await self._request(
            "POST", f"/api/actions/{_id(proposal_id)}/reject", json=body
        )
        return cast(ActionProposal, data["proposal"])
