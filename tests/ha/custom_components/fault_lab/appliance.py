"""The lab's plug and the appliance it powers.

The appliance freezes on request (`fault_lab.freeze`): its entities turn unavailable
and stay so until its power is cut and restored, as a hung device that only a power
cycle restarts. Switching the plug off cuts the power (the appliance is unavailable
while off); switching it on again boots the appliance after `BOOT_S`.
"""

from __future__ import annotations

from collections.abc import Callable

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.event import async_call_later
from homeassistant.util.hass_dict import HassKey

from .const import DOMAIN

BOOT_S = 2.0


class Appliance:
    """The plug's power and the appliance's own state."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Start powered and running."""
        self._hass = hass
        self.powered = True
        self.running = True
        self.frozen = False
        self.boots = 1
        self._listeners: set[Callable[[], None]] = set()
        self._boot: CALLBACK_TYPE | None = None

    @property
    def available(self) -> bool:
        """Whether the appliance answers: powered, booted and not frozen."""
        return self.powered and self.running and not self.frozen

    @callback
    def set_power(self, on: bool) -> None:
        """Switch the plug: off stops the appliance (and ends a freeze), on boots it."""
        if on == self.powered:
            return
        self.powered = on
        if self._boot is not None:
            self._boot()
            self._boot = None
        if not on:
            self.running = False
            self.frozen = False
        else:
            self._boot = async_call_later(self._hass, BOOT_S, self._booted)
        self._notify()

    @callback
    def _booted(self, _now: object) -> None:
        self._boot = None
        self.running = True
        self.boots += 1
        self._notify()

    @callback
    def freeze(self, frozen: bool) -> None:
        """Hang the appliance (or let it recover without a power cycle)."""
        self.frozen = frozen
        self._notify()

    @callback
    def listen(self, listener: Callable[[], None]) -> CALLBACK_TYPE:
        """Call `listener` on every change; returns the unsubscribe."""
        self._listeners.add(listener)
        return lambda: self._listeners.discard(listener)

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()


APPLIANCE: HassKey[Appliance] = HassKey(f"{DOMAIN}_appliance")


def plug_device(entry_id: str) -> DeviceInfo:
    """Describe the plug's own device."""
    return DeviceInfo(
        identifiers={(DOMAIN, f"{entry_id}_plug")},
        name="Fault Lab Plug",
        manufacturer="HA LLM Ops",
        model="Fault Lab Plug",
    )


def appliance_device(entry_id: str) -> DeviceInfo:
    """Describe the appliance's device, powered through the plug."""
    return DeviceInfo(
        identifiers={(DOMAIN, f"{entry_id}_appliance")},
        name="Fault Lab Appliance",
        manufacturer="HA LLM Ops",
        model="Fault Lab Appliance",
    )
