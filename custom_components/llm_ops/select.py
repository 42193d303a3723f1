"""The mode select of LLM Ops: observe, approve or auto."""

from __future__ import annotations

from typing import cast, override

from homeassistant.auth.permissions.const import POLICY_CONTROL
from homeassistant.components.select import SelectEntity, SelectEntityDescription
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import Unauthorized
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .api import Mode
from .const import MODES
from .coordinator import LlmOpsConfigEntry
from .entity import LlmOpsEntity

# One mode change at a time.
PARALLEL_UPDATES = 1

MODE = SelectEntityDescription(
    key="mode",
    translation_key="mode",
    entity_category=EntityCategory.CONFIG,
    options=list(MODES),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: LlmOpsConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the mode select."""
    async_add_entities([LlmOpsModeEntity(entry.runtime_data, MODE)])


class LlmOpsModeEntity(LlmOpsEntity, SelectEntity):
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
        context = self._context
        if context is not None and context.user_id is not None:
            user = await self.hass.auth.async_get_user(context.user_id)
            if user is None or not user.is_admin:
                raise Unauthorized(
                    context=context,
                    entity_id=self.entity_id,
                    permission=POLICY_CONTROL,
                )
        await self.coordinator.async_set_mode(cast(Mode, option))
