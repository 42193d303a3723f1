"""Tests of the entities and the coordinator behind them, against a real sidecar."""

from __future__ import annotations

from datetime import timedelta

from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.llm_ops.const import (
    DOMAIN,
    EVENT_ACTION,
    EVENT_INCIDENT,
    ISSUE_SIDECAR_UNREACHABLE,
    SCAN_INTERVAL,
)
from custom_components.llm_ops.sensor import LlmOpsSensorEntity
from homeassistant.config_entries import SOURCE_REAUTH
from homeassistant.const import STATE_OFF, STATE_ON, STATE_UNAVAILABLE
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import (
    device_registry as dr,
    entity_registry as er,
    issue_registry as ir,
)
from homeassistant.util import dt as dt_util

from .conftest import (
    Sidecar,
    SidecarFactory,
    incident_event,
    setup_entry,
    sidecar_api,
    sidecar_event,
)

OPEN = "sensor.llm_ops_open_incidents"
AWAITING = "sensor.llm_ops_incidents_awaiting_approval"
LAST = "sensor.llm_ops_last_incident"
RATE = "sensor.llm_ops_false_alarm_rate"
LLM_CALLS_LEFT = "sensor.llm_ops_llm_calls_left_this_hour"
CONNECTIVITY = "binary_sensor.llm_ops_sidecar"
MODE = "select.llm_ops_mode"
MAINTENANCE = "select.llm_ops_maintenance"
MAINTENANCE_UNTIL = "sensor.llm_ops_maintenance_until"


async def _refresh(hass: HomeAssistant) -> None:
    """Let the periodic refresh run."""
    async_fire_time_changed(
        hass, dt_util.utcnow() + SCAN_INTERVAL + timedelta(seconds=1)
    )
    await hass.async_block_till_done(wait_background_tasks=True)


async def test_entities_show_the_sidecars_incidents(
    hass: HomeAssistant, seeded: Sidecar
) -> None:
    """Open incidents, awaiting approval and the last incident come from the journal."""
    entry = await setup_entry(hass, seeded)

    # warning, critical and the hub are open; resolved and dismissed are not.
    assert hass.states.get(OPEN).state == "3"
    assert hass.states.get(AWAITING).state == "0"
    last = hass.states.get(LAST)
    assert last.state == "Fault Lab is stuck in setup retry"
    assert last.attributes["incident_id"] == seeded.seeded["hub"]
    assert last.attributes["integration"] == "fault_lab"
    assert last.attributes["category"] == "setup_retry"
    assert last.attributes["severity"] == "error"
    assert last.attributes["remedy"] == "reload_config_entry"
    assert last.attributes["status"] == "open"
    assert last.attributes["confidence"] == 0.8
    # Repeats change these all the time: history keeps only the small ones.
    assert {"occurrences", "last_seen", "confidence"} <= (
        LlmOpsSensorEntity._unrecorded_attributes
    )
    assert hass.states.get(CONNECTIVITY).state == STATE_ON

    # One service device carries them all, with the sidecar's version.
    device = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, entry.entry_id), entry.entry_id
    )
    assert device.entry_type is dr.DeviceEntryType.SERVICE
    assert device.sw_version == seeded.version
    entities = er.async_entries_for_device(er.async_get(hass), device.id)
    assert {e.entity_id for e in entities} == {
        OPEN,
        AWAITING,
        LAST,
        RATE,
        LLM_CALLS_LEFT,
        CONNECTIVITY,
        MODE,
        MAINTENANCE,
        MAINTENANCE_UNTIL,
    }
    assert all(e.unique_id.startswith(entry.entry_id) for e in entities)


async def test_event_pushes_a_refresh(hass: HomeAssistant, seeded: Sidecar) -> None:
    """An llm_ops_incident event from the sidecar refreshes at once."""
    await setup_entry(hass, seeded)
    critical = seeded.seeded["critical"]
    # Another client dismisses it; the sidecar then announces it on HA's bus.
    status, _ = await sidecar_api(
        hass, seeded, "POST", f"/api/incidents/{critical}/dismiss", {}
    )
    assert status == 200
    assert hass.states.get(OPEN).state == "3"
    await sidecar_event(hass, EVENT_INCIDENT, incident_event(critical, "dismissed"))
    assert hass.states.get(OPEN).state == "2"

    # Action events refresh too (their proposals leave the pending list).
    await sidecar_api(
        hass, seeded, "POST", f"/api/incidents/{seeded.seeded['hub']}/dismiss", {}
    )
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=5))
    await sidecar_event(
        hass,
        EVENT_ACTION,
        {
            "proposal_id": "prp_1",
            "incident_id": seeded.seeded["hub"],
            "action_id": "reload_config_entry",
            "status": "succeeded",
            "backup_id": None,
        },
    )
    assert hass.states.get(OPEN).state == "1"


