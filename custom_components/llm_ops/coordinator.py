"""The coordinator: every request to the sidecar goes through here."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any, override

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.exceptions import (
    ConfigEntryAuthFailed,
    HomeAssistantError,
    ServiceValidationError,
)
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.debounce import Debouncer
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed

from .api import (
    ActionProposal,
    Incident,
    IncidentDetail,
    IncidentPage,
    Mode,
    NotASidecarError,
    ProposalDetail,
    SidecarAuthError,
    SidecarClient,
    SidecarConflictError,
    SidecarConnectionError,
    SidecarError,
    SidecarHealth,
    SidecarNotFoundError,
    SidecarResponseError,
    SidecarStatus,
)
from .const import (
    ACTIVE_LIMIT,
    CONF_REPAIR_SEVERITY,
    DEFAULT_REPAIR_SEVERITY,
    DOMAIN,
    EVENT_ACTION,
    EVENT_INCIDENT,
    ISSUE_POLICY_INVALID,
    ISSUE_SIDECAR_UNREACHABLE,
    ISSUE_SYSTEM_LOG_EVENTS,
    LOGGER,
    REFRESH_COOLDOWN,
    SCAN_INTERVAL,
    SEVERITY_RANK,
)

type LlmOpsConfigEntry = ConfigEntry[LlmOpsCoordinator]


@dataclass(frozen=True, slots=True)
class IncidentFacts:
    """What a Repairs issue tells about an incident, from its analysis."""

    root_cause: str
    remedy: str | None
    manual_steps: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LlmOpsData:
    """The sidecar's state as of the last refresh."""

    health: SidecarHealth
    # None while the sidecar does not offer /api/status (an older release).
    status: SidecarStatus | None
    # Open-like incidents (not resolved, not dismissed), most recently seen first.
    incidents: list[Incident]
    open_count: int
    last_incident: Incident | None
    proposals: list[ActionProposal]
    # The analysis of every incident that gets a Repairs issue, by incident id.
    facts: dict[str, IncidentFacts] = field(default_factory=dict)

    @property
    def awaiting_approval(self) -> int:
        """Return how many incidents wait for a decision on a proposed fix."""
        if self.status is not None:
            return self.status["counts"]["awaiting_approval"]
        return sum(1 for i in self.incidents if i["status"] == "awaiting_approval")

    def proposal_for(self, incident_id: str) -> ActionProposal | None:
        """Return the pending proposal of an incident, if any."""
        return next(
            (p for p in self.proposals if p["incident_id"] == incident_id), None
        )


