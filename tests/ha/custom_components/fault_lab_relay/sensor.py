"""The relay's devices: each reports what a device behind the Fault Lab bridge reads."""

from __future__ import annotations

from custom_components.fault_lab.bridge import BRIDGE, Bridge
from custom_components.fault_lab.const import DOMAIN as FAULT_LAB
from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorStateClass,
)
from homeassistant.config_entries import ConfigEntry
from homeassistant.const import UnitOfTemperature
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryNotReady
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .config_flow import DOMAIN

RELAY_DEVICES = 3


async def async_setup_entry(
    hass: HomeAssistant,
    entry: ConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add one sensor per relay device, connected through Fault Lab's bridge."""
    lab = hass.config_entries.async_entries(FAULT_LAB)[0]
    bridge = hass.data[BRIDGE]
    # Fault Lab registers its bridge; the relay's devices link to it by its registry id.
    bridge_device = dr.async_get(hass).async_get_device_by_identifier(
        (FAULT_LAB, f"{lab.entry_id}_bridge"), lab.entry_id
    )
    if bridge_device is None:
        raise ConfigEntryNotReady("the Fault Lab bridge is not registered yet")
    async_add_entities(
        FaultLabRelaySensor(bridge, entry.entry_id, bridge_device.id, n)
        for n in range(RELAY_DEVICES)
    )


class FaultLabRelaySensor(SensorEntity):
    """A relay device's temperature, as it gets it through the bridge."""

    _attr_has_entity_name = True
    _attr_translation_key = "temperature"
    _attr_should_poll = False
    _attr_device_class = SensorDeviceClass.TEMPERATURE
    _attr_state_class = SensorStateClass.MEASUREMENT
    _attr_native_unit_of_measurement = UnitOfTemperature.CELSIUS

    def __init__(self, bridge: Bridge, entry_id: str, bridge_id: str, n: int) -> None:
        """Initialize relay device `n` (0-based), behind the bridge `bridge_id`."""
        self._bridge = bridge
        self._n = n
        self._attr_unique_id = f"{entry_id}_relay_{n + 1}"
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, f"{entry_id}_relay_{n + 1}")},
            name=f"Fault Lab Relay {n + 1}",
            manufacturer="HA LLM Ops",
            model="Fault Lab Relay",
            via_device_id=bridge_id,
        )

    async def async_added_to_hass(self) -> None:
        """Follow the bridge."""
        self.async_on_remove(self._bridge.listen(self.async_write_ha_state))

    @property
    def available(self) -> bool:
        """Reachable while the bridge is online."""
        return self._bridge.online

    @property
    def native_value(self) -> float:
        """The reading of the bridged device it relays, 10 degrees warmer."""
        return round(self._bridge.readings[self._n] + 10, 1)
