"""Tests of the Repairs issues raised for the sidecar's incidents."""

from __future__ import annotations

from custom_components.llm_ops.const import CONF_REPAIR_SEVERITY, DOMAIN, EVENT_INCIDENT
from homeassistant.components.repairs import repairs_flow_manager
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component

from .conftest import (
    Sidecar,
    SidecarFactory,
    incident_event,
    setup_entry,
    sidecar_api,
    sidecar_event,
)


def _mine(hass: HomeAssistant) -> dict[str, ir.IssueEntry]:
    return {
        issue_id: issue
        for (domain, issue_id), issue in ir.async_get(hass).issues.items()
        if domain == DOMAIN and issue.active
    }


async def test_open_incidents_at_error_and_above_are_issues(
    hass: HomeAssistant, seeded: Sidecar
) -> None:
    """By default error and critical incidents are issues, filed for their domain."""
    await setup_entry(hass, seeded)
    ids = seeded.seeded
    issues = _mine(hass)
    assert set(issues) == {f"incident_{ids['hub']}", f"incident_{ids['critical']}"}

    hub = issues[f"incident_{ids['hub']}"]
    assert hub.issue_domain == "fault_lab"
    assert hub.severity is ir.IssueSeverity.ERROR
    # No proposal for it yet: its fix flow only offers "not a problem".
    assert hub.is_fixable is True
    assert hub.translation_key == "incident"
    assert hub.data == {"incident_id": ids["hub"]}
    assert hub.translation_placeholders == {
        "title": "Fault Lab is stuck in setup retry",
        "integration": "fault_lab",
        "root_cause": (
            "The hub at \\[IP\\_1\\] does not answer (timeout), so the integration "
            "raises ConfigEntryNotReady."
        ),
        "remedy": "Reload the integration",
        "steps": (
            "\n- Check that the hub is powered and on the network.\n- Then reload it."
        ),
    }

    # Not analyzed yet: the observation stands in for the root cause.
    critical = issues[f"incident_{ids['critical']}"]
    assert critical.severity is ir.IssueSeverity.CRITICAL
    assert critical.issue_domain == "recorder"
    assert critical.translation_placeholders["root_cause"] == (
        "The recorder database is malformed"
    )
    assert critical.translation_placeholders["remedy"] == "Analysis pending"


async def test_not_a_problem_without_a_proposal(
    hass: HomeAssistant, seeded: Sidecar
) -> None:
    """An issue with nothing to approve goes straight to "not a problem"."""
    await setup_entry(hass, seeded)
    hub = seeded.seeded["hub"]
    assert await async_setup_component(hass, "repairs", {})
    manager = repairs_flow_manager(hass)
    result = await manager.async_init(DOMAIN, data={"issue_id": f"incident_{hub}"})
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "false_alarm"
    assert result["description_placeholders"]["integration"] == "fault_lab"
    result = await manager.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    _, detail = await sidecar_api(hass, seeded, "GET", f"/api/incidents/{hub}")
    assert detail["incident"]["outcome"]["outcome"] == "false_alarm"
    # The incident closed: its issue goes at the next refresh.
    await sidecar_event(hass, EVENT_INCIDENT, incident_event(hub, "dismissed"))
    assert f"incident_{hub}" not in _mine(hass)


async def test_not_a_problem_with_the_sidecar_down(
    hass: HomeAssistant, seeded: Sidecar
) -> None:
    """A sidecar that stopped answering ends the flow with the reason."""
    await setup_entry(hass, seeded)
    assert await async_setup_component(hass, "repairs", {})
    manager = repairs_flow_manager(hass)
    result = await manager.async_init(
        DOMAIN, data={"issue_id": f"incident_{seeded.seeded['hub']}"}
    )
    await hass.async_add_executor_job(seeded.stop)
    result = await manager.async_configure(result["flow_id"], {"reason": "nightly"})
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "request_failed"


async def test_threshold_follows_the_options(
    hass: HomeAssistant, seeded: Sidecar
) -> None:
    """The configured severity decides which incidents become issues."""
    await setup_entry(hass, seeded, {CONF_REPAIR_SEVERITY: "warning"})
    ids = seeded.seeded
    issues = _mine(hass)
    assert set(issues) == {
        f"incident_{ids[name]}" for name in ("hub", "critical", "warning")
    }
    assert issues[f"incident_{ids['warning']}"].severity is ir.IssueSeverity.WARNING


