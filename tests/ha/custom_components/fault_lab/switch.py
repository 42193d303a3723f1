"""Fault Lab's smart plug: a switch on a device of its own, powering the appliance."""

from __future__ import annotations

from typing import Any

from homeassistant.components.switch import SwitchDeviceClass, SwitchEntity
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from . import FaultLabConfigEntry
from .appliance import APPLIANCE, Appliance, plug_device


async def async_setup_entry(
    hass: HomeAssistant,
    entry: FaultLabConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the plug."""
    async_add_entities([FaultLabPlug(hass.data[APPLIANCE], entry.entry_id)])


class FaultLabPlug(SwitchEntity):
    """The plug the appliance hangs on."""

    _attr_has_entity_name = True
    _attr_name = None
    _attr_should_poll = False
    _attr_device_class = SwitchDeviceClass.OUTLET

    def __init__(self, appliance: Appliance, entry_id: str) -> None:
        """Initialize the plug."""
        self._appliance = appliance
        self._attr_unique_id = f"{entry_id}_plug"
        self._attr_device_info = plug_device(entry_id)

    async def async_added_to_hass(self) -> None:
        """Follow the power state."""
        self.async_on_remove(self._appliance.listen(self.async_write_ha_state))

    @property
    def is_on(self) -> bool:
        """Whether the plug gives power."""
        return self._appliance.powered

    async def async_turn_on(self, **kwargs: Any) -> None:
        """Give power: the appliance boots."""
        self._appliance.set_power(True)

    async def async_turn_off(self, **kwargs: Any) -> None:
        """Cut the power."""
        self._appliance.set_power(False)
