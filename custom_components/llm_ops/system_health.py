"""System health of LLM Ops: the sidecar's reachability, version and mode."""

from __future__ import annotations

from typing import Any

from homeassistant.components import system_health
from homeassistant.core import HomeAssistant, callback

from .const import DOMAIN, PANEL_URL_PATH
from .coordinator import LlmOpsConfigEntry


@callback
def async_register(
    hass: HomeAssistant, register: system_health.SystemHealthRegistration
) -> None:
    """Register the info callback."""
    register.async_register_info(system_health_info, f"/{PANEL_URL_PATH}")


async def system_health_info(hass: HomeAssistant) -> dict[str, Any]:
    """Return the sidecar's reachability, version, mode and last analysis."""
    entries: list[LlmOpsConfigEntry] = hass.config_entries.async_loaded_entries(DOMAIN)
    if not entries:
        return {}
    coordinator = entries[0].runtime_data.coordinator
    data = coordinator.data
    status = data.status
    return {
        "sidecar_reachable": system_health.async_check_can_reach_url(
            hass, f"{coordinator.client.url}/api/health"
        ),
        "version": data.health.version,
        "home_assistant_link": data.health.ha_connected,
        "mode": status["mode"] if status else "-",
        "last_analysis": (status["last_analysis_at"] if status else None) or "-",
    }
