"""Tests of the LLM Ops config flow against a real sidecar."""

from __future__ import annotations

from aiohttp import web
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.llm_ops.const import DOMAIN
from homeassistant.config_entries import SOURCE_USER
from homeassistant.const import CONF_TOKEN, CONF_URL
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType

from .conftest import Sidecar


async def _start(hass: HomeAssistant) -> str:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    return result["flow_id"]


async def test_user_flow_creates_entry(hass: HomeAssistant, sidecar: Sidecar) -> None:
    """A reachable sidecar with the right token becomes an entry."""
    flow_id = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        flow_id, {CONF_URL: f"{sidecar.url}/", CONF_TOKEN: f" {sidecar.token} "}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "LLM Ops"
    # Trailing slash and whitespace are normalized away.
    assert result["data"] == {CONF_URL: sidecar.url, CONF_TOKEN: sidecar.token}


async def test_user_flow_wrong_token_then_recovers(
    hass: HomeAssistant, sidecar: Sidecar
) -> None:
    """A rejected token is reported, and the form accepts a corrected one."""
    flow_id = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        flow_id, {CONF_URL: sidecar.url, CONF_TOKEN: "wrong-token-wrong-token"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": "invalid_auth"}

    result = await hass.config_entries.flow.async_configure(
        flow_id, {CONF_URL: sidecar.url, CONF_TOKEN: sidecar.token}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY


async def test_user_flow_unreachable(hass: HomeAssistant, closed_url: str) -> None:
    """Nothing listening at the URL is a cannot_connect error."""
    flow_id = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        flow_id, {CONF_URL: closed_url, CONF_TOKEN: "whatever-token-value"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": "cannot_connect"}


async def test_user_flow_not_a_sidecar(hass: HomeAssistant, aiohttp_server) -> None:
    """A server that answers but is not the sidecar is named as such."""

    async def health(_request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    async def page(_request: web.Request) -> web.Response:
        return web.Response(text="<html>router login</html>", content_type="text/html")

    app = web.Application()
    app.router.add_get("/json/api/health", health)
    app.router.add_get("/html/api/health", page)
    server = await aiohttp_server(app)
    base = f"http://127.0.0.1:{server.port}"

    for path in ("/json", "/html", "/missing"):
        flow_id = await _start(hass)
        result = await hass.config_entries.flow.async_configure(
            flow_id, {CONF_URL: base + path, CONF_TOKEN: "token-token-token"}
        )
        assert result["errors"] == {"base": "not_sidecar"}, path


async def test_single_instance(hass: HomeAssistant) -> None:
    """Only one LLM Ops entry can exist."""
    MockConfigEntry(domain=DOMAIN, data={}).add_to_hass(hass)
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "single_instance_allowed"
