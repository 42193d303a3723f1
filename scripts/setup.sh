#!/usr/bin/env bash
# The project's one install step: what `npm start`, `npm test` and CI need on the
# machine beyond `npm ci`. Each step looks first and installs only what is missing,
# printing what it does with the elapsed time and where its log is.
#
#   scripts/setup.sh [--dry-run] STEP...
#
#   node     Node 24 LTS. When the machine's node is another major, installs Node's own
#            Linux build from the npm registry (package node-linux-<arch>) into the cache
#            and prints its bin folder on stdout, to be put first on PATH.
#   system   the system packages of the Python 3.14 environment (debootstrap unless the
#            host has python3.14, util-linux, python3), with apt-get.
#   python   the Python 3.14 + Home Assistant environment (scripts/python-env.sh).
#   browser  Debian's chromium, for the browser tests.
#
#   --dry-run  say what would be installed and change nothing.
#
# System packages need root: as root they are installed, with passwordless sudo through
# sudo, and otherwise the step stops with the exact command to run.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NODE_MAJOR=24
NODE_VERSION=24.22.3
CACHE=${HA_LLM_OPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ha-llm-ops}
LOGS="$CACHE/logs"
DRY_RUN=0

say() { printf 'setup: %s\n' "$*" >&2; }
die() {
  say "error: $*"
  exit 1
}
have() { command -v "$1" >/dev/null 2>&1; }

# --- what is missing ---------------------------------------------------------

# The Debian packages a step needs that the machine lacks, one per line.
missing_packages() {
  case $1 in
    system)
      have python3.14 || have debootstrap || echo debootstrap
      have unshare || echo util-linux
      have python3 || echo python3
      ;;
    browser)
      have chromium || echo chromium
      ;;
  esac
}

# The installed Node's major version, or nothing.
node_major() {
  have node || return 0
  local v
  v=$(node --version 2>/dev/null) || return 0
  v=${v#v}
  echo "${v%%.*}"
}

# Node's name for this machine's architecture.
node_arch() {
  case $(uname -m) in
    x86_64 | amd64) echo x64 ;;
    aarch64 | arm64) echo arm64 ;;
    *) return 1 ;;
  esac
}

# --- installing --------------------------------------------------------------

# How to run a command as root here: nothing (already root), sudo, or "" when neither.
root_prefix() {
  if [ "$(id -u)" = 0 ]; then
    echo root
  elif have sudo && sudo -n true 2>/dev/null; then
    echo sudo
  fi
}

# Run one provisioning step with its output in a log, then say how long it took.
timed() {
  local what=$1 log=$2
  shift 2
  local started=$SECONDS
  say "$what (log: $log)"
  if ! "$@" >>"$log" 2>&1; then
    say "failed after $((SECONDS - started)) s: $what; last lines of $log:"
    tail -n 20 "$log" >&2
    exit 1
  fi
  say "done in $((SECONDS - started)) s: $what"
}

apt_install() {
  local packages=("$@") how
  how=$(root_prefix)
  local command="apt-get install -y --no-install-recommends ${packages[*]}"
  if ! have apt-get; then
    die "missing: ${packages[*]}. This machine has no apt-get; install them with its package manager, then run this again."
  fi
  if [ -z "$how" ]; then
    die "missing: ${packages[*]}, and installing them needs root. Run:
    sudo apt-get update && sudo $command
then run this again."
  fi
  local sudo=()
  [ "$how" = sudo ] && sudo=(sudo)
  if [ "$DRY_RUN" = 1 ]; then
    say "would run: ${sudo[*]:+${sudo[*]} }$command"
    return 0
  fi
  mkdir -p "$LOGS"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine's package lists may be missing or old: update once, then retry.
  if ! "${sudo[@]}" apt-get install -y --no-install-recommends "${packages[@]}" >>"$LOGS/apt.log" 2>&1; then
    timed "updating the package lists" "$LOGS/apt.log" "${sudo[@]}" apt-get update
    timed "installing ${packages[*]}" "$LOGS/apt.log" "${sudo[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
  else
    say "installed ${packages[*]} (log: $LOGS/apt.log)"
  fi
}

step_packages() {
  local step=$1 packages
  mapfile -t packages < <(missing_packages "$step")
  if [ ${#packages[@]} -eq 0 ]; then
    say "$step: nothing to install"
    return 0
  fi
  apt_install "${packages[@]}"
}

step_node() {
  local major arch dir bin
  major=$(node_major)
  if [ "$major" = "$NODE_MAJOR" ]; then
    say "node: $(node --version) is Node $NODE_MAJOR"
    return 0
  fi
  arch=$(node_arch) || die "node: no Node $NODE_MAJOR build for $(uname -m); install Node $NODE_MAJOR LTS by hand"
  dir="$CACHE/node/$NODE_VERSION"
  bin="$dir/node_modules/node-linux-$arch/bin"
  if [ -x "$bin/node" ]; then
    say "node: using Node $NODE_VERSION from the cache (the machine has ${major:+Node }${major:-no node})"
    echo "$bin"
    return 0
  fi
  if [ "$DRY_RUN" = 1 ]; then
    say "would install: Node $NODE_VERSION from the npm registry (node-linux-$arch) into $dir"
    echo "$bin"
    return 0
  fi
  have npm || die "node: npm is needed to fetch Node $NODE_VERSION (or install Node $NODE_MAJOR LTS by hand)"
  mkdir -p "$dir" "$LOGS"
  timed "installing Node $NODE_VERSION from the npm registry (node-linux-$arch)" "$LOGS/node.log" \
    npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund "node-linux-$arch@$NODE_VERSION"
  [ -x "$bin/node" ] || die "node: node-linux-$arch@$NODE_VERSION has no bin/node"
  echo "$bin"
}

step_python() {
  if [ "$DRY_RUN" = 1 ]; then
    if [ -f "$("$ROOT/scripts/python-env.sh" --path)/.ready" ]; then
      say "python: the environment is ready"
    else
      say "would provision: the Python 3.14 + Home Assistant environment (scripts/python-env.sh)"
    fi
    return 0
  fi
  "$ROOT/scripts/python-env.sh" >/dev/null
}

steps=()
for arg in "$@"; do
  case $arg in
    --dry-run) DRY_RUN=1 ;;
    node | system | python | browser) steps+=("$arg") ;;
    -h | --help)
      sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) die "unknown step '$arg' (steps: node, system, python, browser; see --help)" ;;
  esac
done
[ ${#steps[@]} -gt 0 ] || die "name a step: node, system, python or browser (see --help)"

for step in "${steps[@]}"; do
  case $step in
    node) step_node ;;
    system | browser) step_packages "$step" ;;
    python) step_python ;;
  esac
done
