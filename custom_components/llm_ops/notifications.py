"""Persistent notifications about new incidents and finished actions (options)."""

from __future__ import annotations

from homeassistant.components import persistent_notification
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers.translation import async_get_translations

from .const import (
    CONF_NOTIFY_ACTIONS,
    CONF_NOTIFY_INCIDENTS,
    DEFAULT_NOTIFY_ACTIONS,
    DEFAULT_NOTIFY_INCIDENTS,
    DOMAIN,
    EVENT_ACTION,
    EVENT_INCIDENT,
)
from .coordinator import LlmOpsConfigEntry

# How a carried-out proposal can end.
FINISHED = frozenset({"succeeded", "failed", "rolled_back", "interrupted"})
PREFIX = f"component.{DOMAIN}.common."


async def async_setup_notifications(
    hass: HomeAssistant, entry: LlmOpsConfigEntry
) -> None:
    """Notify as the options say, until the entry unloads."""
    notify_incidents = entry.options.get(
        CONF_NOTIFY_INCIDENTS, DEFAULT_NOTIFY_INCIDENTS
    )
    notify_actions = entry.options.get(CONF_NOTIFY_ACTIONS, DEFAULT_NOTIFY_ACTIONS)
    if not (notify_incidents or notify_actions):
        return
    translations = await async_get_translations(
        hass, hass.config.language, "common", {DOMAIN}
    )

    def text(key: str, **placeholders: object) -> str:
        return translations.get(f"{PREFIX}{key}", key).format(**placeholders)

    @callback
    def incident(event: Event) -> None:
        data = event.data
        notification_id = f"{DOMAIN}_{data['incident_id']}"
        if data.get("change") in ("resolved", "dismissed"):
            persistent_notification.async_dismiss(hass, notification_id)
            return
        if data.get(
            "change"
        ) != "opened" or not entry.runtime_data.coordinator.wants_issue(data):
            return
        persistent_notification.async_create(
            hass,
            text(
                "incident_opened_message",
                title=data.get("title", ""),
                integration=data.get("integration") or DOMAIN,
                severity=data.get("severity", ""),
            ),
            title=text("incident_opened_title"),
            notification_id=notification_id,
        )

    @callback
    def action(event: Event) -> None:
        data = event.data
        if (status := data.get("status")) not in FINISHED:
            return
        persistent_notification.async_create(
            hass,
            text(f"action_{status}_message", action=data.get("action_id", "")),
            title=text("action_finished_title"),
            notification_id=f"{DOMAIN}_{data['proposal_id']}",
        )

    if notify_incidents:
        entry.async_on_unload(hass.bus.async_listen(EVENT_INCIDENT, incident))
    if notify_actions:
        entry.async_on_unload(hass.bus.async_listen(EVENT_ACTION, action))
