"""The LLM Ops integration: shows the sidecar's incidents in Home Assistant."""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_TOKEN, CONF_URL
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryAuthFailed, ConfigEntryNotReady
from homeassistant.helpers.aiohttp_client import async_get_clientsession

from .api import (
    NotASidecarError,
    SidecarAuthError,
    SidecarClient,
    SidecarConnectionError,
    SidecarHealth,
)
from .const import DOMAIN


@dataclass(slots=True)
class LlmOpsData:
    """What a loaded entry keeps at runtime."""

    client: SidecarClient
    health: SidecarHealth


type LlmOpsConfigEntry = ConfigEntry[LlmOpsData]


async def async_setup_entry(hass: HomeAssistant, entry: LlmOpsConfigEntry) -> bool:
    """Connect to the sidecar."""
    client = SidecarClient(
        async_get_clientsession(hass), entry.data[CONF_URL], entry.data[CONF_TOKEN]
    )
    try:
        health = await client.async_health()
    except SidecarAuthError as err:
        raise ConfigEntryAuthFailed(
            translation_domain=DOMAIN, translation_key="invalid_auth"
        ) from err
    except (SidecarConnectionError, NotASidecarError) as err:
        raise ConfigEntryNotReady(
            translation_domain=DOMAIN,
            translation_key="cannot_connect",
            translation_placeholders={"url": client.url},
        ) from err
    entry.runtime_data = LlmOpsData(client=client, health=health)
    return True


async def async_unload_entry(hass: HomeAssistant, entry: LlmOpsConfigEntry) -> bool:
    """Unload the entry."""
    return True
