#!/usr/bin/env bash
# Provision the Python 3.14 environment that runs the real Home Assistant and the
# Python tests, and print its location.
#
#   scripts/python-env.sh          provision (or reuse) and print the env directory
#   scripts/python-env.sh --path   print the env directory without provisioning
#
# Home Assistant 2026.x needs Python >= 3.14.2. A host python3.14 is used when
# present; otherwise a Debian testing root filesystem is built with debootstrap
# and the venv lives inside it (scripts/hapy runs commands there). Everything is
# cached outside the repo, keyed by the pinned versions, so a warm run is instant.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib/pyenv.sh
source "$ROOT/scripts/lib/pyenv.sh"

# Each step says how long provisioning has run so far; the tools' own output goes to a log.
say() { printf 'python-env: [%4d s] %s\n' "$SECONDS" "$*" >&2; }
die() { say "error: $*"; exit 1; }

if [ "${1:-}" = "--path" ]; then
  echo "$PYENV_DIR"
  exit 0
fi

if [ -f "$PYENV_DIR/.ready" ]; then
  echo "$PYENV_DIR"
  exit 0
fi

mkdir -p "$PYENV_CACHE"
# One provisioning at a time per cache (CI and a developer shell may race).
exec 9>"$PYENV_CACHE/.lock"
flock 9
if [ -f "$PYENV_DIR/.ready" ]; then
  echo "$PYENV_DIR"
  exit 0
fi

# --- the root filesystem (only without a host python3.14) -------------------

host_pip_config() {
  # The host's pip settings as an ini file, with certificate paths moved to the
  # copies inside the root filesystem.
  command -v python3 >/dev/null || return 0
  python3 -m pip config list 2>/dev/null | python3 -c '
import re, sys
sections = {}
for line in sys.stdin:
    m = re.match(r"^([\w-]+)\.([\w-]+)=(.*)$", line.strip())
    if not m:
        continue  # ":env:" entries travel as environment variables
    section, key, value = m.group(1), m.group(2), m.group(3).strip("\x27\"")
    if key in ("cert", "client-cert"):
        value = "/etc/ssl/certs/ca-certificates.crt"
    if key == "find-links":
        continue  # host-only wheel folders do not exist in the root
    sections.setdefault(section, []).append(f"{key} = {value}")
for name, items in sections.items():
    print(f"[{name}]")
    print("\n".join(items))
'
}

build_rootfs() {
  local target=$1 tmp="$1.partial"
  [ "$(id -u)" = 0 ] || die "building the Python 3.14 root filesystem needs root (debootstrap, chroot); or install python3.14 on the host"
  command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install debootstrap)"
  local mirror
  mirror=$(debian_mirror)
  say "building a Debian testing root filesystem (once; cached in $target; log: $PYENV_CACHE/debootstrap.log)"
  rm -rf "$tmp"
  # sid's script handles testing, whatever its current code name is.
  debootstrap --variant=minbase --include="$ROOTFS_PACKAGES" testing "$tmp" "$mirror" \
    /usr/share/debootstrap/scripts/sid >"$PYENV_CACHE/debootstrap.log" 2>&1 ||
    die "debootstrap failed; last lines of $PYENV_CACHE/debootstrap.log:
$(tail -n 20 "$PYENV_CACHE/debootstrap.log")"
  mv "$tmp" "$target"
}

debian_mirror() {
  # Use the mirror the host's apt already uses, so a proxy or local mirror works.
  local uri=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1 == "deb" && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list)
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}

sync_host_settings() {
  # Certificates, name resolution and pip settings follow the host's.
  local rootfs=$1
  local host_ca=${SSL_CERT_FILE:-/etc/ssl/certs/ca-certificates.crt}
  [ -f "$host_ca" ] || host_ca=/etc/ssl/certs/ca-certificates.crt
  if [ -f "$host_ca" ]; then
    cat "$host_ca" "$rootfs/usr/share/ca-certificates-host.orig" 2>/dev/null >"$rootfs/etc/ssl/certs/ca-certificates.crt.new" ||
      cat "$host_ca" >"$rootfs/etc/ssl/certs/ca-certificates.crt.new"
    mv "$rootfs/etc/ssl/certs/ca-certificates.crt.new" "$rootfs/etc/ssl/certs/ca-certificates.crt"
  fi
  cp /etc/resolv.conf "$rootfs/etc/resolv.conf" 2>/dev/null || true
  cp /etc/hosts "$rootfs/etc/hosts" 2>/dev/null || true
  host_pip_config >"$rootfs/etc/pip.conf"
}

# --- the venv ----------------------------------------------------------------

if [ "$PYENV_MODE" = host ]; then
  say "using the host's $(command -v python3.14)"
  rm -rf "$PYENV_DIR"
  mkdir -p "$PYENV_DIR"
  python3.14 -m venv "$PYENV_DIR/venv"
