"""Client of the sidecar's HTTP API: the integration's only I/O."""

from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, Literal, NotRequired, TypedDict, cast
from urllib.parse import quote

from aiohttp import ClientError, ClientSession, ClientTimeout, ContentTypeError

from .const import REQUEST_TIMEOUT, SIDECAR_SERVICE

type Mode = Literal["observe", "approve", "auto"]


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


class IncidentDetail(TypedDict):
    """`GET /api/incidents/{id}`."""

    incident: Incident
    signals: list[dict[str, Any]]
    bundle: dict[str, Any] | None
    analysis: RcaResult | None


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

    async def async_outcomes(self) -> OutcomeStats:
        """Return how incidents ended and the false-alarm rate."""
        return cast(OutcomeStats, await self._request("GET", "/api/outcomes"))

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