class LlmOpsCoordinator(DataUpdateCoordinator[LlmOpsData]):
    """Keeps the sidecar's incidents, proposals and mode, and talks to it."""

    config_entry: LlmOpsConfigEntry

    def __init__(
        self, hass: HomeAssistant, entry: LlmOpsConfigEntry, client: SidecarClient
    ) -> None:
        """Initialize the coordinator for the sidecar behind client."""
        super().__init__(
            hass,
            LOGGER,
            config_entry=entry,
            name=DOMAIN,
            update_interval=SCAN_INTERVAL,
            request_refresh_debouncer=Debouncer(
                hass, LOGGER, cooldown=REFRESH_COOLDOWN, immediate=True
            ),
        )
        self.client = client
        # Analyses already fetched, with the incident fields they were fetched at.
        self._facts: dict[str, tuple[tuple[Any, ...], IncidentFacts]] = {}

    @property
    def repair_severity(self) -> str:
        """Return the least severity that gets a Repairs issue."""
        return str(
            self.config_entry.options.get(CONF_REPAIR_SEVERITY, DEFAULT_REPAIR_SEVERITY)
        )

    def wants_issue(self, incident: Mapping[str, Any]) -> bool:
        """Return whether an incident gets a Repairs issue of ours.

        It must be severe enough, and not be one Home Assistant already raised
        itself (the incident is linked to that issue instead).
        """
        if incident.get("ha_issue"):
            return False
        return SEVERITY_RANK.get(str(incident["severity"]), 0) >= SEVERITY_RANK.get(
            self.repair_severity, 2
        )

    @callback
    def async_listen_to_sidecar(self) -> None:
        """Refresh whenever the sidecar announces a change on HA's bus."""
        for event_type in (EVENT_INCIDENT, EVENT_ACTION):
            self.config_entry.async_on_unload(
                self.hass.bus.async_listen(event_type, self._async_sidecar_event)
            )

    @callback
    def _async_sidecar_event(self, event: Event) -> None:
        # The analysis may have changed with any news of the incident.
        self._facts.pop(str(event.data.get("incident_id")), None)
        self.config_entry.async_create_background_task(
            self.hass, self.async_request_refresh(), f"{DOMAIN} refresh on event"
        )

    @override
    async def _async_update_data(self) -> LlmOpsData:
        """Fetch the sidecar's state."""
        try:
            data = await self._async_fetch()
        except SidecarAuthError as err:
            raise ConfigEntryAuthFailed(
                translation_domain=DOMAIN, translation_key="invalid_auth"
            ) from err
        except SidecarConnectionError as err:
            if self.data is not None:
                # It worked before: tell the user in Repairs, not only in the log.
                ir.async_create_issue(
                    self.hass,
                    DOMAIN,
                    ISSUE_SIDECAR_UNREACHABLE,
                    is_fixable=False,
                    severity=ir.IssueSeverity.ERROR,
                    translation_key=ISSUE_SIDECAR_UNREACHABLE,
                    translation_placeholders={"url": self.client.url},
                )
            raise UpdateFailed(
                translation_domain=DOMAIN,
                translation_key="cannot_connect",
                translation_placeholders={"url": self.client.url},
            ) from err
        except SidecarError as err:
            raise UpdateFailed(
                translation_domain=DOMAIN,
                translation_key="unexpected_response",
                translation_placeholders={"error": str(err)},
            ) from err
        ir.async_delete_issue(self.hass, DOMAIN, ISSUE_SIDECAR_UNREACHABLE)
        self._async_sidecar_issues(data.status)
        return data

    @callback
    def _async_sidecar_issues(self, status: SidecarStatus | None) -> None:
        """Raise in Repairs what the sidecar reports of itself (policy, log)."""
        if status is None:
            return
        policy = status["policy"]
        if policy["valid"]:
            ir.async_delete_issue(self.hass, DOMAIN, ISSUE_POLICY_INVALID)
        else:
            ir.async_create_issue(
                self.hass,
                DOMAIN,
                ISSUE_POLICY_INVALID,
                is_fixable=False,
                severity=ir.IssueSeverity.ERROR,
                translation_key=ISSUE_POLICY_INVALID,
                translation_placeholders={"error": str(policy["error"])},
            )
        if status["system_log_events"]:
            ir.async_delete_issue(self.hass, DOMAIN, ISSUE_SYSTEM_LOG_EVENTS)
        else:
            ir.async_create_issue(
                self.hass,
                DOMAIN,
                ISSUE_SYSTEM_LOG_EVENTS,
                is_fixable=False,
                severity=ir.IssueSeverity.WARNING,
                translation_key=ISSUE_SYSTEM_LOG_EVENTS,
            )

    async def _async_fetch(self) -> LlmOpsData:
        client = self.client
        # Health first: it tells a sidecar from any other server. The rest is
        # independent: one round trip, not four (HA waits on this while it starts).
        health = await client.async_health()
        status, active, latest, proposals = await asyncio.gather(
            self._async_status(),
            client.async_incidents(active=True, limit=ACTIVE_LIMIT),
            client.async_incidents(limit=1),
            self._async_pending(),
        )
        return LlmOpsData(
            health=health,
            status=status,
            incidents=active["items"],
            open_count=active["total"],
            last_incident=latest["items"][0] if latest["items"] else None,
            proposals=proposals,
            facts=await self._async_facts(active["items"]),
        )

    async def _async_facts(self, incidents: list[Incident]) -> dict[str, IncidentFacts]:
        """Return the analyses behind the Repairs issues, fetching what changed."""
        known: dict[str, tuple[tuple[Any, ...], IncidentFacts]] = {}
        for incident in incidents:
            if not self.wants_issue(incident):
                continue
            key = (
                incident["title"],
                incident["status"],
                incident["remedy"],
                incident["confidence"],
            )
            cached = self._facts.get(incident["id"])
            if cached is not None and cached[0] == key:
                known[incident["id"]] = cached
                continue
            try:
                detail = await self.client.async_incident(incident["id"])
            except SidecarNotFoundError:
                continue  # closed and purged since it was listed
            known[incident["id"]] = (key, _facts(detail))
        self._facts = known
        return {incident_id: facts for incident_id, (_, facts) in known.items()}

    # --- changes, for the actions, the WebSocket commands and the entities ----

    async def _async_call[T](
        self,
        request: Awaitable[T],
        not_found: tuple[str, dict[str, str]] | None = None,
        conflict: str = "rejected_request",
    ) -> T:
        """Run one request, turning its failure into a translated error."""
        try:
            return await request
        except SidecarNotFoundError as err:
            key, placeholders = not_found or ("not_found", {"message": err.message})
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key=key,
                translation_placeholders=placeholders,
            ) from err
        except SidecarConflictError as err:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key=conflict,
                translation_placeholders={"message": err.message},
            ) from err
        except SidecarResponseError as err:
            if err.status == HTTPStatus.BAD_REQUEST:
                raise ServiceValidationError(
                    translation_domain=DOMAIN,
                    translation_key="rejected_request",
                    translation_placeholders={"message": err.message},
                ) from err
            # 503 and the like: the sidecar cannot do it now (e.g. HA not connected).
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="sidecar_unavailable",
                translation_placeholders={"message": err.message},
            ) from err
        except SidecarAuthError as err:
            self.config_entry.async_start_reauth(self.hass)
            raise HomeAssistantError(
                translation_domain=DOMAIN, translation_key="invalid_auth"
            ) from err
        except SidecarConnectionError as err:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="cannot_connect",
                translation_placeholders={"url": self.client.url},
            ) from err
        except NotASidecarError as err:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="unexpected_response",
                translation_placeholders={"error": str(err)},
            ) from err

    async def async_incidents(self, **filters: Any) -> IncidentPage:
        """Return a page of incidents."""
        return await self._async_call(self.client.async_incidents(**filters))

    async def async_incident(self, incident_id: str) -> IncidentDetail:
        """Return an incident with its signals, evidence and analysis."""
        return await self._async_call(
            self.client.async_incident(incident_id),
            ("incident_not_found", {"incident_id": incident_id}),
        )

    async def _async_status(self) -> SidecarStatus | None:
        """Return the sidecar's status; an older sidecar without it has none."""
        try:
            return await self.client.async_status()
        except SidecarNotFoundError:
            return None

    async def _async_pending(self) -> list[ActionProposal]:
        """Return the pending proposals; an older sidecar without them has none."""
        try:
            return await self.client.async_pending_proposals()
        except SidecarNotFoundError:
            return []

    async def async_pending_proposals(self) -> list[ActionProposal]:
        """Return the proposals waiting for a decision."""
        return await self._async_call(self._async_pending())

    async def async_proposal(self, proposal_id: str) -> ProposalDetail:
        """Return a proposal with its execution and result."""
        return await self._async_call(
            self.client.async_proposal(proposal_id),
            ("proposal_not_found", {"proposal_id": proposal_id}),
        )

    async def async_dismiss(
        self, incident_id: str, *, ignore_similar: bool, reason: str | None = None
    ) -> Incident:
        """Dismiss an incident."""
        incident = await self._async_call(
            self.client.async_dismiss(
                incident_id, ignore_similar=ignore_similar, reason=reason
            ),
            ("incident_not_found", {"incident_id": incident_id}),
        )
        await self.async_request_refresh()
        return incident

    async def async_reanalyze(self, incident_id: str) -> Incident:
        """Ask the sidecar to analyze an incident again."""
        self._facts.pop(incident_id, None)
        incident = await self._async_call(
            self.client.async_reanalyze(incident_id),
            ("incident_not_found", {"incident_id": incident_id}),
        )
        await self.async_request_refresh()
        return incident

    async def async_approve(
        self, proposal_id: str, *, decided_by: str | None = None
    ) -> ActionProposal:
        """Approve a proposal; the sidecar carries it out in the background."""
        proposal = await self._async_call(
            self.client.async_approve(proposal_id, decided_by=decided_by),
            ("proposal_not_found", {"proposal_id": proposal_id}),
            conflict="not_pending",
        )
        await self.async_request_refresh()
        return proposal

    async def async_reject(
        self,
        proposal_id: str,
        *,
        decided_by: str | None = None,
        reason: str | None = None,
    ) -> ActionProposal:
        """Reject a proposal."""
        proposal = await self._async_call(
            self.client.async_reject(proposal_id, decided_by=decided_by, reason=reason),
            ("proposal_not_found", {"proposal_id": proposal_id}),
            conflict="not_pending",
        )
        await self.async_request_refresh()
        return proposal

    async def async_set_mode(self, mode: Mode) -> None:
        """Switch the sidecar's mode."""
        await self._async_call(
            self.client.async_set_mode(mode),
            ("mode_unsupported", {}),
            conflict="mode_refused",
        )
        await self.async_request_refresh()


def _facts(detail: IncidentDetail) -> IncidentFacts:
    """Boil an incident's detail down to what its Repairs issue says."""
    if (analysis := detail.get("analysis")) is not None:
        return IncidentFacts(
            root_cause=analysis["root_cause"],
            remedy=analysis["remedy"],
            manual_steps=tuple(analysis.get("manual_steps") or ()),
        )
    # Not analyzed yet: the newest observation is the best explanation there is.
    signals = detail.get("signals") or []
    observed = str(signals[0].get("message", "")) if signals else ""
    return IncidentFacts(
        root_cause=observed or detail["incident"]["title"],
        remedy=None,
        manual_steps=(),
    )
