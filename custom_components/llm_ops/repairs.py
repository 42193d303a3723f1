"""Fix flows of the incident issues.

Every incident issue can be marked "not a problem" (a false alarm: the sidecar then
keeps the same failure quiet); one with a proposed action can instead approve it and
show how it ended.
"""

from __future__ import annotations

import asyncio
from typing import Any

import probatio

from homeassistant.components.repairs import RepairsFlow, RepairsFlowResult
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.selector import TextSelector, TextSelectorConfig

from .const import (
    ATTR_REASON,
    DOMAIN,
    EXECUTION_POLL_INTERVAL,
    EXECUTION_TIMEOUT,
    PROPOSAL_RUNNING,
)
from .markdown import plain
from .models import ProposalDetail
from .services import async_decided_by, loaded_sidecar
from .sidecar import LlmOpsSidecar

# How an execution can end, and the step or abort reason that tells it.
OUTCOMES = ("succeeded", "failed", "rolled_back", "interrupted")
FALSE_ALARM_SCHEMA = probatio.Schema(
    {
        probatio.Optional(ATTR_REASON): TextSelector(
            TextSelectorConfig(multiline=True)
        ),
    }
)
MAX_REASON = 500


class IncidentRepairFlow(RepairsFlow):
    """Mark the incident not a problem, or approve its proposed action."""

    def __init__(
        self,
        sidecar: LlmOpsSidecar,
        incident_id: str,
        proposal_id: str | None,
        issue_placeholders: dict[str, str],
    ) -> None:
        """Remember the incident, the proposal it offers, and what the issue said."""
        self._sidecar = sidecar
        self._incident_id = incident_id
        self._proposal_id = proposal_id
        self._issue_placeholders = issue_placeholders
        self._execution: asyncio.Task[ProposalDetail | None] | None = None
        self._outcome: ProposalDetail | None = None

    async def _async_decided_by(self) -> str | None:
        user_id = self.context.get("user_id")
        return await async_decided_by(
            self.hass, user_id if isinstance(user_id, str) else None
        )

    async def async_step_init(
        self, user_input: dict[str, str] | None = None
    ) -> RepairsFlowResult:
        """Offer the proposed fix and "not a problem"; or only the latter."""
        if self._proposal_id is None:
            return await self.async_step_false_alarm()
        return self.async_show_menu(
            step_id="init",
            menu_options=["confirm", "false_alarm"],
            description_placeholders=self._issue_placeholders,
        )

    async def async_step_false_alarm(
        self, user_input: dict[str, str] | None = None
    ) -> RepairsFlowResult:
        """Close the incident as a false alarm; the same failure is kept quiet."""
        if user_input is None:
            return self.async_show_form(
                step_id="false_alarm",
                data_schema=FALSE_ALARM_SCHEMA,
                description_placeholders=self._issue_placeholders,
            )
        reason = (user_input.get(ATTR_REASON) or "").strip()[:MAX_REASON]
        try:
            await self._sidecar.async_mark_false_alarm(
                self._incident_id,
                reason=reason or None,
                decided_by=await self._async_decided_by(),
            )
        except HomeAssistantError as err:
            return self.async_abort(
                reason="request_failed",
                description_placeholders={"error": plain(str(err))},
            )
        return self.async_create_entry(data={})

    async def async_step_confirm(
        self, user_input: dict[str, str] | None = None
    ) -> RepairsFlowResult:
        """Show what the action does, what is backed up and verified; approve it."""
        if self._proposal_id is None:
            return await self.async_step_false_alarm()
        try:
            if user_input is not None:
                await self._sidecar.async_approve(
                    self._proposal_id, decided_by=await self._async_decided_by()
                )
                return await self.async_step_execute()
            detail = await self._sidecar.async_proposal(self._proposal_id)
        except HomeAssistantError as err:
            return self.async_abort(
                reason="request_failed",
                description_placeholders={"error": plain(str(err))},
            )
        proposal = detail["proposal"]
        if proposal["status"] != "proposed":
            return self.async_abort(
                reason="not_pending",
                description_placeholders={"status": proposal["status"]},
            )
        preview = proposal["preview"]
        record = preview["track_record"]
        return self.async_show_form(
            step_id="confirm",
            description_placeholders={
                **self._issue_placeholders,
                "action": plain(preview["summary"]),
                "rationale": plain(proposal["rationale"]),
                # How the action went for the integration here, e.g. "… fixed
                # fault_lab 5 of 6 times here."; nothing without an integration.
                "track_record": f"\n\n{plain(record['summary'])}" if record else "",
                "risk": proposal["risk"],
                "precondition": plain(preview["precondition"]),
                "backup": plain(preview["backup"] or "-"),
                "verification": "".join(
                    f"\n- {plain(test['description'])}"
                    for test in preview["verification"]
                ),
                "rollback": plain(preview["rollback"]),
            },
        )

    async def async_step_execute(
        self, user_input: dict[str, str] | None = None
    ) -> RepairsFlowResult:
        """Wait while the sidecar backs up, applies and verifies."""
        if self._execution is None:
            self._execution = self.hass.async_create_task(self._async_wait())
        if not self._execution.done():
            return self.async_show_progress(
                step_id="execute",
                progress_action="executing",
                progress_task=self._execution,
            )
        self._outcome = self._execution.result()
        return self.async_show_progress_done(next_step_id="outcome")

    async def _async_wait(self) -> ProposalDetail | None:
        """Poll the proposal until it leaves executing; None on timeout or error."""
        if self._proposal_id is None:
            return None
        try:
            async with asyncio.timeout(EXECUTION_TIMEOUT):
                while True:
                    detail = await self._sidecar.async_proposal(self._proposal_id)
                    if detail["proposal"]["status"] not in PROPOSAL_RUNNING:
                        return detail
                    await asyncio.sleep(EXECUTION_POLL_INTERVAL)
        except TimeoutError, HomeAssistantError:
            return None

    async def async_step_outcome(
        self, user_input: dict[str, str] | None = None
    ) -> RepairsFlowResult:
        """Tell how it ended; success repairs the issue."""
        detail = self._outcome
        if detail is None:
            return self.async_abort(reason="timeout")
        status = detail["proposal"]["status"]
        result = detail.get("result") or {}
        checks = "".join(
            f"\n- {plain(check['description'])}: {plain(check['detail'])}"
            for check in (result.get("verification") or {}).get("checks", [])
        )
        placeholders = {
            "action": plain(detail["proposal"]["preview"]["summary"]),
            "checks": checks,
            "backup": plain(str(result.get("backup_id") or "-")),
            "error": plain(str(result.get("error") or "-")),
        }
        if status != "succeeded":
            reason = status if status in OUTCOMES else "failed"
            return self.async_abort(
                reason=reason, description_placeholders=placeholders
            )
        if user_input is None:
            return self.async_show_form(
                step_id="outcome", description_placeholders=placeholders
            )
        return self.async_create_entry(data={})


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, Any] | None
) -> RepairsFlow:
    """Create the fix flow of an incident issue (with its proposal, if any)."""
    issue = ir.async_get(hass).async_get_issue(DOMAIN, issue_id)
    data = data or {}
    proposal_id = data.get("proposal_id")
    return IncidentRepairFlow(
        loaded_sidecar(hass),
        str(data["incident_id"]),
        str(proposal_id) if proposal_id is not None else None,
        dict((issue and issue.translation_placeholders) or {}),
    )
