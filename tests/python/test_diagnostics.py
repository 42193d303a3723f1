"""Tests of the diagnostics and the system health info."""

from __future__ import annotations

from pytest_homeassistant_custom_component.common import get_system_health_info
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)

from custom_components.llm_ops.const import DOMAIN
from custom_components.llm_ops.diagnostics import _redact_url
from homeassistant.components.diagnostics import REDACTED
from homeassistant.config_entries import ConfigEntryDisabler, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component

from .conftest import Sidecar, setup_entry


async def test_diagnostics(hass: HomeAssistant, seeded: Sidecar, hass_client) -> None:
    """Diagnostics show the sidecar's state and never the token."""
    entry = await setup_entry(hass, seeded)
    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, entry)
    assert diagnostics["entry"]["data"] == {"url": seeded.url, "token": REDACTED}
    assert seeded.token not in str(diagnostics)
    assert diagnostics["last_update_success"] is True
    assert diagnostics["health"] == {
        "version": seeded.version,
        "ha_connected": False,
        "ha_version": None,
    }
    assert diagnostics["open_incidents"] == 3
    assert diagnostics["last_incident"]["id"] == seeded.seeded["hub"]
    assert len(diagnostics["incidents"]) == 3


async def test_diagnostics_of_an_entry_not_loaded(
    hass: HomeAssistant, seeded: Sidecar, hass_client
) -> None:
    """A disabled entry's diagnostics say so, instead of failing the download."""
    entry = await setup_entry(hass, seeded)
    await hass.config_entries.async_set_disabled_by(
        entry.entry_id, ConfigEntryDisabler.USER
    )
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.NOT_LOADED
    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, entry)
    assert diagnostics == {
        "entry": {
            "data": {"url": seeded.url, "token": REDACTED},
            "options": {},
            "state": "not_loaded",
        }
    }
    assert seeded.token not in str(diagnostics)


def test_url_credentials_are_redacted() -> None:
    """Credentials written into the URL are hidden, the rest kept."""
    assert _redact_url("http://user:secret@sidecar:8099") == (
        f"http://{REDACTED}@sidecar:8099"
    )
    assert _redact_url("http://sidecar:8099") == "http://sidecar:8099"


async def test_system_health(hass: HomeAssistant, seeded: Sidecar) -> None:
    """System health tells whether the sidecar answers, its version and mode."""
    assert await async_setup_component(hass, "system_health", {})
    await setup_entry(hass, seeded)
    info = await get_system_health_info(hass, DOMAIN)
    for key, value in info.items():
        if hasattr(value, "__await__"):
            info[key] = await value
    assert info["sidecar_reachable"] == "ok"
    assert info["version"] == seeded.version
    assert info["home_assistant_link"] is False
    assert set(info) == {
        "sidecar_reachable",
        "version",
        "home_assistant_link",
        "mode",
        "last_analysis",
    }


async def test_system_health_without_entry(hass: HomeAssistant) -> None:
    """Without a loaded entry there is nothing to tell."""
    assert await async_setup_component(hass, "system_health", {})
    assert await async_setup_component(hass, DOMAIN, {})
    assert await get_system_health_info(hass, DOMAIN) == {}
