"""Tests of the mode select: the sidecar's mode shown and switched, by admins only."""

from __future__ import annotations

import pytest

from homeassistant.components.select import (
    ATTR_OPTION,
    DOMAIN as SELECT_DOMAIN,
    SERVICE_SELECT_OPTION,
)
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import Unauthorized

from .conftest import Sidecar, setup_entry, sidecar_api

MODE = "select.llm_ops_mode"


async def test_mode_select(hass: HomeAssistant, seeded: Sidecar) -> None:
    """The mode select shows the sidecar's mode and switches it."""
    await setup_entry(hass, seeded)
    state = hass.states.get(MODE)
    assert state.state == "approve"
    assert state.attributes["options"] == ["observe", "approve", "auto"]
    await hass.services.async_call(
        SELECT_DOMAIN,
        SERVICE_SELECT_OPTION,
        {ATTR_ENTITY_ID: MODE, ATTR_OPTION: "observe"},
        blocking=True,
    )
    await hass.async_block_till_done(wait_background_tasks=True)
    assert hass.states.get(MODE).state == "observe"
    _, status = await sidecar_api(hass, seeded, "GET", "/api/status")
    assert status["mode"] == "observe"


async def test_mode_select_is_admin_only(
    hass: HomeAssistant, seeded: Sidecar, hass_admin_user
) -> None:
    """Only an admin (or HA itself, e.g. an automation) may change the mode.

    A household member's account may control entities; switching LLM Ops to
    `auto` overrides the policy file, which only an admin decides.
    """
    await setup_entry(hass, seeded)
    member = await hass.auth.async_create_user("Member", group_ids=["system-users"])
    assert not member.is_admin
    with pytest.raises(Unauthorized):
        await hass.services.async_call(
            SELECT_DOMAIN,
            SERVICE_SELECT_OPTION,
            {ATTR_ENTITY_ID: MODE, ATTR_OPTION: "auto"},
            blocking=True,
            context=Context(user_id=member.id),
        )
    await hass.async_block_till_done(wait_background_tasks=True)
    _, status = await sidecar_api(hass, seeded, "GET", "/api/status")
    assert status["mode"] == "approve"
    assert hass.states.get(MODE).state == "approve"

    await hass.services.async_call(
        SELECT_DOMAIN,
        SERVICE_SELECT_OPTION,
        {ATTR_ENTITY_ID: MODE, ATTR_OPTION: "observe"},
        blocking=True,
        context=Context(user_id=hass_admin_user.id),
    )
    await hass.async_block_till_done(wait_background_tasks=True)
    _, status = await sidecar_api(hass, seeded, "GET", "/api/status")
    assert status["mode"] == "observe"
