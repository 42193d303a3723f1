"""Tests of the fix flow: fixable issues, approving, a false alarm, the live run."""

from __future__ import annotations

import asyncio
from collections.abc import Generator
from typing import Any

import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockModule,
    mock_config_flow,
    mock_integration,
    mock_platform,
)

from custom_components.llm_ops.const import DOMAIN
from homeassistant.components.repairs import repairs_flow_manager
from homeassistant.config_entries import ConfigEntry, ConfigEntryState, ConfigFlow
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component

from .conftest import Sidecar, SidecarFactory, setup_entry, sidecar_api

HUB_ENTRY = "01JDX4Z8M2Q7R5T9V3W6Y8A1B2"  # tests/harness/seed-journal.ts
AWAITING = "sensor.llm_ops_incidents_awaiting_approval"


async def _fix_flow(
    hass: HomeAssistant, incident_id: str, choose: str = "confirm"
) -> dict[str, Any]:
    """Start the issue's fix flow; from its menu, take `choose`."""
    assert await async_setup_component(hass, "repairs", {})
    manager = repairs_flow_manager(hass)
    assert manager is not None
    result = await manager.async_init(
        DOMAIN, data={"issue_id": f"incident_{incident_id}"}
    )
    if result["type"] is FlowResultType.MENU:
        assert result["menu_options"] == ["confirm", "false_alarm"]
        result = await manager.async_configure(
            result["flow_id"], {"next_step_id": choose}
        )
    return result


async def test_proposals_make_issues_fixable(
    hass: HomeAssistant, proposed: Sidecar
) -> None:
    """An incident with a pending proposal is a fixable issue carrying its id."""
    await setup_entry(hass, proposed)
    assert hass.states.get(AWAITING).state == "2"
    issue = ir.async_get(hass).async_get_issue(
        DOMAIN, f"incident_{proposed.seeded['hub']}"
    )
    assert issue.is_fixable is True
    assert issue.translation_key == "incident_fixable"
    assert issue.data == {
        "incident_id": proposed.seeded["hub"],
        "proposal_id": "prp_hub",
    }


async def test_fix_flow_shows_the_action_and_approves(
    hass: HomeAssistant, proposed: Sidecar
) -> None:
    """The fix flow shows the action, approves it and waits for how it ended."""
    await setup_entry(hass, proposed)
    result = await _fix_flow(hass, proposed.seeded["hub"])
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "confirm"
    placeholders = result["description_placeholders"]
    # Shown through markdown: escaped, it reads "… (fault_lab)." as typed.
    assert placeholders["action"] == "Reload the config entry Fault Lab (fault\\_lab)."
    assert placeholders["risk"] == "low"
    assert placeholders["backup"] == "-"
    assert placeholders["verification"] == "\n- Fault Lab is loaded within 60 s"
    # How the reload went for fault_lab here, as the proposal carries it.
    assert placeholders["track_record"] == (
        "\n\nReload the integration entry fixed fault\\_lab 1 of 2 times here."
    )
    assert placeholders["remedy"] == "Reload the integration"  # from the issue

    # The test sidecar has no Home Assistant to act on: it refuses to start
    # the action (503), and the flow says so.
    result = await repairs_flow_manager(hass).async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "request_failed"
    assert "not connected" in result["description_placeholders"]["error"]
    _, detail = await sidecar_api(hass, proposed, "GET", "/api/actions/prp_hub")
    assert detail["proposal"]["status"] == "proposed"


