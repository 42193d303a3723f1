"""WebSocket commands for the panel and the cards.

Reading is open to every user, so dashboards of non-admins work too; that is
also why `llm_ops/subscribe` exists: non-admins cannot subscribe to custom
events on HA's bus. Everything that changes something is admin-only.
"""

from __future__ import annotations

from typing import Any

import probatio

from homeassistant.components import websocket_api
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers import config_validation as cv

from .const import (
    ATTR_IGNORE_SIMILAR,
    ATTR_INCIDENT_ID,
    ATTR_PROPOSAL_ID,
    ATTR_REASON,
    EVENT_ACTION,
    EVENT_INCIDENT,
    EVENT_MAINTENANCE,
    MAINTENANCE_MAX,
    SEVERITIES,
)
from .services import async_decided_by, loaded_sidecar

INCIDENT_STATUSES = (
    "open",
    "analyzing",
    "awaiting_approval",
    "remediating",
    "resolved",
    "dismissed",
)


@callback
def async_setup_websocket(hass: HomeAssistant) -> None:
    """Register the commands."""
    for command in (
        ws_incidents,
        ws_incident,
        ws_proposals,
        ws_proposal,
        ws_status,
        ws_subscribe,
        ws_approve,
        ws_reject,
        ws_dismiss,
        ws_mark_false_alarm,
        ws_save_rule,
        ws_suppressions,
        ws_undo_suppression,
        ws_learned_quiet,
        ws_reset_learned_quiet,
        ws_outcomes,
        ws_upstream_report,
        ws_start_maintenance,
        ws_end_maintenance,
    ):
        websocket_api.async_register_command(hass, command)


