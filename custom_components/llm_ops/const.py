"""Constants of the LLM Ops integration."""

from __future__ import annotations

import logging
from typing import Final

DOMAIN: Final = "llm_ops"
LOGGER = logging.getLogger(__package__)

# The sidecar's /api/health names itself so a client can tell it from any other server.
SIDECAR_SERVICE: Final = "ha-llm-ops"
REQUEST_TIMEOUT: Final = 10
