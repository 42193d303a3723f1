"""Print the pip requirements of the integrations the dev Home Assistant loads.

Home Assistant runs with --skip-pip, so everything its integrations need must be
installed up front: the ones configured, the ones HA always sets up
(bootstrap's core and default integrations) and their dependencies, followed
recursively through the manifests, so the set always matches the installed
Home Assistant version.
"""

from __future__ import annotations

import json
from pathlib import Path
import sys

from homeassistant import components
from homeassistant.bootstrap import CORE_INTEGRATIONS, DEFAULT_INTEGRATIONS


def _manifest(domain: str, extra_dirs: list[Path]) -> dict[str, object] | None:
    for base in [*extra_dirs, Path(components.__file__).parent]:
        path = base / domain / "manifest.json"
        if path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))
    return None


def requirements(domains: list[str], extra_dirs: list[Path]) -> list[str]:
    """Return the sorted requirements of domains and all their dependencies."""
    seen: set[str] = set()
    found: set[str] = set()
    pending = list(domains)
    while pending:
        domain = pending.pop()
        if domain in seen:
            continue
        seen.add(domain)
        manifest = _manifest(domain, extra_dirs)
        if manifest is None:
            raise SystemExit(f"unknown integration in the dev set: {domain}")
        found.update(manifest.get("requirements", []))  # type: ignore[arg-type]
        for key in ("dependencies", "after_dependencies"):
            pending.extend(manifest.get(key, []))  # type: ignore[arg-type]
    return sorted(found)


if __name__ == "__main__":
    # argv: custom_components dirs (comma separated), then domains
    dirs = [Path(p) for p in sys.argv[1].split(",") if p]
    always = sorted(CORE_INTEGRATIONS | DEFAULT_INTEGRATIONS)
    print("\n".join(requirements([*always, *sys.argv[2:]], dirs)))
