"""Tests of llm_ops/subscribe_state_changes: the state changes the sidecar needs."""

from __future__ import annotations

from typing import Any

from custom_components.llm_ops.const import DOMAIN
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component

MARKER = "sensor.end_of_test"


async def _subscribe(hass: HomeAssistant, hass_ws_client: Any, *args: Any) -> Any:
    assert await async_setup_component(hass, DOMAIN, {})
    client = await hass_ws_client(hass, *args)
    await client.send_json_auto_id({"type": "llm_ops/subscribe_state_changes"})
    return client


async def _until_marker(client: Any) -> list[tuple[str, str | None, str | None]]:
    """Collect the forwarded changes, as (entity, old, new), up to the marker's."""
    seen: list[tuple[str, str | None, str | None]] = []
    while True:
        msg = await client.receive_json()
        assert msg["type"] == "event"
        event = msg["event"]
        assert event["event_type"] == "state_changed"
        data = event["data"]
        old, new = data["old_state"], data["new_state"]
        if data["entity_id"] == MARKER:
            return seen
        seen.append(
            (
                data["entity_id"],
                old["state"] if old else None,
                new["state"] if new else None,
            )
        )


async def test_forwards_only_what_the_detectors_need(
    hass: HomeAssistant, hass_ws_client: Any
) -> None:
    """Down and back, the first report after, update.* and removals; nothing else."""
    client = await _subscribe(hass, hass_ws_client)
    result = await client.receive_json()
    assert result["success"]

    steps: list[tuple[str, str, dict[str, Any]]] = [
        ("sensor.plug_power", "1", {}),  # created: not forwarded
        ("sensor.plug_power", "2", {}),  # unrelated
        ("sensor.plug_power", "unavailable", {}),  # goes down
        ("sensor.plug_power", "unavailable", {"friendly_name": "Plug"}),  # still down
        ("sensor.plug_power", "3", {}),  # back
        ("sensor.plug_power", "4", {}),  # the first report after it came back
        ("sensor.plug_power", "5", {}),  # unrelated again
        ("sensor.lamp", "on", {}),  # created: not forwarded
        ("sensor.lamp", "unknown", {}),  # into unknown
        ("sensor.lamp", "off", {}),  # out of unknown
        ("sensor.lamp", "on", {}),  # unrelated: it left unknown, not unavailable
        ("update.core", "off", {}),  # every update.* change
        ("update.core", "on", {"latest_version": "2026.12.0"}),
        ("update.core", "on", {"latest_version": "2026.12.1"}),
    ]
    for entity_id, state, attributes in steps:
        hass.states.async_set(entity_id, state, attributes)
    hass.states.async_remove("sensor.plug_power")
    hass.states.async_set(MARKER, "unavailable")
    await hass.async_block_till_done()

    assert await _until_marker(client) == [
        ("sensor.plug_power", "2", "unavailable"),
        ("sensor.plug_power", "unavailable", "3"),
        ("sensor.plug_power", "3", "4"),
        ("sensor.lamp", "on", "unknown"),
        ("sensor.lamp", "unknown", "off"),
        ("update.core", None, "off"),
        ("update.core", "off", "on"),
        ("update.core", "on", "on"),
        ("sensor.plug_power", "5", None),
    ]


async def test_forwarded_event_is_the_state_changed_event(
    hass: HomeAssistant, hass_ws_client: Any
) -> None:
    """The sidecar gets the shape subscribe_events sends: full states, context."""
    client = await _subscribe(hass, hass_ws_client)
    assert (await client.receive_json())["success"]
    hass.states.async_set("sensor.hub_link", "on", {"friendly_name": "Hub link"})
    hass.states.async_set(
        "sensor.hub_link", "unavailable", {"friendly_name": "Hub link"}
    )
    await hass.async_block_till_done()

    event = (await client.receive_json())["event"]
    assert set(event) >= {"event_type", "data", "origin", "time_fired", "context"}
    new_state = event["data"]["new_state"]
    assert new_state["entity_id"] == "sensor.hub_link"
    assert new_state["state"] == "unavailable"
    assert new_state["attributes"] == {"friendly_name": "Hub link"}
    assert set(new_state) >= {"last_changed", "last_updated", "context"}
    assert event["data"]["old_state"]["state"] == "on"


async def test_refused_to_non_admins(
    hass: HomeAssistant, hass_ws_client: Any, hass_read_only_access_token: str
) -> None:
    """Every entity's state changes are for admins, as the sidecar's token is."""
    client = await _subscribe(hass, hass_ws_client, hass_read_only_access_token)
    result = await client.receive_json()
    assert not result["success"]
    assert result["error"]["code"] == "unauthorized"
