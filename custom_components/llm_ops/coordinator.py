"""The coordinator: fetches the sidecar's state, and nothing else.

Fetch failures become translated UpdateFailed (or reauthentication). Requests
on the user's behalf are in sidecar.py; Repairs issues are raised in issues.py,
from what the coordinator fetched.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, override

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryAuthFailed
from homeassistant.helpers.debounce import Debouncer
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed

from .api import SidecarAuthError, SidecarClient, SidecarError, SidecarHealth
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
from .helpers import unreachable
from .models import (
    ActionProposal,
    Incident,
    OutcomeStats,
    SidecarStatus,
    SidecarSummary,
)

if TYPE_CHECKING:
    from .sidecar import LlmOpsSidecar

# The entry's runtime data: the sidecar facade, which holds the coordinator.
type LlmOpsConfigEntry = ConfigEntry[LlmOpsSidecar]


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
    """Keeps the sidecar's incidents, proposals and mode."""

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
        return LlmOpsData(
            health=health,
            status=summary["status"],
            incidents=summary["active"]["items"],
            open_count=summary["active"]["total"],
            last_incident=summary["last_incident"],
            proposals=summary["proposals"],
            outcomes=summary["outcomes"],
            facts=self._facts(summary),
        )

    def _facts(self, summary: SidecarSummary) -> dict[str, IncidentFacts]:
        """Return what the Repairs issues say, from the summary's explanations."""
        explanations = summary["explanations"]
        return {
            incident["id"]: IncidentFacts(
                root_cause=explanation["root_cause"],
                remedy=explanation["remedy"],
                manual_steps=tuple(explanation["manual_steps"]),
            )
            for incident in summary["active"]["items"]
            if self.wants_issue(incident)
            and (explanation := explanations.get(incident["id"])) is not None
        }
