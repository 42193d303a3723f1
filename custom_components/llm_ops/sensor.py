"""Sensors of LLM Ops: open incidents, incidents awaiting approval, last incident."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, override

from homeassistant.components.sensor import (
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import LlmOpsConfigEntry, LlmOpsData
from .entity import LlmOpsEntity

# The coordinator does all I/O.
PARALLEL_UPDATES = 0

# A state holds at most 255 characters.
MAX_STATE = 255


@dataclass(frozen=True, kw_only=True)
class LlmOpsSensorEntityDescription(SensorEntityDescription):
    """Describes an LLM Ops sensor."""

    value_fn: Callable[[LlmOpsData], str | int | None]
    attributes_fn: Callable[[LlmOpsData], Mapping[str, Any] | None] = lambda _: None


def _last_incident_title(data: LlmOpsData) -> str | None:
    if (incident := data.last_incident) is None:
        return None
    return incident["title"][:MAX_STATE]


def _last_incident_attributes(data: LlmOpsData) -> Mapping[str, Any] | None:
    if (incident := data.last_incident) is None:
        return None
    return {
        "incident_id": incident["id"],
        "status": incident["status"],
        "category": incident["category"],
        "severity": incident["severity"],
        "integration": incident["integration"],
        "remedy": incident["remedy"],
        # Unrecorded (see the entity class): they change with every repeat.
        "occurrences": incident["occurrences"],
        "confidence": incident["confidence"],
        "first_seen": incident["first_seen"],
        "last_seen": incident["last_seen"],
        "resolution": incident["resolution"],
    }


SENSORS: tuple[LlmOpsSensorEntityDescription, ...] = (
    LlmOpsSensorEntityDescription(
        key="open_incidents",
        translation_key="open_incidents",
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda data: data.open_count,
    ),
    LlmOpsSensorEntityDescription(
        key="awaiting_approval",
        translation_key="awaiting_approval",
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda data: data.awaiting_approval,
    ),
    LlmOpsSensorEntityDescription(
        key="last_incident",
        translation_key="last_incident",
        value_fn=_last_incident_title,
        attributes_fn=_last_incident_attributes,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: LlmOpsConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the sensors."""
    async_add_entities(
        LlmOpsSensorEntity(entry.runtime_data, description) for description in SENSORS
    )


class LlmOpsSensorEntity(LlmOpsEntity, SensorEntity):
    """An LLM Ops sensor."""

    entity_description: LlmOpsSensorEntityDescription
    _unrecorded_attributes = frozenset(
        {"occurrences", "confidence", "first_seen", "last_seen", "resolution"}
    )

    @property
    @override
    def native_value(self) -> str | int | None:
        """Return the sensor's value."""
        return self.entity_description.value_fn(self.coordinator.data)

    @property
    @override
    def extra_state_attributes(self) -> Mapping[str, Any] | None:
        """Return the attributes (only the last incident has any)."""
        return self.entity_description.attributes_fn(self.coordinator.data)
