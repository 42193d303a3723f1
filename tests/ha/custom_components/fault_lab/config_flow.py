"""Config flow of Fault Lab: one entry, no settings; reauth clears an auth fault."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from homeassistant.config_entries import ConfigFlow, ConfigFlowResult

from .const import CONF_MODE, DOMAIN, MODE_NONE


class FaultLabConfigFlow(ConfigFlow, domain=DOMAIN):
    """Create the single Fault Lab entry."""

    VERSION = 1

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Confirm and create the entry."""
        if user_input is None:
            return self.async_show_form(step_id="user")
        return self.async_create_entry(title="Fault Lab", data={})

    async def async_step_reauth(
        self, entry_data: Mapping[str, Any]
    ) -> ConfigFlowResult:
        """Start re-authentication after the hub rejected the token."""
        return await self.async_step_reauth_confirm()

    async def async_step_reauth_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Pretend to log in again: clears the fault and reloads the entry."""
        if user_input is None:
            return self.async_show_form(step_id="reauth_confirm")
        entry = self._get_reauth_entry()
        return self.async_update_reload_and_abort(
            entry, options={**entry.options, CONF_MODE: MODE_NONE}
        )