else
  if [ ! -f "$PYENV_ROOTFS/.ready" ]; then
    build_rootfs "$PYENV_ROOTFS"
    # Keep the distribution's own bundle so it can be merged with the host's.
    cp "$PYENV_ROOTFS/etc/ssl/certs/ca-certificates.crt" "$PYENV_ROOTFS/usr/share/ca-certificates-host.orig"
    touch "$PYENV_ROOTFS/.ready"
  fi
  sync_host_settings "$PYENV_ROOTFS"
  rm -rf "$PYENV_DIR"
  mkdir -p "$PYENV_DIR"
  "$ROOT/scripts/hapy" --bare python3.14 -m venv "$PYENV_VENV"
fi

LOG="$PYENV_CACHE/logs/python-env.log"
mkdir -p "$(dirname "$LOG")"
: >"$LOG"
say "log: $LOG"
run() {
  "$ROOT/scripts/hapy" "$@" >>"$LOG" 2>&1 || {
    say "error: $* failed; last lines of $LOG:"
    tail -n 20 "$LOG" >&2
    exit 1
  }
}
pins="$ROOT/scripts/python/requirements.txt"
pin_of() { grep -E "^$1==" "$pins" | head -n 1; }

say "installing $(pin_of homeassistant) and the test tools (several minutes on a cold cache)"
run python -m pip install --quiet --upgrade pip
run python -m pip install --quiet "$(pin_of homeassistant)" "$(pin_of ruff)" "$(pin_of mypy)" "$(pin_of isal)" "$(pin_of zlib-ng)" \
  "$(pin_of jsonschema)"

# The test plugin pins one exact homeassistant; its newest release may trail the
# newest Home Assistant. Install its other pinned requirements, then the plugin
# itself without dependencies, so the one Home Assistant above serves both.
phacc=$(pin_of pytest-homeassistant-custom-component)
constraints="$PYENV_TMP/ha-constraints.txt"
mkdir -p "$PYENV_TMP"
run python - "$constraints" <<'PY'
import pathlib, sys, homeassistant
src = pathlib.Path(homeassistant.__file__).parent / "package_constraints.txt"
lines = [l for l in src.read_text().splitlines() if l and not l.startswith("#") and not l.startswith("homeassistant")]
pathlib.Path(sys.argv[1]).write_text("\n".join(lines) + "\n")
PY
run python -m pip download --quiet --no-deps --dest "$PYENV_TMP/phacc" "$phacc"
run python - "$PYENV_TMP/phacc" "$constraints" "$PYENV_TMP/phacc-requirements.txt" <<'PY'
# The plugin's pins, except that Home Assistant's own constraints win where both
# name a package (e.g. pydantic): HA must run with the versions it was released with.
import pathlib, re, sys, zipfile
name = lambda req: re.split(r"[=<>!~ ;\[]", req, maxsplit=1)[0].lower().replace("_", "-")
wheel = next(pathlib.Path(sys.argv[1]).glob("*.whl"))
with zipfile.ZipFile(wheel) as zf:
    meta = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
    reqs = [l.split(":", 1)[1].strip() for l in zf.read(meta).decode().splitlines() if l.startswith("Requires-Dist:")]
constrained = {name(l) for l in pathlib.Path(sys.argv[2]).read_text().splitlines() if l and not l.startswith("#")}
keep = [name(r) if name(r) in constrained else r for r in reqs if name(r) != "homeassistant"]
pathlib.Path(sys.argv[3]).write_text("\n".join(keep) + "\n")
PY
run python -m pip install --quiet -c "$constraints" -r "$PYENV_TMP/phacc-requirements.txt"
run python -m pip install --quiet --no-deps "$PYENV_TMP"/phacc/*.whl

say "installing the requirements of the integrations the dev Home Assistant loads"
domains=$(sed -n 's/^\([a-z_][a-z0-9_]*\):.*/\1/p' "$ROOT/tests/ha/configuration.yaml" | sort -u)
dirs="$ROOT/custom_components,$ROOT/tests/ha/custom_components"
"$ROOT/scripts/hapy" python "$ROOT/scripts/python/integration_requirements.py" "$dirs" $domains llm_ops fault_lab >"$PYENV_TMP/integrations.txt"
if [ -s "$PYENV_TMP/integrations.txt" ]; then
  run python -m pip install --quiet -c "$constraints" -r "$PYENV_TMP/integrations.txt"
fi

version=$("$ROOT/scripts/hapy" python -c 'from homeassistant.const import __version__; print(__version__)')
cp "$pins" "$PYENV_DIR/requirements.txt"
echo "$version" >"$PYENV_DIR/ha-version"
touch "$PYENV_DIR/.ready"
say "ready: Home Assistant $version on $("$ROOT/scripts/hapy" python --version)"
echo "$PYENV_DIR"
