"""Fixtures of the integration tests: real sidecar processes on loopback."""

from __future__ import annotations

from collections.abc import Generator
import contextlib
import json
import os
from pathlib import Path
import socket
import subprocess
import time
from typing import Any
import urllib.request

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import pytest_socket

from custom_components.llm_ops.const import DOMAIN
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import CONF_TOKEN, CONF_URL
from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_get_clientsession

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
    was_enabled = socket.socket is pytest_socket._true_socket
    pytest_socket.enable_socket()
    try:
        yield
    finally:
        if not was_enabled:
            pytest_socket.disable_socket(allow_unix_socket=True)


def free_port() -> int:
    """Return a loopback port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


SIDECAR_TOKEN = "integration-test-token-0123456789"
NODE = ["node", "--conditions=@ha-llm-ops/source", "--import", "tsx"]


class Sidecar:
    """A real sidecar process on its own data dir, and how to reach it."""

    def __init__(self, data_dir: Path, seeded: dict[str, str]) -> None:
        """Prepare (not start) a sidecar on data_dir."""
        with _sockets_for_fixture():
            self.port, self._ha_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = SIDECAR_TOKEN
        self.version = json.loads((REPO / "sidecar/package.json").read_text())[
            "version"
        ]
        self.data_dir = data_dir
        # What seed-journal.ts made, e.g. {"hub": "inc_…"}.
        self.seeded = seeded
        # Its Home Assistant: by default a closed port, as most tests exercise
        # the integration's side of the HTTP API, not the sidecar's HA link.
        self.ha_url = f"http://127.0.0.1:{self._ha_port}"
        self.ha_token = "unused"
        # More settings for this sidecar (e.g. a policy file), set before start().
        self.extra_env: dict[str, str] = {}
        self._proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start the process and wait until /api/health answers."""
        env = {
            **os.environ,
            "HA_URL": self.ha_url,
            "HA_TOKEN": self.ha_token,
            "LLM_OPS_PORT": str(self.port),
            "LLM_OPS_HOST": "127.0.0.1",
            "LLM_OPS_API_TOKEN": self.token,
            "DATA_DIR": str(self.data_dir),
            **self.extra_env,
        }
        log_file = self.data_dir / "sidecar.log"
        with log_file.open("a") as log:
            self._proc = subprocess.Popen(
                [*NODE, "sidecar/src/cli.ts", "run"],
                cwd=REPO,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        with _sockets_for_fixture():
            while True:
                try:
                    with urllib.request.urlopen(  # noqa: S310
                        f"{self.url}/api/health", timeout=2
                    ):
                        return
                except OSError:
                    if self._proc.poll() is not None or time.monotonic() > deadline:
                        self.stop()
                        raise RuntimeError(
                            "the sidecar did not start: " + log_file.read_text()[-2000:]
                        ) from None
                    time.sleep(0.1)

    def stop(self) -> None:
        """Stop the process (the data dir stays for a restart)."""
        if self._proc is None:
            return
        self._proc.terminate()
        try:
            self._proc.wait(10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._proc = None


def seed_journal(data_dir: Path, scenario: str) -> dict[str, str]:
    """Fill data_dir through the sidecar's own journal (harness/seed-journal.ts)."""
    out = subprocess.run(
        [*NODE, "tests/harness/seed-journal.ts", str(data_dir), scenario],
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=60,
    )
    return json.loads(out.stdout)


class SidecarFactory:
    """Starts seeded sidecars and stops them all at the end of the session."""

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        """Start with none."""
        self._tmp = tmp_path_factory
        self._started: list[Sidecar] = []

    def __call__(self, scenario: str = "empty", *, start: bool = True) -> Sidecar:
        """Seed a fresh data dir with scenario and start a sidecar on it."""
        data_dir = self._tmp.mktemp(f"sidecar-{scenario}")
        sidecar = Sidecar(data_dir, seed_journal(data_dir, scenario))
        self._started.append(sidecar)
        if start:
            sidecar.start()
        return sidecar

    def stop_all(self) -> None:
        """Stop every sidecar this factory started."""
        for sidecar in self._started:
            sidecar.stop()


@pytest.fixture(scope="session")
def sidecar_factory(
    tmp_path_factory: pytest.TempPathFactory,
) -> Generator[SidecarFactory]:
    """Start real sidecars (Node) on seeded journals, stopped after the session."""
    factory = SidecarFactory(tmp_path_factory)
    yield factory
    factory.stop_all()


@pytest.fixture(scope="session")
def sidecar(sidecar_factory: SidecarFactory) -> Sidecar:
    """Return a real sidecar without incidents, shared by the session (read-only)."""
    return sidecar_factory("empty")


@pytest.fixture
def seeded(sidecar_factory: SidecarFactory) -> Generator[Sidecar]:
    """Return a fresh real sidecar with the `incidents` scenario, for one test."""
    sidecar = sidecar_factory("incidents")
    yield sidecar
    sidecar.stop()


@pytest.fixture
def proposed(sidecar_factory: SidecarFactory) -> Generator[Sidecar]:
    """Return a fresh sidecar whose hub and critical incidents have proposals."""
    sidecar = sidecar_factory("proposals")
    yield sidecar
    sidecar.stop()


@pytest.fixture
def closed_url() -> str:
    """Return an address where nothing listens."""
    return f"http://127.0.0.1:{free_port()}"


async def setup_entry(
    hass: HomeAssistant, sidecar: Sidecar, options: dict[str, Any] | None = None
) -> MockConfigEntry:
    """Set up an LLM Ops entry for the sidecar and wait until it is loaded."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="LLM Ops",
        data={CONF_URL: sidecar.url, CONF_TOKEN: sidecar.token},
        options=options or {},
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert entry.state is ConfigEntryState.LOADED
    return entry


async def sidecar_api(
    hass: HomeAssistant,
    sidecar: Sidecar,
    method: str,
    path: str,
    body: dict[str, Any] | None = None,
) -> Any:
    """Call the sidecar directly, as its other clients (panel, CLI) do."""
    async with async_get_clientsession(hass).request(
        method,
        f"{sidecar.url}{path}",
        json=body,
        headers={"Authorization": f"Bearer {sidecar.token}"},
    ) as resp:
        return resp.status, await resp.json()


async def sidecar_event(
    hass: HomeAssistant, event_type: str, data: dict[str, Any]
) -> None:
    """Fire an event on HA's bus as the sidecar does, and let the refresh finish."""
    hass.bus.async_fire(event_type, data)
    await hass.async_block_till_done(wait_background_tasks=True)


def incident_event(incident_id: str, change: str, **extra: Any) -> dict[str, Any]:
    """Return an llm_ops_incident payload (contracts/src/events.ts)."""
    return {
        "incident_id": incident_id,
        "change": change,
        "status": "open" if change in ("opened", "updated") else change,
        "integration": "recorder",
        "category": "database",
        "severity": "critical",
        "title": "The recorder database is malformed",
        "occurrences": 1,
        "remedy": None,
        "confidence": None,
    } | extra
