"""Client of the sidecar's HTTP API: the integration's only I/O."""

from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, Literal, cast
from urllib.parse import quote

from aiohttp import ClientError, ClientSession, ClientTimeout, ContentTypeError

from .const import REQUEST_TIMEOUT, SIDECAR_SERVICE
from .models import (
    ActionProposal,
    Incident,
    IncidentDetail,
    IncidentPage,
    KnowledgeRule,
    LearnedQuiet,
    MaintenanceState,
    MaintenanceSummary,
    Mode,
    OutcomeStats,
    ProposalDetail,
    SidecarStatus,
    SidecarSummary,
    Suppression,
    UpstreamReport,
)

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

    async def async_summary(self) -> tuple[SidecarHealth, SidecarSummary]:
        """Return everything the integration shows, in one request.

        The sidecar keeps it ready: this is the one round trip of a refresh,
        and of the setup Home Assistant's start waits on.
        """
        try:
            data = await self._request("GET", "/api/summary")
        except SidecarResponseError as err:
            raise NotASidecarError(str(err)) from err
        if not isinstance(data, dict) or data.get("service") != SIDECAR_SERVICE:
            raise NotASidecarError("no ha-llm-ops service marker")
        summary = cast(SidecarSummary, data)
        health = SidecarHealth(
            version=summary["version"],
            ha_connected=summary["ha"]["connected"],
            ha_version=summary["ha"]["version"],
        )
        return health, summary

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
