"""Fault Lab's versions: the one installed and the newest one out.

They live as long as HA runs (across reloads of the entry): `fault_lab.release`
publishes a version, the update entity (update.py) installs it.
"""

from __future__ import annotations

from collections.abc import Callable

from homeassistant.util.hass_dict import HassKey

from .const import DOMAIN


class Release:
    """The installed and the newest version of Fault Lab."""

    def __init__(self, installed: str) -> None:
        """Start up to date."""
        self.installed = installed
        self.latest = installed
        self._listeners: set[Callable[[], None]] = set()

    def listen(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call `listener` on every change; returns the unsubscribe."""
        self._listeners.add(listener)
        return lambda: self._listeners.discard(listener)

    def publish(self, version: str, installed: str | None) -> None:
        """Publish `version` (and set the installed one, for a known start)."""
        self.latest = version
        if installed is not None:
            self.installed = installed
        self._changed()

    def install(self, version: str) -> None:
        """Install `version`."""
        self.installed = version
        self._changed()

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()


RELEASE: HassKey[Release] = HassKey(f"{DOMAIN}_release")
