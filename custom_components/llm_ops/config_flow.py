"""Config flow of LLM Ops: connect to the sidecar with its URL and API token."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, override

import probatio

from homeassistant.config_entries import (
    ConfigFlow,
    ConfigFlowResult,
    OptionsFlowWithReload,
)
from homeassistant.const import CONF_TOKEN, CONF_URL
from homeassistant.core import callback
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.helpers.selector import (
    BooleanSelector,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
    TextSelectorConfig,
    TextSelectorType,
)
from homeassistant.helpers.service_info.hassio import HassioServiceInfo

from .api import (
    NotASidecarError,
    SidecarAuthError,
    SidecarClient,
    SidecarConnectionError,
)
from .const import (
    CONF_NOTIFY_ACTIONS,
    CONF_NOTIFY_INCIDENTS,
    CONF_REPAIR_SEVERITY,
    DEFAULT_NOTIFY_ACTIONS,
    DEFAULT_NOTIFY_INCIDENTS,
    DEFAULT_REPAIR_SEVERITY,
    DOMAIN,
    LOGGER,
    SEVERITIES,
)
from .coordinator import LlmOpsConfigEntry

TITLE = "LLM Ops"
DEFAULT_URL = "http://127.0.0.1:8099"
URL_SELECTOR = TextSelector(TextSelectorConfig(type=TextSelectorType.URL))
TOKEN_SELECTOR = TextSelector(TextSelectorConfig(type=TextSelectorType.PASSWORD))
CONNECTION_SCHEMA = probatio.Schema(
    {
        probatio.Required(CONF_URL): URL_SELECTOR,
        probatio.Required(CONF_TOKEN): TOKEN_SELECTOR,
    }
)


def _clean(user_input: Mapping[str, Any]) -> tuple[str, str]:
    """Return the URL without a trailing slash and the token without blanks."""
    return (
        str(user_input[CONF_URL]).strip().rstrip("/"),
        str(user_input[CONF_TOKEN]).strip(),
    )


class LlmOpsConfigFlow(ConfigFlow, domain=DOMAIN):
    """Set up the connection to the sidecar."""

    VERSION = 1

    _discovery: dict[str, str]

    @staticmethod
    @callback
    @override
    def async_get_options_flow(config_entry: LlmOpsConfigEntry) -> LlmOpsOptionsFlow:
        """Return the options flow."""
        return LlmOpsOptionsFlow()

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

    @override
    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the sidecar's URL and API token."""
        errors: dict[str, str] = {}
        if user_input is not None:
            url, token = _clean(user_input)
            if not (error := await self._async_check(url, token)):
                return self.async_create_entry(
                    title=TITLE, data={CONF_URL: url, CONF_TOKEN: token}
                )
            errors["base"] = error
        return self.async_show_form(
            step_id="user",
            data_schema=self.add_suggested_values_to_schema(
                CONNECTION_SCHEMA, user_input or {CONF_URL: DEFAULT_URL}
            ),
            errors=errors,
        )

    @override
    async def async_step_hassio(
        self, discovery_info: HassioServiceInfo
    ) -> ConfigFlowResult:
        """Take the URL and token the add-on announced through the Supervisor."""
        config = discovery_info.config
        if not isinstance(config.get(CONF_URL), str) or not isinstance(
            config.get(CONF_TOKEN), str
        ):
            return self.async_abort(reason="invalid_discovery_info")
        url, token = _clean(config)
        self._discovery = {
            CONF_URL: url,
            CONF_TOKEN: token,
            "addon": discovery_info.name,
        }
        return await self.async_step_hassio_confirm()

    async def async_step_hassio_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask before connecting to the discovered add-on."""
        errors: dict[str, str] = {}
        url, token = self._discovery[CONF_URL], self._discovery[CONF_TOKEN]
        if user_input is not None:
            if not (error := await self._async_check(url, token)):
                return self.async_create_entry(
                    title=TITLE, data={CONF_URL: url, CONF_TOKEN: token}
                )
            errors["base"] = error
        self._set_confirm_only()
        return self.async_show_form(
            step_id="hassio_confirm",
            description_placeholders={"addon": self._discovery["addon"]},
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
            token = str(user_input[CONF_TOKEN]).strip()
            if not (error := await self._async_check(entry.data[CONF_URL], token)):
                return self.async_update_reload_and_abort(
                    entry, data_updates={CONF_TOKEN: token}
                )
            errors["base"] = error
        return self.async_show_form(
            step_id="reauth_confirm",
            data_schema=probatio.Schema(
                {probatio.Required(CONF_TOKEN): TOKEN_SELECTOR}
            ),
            description_placeholders={"url": entry.data[CONF_URL]},
            errors=errors,
        )

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Point the entry at another address (or token) of the sidecar."""
        errors: dict[str, str] = {}
        entry = self._get_reconfigure_entry()
        if user_input is not None:
            url, token = _clean(user_input)
            if not (error := await self._async_check(url, token)):
                return self.async_update_reload_and_abort(
                    entry, data_updates={CONF_URL: url, CONF_TOKEN: token}
                )
            errors["base"] = error
        return self.async_show_form(
            step_id="reconfigure",
            data_schema=self.add_suggested_values_to_schema(
                CONNECTION_SCHEMA, user_input or entry.data
            ),
            errors=errors,
        )


class LlmOpsOptionsFlow(OptionsFlowWithReload):
    """Which incidents become Repairs issues, and what is notified."""

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Show the options."""
        if user_input is not None:
            return self.async_create_entry(data=user_input)
        options = self.config_entry.options
        return self.async_show_form(
            step_id="init",
            data_schema=probatio.Schema(
                {
                    probatio.Required(
                        CONF_REPAIR_SEVERITY,
                        default=options.get(
                            CONF_REPAIR_SEVERITY, DEFAULT_REPAIR_SEVERITY
                        ),
                    ): SelectSelector(
                        SelectSelectorConfig(
                            options=list(SEVERITIES),
                            mode=SelectSelectorMode.DROPDOWN,
                            translation_key="severity",
                        )
                    ),
                    probatio.Required(
                        CONF_NOTIFY_INCIDENTS,
                        default=options.get(
                            CONF_NOTIFY_INCIDENTS, DEFAULT_NOTIFY_INCIDENTS
                        ),
                    ): BooleanSelector(),
                    probatio.Required(
                        CONF_NOTIFY_ACTIONS,
                        default=options.get(
                            CONF_NOTIFY_ACTIONS, DEFAULT_NOTIFY_ACTIONS
                        ),
                    ): BooleanSelector(),
                }
            ),
        )
