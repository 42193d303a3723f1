"""The LLM Ops integration: shows the sidecar's incidents in Home Assistant."""

from __future__ import annotations

from homeassistant.const import CONF_TOKEN, CONF_URL, Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.helpers.typing import ConfigType

from .api import SidecarClient
from .const import DOMAIN
from .coordinator import LlmOpsConfigEntry, LlmOpsCoordinator
from .frontend import (
    async_register_frontend,
    async_serve_frontend,
    async_unregister_frontend,
)
from .issues import IncidentIssues
from .notifications import async_setup_notifications
from .services import async_setup_services
from .sidecar import LlmOpsSidecar
from .state_changes import async_setup_state_changes
from .websocket import async_setup_websocket

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)
PLATFORMS = [Platform.BINARY_SENSOR, Platform.SELECT, Platform.SENSOR]


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the actions, WebSocket commands and front-end files, loaded or not."""
    async_setup_services(hass)
    async_setup_websocket(hass)
    async_setup_state_changes(hass)
    await async_serve_frontend(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: LlmOpsConfigEntry) -> None:
    """Connect to the sidecar and show what it knows."""
    client = SidecarClient(
        async_get_clientsession(hass), entry.data[CONF_URL], entry.data[CONF_TOKEN]
    )
    coordinator = LlmOpsCoordinator(hass, entry, client)
    await coordinator.async_config_entry_first_refresh()
    entry.runtime_data = LlmOpsSidecar(coordinator)
    coordinator.async_listen_to_sidecar()
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    await IncidentIssues.async_setup(hass, entry)
    await async_setup_notifications(hass, entry)
    await async_register_frontend(hass)


async def async_unload_entry(hass: HomeAssistant, entry: LlmOpsConfigEntry) -> None:
    """Unload the entry and take the panel and cards away."""
    await hass.config_entries.async_unload_platforms_or_raise(entry, PLATFORMS)
    await async_unregister_frontend(hass)
