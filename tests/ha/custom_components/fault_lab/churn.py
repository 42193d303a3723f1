"""State churn: many entities whose states change at a steady rate, inside HA.

`fault_lab.churn` creates `entities` sensors (`sensor.fault_lab_churn_00000`, …) in
HA's state machine and changes `rate` of them per second, round-robin, from a task in
HA's own event loop, so whoever drives a benchmark costs HA no WebSocket work for the
changes. `entities: 0` stops the churn and removes the sensors; `fault_lab.churn_count`
answers how many changes were made since the churn started.
"""

from __future__ import annotations

import asyncio

from homeassistant.core import HomeAssistant
from homeassistant.util.hass_dict import HassKey

ENTITY_PREFIX = "sensor.fault_lab_churn_"
TICK_S = 0.05
ATTRIBUTES = {
    "unit_of_measurement": "W",
    "device_class": "power",
    "state_class": "measurement",
}


class Churn:
    """The running churn, if any."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Start idle."""
        self._hass = hass
        self._task: asyncio.Task[None] | None = None
        self._entities = 0
        self.changes = 0

    def start(self, entities: int, rate: float) -> None:
        """Replace any churn with `entities` sensors changing `rate` per second."""
        self.stop()
        self._entities = entities
        self.changes = 0
        if not entities:
            return
        for i in range(entities):
            self._hass.states.async_set(
                self._entity_id(i),
                "0",
                {**ATTRIBUTES, "friendly_name": f"Churn {i}"},
            )
        if rate > 0:
            self._task = self._hass.async_create_background_task(
                self._run(entities, rate), "fault_lab churn"
            )

    def stop(self) -> None:
        """Stop changing states and remove the sensors."""
        if self._task:
            self._task.cancel()
            self._task = None
        for i in range(self._entities):
            self._hass.states.async_remove(self._entity_id(i))
        self._entities = 0

    @staticmethod
    def _entity_id(i: int) -> str:
        return f"{ENTITY_PREFIX}{i:05d}"

    async def _run(self, entities: int, rate: float) -> None:
        loop = self._hass.loop
        due = loop.time()
        owed = 0.0
        n = 0
        while True:
            due += TICK_S
            owed += rate * TICK_S
            while owed >= 1:
                owed -= 1
                i = n % entities
                self._hass.states.async_set(
                    self._entity_id(i),
                    str(n // entities + 1),
                    {**ATTRIBUTES, "friendly_name": f"Churn {i}"},
                )
                n += 1
                self.changes += 1
            await asyncio.sleep(max(0.0, due - loop.time()))


CHURN: HassKey[Churn] = HassKey("fault_lab_churn")
