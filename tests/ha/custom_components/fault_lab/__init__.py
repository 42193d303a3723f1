"""Fault Lab: a test integration that fails on request, through HA's own mechanisms.

The fault mode is kept in the config entry's options, so it survives restarts and
takes effect where a real integration would fail: `not_ready`, `auth_failed` and
`setup_error` on the next setup (reload), `unavailable`, `log_error` and `offline`
(the device switched off: unavailable, nothing logged) on the next coordinator
update. `flood` writes one line many times through a logger of its own, as a
chatty integration would; `logger_level` reads a logger's level back.
`churn` keeps thousands of states changing (churn.py), for benchmarks.
`broken_action` fails as a bug in an action would.
`freeze` hangs the appliance on the lab's plug until the plug is switched off and on
(appliance.py). `release` publishes a new version of Fault Lab itself, which HA's
`update.install` then installs (release.py, update.py). `bridge` takes the lab's
bridge, with the devices behind it, offline and back; `bridge_report` makes those
devices report again (bridge.py). `burst` logs failing lines at a steady rate in the
background (burst.py); `burst_sent` says how many it logged. `slow_poll` makes
the lab's polled sensor update slower than its scan interval: Home Assistant warns
about it under the sensor platform's logger.
"""

from __future__ import annotations

import logging

import voluptuous as vol

from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.const import Platform
from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
)
from homeassistant.exceptions import (
    ConfigEntryAuthFailed,
    ConfigEntryNotReady,
    ServiceValidationError,
)
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.typing import ConfigType
from homeassistant.loader import async_get_integration

from .appliance import APPLIANCE, Appliance
from .bridge import BRIDGE, Bridge
from .burst import WORDS, Burst, run_burst
from .churn import CHURN, Churn
from .const import (
    ATTR_COUNT,
    ATTR_FROZEN,
    ATTR_INSTALLED,
    ATTR_LOGGER,
    ATTR_MODE,
    ATTR_ONLINE,
    ATTR_SECONDS,
    ATTR_VERSION,
    CONF_MODE,
    DOMAIN,
    HUB_HOST,
    MODE_AUTH_FAILED,
    MODE_NONE,
    MODE_NOT_READY,
    MODE_SETUP_ERROR,
    MODES,
    SLOW_POLL,
)
from .coordinator import FaultLabCoordinator
from .release import RELEASE, Release

PLATFORMS: list[Platform] = [
    Platform.AI_TASK,
    Platform.SENSOR,
    Platform.SWITCH,
    Platform.UPDATE,
]
CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)
SET_FAULT_SCHEMA = vol.Schema({vol.Required(ATTR_MODE): vol.In(MODES)})
# Flooding loggers are children of the integration's own logger.
LOGGER_NAME = vol.All(cv.string, vol.Match(r"^[a-z0-9_]+$"))
FLOOD_SCHEMA = vol.Schema(
    {
        vol.Required(ATTR_LOGGER): LOGGER_NAME,
        vol.Optional(ATTR_COUNT, default=300): vol.All(
            vol.Coerce(int), vol.Range(min=1, max=5000)
        ),
    }
)
LOGGER_LEVEL_SCHEMA = vol.Schema({vol.Required(ATTR_LOGGER): LOGGER_NAME})
BURST_SCHEMA = vol.Schema(
    {
        vol.Required("per_minute"): vol.All(
            vol.Coerce(int), vol.Range(min=1, max=60000)
        ),
        vol.Required("seconds"): vol.All(vol.Coerce(int), vol.Range(min=1, max=3600)),
        vol.Required("distinct"): vol.All(
            vol.Coerce(int), vol.Range(min=1, max=len(WORDS))
        ),
    }
)
CHURN_SCHEMA = vol.Schema(
    {
        vol.Required("entities"): vol.All(vol.Coerce(int), vol.Range(min=0, max=20000)),
        vol.Optional("rate", default=200): vol.All(
            vol.Coerce(float), vol.Range(min=0, max=5000)
        ),
    }
)
FREEZE_SCHEMA = vol.Schema({vol.Optional(ATTR_FROZEN, default=True): cv.boolean})
VERSION = vol.All(cv.string, vol.Match(r"^[0-9][0-9a-z.]*$"))
RELEASE_SCHEMA = vol.Schema(
    {vol.Required(ATTR_VERSION): VERSION, vol.Optional(ATTR_INSTALLED): VERSION}
)
BRIDGE_SCHEMA = vol.Schema({vol.Required(ATTR_ONLINE): cv.boolean})
SLOW_POLL_SCHEMA = vol.Schema(
    {vol.Required(ATTR_SECONDS): vol.All(vol.Coerce(float), vol.Range(min=0, max=60))}
)
FLOOD_LINE = "Fault Lab hub repeated its last status update"

type FaultLabConfigEntry = ConfigEntry[FaultLabCoordinator]


class FaultLabSetupError(Exception):
    """An unexpected error during setup, as a buggy integration would raise."""


async def broken_action(call: ServiceCall) -> None:
    """Fail as a bug in an action would.

    HA's websocket API logs the error under its own logger; the traceback
    names this frame.
    """
    raise KeyError("scene_list")


