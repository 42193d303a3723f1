"""Every Repairs issue of the integration, raised from what the coordinator fetched.

The sidecar's own state: unreachable after it worked, an invalid policy file,
a system log that is polled because HA fires no events.

Each open incident at or above the configured severity is one issue, filed on
behalf of the affected integration (``issue_domain``). Its fix flow marks it "not
a problem" (a false alarm), or approves the action the sidecar proposes for it.
Issues go when their incident closes.

Home Assistant remembers "ignore" on the issue only for as long as the issue
exists; the sidecar remembers dismissals for good. So ignoring an issue is passed
on as a dismissal with ``ignore_similar``, and the same failure stays quiet.
"""

from __future__ import annotations

from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.translation import async_get_translations
from homeassistant.helpers.update_coordinator import UpdateFailed

from .api import SidecarConnectionError
from .const import (
    DOMAIN,
    ISSUE_INCIDENT,
    ISSUE_INCIDENT_FIXABLE,
    ISSUE_POLICY_INVALID,
    ISSUE_PREFIX,
    ISSUE_SIDECAR_UNREACHABLE,
    ISSUE_SYSTEM_LOG_EVENTS,
    LOGGER,
)
from .coordinator import IncidentFacts, LlmOpsConfigEntry
from .markdown import plain
from .models import Incident, SidecarStatus
from .sidecar import LlmOpsSidecar

SEVERITY = {
    "critical": ir.IssueSeverity.CRITICAL,
    "error": ir.IssueSeverity.ERROR,
}
REMEDY_KEY = (
    f"component.{DOMAIN}.entity.sensor.last_incident.state_attributes.remedy.state."
)
PENDING = "analysis_pending"
IGNORED_REASON = "Ignored in Home Assistant Repairs"


# What the sidecar says of itself (not tied to an incident).
SIDECAR_ISSUES = (
    ISSUE_SIDECAR_UNREACHABLE,
    ISSUE_POLICY_INVALID,
    ISSUE_SYSTEM_LOG_EVENTS,
)


def issue_id(incident_id: str) -> str:
    """Return the Repairs issue id of an incident."""
    return f"{ISSUE_PREFIX}{incident_id}"


