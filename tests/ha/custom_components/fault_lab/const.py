"""Constants of the Fault Lab test integration."""

from __future__ import annotations

from datetime import timedelta
from typing import Final

DOMAIN: Final = "fault_lab"

CONF_MODE: Final = "mode"
ATTR_MODE: Final = "mode"
ATTR_LOGGER: Final = "logger"
ATTR_COUNT: Final = "count"
ATTR_FROZEN: Final = "frozen"
ATTR_VERSION: Final = "version"
ATTR_INSTALLED: Final = "installed"
ATTR_ONLINE: Final = "online"
ATTR_SECONDS: Final = "seconds"

MODE_NONE: Final = "none"
MODE_NOT_READY: Final = "not_ready"
MODE_AUTH_FAILED: Final = "auth_failed"
MODE_SETUP_ERROR: Final = "setup_error"
MODE_UNAVAILABLE: Final = "unavailable"
MODE_LOG_ERROR: Final = "log_error"
# The hub answers but reports its device switched off: its entities go unavailable with
# nothing logged (a plug switched off every night).
MODE_OFFLINE: Final = "offline"
MODES: Final = (
    MODE_NONE,
    MODE_NOT_READY,
    MODE_AUTH_FAILED,
    MODE_SETUP_ERROR,
    MODE_UNAVAILABLE,
    MODE_LOG_ERROR,
    MODE_OFFLINE,
)

# A documentation address (RFC 5737): the "hub" the lab pretends to talk to.
HUB_HOST: Final = "192.0.2.10"
# The pretend hub's API key: only its debug log names it (redaction must catch it).
HUB_API_KEY: Final = "fl-debug-4f9c2e71b8a34d0e"
UPDATE_INTERVAL: Final = timedelta(seconds=10)

# How long the lab's polled sensor takes to update (hass.data key; 0: at once). Longer
# than its scan interval, and Home Assistant warns that updating took longer than
# scheduled.
SLOW_POLL: Final = "fault_lab_slow_poll"
POLL_INTERVAL: Final = timedelta(seconds=2)