async def test_fix_flow_marks_not_a_problem(
    hass: HomeAssistant, proposed: Sidecar, hass_admin_user
) -> None:
    """Instead of approving, the fix flow closes the incident as a false alarm."""
    await setup_entry(hass, proposed)
    hub = proposed.seeded["hub"]
    assert await async_setup_component(hass, "repairs", {})
    manager = repairs_flow_manager(hass)
    result = await manager.async_init(
        DOMAIN,
        data={"issue_id": f"incident_{hub}"},
        context={"user_id": hass_admin_user.id},
    )
    assert result["type"] is FlowResultType.MENU
    assert result["description_placeholders"]["remedy"] == "Reload the integration"
    result = await manager.async_configure(
        result["flow_id"], {"next_step_id": "false_alarm"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "false_alarm"
    result = await manager.async_configure(
        result["flow_id"], {"reason": "The hub reboots every night"}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    _, detail = await sidecar_api(hass, proposed, "GET", f"/api/incidents/{hub}")
    assert detail["incident"]["status"] == "dismissed"
    assert detail["incident"]["outcome"]["outcome"] == "false_alarm"
    assert detail["incident"]["outcome"]["decided_by"] == hass_admin_user.name
    _, quiet = await sidecar_api(hass, proposed, "GET", "/api/suppressions")
    assert [(q["incident_id"], q["reason"]) for q in quiet["items"]] == [
        (hub, "The hub reboots every night")
    ]
    # The proposal was not approved.
    _, proposal = await sidecar_api(hass, proposed, "GET", "/api/actions/prp_hub")
    assert proposal["proposal"]["status"] != "approved"
    await hass.async_block_till_done(wait_background_tasks=True)


async def test_fix_flow_for_a_decided_proposal(
    hass: HomeAssistant, proposed: Sidecar
) -> None:
    """A proposal decided elsewhere meanwhile cannot be approved again."""
    await setup_entry(hass, proposed)
    await sidecar_api(hass, proposed, "POST", "/api/actions/prp_critical/reject", {})
    result = await _fix_flow(hass, proposed.seeded["critical"])
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "not_pending"
    assert result["description_placeholders"] == {"status": "rejected"}


async def test_fix_flow_with_the_sidecar_down(
    hass: HomeAssistant, proposed: Sidecar
) -> None:
    """A sidecar that does not answer ends the flow with the reason."""
    await setup_entry(hass, proposed)
    await hass.async_add_executor_job(proposed.stop)
    result = await _fix_flow(hass, proposed.seeded["hub"])
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "request_failed"
    # As typed in the dialog: the address is shown, not turned into a link.
    shown = proposed.url.replace("://", "\\://")
    assert shown in result["description_placeholders"]["error"]


class HubFlow(ConfigFlow):
    """The config flow of the stand-in hub integration (never started here)."""

    VERSION = 1


@pytest.fixture
def hub_integration(hass: HomeAssistant) -> Generator[asyncio.Event]:
    """Provide a hub integration whose entry is stuck in setup retry until reloaded."""
    loaded = asyncio.Event()

    async def setup_hub(hass: HomeAssistant, entry: ConfigEntry) -> None:
        loaded.set()

    mock_integration(hass, MockModule("fault_lab", async_setup_entry=setup_hub))
    mock_platform(hass, "fault_lab.config_flow", None)
    MockConfigEntry(
        domain="fault_lab",
        entry_id=HUB_ENTRY,
        title="Fault Lab",
        state=ConfigEntryState.SETUP_RETRY,
    ).add_to_hass(hass)
    with mock_config_flow("fault_lab", HubFlow):
        yield loaded


async def test_fix_flow_runs_the_action_with_the_sidecar_watching_hass(
    hass: HomeAssistant,
    sidecar_factory: SidecarFactory,
    hass_client,
    hass_access_token: str,
    hub_integration: asyncio.Event,
) -> None:
    """With the sidecar connected to this HA, approving runs the fix to its outcome.

    The sidecar watches this test HA over its real WebSocket API, where a hub
    integration's entry is stuck in setup retry. Approving in the fix flow makes
    the sidecar back up, reload the entry and verify it; the flow shows progress,
    then the outcome.
    """
    # What the sidecar reads of a real HA (the dev HA's configuration has them).
    for component in (
        "homeassistant",
        "config",
        "system_log",
        "logger",
        "backup",
        "automation",
    ):
        assert await async_setup_component(hass, component, {})
    # Every route exists before the HTTP server starts (platforms register late).
    assert await async_setup_component(hass, DOMAIN, {})
    await hass.async_block_till_done()
    client = await hass_client()
    sidecar = sidecar_factory("proposals", start=False)
    sidecar.ha_url = str(client.make_url("")).rstrip("/")
    sidecar.ha_token = hass_access_token
    await hass.async_add_executor_job(sidecar.start)
    try:
        await _until_connected(hass, sidecar)
        await setup_entry(hass, sidecar)
        result = await _fix_flow(hass, sidecar.seeded["hub"])
        assert result["step_id"] == "confirm"
        manager = repairs_flow_manager(hass)
        result = await manager.async_configure(result["flow_id"], {})
        assert result["type"] is FlowResultType.SHOW_PROGRESS
        assert result["progress_action"] == "executing"
        async with asyncio.timeout(120):
            while result["type"] is FlowResultType.SHOW_PROGRESS:
                await asyncio.sleep(0.5)
                result = await manager.async_configure(result["flow_id"])
        # Backed up, reloaded and verified by the sidecar, in this HA.
        assert hub_integration.is_set(), _story(result, sidecar)
        assert result["type"] is FlowResultType.FORM
        assert result["step_id"] == "outcome"
        placeholders = result["description_placeholders"]
        assert placeholders["checks"] == (
            "\n- Fault Lab is loaded within 60 s: state loaded"
            "\n- The entities the incident saw unavailable are available again:"
            " no entities were affected"
        )
        assert placeholders["backup"] != "-"
        result = await manager.async_configure(result["flow_id"], {})
        assert result["type"] is FlowResultType.CREATE_ENTRY
        _, detail = await sidecar_api(hass, sidecar, "GET", "/api/actions/prp_hub")
        assert detail["proposal"]["status"] == "succeeded"
        assert detail["result"]["backup_id"] == placeholders["backup"]
    finally:
        await hass.async_add_executor_job(sidecar.stop)


def _story(result: Any, sidecar: Sidecar) -> str:
    """Tell where the flow ended and what the sidecar logged, for a failed run."""
    log = (sidecar.data_dir / "sidecar.log").read_text(errors="replace")
    return f"the flow ended with {result}; the sidecar's log ends:\n{log[-3000:]}"


async def _until_connected(hass: HomeAssistant, sidecar: Sidecar) -> None:
    async with asyncio.timeout(30):
        while True:
            _, health = await sidecar_api(hass, sidecar, "GET", "/api/health")
            if health["ha"]["connected"]:
                return
            await asyncio.sleep(0.2)
