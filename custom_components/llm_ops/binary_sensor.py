"""The connectivity sensor of LLM Ops: whether the sidecar is reachable."""

from __future__ import annotations

from typing import override

from homeassistant.components.binary_sensor import (
    BinarySensorDeviceClass,
    BinarySensorEntity,
    BinarySensorEntityDescription,
)
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import LlmOpsConfigEntry
from .entity import LlmOpsEntity

# The coordinator does all I/O.
PARALLEL_UPDATES = 0

SIDECAR = BinarySensorEntityDescription(
    key="sidecar",
    translation_key="sidecar",
    device_class=BinarySensorDeviceClass.CONNECTIVITY,
    entity_category=EntityCategory.DIAGNOSTIC,
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: LlmOpsConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the connectivity sensor."""
    async_add_entities(
        [LlmOpsConnectivityEntity(entry.runtime_data.coordinator, SIDECAR)]
    )


class LlmOpsConnectivityEntity(LlmOpsEntity, BinarySensorEntity):
    """On while the sidecar answers; the one entity that stays available without it."""

    @property
    @override
    def available(self) -> bool:
        """Return True: being unreachable is this sensor's off state, not a gap."""
        return True

    @property
    @override
    def is_on(self) -> bool:
        """Return whether the last refresh reached the sidecar."""
        return self.coordinator.last_update_success
