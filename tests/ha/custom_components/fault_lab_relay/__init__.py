"""Fault Lab Relay: a second integration whose devices connect through the lab bridge.

As integrations behind one MQTT broker or coordinator do, its devices are connected
through another integration's device (`via_device_id`: the Fault Lab Bridge) and go down
when that bridge does. Only the tests set it up.
"""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant

PLATFORMS: list[Platform] = [Platform.SENSOR]


async def async_setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    """Set up the relay's sensors."""
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def async_unload_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    """Unload the relay."""
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