class IncidentIssues:
    """Keeps one Repairs issue per open incident the user wants to hear about."""

    def __init__(
        self,
        hass: HomeAssistant,
        sidecar: LlmOpsSidecar,
        remedies: dict[str, str],
    ) -> None:
        """Start from the issues an earlier setup in this run left."""
        self.hass = hass
        self.coordinator = sidecar.coordinator
        self._sidecar = sidecar
        self._remedies = remedies
        registry = ir.async_get(hass)
        mine = [
            issue
            for (domain, issue_key), issue in registry.issues.items()
            if domain == DOMAIN and issue_key.startswith(ISSUE_PREFIX) and issue.active
        ]
        self._raised = {issue.issue_id for issue in mine}
        self._ignored = {
            issue.issue_id for issue in mine if issue.dismissed_version is not None
        }

    @classmethod
    async def async_setup(
        cls, hass: HomeAssistant, entry: LlmOpsConfigEntry
    ) -> IncidentIssues:
        """Create the issues now, follow every refresh and every "ignore"."""
        translations = await async_get_translations(
            hass, hass.config.language, "entity", {DOMAIN}
        )
        remedies = {
            key.removeprefix(REMEDY_KEY): text
            for key, text in translations.items()
            if key.startswith(REMEDY_KEY)
        }
        issues = cls(hass, entry.runtime_data, remedies)
        issues.async_update()
        entry.async_on_unload(
            entry.runtime_data.coordinator.async_add_listener(issues.async_update)
        )
        entry.async_on_unload(
            hass.bus.async_listen(
                ir.EVENT_REPAIRS_ISSUE_REGISTRY_UPDATED, issues.async_registry_updated
            )
        )
        entry.async_on_unload(issues.async_remove_all)
        return issues

    @callback
    def async_update(self) -> None:
        """Raise, update and withdraw issues after a refresh."""
        coordinator = self.coordinator
        if not coordinator.last_update_success:
            failure = coordinator.last_exception
            if isinstance(failure, UpdateFailed) and isinstance(
                failure.__cause__, SidecarConnectionError
            ):
                # It worked before: tell the user in Repairs, not only in the log.
                ir.async_create_issue(
                    self.hass,
                    DOMAIN,
                    ISSUE_SIDECAR_UNREACHABLE,
                    is_fixable=False,
                    severity=ir.IssueSeverity.ERROR,
                    translation_key=ISSUE_SIDECAR_UNREACHABLE,
                    translation_placeholders={"url": coordinator.client.url},
                )
            return  # Unknown is not resolved: keep the issues until the sidecar says.
        data = coordinator.data
        ir.async_delete_issue(self.hass, DOMAIN, ISSUE_SIDECAR_UNREACHABLE)
        self._async_sidecar_state(data.status)
        wanted: set[str] = set()
        for incident in data.incidents:
            if not coordinator.wants_issue(incident):
                continue
            if (facts := data.facts.get(incident["id"])) is None:
                continue
            proposal = data.proposal_for(incident["id"])
            key = issue_id(incident["id"])
            wanted.add(key)
            ir.async_create_issue(
                self.hass,
                DOMAIN,
                key,
                # Every incident can be marked "not a problem" in its fix flow.
                is_fixable=True,
                issue_domain=incident["integration"] or DOMAIN,
                severity=SEVERITY.get(incident["severity"], ir.IssueSeverity.WARNING),
                translation_key=(
                    ISSUE_INCIDENT_FIXABLE if proposal is not None else ISSUE_INCIDENT
                ),
                translation_placeholders=self._placeholders(incident, facts),
                data=(
                    {"incident_id": incident["id"], "proposal_id": proposal["id"]}
                    if proposal is not None
                    else {"incident_id": incident["id"]}
                ),
            )
        for key in self._raised - wanted:
            ir.async_delete_issue(self.hass, DOMAIN, key)
            self._ignored.discard(key)
        self._raised = wanted

    @callback
    def _async_sidecar_state(self, status: SidecarStatus) -> None:
        """Raise in Repairs what the sidecar reports of itself (policy, log)."""
        self._async_raise_while(
            not status["policy"]["valid"],
            ISSUE_POLICY_INVALID,
            ir.IssueSeverity.ERROR,
            {"error": str(status["policy"]["error"])},
        )
        self._async_raise_while(
            not status["system_log_events"],
            ISSUE_SYSTEM_LOG_EVENTS,
            ir.IssueSeverity.WARNING,
        )

    @callback
    def _async_raise_while(
        self,
        condition: bool,
        key: str,
        severity: ir.IssueSeverity,
        placeholders: dict[str, str] | None = None,
    ) -> None:
        """Keep an issue of our own raised exactly while its condition holds."""
        if not condition:
            ir.async_delete_issue(self.hass, DOMAIN, key)
            return
        ir.async_create_issue(
            self.hass,
            DOMAIN,
            key,
            is_fixable=False,
            severity=severity,
            translation_key=key,
            translation_placeholders=placeholders,
        )

    def _placeholders(self, incident: Incident, facts: IncidentFacts) -> dict[str, str]:
        remedy = self._remedies.get(facts.remedy or PENDING, facts.remedy or "")
        steps = "".join(f"\n- {plain(step)}" for step in facts.manual_steps)
        return {
            "title": plain(incident["title"]),
            "integration": incident["integration"] or DOMAIN,
            "root_cause": plain(facts.root_cause),
            "remedy": remedy,
            "steps": steps,
        }

    @callback
    def async_registry_updated(
        self, event: Event[ir.EventIssueRegistryUpdatedData]
    ) -> None:
        """Pass an issue the user ignored on to the sidecar as a dismissal."""
        key = event.data["issue_id"]
        if event.data["domain"] != DOMAIN or key not in self._raised:
            return
        issue = ir.async_get(self.hass).async_get_issue(DOMAIN, key)
        if issue is None or issue.dismissed_version is None:
            self._ignored.discard(key)
            return
        if key in self._ignored:
            return
        self._ignored.add(key)
        incident_id = key.removeprefix(ISSUE_PREFIX)
        self.coordinator.config_entry.async_create_background_task(
            self.hass, self._async_dismiss(incident_id), f"{DOMAIN} dismiss {key}"
        )

    async def _async_dismiss(self, incident_id: str) -> None:
        try:
            await self._sidecar.async_dismiss(
                incident_id, ignore_similar=True, reason=IGNORED_REASON
            )
        except HomeAssistantError as err:
            LOGGER.warning(
                "Could not tell the sidecar that incident %s was ignored: %s",
                incident_id,
                err,
            )

    @callback
    def async_remove_all(self) -> None:
        """Withdraw every issue when the entry unloads; a setup raises them again."""
        for key in (*self._raised, *SIDECAR_ISSUES):
            ir.async_delete_issue(self.hass, DOMAIN, key)
        self._raised = set()
