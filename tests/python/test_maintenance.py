"""Tests of maintenance mode: its select and sensor, actions and panel commands."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)

from custom_components.llm_ops.const import DOMAIN, EVENT_MAINTENANCE, REFRESH_COOLDOWN
from homeassistant.components.diagnostics import REDACTED
from homeassistant.components.select import (
    ATTR_OPTION,
    DOMAIN as SELECT_DOMAIN,
    SERVICE_SELECT_OPTION,
)
from homeassistant.const import ATTR_ENTITY_ID, STATE_UNKNOWN
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import ServiceValidationError, Unauthorized
from homeassistant.util import dt as dt_util

from .conftest import Sidecar, setup_entry, sidecar_api, sidecar_event

SELECT = "select.llm_ops_maintenance"
UNTIL = "sensor.llm_ops_maintenance_until"


async def _settle(hass: HomeAssistant) -> None:
    """Let a refresh held back by the debouncer's cooldown run."""
    async_fire_time_changed(
        hass, dt_util.utcnow() + timedelta(seconds=REFRESH_COOLDOWN + 1)
    )
    await hass.async_block_till_done(wait_background_tasks=True)


async def _select(
    hass: HomeAssistant, option: str, context: Context | None = None
) -> None:
    await hass.services.async_call(
        SELECT_DOMAIN,
        SERVICE_SELECT_OPTION,
        {ATTR_ENTITY_ID: SELECT, ATTR_OPTION: option},
        blocking=True,
        context=context,
    )
    await hass.async_block_till_done(wait_background_tasks=True)


async def _maintenance(hass: HomeAssistant, sidecar: Sidecar) -> dict[str, Any]:
    status, state = await sidecar_api(hass, sidecar, "GET", "/api/maintenance")
    assert status == 200
    return state


async def test_select_starts_and_ends_maintenance(
    hass: HomeAssistant, seeded: Sidecar, hass_admin_user, hass_client
) -> None:
    """Choosing 1 hour starts maintenance until an hour from now; off ends it."""
    entry = await setup_entry(hass, seeded)
    state = hass.states.get(SELECT)
    assert state.state == "off"
    assert state.attributes["options"] == ["off", "30_min", "1_h", "2_h", "4_h"]
    assert hass.states.get(UNTIL).state == STATE_UNKNOWN

    before = dt_util.utcnow()
    await _select(hass, "1_h", Context(user_id=hass_admin_user.id))
    on = await _maintenance(hass, seeded)
    assert on["active"] is True
    assert on["minutes"] == 60
    assert on["surface"] == "entity"
    assert on["started_by"] == hass_admin_user.name
    assert hass.states.get(SELECT).state == "1_h"
    until = dt_util.parse_datetime(hass.states.get(UNTIL).state)
    assert until is not None
    assert before + timedelta(minutes=59) < until < before + timedelta(minutes=61)
    # Diagnostics leave out who started it.
    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, entry)
    assert diagnostics["status"]["maintenance"]["started_by"] == REDACTED

    await _select(hass, "off")
    await _settle(hass)
    off = await _maintenance(hass, seeded)
    assert off["active"] is False
    assert off["last_summary"]["ended_by"] == "user"
    assert hass.states.get(SELECT).state == "off"
    assert hass.states.get(UNTIL).state == STATE_UNKNOWN


async def test_select_is_admin_only(
    hass: HomeAssistant, seeded: Sidecar, hass_read_only_user
) -> None:
    """A household member may not hide failures by starting maintenance."""
    await setup_entry(hass, seeded)
    with pytest.raises(Unauthorized):
        await _select(hass, "4_h", Context(user_id=hass_read_only_user.id))
    assert (await _maintenance(hass, seeded))["active"] is False


async def test_actions_start_and_end_maintenance(
    hass: HomeAssistant, seeded: Sidecar, hass_admin_user
) -> None:
    """llm_ops.start_maintenance takes a duration; end_maintenance ends it."""
    await setup_entry(hass, seeded)
    admin = Context(user_id=hass_admin_user.id)
    await hass.services.async_call(
        DOMAIN,
        "start_maintenance",
        {"duration": {"minutes": 45}},
        blocking=True,
        context=admin,
    )
    await hass.async_block_till_done(wait_background_tasks=True)
    on = await _maintenance(hass, seeded)
    assert (on["active"], on["minutes"], on["surface"]) == (True, 45, "action")
    # 45 minutes is none of the select's options.
    assert hass.states.get(SELECT).state == STATE_UNKNOWN
    assert hass.states.get(UNTIL).state != STATE_UNKNOWN

    await hass.services.async_call(
        DOMAIN, "end_maintenance", {}, blocking=True, context=admin
    )
    await _settle(hass)
    assert (await _maintenance(hass, seeded))["active"] is False
    assert hass.states.get(SELECT).state == "off"

    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN, "end_maintenance", {}, blocking=True, context=admin
        )
    assert err.value.translation_key == "maintenance_not_on"


async def test_action_refuses_durations_out_of_range(
    hass: HomeAssistant, seeded: Sidecar, hass_read_only_user
) -> None:
    """At most 24 hours, at least a minute; and only for admins."""
    await setup_entry(hass, seeded)
    for duration in ({"hours": 25}, {"seconds": 10}):
        with pytest.raises(Exception, match="duration"):
            await hass.services.async_call(
                DOMAIN, "start_maintenance", {"duration": duration}, blocking=True
            )
    for service, data in (
        ("start_maintenance", {"duration": {"hours": 1}}),
        ("end_maintenance", {}),
    ):
        with pytest.raises(Unauthorized):
            await hass.services.async_call(
                DOMAIN,
                service,
                data,
                blocking=True,
                context=Context(user_id=hass_read_only_user.id),
            )
    assert (await _maintenance(hass, seeded))["active"] is False


async def test_panel_commands(
    hass: HomeAssistant, seeded: Sidecar, hass_ws_client
) -> None:
    """The panel starts and ends maintenance, and hears the summary event."""
    await setup_entry(hass, seeded)
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "llm_ops/subscribe"})
    assert (await client.receive_json())["success"]

    await client.send_json_auto_id(
        {"type": "llm_ops/maintenance/start", "minutes": 120}
    )
    started = await client.receive_json()
    assert started["success"], started
    assert started["result"]["until"] is not None
    assert started["result"]["surface"] == "panel"
    await hass.async_block_till_done(wait_background_tasks=True)
    assert hass.states.get(SELECT).state == "2_h"

    await client.send_json_auto_id({"type": "llm_ops/maintenance/end"})
    ended = await client.receive_json()
    assert ended["success"], ended
    assert ended["result"]["ended_by"] == "user"

    summary = {**ended["result"], "failed_count": 1}
    await sidecar_event(hass, EVENT_MAINTENANCE, summary)
    pushed = await client.receive_json()
    assert pushed["event"] == {"kind": "maintenance", "data": summary}


async def test_panel_commands_are_admin_only(
    hass: HomeAssistant, seeded: Sidecar, hass_ws_client, hass_read_only_access_token
) -> None:
    """A non-admin's panel cannot start maintenance."""
    await setup_entry(hass, seeded)
    client = await hass_ws_client(hass, hass_read_only_access_token)
    await client.send_json_auto_id({"type": "llm_ops/maintenance/start", "minutes": 30})
    result = await client.receive_json()
    assert not result["success"]
    assert result["error"]["code"] == "unauthorized"
    assert (await _maintenance(hass, seeded))["active"] is False
