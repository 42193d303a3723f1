"""A burst of failing log lines at a steady rate, in the background, for load tests.

Each distinct failure is an automation of its own failing (the logger HA's
automations log through, `homeassistant.components.automation.<id>`), so each is
one record of HA's system log, and HA's own check for modules that log too
frequently leaves them alone: what the sidecar sees is exactly the lines sent.
`sent` counts them per failure, as they were logged.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
import logging

from homeassistant.core import HomeAssistant

WORDS = (
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliett",
    "kilo",
    "lima",
    "mike",
    "november",
    "oscar",
    "papa",
    "quebec",
    "romeo",
    "sierra",
    "tango",
)
TICK_S = 0.1


def burst_id(word: str) -> str:
    """Return the automation id a distinct failure is logged under."""
    return f"fault_lab_burst_{word}"


@dataclass
class Burst:
    """The running (or last) burst: lines logged so far, per failure."""

    sent: dict[str, int] = field(default_factory=dict)
    running: bool = False


async def run_burst(
    hass: HomeAssistant, burst: Burst, per_minute: int, seconds: int, distinct: int
) -> None:
    """Log `per_minute` error lines a minute for `seconds`.

    The lines go round robin over `distinct` failures.
    """
    ids = [burst_id(w) for w in WORDS[:distinct]]
    loggers = [
        logging.getLogger(f"homeassistant.components.automation.{i}") for i in ids
    ]
    burst.sent = dict.fromkeys(ids, 0)
    burst.running = True
    start = hass.loop.time()
    total = 0
    try:
        while True:
            elapsed = min(hass.loop.time() - start, seconds)
            due = int(per_minute * elapsed / 60)
            while total < due:
                k = total % distinct
                loggers[k].error(
                    "Error while executing automation automation.%s: "
                    "the %s relay did not answer",
                    ids[k],
                    WORDS[k],
                )
                burst.sent[ids[k]] += 1
                total += 1
            if elapsed >= seconds:
                return
            await asyncio.sleep(TICK_S)
    finally:
        burst.running = False
