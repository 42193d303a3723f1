"""Fixtures of the integration tests: a real sidecar process on loopback."""

from __future__ import annotations

from collections.abc import Generator
import contextlib
from dataclasses import dataclass
import json
import os
from pathlib import Path
import socket
import subprocess
import time
import urllib.request

import pytest
import pytest_socket

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Load custom_components/llm_ops in every test."""


@pytest.fixture(autouse=True)
def loopback_sockets(socket_enabled: None) -> None:
    """Let tests reach the real sidecar; connections stay limited to 127.0.0.1."""


@contextlib.contextmanager
def _sockets_for_fixture() -> Generator[None]:
    """Sockets for a session fixture, which starts before any test enables them."""
    pytest_socket.enable_socket()
    try:
        yield
    finally:
        pytest_socket.disable_socket(allow_unix_socket=True)


def free_port() -> int:
    """Return a loopback port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Sidecar:
    """A running sidecar and how to reach it."""

    url: str
    token: str
    version: str


@pytest.fixture(scope="session")
def sidecar(tmp_path_factory: pytest.TempPathFactory) -> Generator[Sidecar]:
    """Start the real sidecar (Node) once for the session.

    Its Home Assistant link points at a closed port: these tests exercise the
    integration's side of the HTTP API, not the sidecar's HA connection.
    """
    with _sockets_for_fixture():
        port, ha_port = free_port(), free_port()
    token = "integration-test-token-0123456789"
    data_dir = tmp_path_factory.mktemp("sidecar-data")
    log = (data_dir / "sidecar.log").open("w")
    env = {
        **os.environ,
        "HA_URL": f"http://127.0.0.1:{ha_port}",
        "HA_TOKEN": "unused",
        "LLM_OPS_PORT": str(port),
        "LLM_OPS_HOST": "127.0.0.1",
        "LLM_OPS_API_TOKEN": token,
        "DATA_DIR": str(data_dir),
    }
    proc = subprocess.Popen(
        [
            "node",
            "--conditions=@ha-llm-ops/source",
            "--import",
            "tsx",
            "sidecar/src/cli.ts",
            "run",
        ],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    with _sockets_for_fixture():
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/health", timeout=2):  # noqa: S310
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    proc.kill()
                    raise RuntimeError(
                        "the sidecar did not start: "
                        + (data_dir / "sidecar.log").read_text()[-2000:]
                    ) from None
                time.sleep(0.2)
    version = json.loads((REPO / "sidecar/package.json").read_text())["version"]
    yield Sidecar(url=url, token=token, version=version)
    proc.terminate()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(10)
    proc.kill()
    log.close()


@pytest.fixture
def closed_url() -> str:
    """Return an address where nothing listens."""
    return f"http://127.0.0.1:{free_port()}"
