"""What the integration asks of the sidecar on the user's behalf.

Actions, WebSocket commands, the Repairs fix flow and the selects call the
sidecar through this facade: every request goes through one decorator
(helpers.py) that turns the sidecar's refusals into translated errors, and
every change asks the coordinator for a refresh. The coordinator only fetches.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .api import SidecarClient, Surface
from .coordinator import LlmOpsCoordinator
from .helpers import sidecar_request
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
    Suppression,
    UpstreamReport,
)

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant

    from .coordinator import LlmOpsConfigEntry


class LlmOpsSidecar:
    """The sidecar behind an entry: its client and the coordinator of its state."""

    def __init__(self, coordinator: LlmOpsCoordinator) -> None:
        """Ask through the coordinator's client; refresh the coordinator on changes."""
        self.coordinator = coordinator
        self.client: SidecarClient = coordinator.client
        self.hass: HomeAssistant = coordinator.hass
        self.config_entry: LlmOpsConfigEntry = coordinator.config_entry

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
        await self.coordinator.async_request_refresh()
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
        await self.coordinator.async_request_refresh()
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
        await self.coordinator.async_request_refresh()
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
        incident = await self.client.async_reanalyze(incident_id)
        await self.coordinator.async_request_refresh()
        return incident

    @sidecar_request(not_found="proposal_not_found", conflict="not_pending")
    async def async_approve(
        self, proposal_id: str, *, decided_by: str | None = None
    ) -> ActionProposal:
        """Approve a proposal; the sidecar carries it out in the background."""
        proposal = await self.client.async_approve(proposal_id, decided_by=decided_by)
        await self.coordinator.async_request_refresh()
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
        await self.coordinator.async_request_refresh()
        return proposal

    @sidecar_request(conflict="mode_refused")
    async def async_set_mode(self, mode: Mode) -> None:
        """Switch the sidecar's mode."""
        await self.client.async_set_mode(mode)
        await self.coordinator.async_request_refresh()

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
        await self.coordinator.async_request_refresh()
        return state

    @sidecar_request(conflict="maintenance_not_on")
    async def async_end_maintenance(self) -> MaintenanceSummary:
        """End maintenance now; what still fails opens incidents."""
        summary = await self.client.async_end_maintenance()
        await self.coordinator.async_request_refresh()
        return summary
