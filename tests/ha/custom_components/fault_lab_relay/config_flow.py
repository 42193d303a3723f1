"""Config flow of Fault Lab Relay: one entry, no settings."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigFlow, ConfigFlowResult

DOMAIN = "fault_lab_relay"


class FaultLabRelayConfigFlow(ConfigFlow, domain=DOMAIN):
    """Create the single Fault Lab Relay entry."""

    VERSION = 1

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Confirm and create the entry."""
        if user_input is None:
            return self.async_show_form(step_id="user")
        return self.async_create_entry(title="Fault Lab Relay", data={})
