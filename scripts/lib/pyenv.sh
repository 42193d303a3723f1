# Shared settings of the Python 3.14 environment (sourced by python-env.sh and hapy).
# Sets PYENV_MODE (host|rootfs), PYENV_CACHE, PYENV_ROOTFS, PYENV_DIR, PYENV_VENV.

: "${ROOT:?ROOT must be set to the repository root}"

# Packages of the Debian testing root: Python 3.14, a compiler in case a
# dependency has no 3.14 wheel, and the native tools HA's default integrations
# expect (ffmpeg, libturbojpeg), as in HA's own container image.
ROOTFS_PACKAGES=python3.14,python3.14-venv,python3.14-dev,build-essential,ca-certificates,libffi-dev,libssl-dev,zlib1g-dev,libjpeg-dev,tzdata,ffmpeg,libturbojpeg0

PYENV_CACHE=${HA_LLM_OPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ha-llm-ops}

_pyenv_key() {
  # Everything that changes what gets installed: the pins, the provisioning
  # scripts, the dev HA's integration list and our manifests' requirements.
  {
    cat "$ROOT/scripts/python/requirements.txt" "$ROOT/scripts/python-env.sh" \
      "$ROOT/scripts/lib/pyenv.sh" "$ROOT/scripts/python/integration_requirements.py"
    sed -n 's/^\([a-z_][a-z0-9_]*\):.*/\1/p' "$ROOT/tests/ha/configuration.yaml"
    for m in "$ROOT/custom_components/llm_ops/manifest.json" "$ROOT/tests/ha/custom_components/fault_lab/manifest.json"; do
      node -e 'const m = require(process.argv[1]); console.log(JSON.stringify([m.requirements, m.dependencies, m.after_dependencies]))' "$m"
    done
  } | sha256sum | cut -c1-12
}

PYENV_KEY=$(_pyenv_key)
if command -v python3.14 >/dev/null 2>&1 && [ -z "${HA_LLM_OPS_FORCE_ROOTFS:-}" ]; then
  PYENV_MODE=host
  PYENV_ROOTFS=""
  PYENV_DIR="$PYENV_CACHE/host-$PYENV_KEY"
  PYENV_VENV="$PYENV_DIR/venv"
else
  PYENV_MODE=rootfs
  PYENV_ROOTFS="$PYENV_CACHE/rootfs-$(echo "$ROOTFS_PACKAGES" | sha256sum | cut -c1-8)"
  PYENV_DIR="$PYENV_ROOTFS/opt/venvs/$PYENV_KEY"
  PYENV_VENV="/opt/venvs/$PYENV_KEY/venv"
fi
PYENV_TMP=${PYENV_TMP:-$(mktemp -d)}
