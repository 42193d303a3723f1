"""Actions of LLM Ops: decide, dismiss, reanalyze, false alarms, learning, maintenance.

The reset forgets what was learned quiet. All of them change something, so all
are for administrators only.
"""

from __future__ import annotations

from datetime import timedelta
import math

import probatio

from homeassistant.core import HomeAssistant, ServiceCall, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.service import async_register_admin_service

from .const import (
    ATTR_DURATION,
    ATTR_ENTRY_ID,
    ATTR_IGNORE_SIMILAR,
    ATTR_INCIDENT_ID,
    ATTR_LEARNED_ID,
    ATTR_PROPOSAL_ID,
    ATTR_REASON,
    DOMAIN,
    MAINTENANCE_MAX,
    SERVICE_APPROVE,
    SERVICE_DISMISS,
    SERVICE_END_MAINTENANCE,
    SERVICE_MARK_FALSE_ALARM,
    SERVICE_REANALYZE,
    SERVICE_REJECT,
    SERVICE_RESET_LEARNED_QUIET,
    SERVICE_START_MAINTENANCE,
    SERVICE_START_REAUTH,
)
from .coordinator import LlmOpsConfigEntry
from .sidecar import LlmOpsSidecar

APPROVE_SCHEMA = probatio.Schema({probatio.Required(ATTR_PROPOSAL_ID): cv.string})
REJECT_SCHEMA = probatio.Schema(
    {
        probatio.Required(ATTR_PROPOSAL_ID): cv.string,
        probatio.Optional(ATTR_REASON): probatio.All(
            cv.string, probatio.Length(max=500)
        ),
    }
)
DISMISS_SCHEMA = probatio.Schema(
    {
        probatio.Required(ATTR_INCIDENT_ID): cv.string,
        probatio.Optional(ATTR_IGNORE_SIMILAR, default=False): cv.boolean,
        probatio.Optional(ATTR_REASON): probatio.All(
            cv.string, probatio.Length(max=500)
        ),
    }
)
MARK_FALSE_ALARM_SCHEMA = probatio.Schema(
    {
        probatio.Required(ATTR_INCIDENT_ID): cv.string,
        probatio.Optional(ATTR_REASON): probatio.All(
            cv.string, probatio.Length(max=500)
        ),
    }
)
REANALYZE_SCHEMA = probatio.Schema({probatio.Required(ATTR_INCIDENT_ID): cv.string})
START_REAUTH_SCHEMA = probatio.Schema({probatio.Required(ATTR_ENTRY_ID): cv.string})
# Without learned_id, everything learned is forgotten.
RESET_LEARNED_QUIET_SCHEMA = probatio.Schema(
    {probatio.Optional(ATTR_LEARNED_ID): cv.string}
)
START_MAINTENANCE_SCHEMA = probatio.Schema(
    {
        probatio.Required(ATTR_DURATION): probatio.All(
            cv.positive_time_period,
            probatio.Range(min=timedelta(minutes=1), max=MAINTENANCE_MAX),
        )
    }
)
END_MAINTENANCE_SCHEMA = probatio.Schema({})


@callback
def loaded_sidecar(hass: HomeAssistant) -> LlmOpsSidecar:
    """Return the sidecar of the loaded entry, or raise a translated error."""
    entries: list[LlmOpsConfigEntry] = hass.config_entries.async_loaded_entries(DOMAIN)
    if not entries:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="not_loaded"
        )
    return entries[0].runtime_data


async def async_decided_by(hass: HomeAssistant, user_id: str | None) -> str | None:
    """Return the name the sidecar journals a decision under."""
    if user_id is None or (user := await hass.auth.async_get_user(user_id)) is None:
        return None
    return user.name


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    """Register the actions (once, in async_setup, so they always exist)."""

    async def approve(call: ServiceCall) -> None:
        await loaded_sidecar(hass).async_approve(
            call.data[ATTR_PROPOSAL_ID],
            decided_by=await async_decided_by(hass, call.context.user_id),
        )

    async def reject(call: ServiceCall) -> None:
        await loaded_sidecar(hass).async_reject(
            call.data[ATTR_PROPOSAL_ID],
            decided_by=await async_decided_by(hass, call.context.user_id),
            reason=call.data.get(ATTR_REASON),
        )

    async def dismiss(call: ServiceCall) -> None:
        await loaded_sidecar(hass).async_dismiss(
            call.data[ATTR_INCIDENT_ID],
            ignore_similar=call.data[ATTR_IGNORE_SIMILAR],
            reason=call.data.get(ATTR_REASON),
        )

    async def mark_false_alarm(call: ServiceCall) -> None:
        await loaded_sidecar(hass).async_mark_false_alarm(
            call.data[ATTR_INCIDENT_ID],
            reason=call.data.get(ATTR_REASON),
            decided_by=await async_decided_by(hass, call.context.user_id),
        )

    async def reset_learned_quiet(call: ServiceCall) -> None:
        await loaded_sidecar(hass).async_reset_learned_quiet(
            call.data.get(ATTR_LEARNED_ID)
        )

    async def reanalyze(call: ServiceCall) -> None:
        await loaded_sidecar(hass).async_reanalyze(call.data[ATTR_INCIDENT_ID])

    async def start_reauth(call: ServiceCall) -> None:
        # The sidecar's start_reauth action: there is no WebSocket command for it.
        entry_id = call.data[ATTR_ENTRY_ID]
        if (entry := hass.config_entries.async_get_entry(entry_id)) is None:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="unknown_entry",
                translation_placeholders={"entry_id": entry_id},
            )
        if entry.disabled_by is not None:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="entry_disabled",
                translation_placeholders={"title": entry.title},
            )
        entry.async_start_reauth(hass)

    async def start_maintenance(call: ServiceCall) -> None:
        duration: timedelta = call.data[ATTR_DURATION]
        await loaded_sidecar(hass).async_start_maintenance(
            math.ceil(duration.total_seconds() / 60),
            started_by=await async_decided_by(hass, call.context.user_id),
            surface="action",
        )

    async def end_maintenance(call: ServiceCall) -> None:
        await loaded_sidecar(hass).async_end_maintenance()

    for name, handler, schema in (
        (SERVICE_APPROVE, approve, APPROVE_SCHEMA),
        (SERVICE_REJECT, reject, REJECT_SCHEMA),
        (SERVICE_DISMISS, dismiss, DISMISS_SCHEMA),
        (SERVICE_MARK_FALSE_ALARM, mark_false_alarm, MARK_FALSE_ALARM_SCHEMA),
        (SERVICE_RESET_LEARNED_QUIET, reset_learned_quiet, RESET_LEARNED_QUIET_SCHEMA),
        (SERVICE_REANALYZE, reanalyze, REANALYZE_SCHEMA),
        (SERVICE_START_REAUTH, start_reauth, START_REAUTH_SCHEMA),
        (SERVICE_START_MAINTENANCE, start_maintenance, START_MAINTENANCE_SCHEMA),
        (SERVICE_END_MAINTENANCE, end_maintenance, END_MAINTENANCE_SCHEMA),
    ):
        async_register_admin_service(hass, DOMAIN, name, handler, schema)
