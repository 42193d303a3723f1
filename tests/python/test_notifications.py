"""Tests of the persistent notifications the options turn on."""

from __future__ import annotations

from typing import Any

from custom_components.llm_ops.const import (
    CONF_NOTIFY_ACTIONS,
    CONF_NOTIFY_INCIDENTS,
    EVENT_ACTION,
    EVENT_INCIDENT,
)
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component

from .conftest import Sidecar, incident_event, setup_entry, sidecar_event


async def _notifications(hass_ws_client: Any, hass: HomeAssistant) -> dict[str, Any]:
    assert await async_setup_component(hass, "persistent_notification", {})
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "persistent_notification/get"})
    result = await client.receive_json()
    return {n["notification_id"]: n for n in result["result"]}


def _action(status: str) -> dict[str, Any]:
    return {
        "proposal_id": "prp_1",
        "incident_id": "inc_1",
        "action_id": "reload_config_entry",
        "status": status,
        "backup_id": None,
    }


async def test_new_incidents_and_finished_actions(
    hass: HomeAssistant, sidecar: Sidecar, hass_ws_client
) -> None:
    """With both options on: a note per severe new incident and finished action."""
    await setup_entry(
        hass, sidecar, {CONF_NOTIFY_INCIDENTS: True, CONF_NOTIFY_ACTIONS: True}
    )
    await sidecar_event(hass, EVENT_INCIDENT, incident_event("inc_1", "opened"))
    await sidecar_event(
        hass,
        EVENT_INCIDENT,
        incident_event("inc_2", "opened", severity="warning"),  # below the threshold
    )
    await sidecar_event(hass, EVENT_INCIDENT, incident_event("inc_1", "updated"))
    await sidecar_event(hass, EVENT_ACTION, _action("executing"))
    await sidecar_event(hass, EVENT_ACTION, _action("rolled_back"))
    notes = await _notifications(hass_ws_client, hass)
    assert set(notes) == {"llm_ops_inc_1", "llm_ops_prp_1"}
    assert notes["llm_ops_inc_1"]["title"] == "LLM Ops: new incident"
    assert notes["llm_ops_inc_1"]["message"] == (
        "The recorder database is malformed (recorder, critical). "
        "Open LLM Ops in the sidebar for its analysis."
    )
    assert notes["llm_ops_prp_1"]["message"] == (
        "reload_config_entry did not pass verification and was rolled back."
    )

    # The incident's note goes when it resolves.
    await sidecar_event(hass, EVENT_INCIDENT, incident_event("inc_1", "resolved"))
    assert set(await _notifications(hass_ws_client, hass)) == {"llm_ops_prp_1"}


async def test_defaults_notify_actions_only(
    hass: HomeAssistant, sidecar: Sidecar, hass_ws_client
) -> None:
    """By default only finished actions are notified; both off means nothing."""
    entry = await setup_entry(hass, sidecar)
    await sidecar_event(hass, EVENT_INCIDENT, incident_event("inc_1", "opened"))
    await sidecar_event(hass, EVENT_ACTION, _action("succeeded"))
    assert set(await _notifications(hass_ws_client, hass)) == {"llm_ops_prp_1"}

    hass.config_entries.async_update_entry(
        entry, options={CONF_NOTIFY_INCIDENTS: False, CONF_NOTIFY_ACTIONS: False}
    )
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    await sidecar_event(hass, EVENT_ACTION, _action("failed") | {"proposal_id": "p2"})
    assert set(await _notifications(hass_ws_client, hass)) == {"llm_ops_prp_1"}
