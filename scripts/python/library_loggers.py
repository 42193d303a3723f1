"""Print, as JSON, which integration each library logger belongs to.

Reads the manifests of Home Assistant's own integrations (the installed
`homeassistant` package): every logger an integration declares in `loggers`,
and the top-level module of every package in `requirements`. A name claimed by
more than one integration is left out: it names no single culprit.
"""

import json
from pathlib import Path
import re
import sys

import homeassistant.components
from homeassistant.const import __version__

claims: dict[str, set[str]] = {}
root = Path(homeassistant.components.__path__[0])
for manifest_file in sorted(root.glob("*/manifest.json")):
    manifest = json.loads(manifest_file.read_text())
    domain = manifest["domain"]
    names = set(manifest.get("loggers", []))
    for req in manifest.get("requirements", []):
        package = re.split(r"[=<>!~\[; ]", req, maxsplit=1)[0]
        names.add(package.lower().replace("-", "_"))
    for name in names:
        claims.setdefault(name, set()).add(domain)

unique = {name: next(iter(d)) for name, d in sorted(claims.items()) if len(d) == 1}
json.dump(
    {"homeassistant": __version__, "loggers": unique},
    sys.stdout,
    indent=0,
    sort_keys=False,
)
sys.stdout.write("\n")