async def test_false_alarm_rate(
    hass: HomeAssistant, seeded: Sidecar, hass_admin_user
) -> None:
    """The share of closed incidents that were false alarms, per signature too."""
    await setup_entry(hass, seeded)
    # The seeded journal closed two: one resolved itself, one was dismissed.
    rate = hass.states.get(RATE)
    assert float(rate.state) == 0
    assert rate.attributes["unit_of_measurement"] == "%"
    assert rate.attributes["closed"] == 2
    assert rate.attributes["false_alarms"] == 0
    assert rate.attributes["by_outcome"]["resolved_itself"] == 1
    assert rate.attributes["by_outcome"]["ignored"] == 1

    hub = seeded.seeded["hub"]
    await hass.services.async_call(
        DOMAIN,
        "mark_false_alarm",
        {"incident_id": hub},
        blocking=True,
        context=Context(user_id=hass_admin_user.id),
    )
    await hass.async_block_till_done(wait_background_tasks=True)
    rate = hass.states.get(RATE)
    assert float(rate.state) == 33.3
    assert rate.attributes["false_alarms"] == 1
    _, detail = await sidecar_api(hass, seeded, "GET", f"/api/incidents/{hub}")
    signature = detail["analysis"]["signature"]
    assert signature is not None
    assert rate.attributes["by_signature"][0] == {
        "signature": signature,
        "closed": 1,
        "false_alarms": 1,
        "false_alarm_rate": 1,
    }
    # The breakdowns change with every close: history keeps only the rate.
    assert {"by_outcome", "by_signature"} <= LlmOpsSensorEntity._unrecorded_attributes


async def test_empty_sidecar(hass: HomeAssistant, sidecar: Sidecar) -> None:
    """Without incidents the counts are zero and the last incident is unknown."""
    await setup_entry(hass, sidecar)
    assert hass.states.get(OPEN).state == "0"
    assert hass.states.get(LAST).state == "unknown"
    # Nothing has closed: there is no rate yet.
    assert hass.states.get(RATE).state == "unknown"
    assert "incident_id" not in hass.states.get(LAST).attributes
    # No LLM is configured: there are no calls to count.
    calls_left = hass.states.get(LLM_CALLS_LEFT)
    assert calls_left.state == "unknown"
    assert "calls_per_hour" not in calls_left.attributes


async def test_llm_calls_left_and_the_monthly_cap(
    hass: HomeAssistant, sidecar_factory: SidecarFactory
) -> None:
    """The LLM's budget: calls left this hour, and the cost cap that pauses it."""
    # Two model calls of 0.004 each were journaled a minute ago.
    sidecar = sidecar_factory("llm_calls", start=False)
    sidecar.extra_env = {
        "LLM_OPS_LLM_BACKEND": "openai",
        "LLM_OPS_LLM_BASE_URL": "http://127.0.0.1:9/v1",
        "LLM_OPS_LLM_MODEL": "gpt-test",
        "LLM_OPS_LLM_CALLS_PER_HOUR": "5",
        "LLM_OPS_LLM_MONTHLY_COST_CAP": "0.005",
    }
    await hass.async_add_executor_job(sidecar.start)
    try:
        await setup_entry(hass, sidecar)
        calls_left = hass.states.get(LLM_CALLS_LEFT)
        assert calls_left.state == "3"
        assert calls_left.attributes["unit_of_measurement"] == "calls"
        assert calls_left.attributes["calls_per_hour"] == 5
        assert calls_left.attributes["cost_this_month"] == 0.008
        assert calls_left.attributes["monthly_cost_cap"] == 0.005
        # The month's cost is over the cap: the model is not asked.
        assert calls_left.attributes["paused"] == "monthly_cost_cap"
        assert calls_left.attributes["month_resets_at"]
        # The cost climbs with every call: history keeps the count only.
        assert "cost_this_month" in LlmOpsSensorEntity._unrecorded_attributes
    finally:
        await hass.async_add_executor_job(sidecar.stop)


async def test_unreachable_sidecar_and_recovery(
    hass: HomeAssistant, seeded: Sidecar
) -> None:
    """Down: unavailable entities, connectivity off, a Repairs issue; back: all gone."""
    await setup_entry(hass, seeded)
    issues = ir.async_get(hass)

    await hass.async_add_executor_job(seeded.stop)
    await _refresh(hass)
    assert hass.states.get(OPEN).state == STATE_UNAVAILABLE
    assert hass.states.get(LAST).state == STATE_UNAVAILABLE
    assert hass.states.get(CONNECTIVITY).state == STATE_OFF
    issue = issues.async_get_issue(DOMAIN, ISSUE_SIDECAR_UNREACHABLE)
    assert issue is not None
    assert issue.severity is ir.IssueSeverity.ERROR
    assert issue.translation_placeholders == {"url": seeded.url}
    # The incidents' issues stay: unknown is not resolved.
    assert issues.async_get_issue(DOMAIN, f"incident_{seeded.seeded['hub']}")

    await hass.async_add_executor_job(seeded.start)
    await _refresh(hass)
    assert hass.states.get(OPEN).state == "3"
    assert hass.states.get(CONNECTIVITY).state == STATE_ON
    assert issues.async_get_issue(DOMAIN, ISSUE_SIDECAR_UNREACHABLE) is None


async def test_rejected_token_during_refresh_starts_reauth(
    hass: HomeAssistant, seeded: Sidecar
) -> None:
    """A sidecar that stops accepting the token asks the user for a new one."""
    await setup_entry(hass, seeded)
    await hass.async_add_executor_job(seeded.stop)
    seeded.token = "a-new-token-after-reinstall-0123"
    await hass.async_add_executor_job(seeded.start)
    await _refresh(hass)
    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [f["context"]["source"] for f in flows] == [SOURCE_REAUTH]
