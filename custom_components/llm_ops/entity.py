"""The base entity of LLM Ops: one service device per sidecar."""

from __future__ import annotations

from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity import EntityDescription
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .const import DOMAIN, PANEL_URL_PATH
from .coordinator import LlmOpsCoordinator


class LlmOpsEntity(CoordinatorEntity[LlmOpsCoordinator]):
    """An entity of the LLM Ops service device."""

    _attr_has_entity_name = True

    def __init__(
        self, coordinator: LlmOpsCoordinator, description: EntityDescription
    ) -> None:
        """Initialize the entity from its description."""
        super().__init__(coordinator)
        self.entity_description = description
        entry_id = coordinator.config_entry.entry_id
        self._attr_unique_id = f"{entry_id}_{description.key}"
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, entry_id)},
            entry_type=DeviceEntryType.SERVICE,
            name="LLM Ops",
            manufacturer="HA LLM Ops",
            model="Sidecar",
            sw_version=coordinator.data.health.version,
            configuration_url=f"homeassistant://{PANEL_URL_PATH}",
        )
