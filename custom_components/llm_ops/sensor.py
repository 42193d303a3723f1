"""Sensors of LLM Ops: incidents, false alarms, LLM calls left, maintenance."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, override

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import PERCENTAGE
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .coordinator import LlmOpsConfigEntry, LlmOpsData
from .entity import LlmOpsEntity

# The coordinator does all I/O.
PARALLEL_UPDATES = 0

# A state holds at most 255 characters.
MAX_STATE = 255
# Signatures named in the false-alarm rate's attributes (most false alarms first).
MAX_SIGNATURES = 10


@dataclass(frozen=True, kw_only=True)
class LlmOpsSensorEntityDescription(SensorEntityDescription):
    """Describes an LLM Ops sensor."""

    value_fn: Callable[[LlmOpsData], str | int | float | datetime | None]
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


def _false_alarm_rate(data: LlmOpsData) -> float | None:
    if (rate := data.outcomes["false_alarm_rate"]) is None:
        return None
    return round(rate * 100, 1)


def _false_alarm_attributes(data: LlmOpsData) -> Mapping[str, Any]:
    outcomes = data.outcomes
    return {
        "closed": outcomes["closed"],
        "false_alarms": outcomes["false_alarms"],
        "by_outcome": outcomes["by_outcome"],
        "by_signature": [
            {
                "signature": s["signature"],
                "closed": s["closed"],
                "false_alarms": s["false_alarms"],
                "false_alarm_rate": s["false_alarm_rate"],
            }
            for s in outcomes["by_signature"][:MAX_SIGNATURES]
        ],
    }


def _llm_calls_left(data: LlmOpsData) -> int | None:
    # Unknown when no LLM is configured: there is no budget to count.
    if (llm := data.status["llm"]) is None:
        return None
    return llm["calls_left_this_hour"]


def _llm_budget_attributes(data: LlmOpsData) -> Mapping[str, Any] | None:
    if (llm := data.status["llm"]) is None:
        return None
    return {
        "calls_per_hour": llm["calls_per_hour"],
        "cost_this_month": round(llm["cost_this_month"], 6),
        "monthly_cost_cap": llm["monthly_cost_cap"],
        "paused": llm["paused"],
        "month_resets_at": llm["month_resets_at"],
    }


def _maintenance_until(data: LlmOpsData) -> datetime | None:
    state = data.status["maintenance"]
    if not state["active"] or state["until"] is None:
        return None
    return dt_util.parse_datetime(state["until"])


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
    LlmOpsSensorEntityDescription(
        key="false_alarm_rate",
        translation_key="false_alarm_rate",
        native_unit_of_measurement=PERCENTAGE,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=0,
        value_fn=_false_alarm_rate,
        attributes_fn=_false_alarm_attributes,
    ),
    LlmOpsSensorEntityDescription(
        key="llm_calls_left",
        translation_key="llm_calls_left",
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=_llm_calls_left,
        attributes_fn=_llm_budget_attributes,
    ),
    LlmOpsSensorEntityDescription(
        key="maintenance_until",
        translation_key="maintenance_until",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=_maintenance_until,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: LlmOpsConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the sensors."""
    async_add_entities(
        LlmOpsSensorEntity(entry.runtime_data.coordinator, description)
        for description in SENSORS
    )


class LlmOpsSensorEntity(LlmOpsEntity, SensorEntity):
    """An LLM Ops sensor."""

    entity_description: LlmOpsSensorEntityDescription
    _unrecorded_attributes = frozenset(
        {
            "occurrences",
            "confidence",
            "first_seen",
            "last_seen",
            "resolution",
            "by_outcome",
            "by_signature",
            "cost_this_month",
        }
    )

    @property
    @override
    def native_value(self) -> str | int | float | datetime | None:
        """Return the sensor's value."""
        return self.entity_description.value_fn(self.coordinator.data)

    @property
    @override
    def extra_state_attributes(self) -> Mapping[str, Any] | None:
        """Return the attributes (last incident, false-alarm rate, LLM budget)."""
        return self.entity_description.attributes_fn(self.coordinator.data)
