"""Tests of deciding proposals outside the fix flow: services, WebSocket, reanalyze."""

from __future__ import annotations

import pytest

from custom_components.llm_ops.const import DOMAIN, EVENT_ACTION
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import issue_registry as ir

from .conftest import Sidecar, setup_entry, sidecar_api, sidecar_event


async def test_reject_and_approve_twice(
    hass: HomeAssistant, proposed: Sidecar, hass_admin_user
) -> None:
    """Reject closes a proposal; deciding it again is a validation error."""
    await setup_entry(hass, proposed)
    await hass.services.async_call(
        DOMAIN,
        "reject",
        {"proposal_id": "prp_critical", "reason": "not now"},
        blocking=True,
    )
    _, detail = await sidecar_api(hass, proposed, "GET", "/api/actions/prp_critical")
    assert detail["proposal"]["status"] == "rejected"
    await sidecar_event(
        hass,
        EVENT_ACTION,
        {
            "proposal_id": "prp_critical",
            "incident_id": proposed.seeded["critical"],
            "action_id": "restart_core",
            "status": "rejected",
            "backup_id": None,
        },
    )
    issue = ir.async_get(hass).async_get_issue(
        DOMAIN, f"incident_{proposed.seeded['critical']}"
    )
    # Nothing to approve any more; "not a problem" stays.
    assert issue.translation_key == "incident"
    assert issue.is_fixable is True

    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN, "approve", {"proposal_id": "prp_critical"}, blocking=True
        )
    assert err.value.translation_key == "not_pending"


async def test_websocket_detail_lists_the_proposal(
    hass: HomeAssistant, proposed: Sidecar, hass_ws_client
) -> None:
    """llm_ops/incident and llm_ops/proposals show the pending proposals."""
    await setup_entry(hass, proposed)
    client = await hass_ws_client(hass)
    await client.send_json_auto_id(
        {"type": "llm_ops/incident", "incident_id": proposed.seeded["hub"]}
    )
    detail = (await client.receive_json())["result"]
    assert [p["id"] for p in detail["proposals"]] == ["prp_hub"]
    await client.send_json_auto_id({"type": "llm_ops/proposals"})
    pending = (await client.receive_json())["result"]["proposals"]
    assert {p["id"] for p in pending} == {"prp_hub", "prp_critical"}

    await client.send_json_auto_id(
        {"type": "llm_ops/reject", "proposal_id": "prp_critical", "reason": "no"}
    )
    rejected = await client.receive_json()
    assert rejected["result"]["proposal"]["status"] == "rejected"
    await hass.async_block_till_done(wait_background_tasks=True)


async def test_websocket_proposal_detail_and_status(
    hass: HomeAssistant, proposed: Sidecar, hass_ws_client
) -> None:
    """llm_ops/proposal shows one proposal; llm_ops/status the mode and link."""
    await setup_entry(hass, proposed)
    client = await hass_ws_client(hass)
    await client.send_json_auto_id(
        {"type": "llm_ops/proposal", "proposal_id": "prp_hub"}
    )
    detail = (await client.receive_json())["result"]
    assert detail["proposal"]["id"] == "prp_hub"
    assert detail["proposal"]["status"] == "proposed"
    assert detail["execution"] is None

    await client.send_json_auto_id(
        {"type": "llm_ops/proposal", "proposal_id": "prp_nope"}
    )
    missing = await client.receive_json()
    assert not missing["success"]
    assert missing["error"]["translation_key"] == "proposal_not_found"

    await client.send_json_auto_id({"type": "llm_ops/status"})
    status = (await client.receive_json())["result"]
    assert status["connected"] is True
    assert status["mode"] == "approve"
    assert status["counts"]["awaiting_approval"] >= 1


async def test_reanalyze(hass: HomeAssistant, seeded: Sidecar) -> None:
    """Reanalyze asks the sidecar for a fresh analysis of the incident."""
    await setup_entry(hass, seeded)
    await hass.services.async_call(
        DOMAIN, "reanalyze", {"incident_id": seeded.seeded["critical"]}, blocking=True
    )
    await hass.async_block_till_done(wait_background_tasks=True)
    assert hass.states.get("sensor.llm_ops_open_incidents").state == "3"