async def test_only_critical(hass: HomeAssistant, seeded: Sidecar) -> None:
    """A critical threshold leaves the error incident out."""
    await setup_entry(hass, seeded, {CONF_REPAIR_SEVERITY: "critical"})
    assert set(_mine(hass)) == {f"incident_{seeded.seeded['critical']}"}


async def test_issue_goes_when_the_incident_closes(
    hass: HomeAssistant, seeded: Sidecar
) -> None:
    """A dismissed (or resolved) incident takes its issue with it."""
    await setup_entry(hass, seeded)
    critical = seeded.seeded["critical"]
    await sidecar_api(hass, seeded, "POST", f"/api/incidents/{critical}/dismiss", {})
    await sidecar_event(hass, EVENT_INCIDENT, incident_event(critical, "dismissed"))
    assert set(_mine(hass)) == {f"incident_{seeded.seeded['hub']}"}


async def test_ignoring_an_issue_dismisses_similar_failures(
    hass: HomeAssistant, seeded: Sidecar, hass_ws_client
) -> None:
    """Ignore in Repairs becomes a sticky "ignore similar" dismissal in the sidecar."""
    await async_setup_component(hass, "repairs", {})
    await setup_entry(hass, seeded)
    critical = seeded.seeded["critical"]
    client = await hass_ws_client(hass)
    await client.send_json_auto_id(
        {
            "type": "repairs/ignore_issue",
            "domain": DOMAIN,
            "issue_id": f"incident_{critical}",
            "ignore": True,
        }
    )
    assert (await client.receive_json())["success"]
    await hass.async_block_till_done(wait_background_tasks=True)

    status, detail = await sidecar_api(
        hass, seeded, "GET", f"/api/incidents/{critical}"
    )
    assert status == 200
    assert detail["incident"]["status"] == "dismissed"
    assert detail["incident"]["resolution"] == "dismissed; similar failures are ignored"
    # The dismissal refreshed: the incident and its issue are gone.
    assert f"incident_{critical}" not in _mine(hass)
    assert hass.states.get("sensor.llm_ops_open_incidents").state == "2"


async def test_ignore_reaching_no_sidecar_is_logged(
    hass: HomeAssistant, seeded: Sidecar, caplog
) -> None:
    """When the sidecar cannot be told, the issue stays ignored and a warning says."""
    await setup_entry(hass, seeded)
    hub = seeded.seeded["hub"]
    await hass.async_add_executor_job(seeded.stop)
    ir.async_ignore_issue(hass, DOMAIN, f"incident_{hub}", True)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert f"Could not tell the sidecar that incident {hub} was ignored" in caplog.text
    # Ignoring it again (or any other update) does not ask twice.
    caplog.clear()
    ir.async_ignore_issue(hass, DOMAIN, f"incident_{hub}", True)
    ir.async_ignore_issue(hass, DOMAIN, f"incident_{hub}", False)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert "Could not tell" not in caplog.text


async def test_unload_withdraws_the_issues(
    hass: HomeAssistant, seeded: Sidecar
) -> None:
    """Unloading the entry removes its incident issues; a reload brings them back."""
    entry = await setup_entry(hass, seeded)
    assert len(_mine(hass)) == 2
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert len(_mine(hass)) == 2
    assert await hass.config_entries.async_unload(entry.entry_id)
    assert _mine(hass) == {}


async def test_no_second_issue_for_one_ha_raised(
    hass: HomeAssistant, sidecar_factory: SidecarFactory
) -> None:
    """An incident that mirrors HA's own Repairs issue is linked, not raised again."""
    sidecar = sidecar_factory("ha_repair")
    status, page = await sidecar_api(hass, sidecar, "GET", "/api/incidents")
    assert status == 200
    incident = next(i for i in page["items"] if i["id"] == sidecar.seeded["ha_repair"])
    assert incident["severity"] == "error"
    assert incident["ha_issue"] == {
        "domain": "homeassistant",
        "issue_id": "integration_setup_failed_fault_lab",
    }
    await setup_entry(hass, sidecar)
    assert _mine(hass) == {}
