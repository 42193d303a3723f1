"""The selects of LLM Ops: the mode (observe, approve or auto) and maintenance."""

from __future__ import annotations

from typing import cast, override

from homeassistant.auth.permissions.const import POLICY_CONTROL
from homeassistant.components.select import SelectEntity, SelectEntityDescription
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import Unauthorized
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import MAINTENANCE_OFF, MAINTENANCE_OPTIONS, MODES
from .coordinator import LlmOpsConfigEntry
from .entity import LlmOpsEntity
from .models import MaintenanceState, Mode
from .sidecar import LlmOpsSidecar

# One mode change at a time.
PARALLEL_UPDATES = 1

MODE = SelectEntityDescription(
    key="mode",
    translation_key="mode",
    entity_category=EntityCategory.CONFIG,
    options=list(MODES),
)
MAINTENANCE = SelectEntityDescription(
    key="maintenance",
    translation_key="maintenance",
    entity_category=EntityCategory.CONFIG,
    options=[MAINTENANCE_OFF, *MAINTENANCE_OPTIONS],
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: LlmOpsConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the mode and maintenance selects."""
    async_add_entities(
        [
            LlmOpsModeEntity(entry.runtime_data, MODE),
            LlmOpsMaintenanceEntity(entry.runtime_data, MAINTENANCE),
        ]
    )


class LlmOpsAdminSelect(LlmOpsEntity, SelectEntity):
    """A select only an admin (or Home Assistant itself) may change."""

    def __init__(
        self, sidecar: LlmOpsSidecar, description: SelectEntityDescription
    ) -> None:
        """Show the coordinator's state; change it through the sidecar."""
        super().__init__(sidecar.coordinator, description)
        self._sidecar = sidecar

    async def _async_check_admin(self) -> str | None:
        """Raise Unauthorized unless an admin or HA asks; return the user's name."""
        context = self._context
        if context is None or context.user_id is None:
            return None
        user = await self.hass.auth.async_get_user(context.user_id)
        if user is None or not user.is_admin:
            raise Unauthorized(
                context=context,
                entity_id=self.entity_id,
                permission=POLICY_CONTROL,
            )
        return user.name


class LlmOpsModeEntity(LlmOpsAdminSelect):
    """The sidecar's mode: whether it only watches, asks first or acts by policy."""

    @property
    @override
    def current_option(self) -> str | None:
        """Return the current mode."""
        return self.coordinator.data.status["mode"]

    @override
    async def async_select_option(self, option: str) -> None:
        """Switch the sidecar's mode; only an admin or Home Assistant itself may.

        The mode overrides the policy file (`auto` lets the sidecar act alone), so
        a household member who may switch lights may not switch it.
        """
        await self._async_check_admin()
        await self._sidecar.async_set_mode(cast(Mode, option))


class LlmOpsMaintenanceEntity(LlmOpsAdminSelect):
    """Maintenance: off, or on for a chosen time; while on, no incident opens."""

    @property
    def _maintenance(self) -> MaintenanceState:
        return self.coordinator.data.status["maintenance"]

    @property
    @override
    def current_option(self) -> str | None:
        """Return off, or the duration maintenance was started for, if listed."""
        state = self._maintenance
        if not state["active"]:
            return MAINTENANCE_OFF
        return next(
            (k for k, v in MAINTENANCE_OPTIONS.items() if v == state["minutes"]), None
        )

    @override
    async def async_select_option(self, option: str) -> None:
        """Start maintenance for the chosen time from now, or end it (admins only).

        Maintenance keeps every new failure from opening an incident, so who may
        not change the mode may not hide failures either.
        """
        by = await self._async_check_admin()
        if option == MAINTENANCE_OFF:
            if self._maintenance["active"]:
                await self._sidecar.async_end_maintenance()
            return
        await self._sidecar.async_start_maintenance(
            MAINTENANCE_OPTIONS[option], started_by=by, surface="entity"
        )
