"""Fault Lab sensors: the hub, the plug, the appliance, the bridge and its devices."""

from __future__ import annotations

import asyncio
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
    UnitOfPower,
    UnitOfTemperature,
    UnitOfTime,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from . import FaultLabConfigEntry
from .appliance import APPLIANCE, Appliance, appliance_device, plug_device
from .bridge import BRIDGE, BRIDGE_DEVICES, Bridge, bridge_device, bridged_device
from .const import DOMAIN, POLL_INTERVAL, SLOW_POLL
from .coordinator import FaultLabCoordinator

# The platform's scan interval: only the poll-lag sensor polls.
SCAN_INTERVAL = POLL_INTERVAL


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
    """Add the hub's, the plug's, the appliance's and the bridge's sensors."""
    async_add_entities(
        FaultLabSensor(entry.runtime_data, description) for description in SENSORS
    )
    async_add_entities([FaultLabPollLag(entry.entry_id)])
    appliance = hass.data[APPLIANCE]
    async_add_entities(
        [
            FaultLabPlugPower(appliance, entry.entry_id),
            FaultLabApplianceBoots(appliance, entry.entry_id),
        ]
    )
    bridge = hass.data[BRIDGE]
    # The devices behind the bridge link to it by its registry id: register it first.
    bridge_id = (
        dr.async_get(hass)
        .async_get_or_create(
            config_entry_id=entry.entry_id, **bridge_device(entry.entry_id)
        )
        .id
    )
    async_add_entities(
        [
            FaultLabBridgeDevices(bridge, entry.entry_id),
            *(
                FaultLabBridgedTemperature(bridge, entry.entry_id, n, bridge_id)
                for n in range(BRIDGE_DEVICES)
            ),
        ]
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


class FaultLabPlugPower(SensorEntity):
    """The power the plug measures: the appliance's draw while it runs."""

    _attr_has_entity_name = True
    _attr_translation_key = "power"
    _attr_should_poll = False
    _attr_device_class = SensorDeviceClass.POWER
    _attr_state_class = SensorStateClass.MEASUREMENT
    _attr_native_unit_of_measurement = UnitOfPower.WATT

    def __init__(self, appliance: Appliance, entry_id: str) -> None:
        """Initialize the sensor."""
        self._appliance = appliance
        self._attr_unique_id = f"{entry_id}_plug_power"
        self._attr_device_info = plug_device(entry_id)

    async def async_added_to_hass(self) -> None:
        """Follow the appliance."""
        self.async_on_remove(self._appliance.listen(self.async_write_ha_state))

    @property
    def native_value(self) -> float:
        """Watts drawn through the plug."""
        return 4.5 if self._appliance.powered and self._appliance.running else 0.0


class FaultLabApplianceBoots(SensorEntity):
    """How often the appliance booted; unavailable while it is off or frozen."""

    _attr_has_entity_name = True
    _attr_translation_key = "boots"
    _attr_should_poll = False
    _attr_state_class = SensorStateClass.TOTAL_INCREASING

    def __init__(self, appliance: Appliance, entry_id: str) -> None:
        """Initialize the sensor."""
        self._appliance = appliance
        self._attr_unique_id = f"{entry_id}_appliance_boots"
        self._attr_device_info = appliance_device(entry_id)

    async def async_added_to_hass(self) -> None:
        """Follow the appliance."""
        self.async_on_remove(self._appliance.listen(self.async_write_ha_state))

    @property
    def available(self) -> bool:
        """Whether the appliance answers."""
        return self._appliance.available

    @property
    def native_value(self) -> int:
        """Boots so far."""
        return self._appliance.boots


class FaultLabBridgeDevices(SensorEntity):
    """How many devices the bridge reaches; unavailable while the bridge is offline."""

    _attr_has_entity_name = True
    _attr_translation_key = "bridged_devices"
    _attr_should_poll = False
    _attr_state_class = SensorStateClass.MEASUREMENT

    def __init__(self, bridge: Bridge, entry_id: str) -> None:
        """Initialize the sensor."""
        self._bridge = bridge
        self._attr_unique_id = f"{entry_id}_bridge_devices"
        self._attr_device_info = bridge_device(entry_id)

    async def async_added_to_hass(self) -> None:
        """Follow the bridge."""
        self.async_on_remove(self._bridge.listen(self.async_write_ha_state))

    @property
    def available(self) -> bool:
        """Whether the bridge is online."""
        return self._bridge.online

    @property
    def native_value(self) -> int:
        """Devices behind the bridge."""
        return BRIDGE_DEVICES


class FaultLabBridgedTemperature(SensorEntity):
    """The temperature one device behind the bridge reports."""

    _attr_has_entity_name = True
    _attr_translation_key = "temperature"
    _attr_should_poll = False
    _attr_device_class = SensorDeviceClass.TEMPERATURE
    _attr_state_class = SensorStateClass.MEASUREMENT
    _attr_native_unit_of_measurement = UnitOfTemperature.CELSIUS

    def __init__(self, bridge: Bridge, entry_id: str, n: int, bridge_id: str) -> None:
        """Initialize the sensor of device `n`, behind the bridge `bridge_id`."""
        self._bridge = bridge
        self._n = n
        self._attr_unique_id = f"{entry_id}_bridged_{n + 1:02d}_temperature"
        self._attr_device_info = bridged_device(entry_id, n, bridge_id)

    async def async_added_to_hass(self) -> None:
        """Follow the bridge."""
        self.async_on_remove(self._bridge.listen(self.async_write_ha_state))

    @property
    def available(self) -> bool:
        """Reachable while the bridge is online."""
        return self._bridge.online

    @property
    def native_value(self) -> float:
        """The last reading the device reported."""
        return self._bridge.readings[self._n]


class FaultLabPollLag(SensorEntity):
    """A polled reading whose update takes as long as `fault_lab.slow_poll` says."""

    _attr_has_entity_name = True
    _attr_translation_key = "poll_lag"
    _attr_should_poll = True
    _attr_device_class = SensorDeviceClass.DURATION
    _attr_native_unit_of_measurement = UnitOfTime.SECONDS
    _attr_native_value: float = 0

    def __init__(self, entry_id: str) -> None:
        """Initialize the sensor on the hub's device."""
        self._attr_unique_id = f"{entry_id}_poll_lag"
        self._attr_device_info = DeviceInfo(identifiers={(DOMAIN, entry_id)})

    async def async_update(self) -> None:
        """Take as long as the lab says, as a slow device's poll would."""
        lag: float = self.hass.data.get(SLOW_POLL, 0)
        if lag:
            await asyncio.sleep(lag)
        self._attr_native_value = lag
