"""The state changes the sidecar's detectors need, filtered inside HA.

Subscribing to every `state_changed` event makes HA serialize and send each change
of every entity to the sidecar, most of which it ignores.
`llm_ops/subscribe_state_changes` listens in-process instead and forwards, as the
same `state_changed` event HA would send, only:

* every change into or out of `unavailable` or `unknown`;
* the first change of an entity after it left `unavailable` (the device reports again);
* every change of an `update.*` entity;
* an entity's removal.

docs/adr/0006-filtered-state-changes.md has the measurements behind it.
"""

from __future__ import annotations

from typing import Any, cast

import probatio

from homeassistant.components import websocket_api
from homeassistant.components.websocket_api.messages import cached_event_message
from homeassistant.const import EVENT_STATE_CHANGED, STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import Event, EventStateChangedData, HomeAssistant, callback

DOWN = frozenset({STATE_UNAVAILABLE, STATE_UNKNOWN})


class StateChangeFilter:
    """Which state changes to forward; remembers entities that just came back."""

    def __init__(self) -> None:
        """Start with no entity coming back."""
        self._back: set[str] = set()

    @callback
    def wanted(self, data: EventStateChangedData) -> bool:
        """Whether the detectors need this change (updates what it remembers)."""
        entity_id = data["entity_id"]
        old_state, new_state = data["old_state"], data["new_state"]
        if new_state is None:
            self._back.discard(entity_id)
            return True
        old = old_state.state if old_state else None
        new = new_state.state
        if old != new and (old in DOWN or new in DOWN):
            if old == STATE_UNAVAILABLE and new not in DOWN:
                self._back.add(entity_id)
            else:
                self._back.discard(entity_id)
            return True
        if entity_id in self._back:
            self._back.discard(entity_id)
            return True
        return entity_id.startswith("update.")


@callback
def async_setup_state_changes(hass: HomeAssistant) -> None:
    """Register the command."""
    websocket_api.async_register_command(hass, ws_subscribe_state_changes)


@websocket_api.require_admin
@websocket_api.websocket_command(
    {probatio.Required("type"): "llm_ops/subscribe_state_changes"}
)
@callback
def ws_subscribe_state_changes(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    """Forward the state changes the detectors need, as `state_changed` events."""
    state_filter = StateChangeFilter()
    message_id = str(msg["id"]).encode()

    @callback
    def forward(event: Event[EventStateChangedData]) -> None:
        # HA's serializer takes any event; its signature only knows the untyped one.
        sent = cast("Event[Any]", event)
        connection.send_message(cached_event_message(message_id, sent))

    # As a filter, `wanted` runs on the change's data before HA makes an event of it: a
    # change nobody else listens to costs one call, no event (ADR 0006).
    connection.subscriptions[msg["id"]] = hass.bus.async_listen(
        EVENT_STATE_CHANGED, forward, event_filter=state_filter.wanted
    )
    connection.send_result(msg["id"])
