"""The coordinator: fetches the sidecar's state, and asks it to act.

Fetch failures become translated UpdateFailed (or reauthentication); every
request on the user's behalf goes through one decorator (helpers.py) that
turns the sidecar's refusals into translated errors. Repairs issues are raised
in issues.py, from what the coordinator fetched.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, override

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryAuthFailed
from homeassistant.helpers.debounce import Debouncer
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed

from .api import (
    SidecarAuthError,
    SidecarClient,
    SidecarError,
    SidecarHealth,
    SidecarNotFoundError,
    Surface,
)
from .const import (
    CONF_REPAIR_SEVERITY,
    DEFAULT_REPAIR_SEVERITY,
    DOMAIN,
    EVENT_ACTION,
    EVENT_INCIDENT,
    EVENT_MAINTENANCE,
    LOGGER,
    REFRESH_COOLDOWN,
    SCAN_INTERVAL,
    SEVERITY_RANK,
)
from .helpers import sidecar_request, unreachable
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
    Suppression,
    UpstreamReport,
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
    status: SidecarStatus
    # Open-like incidents (not resolved, not dismissed), most recently seen first.
    incidents: list[Incident]
    open_count: int
    last_incident: Incident | None
    proposals: list[ActionProposal]
    # How incidents ended, and the false-alarm rate.
    outcomes: OutcomeStats
    # The analysis of every incident that gets a Repairs issue, by incident id.
    facts: dict[str, IncidentFacts] = field(default_factory=dict)

    @property
    def awaiting_approval(self) -> int:
        """Return how many incidents wait for a decision on a proposed fix."""
        return self.status["counts"]["awaiting_approval"]

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
        for event_type in (EVENT_INCIDENT, EVENT_ACTION, EVENT_MAINTENANCE):
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
        except SidecarError as err:
            key, placeholders = unreachable(err, self.client.url)
            failed = (
                ConfigEntryAuthFailed
                if isinstance(err, SidecarAuthError)
                else UpdateFailed
            )
            raise failed(
                translation_domain=DOMAIN,
                translation_key=key,
                translation_placeholders=placeholders,
            ) from err
        return data

    async def _async_fetch(self) -> LlmOpsData:
        # One request: the sidecar keeps the summary ready (HA's start waits on this).
        health, summary = await self.client.async_summary()
        active = summary["active"]["items"]
        return LlmOpsData(
            health=health,
            status=summary["status"],
            incidents=active,
            open_count=summary["active"]["total"],
            last_incident=summary["last_incident"],
            proposals=summary["proposals"],
            outcomes=summary["outcomes"],
            facts=await self._async_facts(active),
        )

    async def _async_facts(self, incidents: list[Incident]) -> dict[str, IncidentFacts]:
        """Return the analyses behind the Repairs issues, fetching what changed.

        The analyses not known yet are fetched together (HA's start waits on
        the first refresh), not one round trip after another.
        """
        known: dict[str, tuple[tuple[Any, ...], IncidentFacts]] = {}
        wanted: list[tuple[str, tuple[Any, ...]]] = []
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
            else:
                wanted.append((incident["id"], key))
        details = await asyncio.gather(
            *(self._async_detail(incident_id) for incident_id, _ in wanted)
        )
        for (incident_id, key), detail in zip(wanted, details, strict=True):
            if detail is not None:
                known[incident_id] = (key, _facts(detail))
        self._facts = known
        return {incident_id: facts for incident_id, (_, facts) in known.items()}

    async def _async_detail(self, incident_id: str) -> IncidentDetail | None:
        try:
            return await self.client.async_incident(incident_id)
        except SidecarNotFoundError:
            return None  # closed and purged since it was listed

    # --- requests on the user's behalf (actions, WebSocket commands, entities) ---

    @sidecar_request()
    async def async_incidents(self, /, **filters: Any) -> IncidentPage:
        """Return a page of incidents."""
        return await self.client.async_incidents(**filters)

    @sidecar_request(not_found="incident_not_found")
    async def async_incident(self, incident_id: str) -> IncidentDetail:
        """Return an incident with its signals, evidence and analysis."""
        return await self.client.async_incident(incident_id)

    @sidecar_request()
    async def async_pending_proposals(self) -> list[ActionProposal]:
        """Return the proposals waiting for a decision."""
        return await self.client.async_pending_proposals()

    @sidecar_request(not_found="proposal_not_found")
    async def async_proposal(self, proposal_id: str) -> ProposalDetail:
        """Return a proposal with its execution and result."""
        return await self.client.async_proposal(proposal_id)

    @sidecar_request(not_found="incident_not_found")
    async def async_dismiss(
        self, incident_id: str, *, ignore_similar: bool, reason: str | None = None
    ) -> Incident:
        """Dismiss an incident."""
        incident = await self.client.async_dismiss(
            incident_id, ignore_similar=ignore_similar, reason=reason
        )
        await self.async_request_refresh()
        return incident

    @sidecar_request(not_found="incident_not_found")
    async def async_mark_false_alarm(
        self,
        incident_id: str,
        *,
        reason: str | None = None,
        decided_by: str | None = None,
    ) -> Incident:
        """Close an incident as a false alarm; the same failure is then kept quiet."""
        incident = await self.client.async_mark_false_alarm(
            incident_id, reason=reason, decided_by=decided_by
        )
        await self.async_request_refresh()
        return incident

    @sidecar_request(not_found="incident_not_found")
    async def async_save_rule(
        self, incident_id: str, *, rule_id: str | None = None
    ) -> KnowledgeRule:
        """Save a resolved incident as a rule of the sidecar's knowledge file."""
        return await self.client.async_save_rule(incident_id, rule_id=rule_id)

    @sidecar_request()
    async def async_suppressions(self) -> list[Suppression]:
        """Return what is kept quiet: ignored failures and false alarms."""
        return await self.client.async_suppressions()

    @sidecar_request()
    async def async_outcomes(self) -> OutcomeStats:
        """Return how incidents ended and the false-alarm rate."""
        return await self.client.async_outcomes()

    @sidecar_request(not_found="incident_not_found")
    async def async_upstream_report(self, incident_id: str) -> UpstreamReport:
        """Return a bug report of an incident for its integration's issue tracker."""
        return await self.client.async_upstream_report(incident_id)

    @sidecar_request(not_found="nothing_kept_quiet")
    async def async_undo_suppression(self, incident_id: str) -> list[Suppression]:
        """Undo ignoring or a false alarm decided on an incident."""
        items = await self.client.async_undo_suppression(incident_id)
        await self.async_request_refresh()
        return items

    @sidecar_request()
    async def async_learned_quiet(self) -> list[LearnedQuiet]:
        """Return what was learned quiet: outages that end on a schedule."""
        return await self.client.async_learned_quiet()

    @sidecar_request(not_found="nothing_learned")
    async def async_reset_learned_quiet(
        self, learned_id: str | None
    ) -> list[LearnedQuiet]:
        """Forget what was learned of one subject, or of all (None)."""
        return await self.client.async_reset_learned_quiet(learned_id)

    @sidecar_request(not_found="incident_not_found")
    async def async_reanalyze(self, incident_id: str) -> Incident:
        """Ask the sidecar to analyze an incident again."""
        self._facts.pop(incident_id, None)
        incident = await self.client.async_reanalyze(incident_id)
        await self.async_request_refresh()
        return incident

    @sidecar_request(not_found="proposal_not_found", conflict="not_pending")
    async def async_approve(
        self, proposal_id: str, *, decided_by: str | None = None
    ) -> ActionProposal:
        """Approve a proposal; the sidecar carries it out in the background."""
        proposal = await self.client.async_approve(proposal_id, decided_by=decided_by)
        await self.async_request_refresh()
        return proposal

    @sidecar_request(not_found="proposal_not_found", conflict="not_pending")
    async def async_reject(
        self,
        proposal_id: str,
        *,
        decided_by: str | None = None,
        reason: str | None = None,
    ) -> ActionProposal:
        """Reject a proposal."""
        proposal = await self.client.async_reject(
            proposal_id, decided_by=decided_by, reason=reason
        )
        await self.async_request_refresh()
        return proposal

    @sidecar_request(conflict="mode_refused")
    async def async_set_mode(self, mode: Mode) -> None:
        """Switch the sidecar's mode."""
        await self.client.async_set_mode(mode)
        await self.async_request_refresh()

    @sidecar_request()
    async def async_maintenance(self) -> MaintenanceState:
        """Return whether maintenance is on, until when, and the last summary."""
        return await self.client.async_maintenance()

    @sidecar_request()
    async def async_start_maintenance(
        self, minutes: int, *, started_by: str | None, surface: Surface
    ) -> MaintenanceState:
        """Start maintenance: no incident opens until it ends."""
        state = await self.client.async_start_maintenance(
            minutes, started_by=started_by, surface=surface
        )
        await self.async_request_refresh()
        return state

    @sidecar_request(conflict="maintenance_not_on")
    async def async_end_maintenance(self) -> MaintenanceSummary:
        """End maintenance now; what still fails opens incidents."""
        summary = await self.client.async_end_maintenance()
        await self.async_request_refresh()
        return summary


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
