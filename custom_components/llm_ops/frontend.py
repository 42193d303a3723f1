"""The sidebar panel and the dashboard cards: static files, panel, extra JS."""

from __future__ import annotations

from pathlib import Path

from homeassistant.components import frontend, panel_custom
from homeassistant.components.http import StaticPathConfig
from homeassistant.core import HomeAssistant
from homeassistant.loader import async_get_integration

from .const import (
    CARDS_JS,
    DOMAIN,
    PANEL_ELEMENT,
    PANEL_ICON,
    PANEL_JS,
    PANEL_TITLE,
    PANEL_URL_PATH,
    STATIC_URL,
)

FRONTEND_DIR = Path(__file__).parent / "frontend"


async def _async_versioned(hass: HomeAssistant, file: str) -> str:
    """Return the URL of a front-end file, busting caches on every release."""
    integration = await async_get_integration(hass, DOMAIN)
    return f"{STATIC_URL}/{file}?v={integration.version}"


async def async_serve_frontend(hass: HomeAssistant) -> None:
    """Serve the panel and card modules (from async_setup: once per HA run).

    Routes cannot be removed from a running HTTP server, so the files stay
    served while the entry comes and goes; only the panel and cards follow it.
    """
    await hass.http.async_register_static_paths(
        [StaticPathConfig(STATIC_URL, str(FRONTEND_DIR), cache_headers=True)]
    )


async def async_register_frontend(hass: HomeAssistant) -> None:
    """Show the panel and load the cards on every page."""
    await panel_custom.async_register_panel(
        hass,
        frontend_url_path=PANEL_URL_PATH,
        webcomponent_name=PANEL_ELEMENT,
        sidebar_title=PANEL_TITLE,
        sidebar_icon=PANEL_ICON,
        module_url=await _async_versioned(hass, PANEL_JS),
        require_admin=True,
        config={"domain": DOMAIN},
    )
    frontend.add_extra_js_url(hass, await _async_versioned(hass, CARDS_JS))


async def async_unregister_frontend(hass: HomeAssistant) -> None:
    """Take the panel and the cards away again (the files stay served)."""
    frontend.async_remove_panel(hass, PANEL_URL_PATH, warn_if_unknown=False)
    frontend.remove_extra_js_url(hass, await _async_versioned(hass, CARDS_JS))
