"""Fault Lab's own update: the lab as a custom integration with a new version out.

`fault_lab.release` publishes a version; HA's `update.install` then installs it, and
the installed version changes as when a custom integration is updated (through HACS or
its own update entity). The versions live as long as HA runs, across reloads.
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.update import UpdateEntity, UpdateEntityFeature
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from . import FaultLabConfigEntry
from .release import RELEASE, Release

RELEASE_NOTES = "https://github.com/ha-llm-ops/ha-llm-ops/releases/tag/fault-lab-{}"


async def async_setup_entry(
    hass: HomeAssistant,
    entry: FaultLabConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the update."""
    async_add_entities([FaultLabUpdate(hass.data[RELEASE], entry.entry_id)])


class FaultLabUpdate(UpdateEntity):
    """Fault Lab's update, as a custom integration offers it."""

    _attr_has_entity_name = True
    _attr_name = "Fault Lab"
    _attr_title = "Fault Lab"
    _attr_should_poll = False
    _attr_supported_features = UpdateEntityFeature.INSTALL

    def __init__(self, release: Release, entry_id: str) -> None:
        """Initialize the update."""
        self._release = release
        self._attr_unique_id = f"{entry_id}_update"

    async def async_added_to_hass(self) -> None:
        """Follow the release."""
        self.async_on_remove(self._release.listen(self.async_write_ha_state))

    @property
    def installed_version(self) -> str:
        """The version in use."""
        return self._release.installed

    @property
    def latest_version(self) -> str:
        """The newest version out."""
        return self._release.latest

    @property
    def release_url(self) -> str:
        """The release notes of the newest version."""
        return RELEASE_NOTES.format(self._release.latest)

    async def async_install(
        self, version: str | None, backup: bool, **kwargs: Any
    ) -> None:
        """Install the newest (or the given) version."""
        self._release.install(version or self._release.latest)
