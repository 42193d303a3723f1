"""Early pytest plugin: load Home Assistant first and bridge the test plugin to it.

The newest pytest-homeassistant-custom-component on the package index (0.13.375)
was extracted from Home Assistant 2026.10.4's test helpers, while this project
runs one Home Assistant, 2026.11.0, for the dev instance and the tests alike.
Two things differ between them; loaded with ``-p tests.python.ha_compat`` (see
pyproject.toml), before the plugin, this module bridges both:

1. Home Assistant 2026.11 aliases httpx to httpx2 in its package ``__init__``,
   which must run before anything imports httpx; the plugin imports respx
   (and with it httpx) first.
2. ``_clear_logger_overwrites`` moved from ``homeassistant.components.logger``
   to its ``helpers`` module; the plugin imports it from the old place.

Delete this module once a plugin release built for 2026.11 is installed.
"""

import homeassistant  # noqa: F401 - must be the first import: aliases httpx
from homeassistant.components import logger
from homeassistant.components.logger import helpers

if not hasattr(logger, "_clear_logger_overwrites"):
    logger._clear_logger_overwrites = helpers._clear_logger_overwrites
