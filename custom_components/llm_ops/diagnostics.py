"""Diagnostics of LLM Ops: the entry (without secrets) and the sidecar's state."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from yarl import URL

from homeassistant.components.diagnostics import REDACTED, async_redact_data
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import CONF_TOKEN, CONF_URL
from homeassistant.core import HomeAssistant

from .coordinator import LlmOpsConfigEntry

TO_REDACT = {CONF_TOKEN}
# Who started maintenance: a person's name.
STATUS_TO_REDACT = {"started_by"}


def _redact_url(url: str) -> str:
    """Hide credentials written into the URL (http://user:password@host)."""
    parsed = URL(url)
    if parsed.user is None and parsed.password is None:
        return url
    return str(parsed.with_user(REDACTED).with_password(None))


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: LlmOpsConfigEntry
) -> dict[str, Any]:
    """Return diagnostics for the config entry."""
    entry_data = async_redact_data(dict(entry.data), TO_REDACT)
    entry_data[CONF_URL] = _redact_url(str(entry.data[CONF_URL]))
    about_entry = {
        "data": entry_data,
        "options": dict(entry.options),
        "state": entry.state.value,
    }
    # HA offers the download for an entry that is disabled or failed to set up too:
    # then there is no sidecar state to show.
    if entry.state is not ConfigEntryState.LOADED:
        return {"entry": about_entry}
    coordinator = entry.runtime_data.coordinator
    data = coordinator.data
    return {
        "entry": about_entry,
        "last_update_success": coordinator.last_update_success,
        "health": asdict(data.health),
        "status": async_redact_data(data.status, STATUS_TO_REDACT),
        "open_incidents": data.open_count,
        "incidents": data.incidents,
        "last_incident": data.last_incident,
        "proposals": data.proposals,
    }
