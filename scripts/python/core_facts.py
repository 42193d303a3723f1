"""Print, as JSON, what the offline analyzer knows about Home Assistant itself.

Read from the installed `homeassistant` package: the domain of every one of its
own integrations (any other domain is a custom integration's) and which of them
talk to a cloud service (`iot_class` cloud_polling or cloud_push); which
integration each library logger belongs to (every logger a manifest declares
in `loggers`, and the top-level module of every package in `requirements`; a
name claimed by more than one integration is left out, as it names no single
culprit); and the versions Home Assistant pins for every integration
(`package_constraints.txt`), which a custom integration's requirement cannot
contradict. And the words the integrations page uses, in every language the
frontend ships, for an entry that failed to set up and one that will retry: users
paste that card's text in their own language.
"""

import json
from pathlib import Path
import re
import sys

import homeassistant
import homeassistant.components
from homeassistant.const import __version__

claims: dict[str, set[str]] = {}
domains: list[str] = []
cloud: list[str] = []
root = Path(homeassistant.components.__path__[0])
for manifest_file in sorted(root.glob("*/manifest.json")):
    manifest = json.loads(manifest_file.read_text())
    domain = manifest["domain"]
    domains.append(domain)
    if manifest.get("iot_class", "").startswith("cloud_"):
        cloud.append(domain)
    names = set(manifest.get("loggers", []))
    for req in manifest.get("requirements", []):
        package = re.split(r"[=<>!~\[; ]", req, maxsplit=1)[0]
        names.add(package.lower().replace("-", "_"))
    for name in names:
        claims.setdefault(name, set()).add(domain)

pins: dict[str, str] = {}
for line in (Path(homeassistant.__file__).parent / "package_constraints.txt").open():
    pin = re.fullmatch(r"([A-Za-z0-9_.-]+)==([^\s;#]+)\s*", line)
    if pin:
        pins[pin[1].lower().replace("_", "-")] = pin[2]

# The integrations page's state of an entry, in every language the frontend ships.
STATE_KEY = "ui.panel.config.integrations.config_entry.state."
entry_states: dict[str, set[str]] = {"setup_retry": set(), "setup_error": set()}
try:
    import hass_frontend

    translations = (
        Path(hass_frontend.__file__).parent / "static" / "translations" / "config"
    )
    for translation in sorted(translations.glob("*.json")):
        texts = json.loads(translation.read_text())
        for state, found in entry_states.items():
            text = texts.get(STATE_KEY + state)
            # An untranslated key is written as its path; leave it out.
            if isinstance(text, str) and "::" not in text and len(text) >= 6:
                found.add(text.strip().rstrip(".。"))
except ImportError:
    pass

unique = {name: next(iter(d)) for name, d in sorted(claims.items()) if len(d) == 1}
json.dump(
    {
        "generated_by": "scripts/hapy python scripts/python/core_facts.py"
        " (do not edit by hand)",
        "homeassistant": __version__,
        "domains": domains,
        "cloud": cloud,
        "loggers": unique,
        "pins": pins,
        "entry_states": {state: sorted(found) for state, found in entry_states.items()},
    },
    sys.stdout,
    indent=0,
    sort_keys=False,
)
sys.stdout.write("\n")
