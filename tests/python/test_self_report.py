"""Repairs issues for what the sidecar reports of itself: a bad policy, a polled log."""

from __future__ import annotations

import asyncio

from custom_components.llm_ops.const import (
    DOMAIN,
    ISSUE_POLICY_INVALID,
    ISSUE_SYSTEM_LOG_EVENTS,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component

from .conftest import SidecarFactory, setup_entry, sidecar_api


async def test_invalid_policy_is_a_repairs_issue(
    hass: HomeAssistant, sidecar_factory: SidecarFactory
) -> None:
    """A policy file with an error shows in Repairs with the sidecar's message."""
    sidecar = sidecar_factory("empty", start=False)
    policy = sidecar.data_dir / "policy.yaml"
    policy.write_text("mode: auto\nactions:\n  reboot_the_host: {auto: true}\n")
    sidecar.extra_env = {"LLM_OPS_POLICY": str(policy)}
    await hass.async_add_executor_job(sidecar.start)
    try:
        await setup_entry(hass, sidecar)
        issue = ir.async_get(hass).async_get_issue(DOMAIN, ISSUE_POLICY_INVALID)
        assert issue is not None
        assert issue.severity is ir.IssueSeverity.ERROR
        assert "policy.yaml:3" in issue.translation_placeholders["error"]
        assert "reboot_the_host" in issue.translation_placeholders["error"]
        _, status = await sidecar_api(hass, sidecar, "GET", "/api/status")
        assert status["mode"] == "observe"
        # Removing the entry takes the issue with it, not only at the next restart.
        entry = hass.config_entries.async_entries(DOMAIN)[0]
        assert await hass.config_entries.async_remove(entry.entry_id)
        await hass.async_block_till_done()
        assert ir.async_get(hass).async_get_issue(DOMAIN, ISSUE_POLICY_INVALID) is None
    finally:
        await hass.async_add_executor_job(sidecar.stop)


async def test_polled_system_log_is_a_repairs_issue(
    hass: HomeAssistant,
    sidecar_factory: SidecarFactory,
    hass_client,
    hass_access_token: str,
) -> None:
    """Without system_log_event the sidecar polls; Repairs says how to fix that."""
    for component in ("homeassistant", "config", "logger", "backup", "automation"):
        assert await async_setup_component(hass, component, {})
    # The default: fire_event off, as in most homes.
    assert await async_setup_component(hass, "system_log", {})
    assert await async_setup_component(hass, DOMAIN, {})
    await hass.async_block_till_done()
    client = await hass_client()
    sidecar = sidecar_factory("empty", start=False)
    sidecar.ha_url = str(client.make_url("")).rstrip("/")
    sidecar.ha_token = hass_access_token
    sidecar.extra_env = {"LLM_OPS_LOG_POLL_S": "1"}
    await hass.async_add_executor_job(sidecar.start)
    try:
        await setup_entry(hass, sidecar)
        assert (
            ir.async_get(hass).async_get_issue(DOMAIN, ISSUE_SYSTEM_LOG_EVENTS) is None
        )
        async with asyncio.timeout(30):
            while True:
                # New errors keep arriving, but only the sidecar's poll sees them.
                await hass.services.async_call(
                    "system_log",
                    "write",
                    {"message": "Bench hub lost", "level": "error"},
                    blocking=True,
                )
                _, status = await sidecar_api(hass, sidecar, "GET", "/api/status")
                if not status["system_log_events"]:
                    break
                await asyncio.sleep(1)
        await hass.config_entries.async_reload(
            hass.config_entries.async_entries(DOMAIN)[0].entry_id
        )
        await hass.async_block_till_done()
        issue = ir.async_get(hass).async_get_issue(DOMAIN, ISSUE_SYSTEM_LOG_EVENTS)
        assert issue is not None
        assert issue.severity is ir.IssueSeverity.WARNING
    finally:
        await hass.async_add_executor_job(sidecar.stop)
