"""Fault Lab sensors: three readings of one pretend hub device."""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import (
    PERCENTAGE,
    SIGNAL_STRENGTH_DECIBELS_MILLIWATT,
    UnitOfTemperature,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from . import FaultLabConfigEntry
from .const import DOMAIN
from .coordinator import FaultLabCoordinator


@dataclass(frozen=True, kw_only=True)
class FaultLabSensorDescription(SensorEntityDescription):
    """A Fault Lab reading."""


SENSORS = (
    FaultLabSensorDescription(
        key="temperature",
        translation_key="temperature",
        device_class=SensorDeviceClass.TEMPERATURE,
        state_class=SensorStateClass.MEASUREMENT,
        native_unit_of_measurement=UnitOfTemperature.CELSIUS,
    ),
    FaultLabSensorDescription(
        key="humidity",
        translation_key="humidity",
        device_class=SensorDeviceClass.HUMIDITY,
        state_class=SensorStateClass.MEASUREMENT,
        native_unit_of_measurement=PERCENTAGE,
    ),
    FaultLabSensorDescription(
        key="signal",
        translation_key="signal",
        device_class=SensorDeviceClass.SIGNAL_STRENGTH,
        state_class=SensorStateClass.MEASUREMENT,
        native_unit_of_measurement=SIGNAL_STRENGTH_DECIBELS_MILLIWATT,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: FaultLabConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the hub's sensors."""
    async_add_entities(
        FaultLabSensor(entry.runtime_data, description) for description in SENSORS
    )


class FaultLabSensor(CoordinatorEntity[FaultLabCoordinator], SensorEntity):
    """One reading of the pretend hub."""

    _attr_has_entity_name = True
    entity_description: FaultLabSensorDescription

    def __init__(
        self, coordinator: FaultLabCoordinator, description: FaultLabSensorDescription
    ) -> None:
        """Initialize the sensor."""
        super().__init__(coordinator)
        self.entity_description = description
        entry_id = coordinator.config_entry.entry_id
        self._attr_unique_id = f"{entry_id}_{description.key}"
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, entry_id)},
            name="Fault Lab Hub",
            manufacturer="HA LLM Ops",
            model="Fault Lab",
        )

    @property
    def available(self) -> bool:
        """Unavailable while the hub reports no reading (the device is switched off)."""
        return (
            super().available and self.entity_description.key in self.coordinator.data
        )

    @property
    def native_value(self) -> float | None:
        """Return the reading."""
        return self.coordinator.data.get(self.entity_description.key)
