"""The Fault Lab coordinator: a pretend hub poll that fails on request."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from homeassistant.core import HomeAssistant
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed

from .const import (
    CONF_MODE,
    DOMAIN,
    HUB_API_KEY,
    HUB_HOST,
    MODE_LOG_ERROR,
    MODE_NONE,
    MODE_OFFLINE,
    MODE_UNAVAILABLE,
    UPDATE_INTERVAL,
)

if TYPE_CHECKING:
    from . import FaultLabConfigEntry

_LOGGER = logging.getLogger(__name__)


class FaultLabHubError(Exception):
    """What the pretend hub library raises."""


class FaultLabCoordinator(DataUpdateCoordinator[dict[str, float]]):
    """Polls the pretend hub; the entry's fault mode decides how that goes."""

    config_entry: FaultLabConfigEntry

    def __init__(self, hass: HomeAssistant, entry: FaultLabConfigEntry) -> None:
        """Initialize the coordinator."""
        super().__init__(
            hass,
            _LOGGER,
            config_entry=entry,
            name=DOMAIN,
            update_interval=UPDATE_INTERVAL,
        )
        self._polls = 0

    async def _async_update_data(self) -> dict[str, float]:
        mode = self.config_entry.options.get(CONF_MODE, MODE_NONE)
        self._polls += 1
        # What a chatty library logs at debug level, secret included.
        _LOGGER.debug(
            "Polling hub at %s (poll %d) with api_key=%s",
            HUB_HOST,
            self._polls,
            HUB_API_KEY,
        )
        if mode == MODE_UNAVAILABLE:
            raise UpdateFailed(f"Fault Lab hub at {HUB_HOST} stopped answering")
        if mode == MODE_OFFLINE:
            return {}  # switched off: no readings, and no error either
        if mode == MODE_LOG_ERROR:
            try:
                _parse_reading(None)
            except FaultLabHubError:
                _LOGGER.exception("Error parsing reading from Fault Lab hub")
        return {
            "temperature": 21.5 + (self._polls % 3) / 10,
            "humidity": 45.0,
            "signal": -61.0,
        }


def _parse_reading(payload: dict[str, float] | None) -> float:
    """Parse a reading the way a real library would, failing on bad payloads."""
    try:
        return payload["temperature"]  # type: ignore[index]
    except TypeError as err:
        raise FaultLabHubError("malformed reading from hub") from err
