"""The lab's bridge: a hub with many devices behind it (a Zigbee coordinator, say).

`fault_lab.bridge` takes the bridge offline (its own entity and every device behind it
turn unavailable at once) and back online. Back online, the devices show their last
readings again (stale: nothing new was reported) until `fault_lab.bridge_report` makes
each of them report a new reading, as devices do once they reach the bridge again.
"""

from __future__ import annotations

from collections.abc import Callable

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.util.hass_dict import HassKey

from .const import DOMAIN

BRIDGE_DEVICES = 24


class Bridge:
    """Whether the bridge is online, and each device's last reading."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Start online, every device with a first reading."""
        self._hass = hass
        self.online = True
        self.readings = [20.0 + n / 10 for n in range(BRIDGE_DEVICES)]
        self._listeners: set[Callable[[], None]] = set()

    @callback
    def set_online(self, online: bool) -> None:
        """Take the bridge offline, or bring it back with the stale readings."""
        self.online = online
        self._notify()

    @callback
    def report(self) -> None:
        """Every device reports a new reading (only while the bridge is online)."""
        if not self.online:
            return
        self.readings = [round(r + 0.5, 1) for r in self.readings]
        self._notify()

    @callback
    def listen(self, listener: Callable[[], None]) -> CALLBACK_TYPE:
        """Call `listener` on every change; returns the unsubscribe."""
        self._listeners.add(listener)
        return lambda: self._listeners.discard(listener)

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()


BRIDGE: HassKey[Bridge] = HassKey(f"{DOMAIN}_bridge")


def bridge_device(entry_id: str) -> DeviceInfo:
    """Describe the bridge's own device."""
    return DeviceInfo(
        identifiers={(DOMAIN, f"{entry_id}_bridge")},
        name="Fault Lab Bridge",
        manufacturer="HA LLM Ops",
        model="Fault Lab Bridge",
    )


def bridged_device(entry_id: str, n: int, bridge_id: str) -> DeviceInfo:
    """Describe device `n` (0-based) behind the bridge (its registry id `bridge_id`)."""
    return DeviceInfo(
        identifiers={(DOMAIN, f"{entry_id}_bridged_{n + 1:02d}")},
        name=f"Fault Lab Sensor {n + 1:02d}",
        manufacturer="HA LLM Ops",
        model="Fault Lab Sensor",
        via_device_id=bridge_id,
    )