@websocket_api.websocket_command(
    {
        probatio.Required("type"): "llm_ops/incidents",
        probatio.Optional("status"): [probatio.In(INCIDENT_STATUSES)],
        probatio.Optional("severity"): [probatio.In(SEVERITIES)],
        probatio.Optional("integration"): cv.string,
        probatio.Optional("category"): cv.string,
        probatio.Optional("active"): bool,
        probatio.Optional("limit"): probatio.All(int, probatio.Range(min=1, max=500)),
        probatio.Optional("offset"): probatio.All(int, probatio.Range(min=0)),
    }
)
@websocket_api.async_response
async def ws_incidents(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """List incidents, most recently seen first."""
    filters = {k: v for k, v in msg.items() if k not in ("id", "type")}
    page = await loaded_sidecar(hass).async_incidents(**filters)
    connection.send_result(msg["id"], page)


@websocket_api.require_admin
@websocket_api.websocket_command(
    {
        probatio.Required("type"): "llm_ops/incident",
        probatio.Required(ATTR_INCIDENT_ID): cv.string,
    }
)
@websocket_api.async_response
async def ws_incident(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """Return an incident with its signals, evidence, analysis and all its proposals."""
    detail = await loaded_sidecar(hass).async_incident(msg[ATTR_INCIDENT_ID])
    connection.send_result(msg["id"], detail)


@websocket_api.websocket_command({probatio.Required("type"): "llm_ops/proposals"})
@websocket_api.async_response
async def ws_proposals(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """Return the proposals waiting for a decision."""
    proposals = await loaded_sidecar(hass).async_pending_proposals()
    connection.send_result(msg["id"], {"proposals": proposals})


@websocket_api.require_admin
@websocket_api.websocket_command(
    {
        probatio.Required("type"): "llm_ops/proposal",
        probatio.Required(ATTR_PROPOSAL_ID): cv.string,
    }
)
@websocket_api.async_response
async def ws_proposal(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """Return a proposal with its execution steps and result."""
    detail = await loaded_sidecar(hass).async_proposal(msg[ATTR_PROPOSAL_ID])
    connection.send_result(msg["id"], detail)


@websocket_api.websocket_command({probatio.Required("type"): "llm_ops/status"})
@callback
def ws_status(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """Return the mode, the policy summary and whether the sidecar answers."""
    coordinator = loaded_sidecar(hass).coordinator
    status = coordinator.data.status if coordinator.data else None
    connection.send_result(
        msg["id"],
        {**(status or {}), "connected": coordinator.last_update_success},
    )


@websocket_api.websocket_command({probatio.Required("type"): "llm_ops/subscribe"})
@callback
def ws_subscribe(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """Push every incident and action change, and maintenance's end, here."""
    kinds = {
        EVENT_INCIDENT: "incident",
        EVENT_ACTION: "action",
        EVENT_MAINTENANCE: "maintenance",
    }

    @callback
    def forward(event: Event) -> None:
        kind = kinds[str(event.event_type)]
        connection.send_message(
            websocket_api.event_message(msg["id"], {"kind": kind, "data": event.data})
        )

    unsubs = [hass.bus.async_listen(event_type, forward) for event_type in kinds]

    @callback
    def unsubscribe() -> None:
        for unsub in unsubs:
            unsub()

    connection.subscriptions[msg["id"]] = unsubscribe
    connection.send_result(msg["id"])


@websocket_api.require_admin
@websocket_api.websocket_command(
    {
        probatio.Required("type"): "llm_ops/approve",
        probatio.Required(ATTR_PROPOSAL_ID): cv.string,
    }
)
@websocket_api.async_response
async def ws_approve(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """Approve a proposal."""
    proposal = await loaded_sidecar(hass).async_approve(
        msg[ATTR_PROPOSAL_ID],
        decided_by=await async_decided_by(hass, connection.user.id),
    )
    connection.send_result(msg["id"], {"proposal": proposal})


@websocket_api.require_admin
@websocket_api.websocket_command(
    {
        probatio.Required("type"): "llm_ops/reject",
        probatio.Required(ATTR_PROPOSAL_ID): cv.string,
        probatio.Optional(ATTR_REASON): probatio.All(
            cv.string, probatio.Length(max=500)
        ),
    }
)
@websocket_api.async_response
async def ws_reject(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """Reject a proposal."""
    proposal = await loaded_sidecar(hass).async_reject(
        msg[ATTR_PROPOSAL_ID],
        decided_by=await async_decided_by(hass, connection.user.id),
        reason=msg.get(ATTR_REASON),
    )
    connection.send_result(msg["id"], {"proposal": proposal})


@websocket_api.require_admin
@websocket_api.websocket_command(
    {
        probatio.Required("type"): "llm_ops/dismiss",
        probatio.Required(ATTR_INCIDENT_ID): cv.string,
        probatio.Optional(ATTR_IGNORE_SIMILAR, default=False): bool,
        probatio.Optional(ATTR_REASON): probatio.All(
            cv.string, probatio.Length(max=500)
        ),
    }
)
@websocket_api.async_response
async def ws_dismiss(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """Dismiss an incident."""
    incident = await loaded_sidecar(hass).async_dismiss(
        msg[ATTR_INCIDENT_ID],
        ignore_similar=msg[ATTR_IGNORE_SIMILAR],
        reason=msg.get(ATTR_REASON),
    )
    connection.send_result(msg["id"], {"incident": incident})


@websocket_api.require_admin
@websocket_api.websocket_command(
    {
        probatio.Required("type"): "llm_ops/mark_false_alarm",
        probatio.Required(ATTR_INCIDENT_ID): cv.string,
        probatio.Optional(ATTR_REASON): probatio.All(
            cv.string, probatio.Length(max=500)
        ),
    }
)
@websocket_api.async_response
async def ws_mark_false_alarm(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """Close an incident as a false alarm; the same failure is then kept quiet."""
    incident = await loaded_sidecar(hass).async_mark_false_alarm(
        msg[ATTR_INCIDENT_ID],
        reason=msg.get(ATTR_REASON),
        decided_by=await async_decided_by(hass, connection.user.id),
    )
    connection.send_result(msg["id"], {"incident": incident})


@websocket_api.require_admin
@websocket_api.websocket_command(
    {
        probatio.Required("type"): "llm_ops/save_rule",
        probatio.Required(ATTR_INCIDENT_ID): cv.string,
        probatio.Optional("rule_id"): probatio.All(
            cv.string, probatio.Match(r"^[a-z0-9][a-z0-9_-]{0,63}$")
        ),
    }
)
@websocket_api.async_response
async def ws_save_rule(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """Save a resolved incident as a rule of the knowledge file (offline analyzer)."""
    rule = await loaded_sidecar(hass).async_save_rule(
        msg[ATTR_INCIDENT_ID], rule_id=msg.get("rule_id")
    )
    connection.send_result(msg["id"], {"rule": rule})


@websocket_api.require_admin
@websocket_api.websocket_command({probatio.Required("type"): "llm_ops/suppressions"})
@websocket_api.async_response
async def ws_suppressions(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """Return what is kept quiet: ignored failures and false alarms."""
    items = await loaded_sidecar(hass).async_suppressions()
    connection.send_result(msg["id"], {"items": items})


@websocket_api.require_admin
@websocket_api.websocket_command(
    {
        probatio.Required("type"): "llm_ops/undo_suppression",
        probatio.Required(ATTR_INCIDENT_ID): cv.string,
    }
)
@websocket_api.async_response
async def ws_undo_suppression(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """Undo ignoring or a false alarm; the same failure is reported as usual again."""
    items = await loaded_sidecar(hass).async_undo_suppression(msg[ATTR_INCIDENT_ID])
    connection.send_result(msg["id"], {"items": items})


@websocket_api.require_admin
@websocket_api.websocket_command({probatio.Required("type"): "llm_ops/learned_quiet"})
@websocket_api.async_response
async def ws_learned_quiet(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """Return what was learned quiet: outages that end by themselves on a schedule."""
    items = await loaded_sidecar(hass).async_learned_quiet()
    connection.send_result(msg["id"], {"items": items})


@websocket_api.require_admin
@websocket_api.websocket_command(
    {
        probatio.Required("type"): "llm_ops/reset_learned_quiet",
        # One learned item's id; without it, everything learned is forgotten.
        probatio.Optional("learned_id"): cv.string,
    }
)
@websocket_api.async_response
async def ws_reset_learned_quiet(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """Forget what was learned quiet: the outages alarm as usual again."""
    sidecar = loaded_sidecar(hass)
    items = await sidecar.async_reset_learned_quiet(msg.get("learned_id"))
    connection.send_result(msg["id"], {"items": items})


@websocket_api.websocket_command({probatio.Required("type"): "llm_ops/outcomes"})
@websocket_api.async_response
async def ws_outcomes(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """Return how incidents ended and the false-alarm rate."""
    outcomes = await loaded_sidecar(hass).async_outcomes()
    connection.send_result(msg["id"], outcomes)


@websocket_api.require_admin
@websocket_api.websocket_command(
    {
        probatio.Required("type"): "llm_ops/upstream_report",
        probatio.Required(ATTR_INCIDENT_ID): cv.string,
    }
)
@websocket_api.async_response
async def ws_upstream_report(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """Return a bug report of an incident, ready for its integration's issue tracker."""
    report = await loaded_sidecar(hass).async_upstream_report(msg[ATTR_INCIDENT_ID])
    connection.send_result(msg["id"], report)


@websocket_api.require_admin
@websocket_api.websocket_command(
    {
        probatio.Required("type"): "llm_ops/maintenance/start",
        probatio.Required("minutes"): probatio.All(
            int,
            probatio.Range(min=1, max=int(MAINTENANCE_MAX.total_seconds() // 60)),
        ),
    }
)
@websocket_api.async_response
async def ws_start_maintenance(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """Start maintenance from the panel: no incident opens meanwhile."""
    state = await loaded_sidecar(hass).async_start_maintenance(
        msg["minutes"],
        started_by=await async_decided_by(hass, connection.user.id),
        surface="panel",
    )
    connection.send_result(msg["id"], state)


@websocket_api.require_admin
@websocket_api.websocket_command({probatio.Required("type"): "llm_ops/maintenance/end"})
@websocket_api.async_response
async def ws_end_maintenance(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """End maintenance now; return its summary."""
    summary = await loaded_sidecar(hass).async_end_maintenance()
    connection.send_result(msg["id"], summary)
