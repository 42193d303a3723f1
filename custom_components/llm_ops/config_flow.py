"""Config flow of LLM Ops: connect to the sidecar with its URL and API token."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import voluptuous as vol

from homeassistant.config_entries import ConfigFlow, ConfigFlowResult
from homeassistant.const import CONF_TOKEN, CONF_URL
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.helpers.selector import (
    TextSelector,
    TextSelectorConfig,
    TextSelectorType,
)

from .api import (
    NotASidecarError,
    SidecarAuthError,
    SidecarClient,
    SidecarConnectionError,
)
from .const import DOMAIN, LOGGER

URL_SELECTOR = TextSelector(TextSelectorConfig(type=TextSelectorType.URL))
TOKEN_SELECTOR = TextSelector(TextSelectorConfig(type=TextSelectorType.PASSWORD))


class LlmOpsConfigFlow(ConfigFlow, domain=DOMAIN):
    """Set up the connection to the sidecar."""

    VERSION = 1

    async def _async_check(self, url: str, token: str) -> str | None:
        """Return an error key, or None when the sidecar accepts the token."""
        client = SidecarClient(async_get_clientsession(self.hass), url, token)
        try:
            await client.async_health()
        except SidecarConnectionError:
            return "cannot_connect"
        except SidecarAuthError:
            return "invalid_auth"
        except NotASidecarError:
            return "not_sidecar"
        except Exception:  # noqa: BLE001 - a flow must never crash on a bad server
            LOGGER.exception("Unexpected error checking the sidecar at %s", url)
            return "unknown"
        return None

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the sidecar's URL and API token."""
        errors: dict[str, str] = {}
        if user_input is not None:
            url = user_input[CONF_URL].strip().rstrip("/")
            token = user_input[CONF_TOKEN].strip()
            if not (error := await self._async_check(url, token)):
                return self.async_create_entry(
                    title="LLM Ops", data={CONF_URL: url, CONF_TOKEN: token}
                )
            errors["base"] = error
        return self.async_show_form(
            step_id="user",
            data_schema=self.add_suggested_values_to_schema(
                vol.Schema(
                    {
                        vol.Required(CONF_URL): URL_SELECTOR,
                        vol.Required(CONF_TOKEN): TOKEN_SELECTOR,
                    }
                ),
                user_input or {CONF_URL: "http://127.0.0.1:8099"},
            ),
            errors=errors,
        )

    async def async_step_reauth(
        self, entry_data: Mapping[str, Any]
    ) -> ConfigFlowResult:
        """Start re-authentication after the sidecar rejected the stored token."""
        return await self.async_step_reauth_confirm()

    async def async_step_reauth_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for a new API token."""
        errors: dict[str, str] = {}
        entry = self._get_reauth_entry()
        if user_input is not None:
            token = user_input[CONF_TOKEN].strip()
            if not (error := await self._async_check(entry.data[CONF_URL], token)):
                return self.async_update_reload_and_abort(
                    entry, data_updates={CONF_TOKEN: token}
                )
            errors["base"] = error
        return self.async_show_form(
            step_id="reauth_confirm",
            data_schema=vol.Schema({vol.Required(CONF_TOKEN): TOKEN_SELECTOR}),
            description_placeholders={"url": entry.data[CONF_URL]},
            errors=errors,
        )