async def flood(call: ServiceCall) -> None:
    """Log the same warning many times through a logger of the lab's own."""
    logger = logging.getLogger(f"{__package__}.{call.data[ATTR_LOGGER]}")
    for _ in range(call.data[ATTR_COUNT]):
        logger.warning(FLOOD_LINE)


async def slow_poll(call: ServiceCall) -> None:
    """Make the polled sensor's update take this long."""
    call.hass.data[SLOW_POLL] = call.data[ATTR_SECONDS]


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the lab's actions; the appliance and the bridge live as long as HA."""
    appliance = hass.data[APPLIANCE] = Appliance(hass)
    # A fresh install runs the version its manifest names.
    integration = await async_get_integration(hass, DOMAIN)
    release = hass.data[RELEASE] = Release(str(integration.version))
    bridge = hass.data[BRIDGE] = Bridge(hass)

    async def set_fault(call: ServiceCall) -> None:
        entries = hass.config_entries.async_entries(DOMAIN)
        if not entries:
            raise ServiceValidationError(
                translation_domain=DOMAIN, translation_key="no_entry"
            )
        entry: FaultLabConfigEntry = entries[0]
        hass.config_entries.async_update_entry(
            entry, options={**entry.options, CONF_MODE: call.data[ATTR_MODE]}
        )
        if entry.state is ConfigEntryState.LOADED:
            await entry.runtime_data.async_request_refresh()

    hass.services.async_register(DOMAIN, "set_fault", set_fault, SET_FAULT_SCHEMA)

    async def logger_level(call: ServiceCall) -> ServiceResponse:
        logger = logging.getLogger(f"{__package__}.{call.data[ATTR_LOGGER]}")
        return {
            "level": logging.getLevelName(logger.level),
            "effective": logging.getLevelName(logger.getEffectiveLevel()),
        }

    async def freeze(call: ServiceCall) -> None:
        appliance.freeze(call.data[ATTR_FROZEN])

    async def publish(call: ServiceCall) -> None:
        release.publish(call.data[ATTR_VERSION], call.data.get(ATTR_INSTALLED))

    hass.services.async_register(DOMAIN, "release", publish, RELEASE_SCHEMA)

    async def set_bridge(call: ServiceCall) -> None:
        bridge.set_online(call.data[ATTR_ONLINE])

    async def bridge_report(call: ServiceCall) -> None:
        bridge.report()

    hass.services.async_register(DOMAIN, "bridge", set_bridge, BRIDGE_SCHEMA)
    hass.services.async_register(DOMAIN, "bridge_report", bridge_report)
    burst = Burst()

    async def start_burst(call: ServiceCall) -> None:
        if burst.running:
            raise ServiceValidationError("a burst is already running")
        burst.running = True
        hass.async_create_background_task(
            run_burst(
                hass,
                burst,
                call.data["per_minute"],
                call.data["seconds"],
                call.data["distinct"],
            ),
            "fault_lab burst",
        )

    async def burst_sent(call: ServiceCall) -> ServiceResponse:
        return {"running": burst.running, "sent": dict(burst.sent)}

    churn = hass.data[CHURN] = Churn(hass)

    async def start_churn(call: ServiceCall) -> None:
        churn.start(call.data["entities"], call.data["rate"])

    async def churn_count(call: ServiceCall) -> ServiceResponse:
        return {"changes": churn.changes}

    hass.services.async_register(DOMAIN, "churn", start_churn, CHURN_SCHEMA)
    hass.services.async_register(
        DOMAIN, "churn_count", churn_count, supports_response=SupportsResponse.ONLY
    )
    hass.services.async_register(DOMAIN, "flood", flood, FLOOD_SCHEMA)
    hass.services.async_register(DOMAIN, "burst", start_burst, BURST_SCHEMA)
    hass.services.async_register(
        DOMAIN, "burst_sent", burst_sent, supports_response=SupportsResponse.ONLY
    )
    hass.services.async_register(DOMAIN, "freeze", freeze, FREEZE_SCHEMA)
    hass.services.async_register(DOMAIN, "broken_action", broken_action)
    hass.services.async_register(DOMAIN, "slow_poll", slow_poll, SLOW_POLL_SCHEMA)
    hass.services.async_register(
        DOMAIN,
        "logger_level",
        logger_level,
        LOGGER_LEVEL_SCHEMA,
        supports_response=SupportsResponse.ONLY,
    )
    return True


async def async_setup_entry(hass: HomeAssistant, entry: FaultLabConfigEntry) -> bool:
    """Set up Fault Lab, failing the way the current mode says."""
    mode = entry.options.get(CONF_MODE, MODE_NONE)
    if mode == MODE_NOT_READY:
        raise ConfigEntryNotReady(
            f"Timeout while connecting to Fault Lab hub at {HUB_HOST}"
        )
    if mode == MODE_AUTH_FAILED:
        raise ConfigEntryAuthFailed("Fault Lab hub rejected the access token (401)")
    if mode == MODE_SETUP_ERROR:
        raise FaultLabSetupError("unexpected payload from Fault Lab hub: 'NoneType'")

    coordinator = FaultLabCoordinator(hass, entry)
    await coordinator.async_config_entry_first_refresh()
    entry.runtime_data = coordinator
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def async_unload_entry(hass: HomeAssistant, entry: FaultLabConfigEntry) -> bool:
    """Unload Fault Lab."""
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
