"""Tests of setting up and unloading the LLM Ops entry."""

from __future__ import annotations

from typing import Any

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.llm_ops.api import SidecarClient
from custom_components.llm_ops.const import DOMAIN
from homeassistant.components import frontend
from homeassistant.config_entries import SOURCE_REAUTH, ConfigEntryState
from homeassistant.const import CONF_TOKEN, CONF_URL
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType

from .conftest import Sidecar


def _entry(url: str, token: str) -> MockConfigEntry:
    return MockConfigEntry(
        domain=DOMAIN, title="LLM Ops", data={CONF_URL: url, CONF_TOKEN: token}
    )


async def test_setup_and_unload(hass: HomeAssistant, sidecar: Sidecar) -> None:
    """The entry loads against the real sidecar and unloads cleanly."""
    entry = _entry(sidecar.url, sidecar.token)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert entry.runtime_data.coordinator.data.health.version == sidecar.version
    # The test sidecar's HA link points at a closed port.
    assert entry.runtime_data.coordinator.data.health.ha_connected is False

    assert await hass.config_entries.async_unload(entry.entry_id)
    assert entry.state is ConfigEntryState.NOT_LOADED


async def test_setup_waits_on_one_request(
    hass: HomeAssistant, seeded: Sidecar, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Home Assistant's start waits on one request to the sidecar: its summary.

    The summary carries the status, the open incidents with what their Repairs
    issues say, the last one, the proposals waiting and the outcomes: however
    many incidents are open, no analysis is asked for apart.
    """
    requests: list[str] = []
    request = SidecarClient._request

    async def counted(
        self: SidecarClient, method: str, path: str, **kwargs: Any
    ) -> Any:
        requests.append(f"{method} {path}")
        return await request(self, method, path, **kwargs)

    monkeypatch.setattr(SidecarClient, "_request", counted)
    entry = _entry(seeded.url, seeded.token)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    assert entry.state is ConfigEntryState.LOADED
    data = entry.runtime_data.coordinator.data
    assert requests == ["GET /api/summary"]
    assert len(data.facts) > 1
    assert data.health.version == seeded.version
    assert data.open_count == len(data.incidents) > 0
    assert data.last_incident is not None


async def test_setup_retries_when_unreachable(
    hass: HomeAssistant, closed_url: str
) -> None:
    """An unreachable sidecar puts the entry in setup retry, not error."""
    entry = _entry(closed_url, "token-token-token")
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.SETUP_RETRY
    assert closed_url in (entry.reason or "")


async def test_wrong_token_starts_reauth(hass: HomeAssistant, sidecar: Sidecar) -> None:
    """A rejected token fails setup and starts a reauth flow that fixes it."""
    entry = _entry(sidecar.url, "stale-token-stale-token")
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.SETUP_ERROR

    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [f["context"]["source"] for f in flows] == [SOURCE_REAUTH]
    flow_id = flows[0]["flow_id"]

    result = await hass.config_entries.flow.async_configure(
        flow_id, {CONF_TOKEN: "still-wrong-still-wrong"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": "invalid_auth"}

    result = await hass.config_entries.flow.async_configure(
        flow_id, {CONF_TOKEN: sidecar.token}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reauth_successful"
    await hass.async_block_till_done()
    assert entry.data[CONF_TOKEN] == sidecar.token
    assert entry.state is ConfigEntryState.LOADED


async def test_panel_and_cards(
    hass: HomeAssistant, sidecar: Sidecar, hass_client
) -> None:
    """The panel and the cards are registered and served; unloading hides them."""
    entry = _entry(sidecar.url, sidecar.token)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    panel = hass.data[frontend.DATA_PANELS]["llm-ops"]
    response = panel.to_response()
    assert response["title"] == "LLM Ops"
    assert response["icon"] == "mdi:stethoscope"
    assert response["require_admin"] is True
    custom = response["config"]["_panel_custom"]
    assert custom["name"] == "llm-ops-panel"
    assert custom["module_url"] == "/llm_ops_static/llm-ops-panel.js?v=0.1.0"
    cards = "/llm_ops_static/llm-ops-cards.js?v=0.1.0"
    assert cards in hass.data[frontend.DATA_EXTRA_MODULE_URL].urls

    client = await hass_client()
    for file, elements in (
        ("llm-ops-panel.js", ["llm-ops-panel"]),
        ("llm-ops-cards.js", ["llm-ops-incidents-card", "llm-ops-approval-card"]),
    ):
        resp = await client.get(f"/llm_ops_static/{file}?v=0.1.0")
        assert resp.status == 200
        body = await resp.text()
        for element in elements:
            assert element in body

    # A reload registers the panel again; the files stay served (once per run).
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert "llm-ops" in hass.data[frontend.DATA_PANELS]

    assert await hass.config_entries.async_unload(entry.entry_id)
    assert "llm-ops" not in hass.data[frontend.DATA_PANELS]
    assert cards not in hass.data[frontend.DATA_EXTRA_MODULE_URL].urls
