"""Tests of the LLM Ops config flow against a real sidecar."""

from __future__ import annotations

from aiohttp import web
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.llm_ops.const import (
    CONF_NOTIFY_ACTIONS,
    CONF_NOTIFY_INCIDENTS,
    CONF_REPAIR_SEVERITY,
    DOMAIN,
)
from homeassistant.config_entries import SOURCE_HASSIO, SOURCE_USER, ConfigEntryState
from homeassistant.const import CONF_TOKEN, CONF_URL
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers.service_info.hassio import HassioServiceInfo

from .conftest import Sidecar, setup_entry


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

    async def error(_request: web.Request) -> web.Response:
        return web.json_response({"error": "no such endpoint"}, status=404)

    app = web.Application()
    app.router.add_get("/json/api/health", health)
    app.router.add_get("/html/api/health", page)
    app.router.add_get("/error/api/health", error)
    server = await aiohttp_server(app)
    base = f"http://127.0.0.1:{server.port}"

    for path in ("/json", "/html", "/missing", "/error"):
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


async def test_user_flow_unexpected_error(hass: HomeAssistant, aiohttp_server) -> None:
    """A server that breaks the client in an unforeseen way is an unknown error."""

    async def health(_request: web.Request) -> web.Response:
        return web.json_response(
            {"service": "ha-llm-ops", "authenticated": True, "ha": "broken"}
        )

    app = web.Application()
    app.router.add_get("/api/health", health)
    server = await aiohttp_server(app)
    flow_id = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        flow_id,
        {CONF_URL: f"http://127.0.0.1:{server.port}", CONF_TOKEN: "token-token"},
    )
    assert result["errors"] == {"base": "unknown"}


async def test_user_flow_unauthenticated_answer(
    hass: HomeAssistant, aiohttp_server
) -> None:
    """A sidecar that does not count the token as authenticated rejects it."""

    async def health(_request: web.Request) -> web.Response:
        return web.json_response({"service": "ha-llm-ops", "authenticated": False})

    app = web.Application()
    app.router.add_get("/api/health", health)
    server = await aiohttp_server(app)
    flow_id = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        flow_id,
        {CONF_URL: f"http://127.0.0.1:{server.port}", CONF_TOKEN: "token-token"},
    )
    assert result["errors"] == {"base": "invalid_auth"}


def _discovery(url: str, token: str) -> HassioServiceInfo:
    return HassioServiceInfo(
        config={CONF_URL: url, CONF_TOKEN: token},
        name="LLM Ops",
        slug="ha_llm_ops",
        uuid="1234",
    )


async def test_hassio_discovery(hass: HomeAssistant, sidecar: Sidecar) -> None:
    """The add-on's announcement is confirmed and becomes the entry."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN,
        context={"source": SOURCE_HASSIO},
        data=_discovery(f"{sidecar.url}/", sidecar.token),
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "hassio_confirm"
    assert result["description_placeholders"] == {"addon": "LLM Ops"}
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"] == {CONF_URL: sidecar.url, CONF_TOKEN: sidecar.token}


async def test_hassio_discovery_sidecar_not_up_yet(
    hass: HomeAssistant, sidecar: Sidecar, closed_url: str
) -> None:
    """An add-on that does not answer yet is an error on the confirm form."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN,
        context={"source": SOURCE_HASSIO},
        data=_discovery(closed_url, sidecar.token),
    )
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": "cannot_connect"}


async def test_hassio_discovery_without_url_or_token(hass: HomeAssistant) -> None:
    """An announcement without URL and token is refused."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN,
        context={"source": SOURCE_HASSIO},
        data=HassioServiceInfo(
            config={CONF_URL: "http://x"}, name="LLM Ops", slug="s", uuid="u"
        ),
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "invalid_discovery_info"


async def test_hassio_discovery_when_configured(
    hass: HomeAssistant, sidecar: Sidecar
) -> None:
    """With an entry in place, discovery starts nothing."""
    MockConfigEntry(domain=DOMAIN, data={}).add_to_hass(hass)
    result = await hass.config_entries.flow.async_init(
        DOMAIN,
        context={"source": SOURCE_HASSIO},
        data=_discovery(sidecar.url, sidecar.token),
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "single_instance_allowed"


async def test_reconfigure(
    hass: HomeAssistant, sidecar: Sidecar, closed_url: str
) -> None:
    """Reconfigure checks the new address and token, then reloads the entry."""
    entry = await setup_entry(hass, sidecar)
    result = await entry.start_reconfigure_flow(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "reconfigure"

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_URL: closed_url, CONF_TOKEN: sidecar.token}
    )
    assert result["errors"] == {"base": "cannot_connect"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_URL: f" {sidecar.url}/ ", CONF_TOKEN: sidecar.token}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    await hass.async_block_till_done()
    assert entry.data[CONF_URL] == sidecar.url
    assert entry.state is ConfigEntryState.LOADED


async def test_options(hass: HomeAssistant, sidecar: Sidecar) -> None:
    """The options set the Repairs threshold and the notifications, and reload."""
    entry = await setup_entry(hass, sidecar)
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["type"] is FlowResultType.FORM
    schema = result["data_schema"].schema
    defaults = {str(key): key.default() for key in schema}
    assert defaults == {
        CONF_REPAIR_SEVERITY: "error",
        CONF_NOTIFY_INCIDENTS: False,
        CONF_NOTIFY_ACTIONS: True,
    }
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            CONF_REPAIR_SEVERITY: "warning",
            CONF_NOTIFY_INCIDENTS: True,
            CONF_NOTIFY_ACTIONS: False,
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert entry.options == {
        CONF_REPAIR_SEVERITY: "warning",
        CONF_NOTIFY_INCIDENTS: True,
        CONF_NOTIFY_ACTIONS: False,
    }
    assert entry.state is ConfigEntryState.LOADED
