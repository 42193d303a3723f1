"""Tests of the WebSocket commands for the panel and the cards."""

from __future__ import annotations

from typing import Any

from custom_components.llm_ops.const import DOMAIN, EVENT_ACTION, EVENT_INCIDENT
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component

from .conftest import Sidecar, SidecarFactory, incident_event, setup_entry, sidecar_api


async def _ws(client: Any, message: dict[str, Any]) -> dict[str, Any]:
    await client.send_json_auto_id(message)
    return await client.receive_json()


async def test_incidents_with_filters(
    hass: HomeAssistant, seeded: Sidecar, hass_ws_client
) -> None:
    """llm_ops/incidents lists what the sidecar has, filtered."""
    await setup_entry(hass, seeded)
    client = await hass_ws_client(hass)
    ids = seeded.seeded

    everything = await _ws(client, {"type": "llm_ops/incidents"})
    assert everything["success"]
    assert everything["result"]["total"] == 5
    assert everything["result"]["items"][0]["id"] == ids["hub"]

    active = await _ws(client, {"type": "llm_ops/incidents", "active": True})
    assert {i["id"] for i in active["result"]["items"]} == {
        ids["hub"],
        ids["critical"],
        ids["warning"],
    }

    filtered = await _ws(
        client,
        {
            "type": "llm_ops/incidents",
            "severity": ["critical", "warning"],
            "status": ["open"],
            "integration": "recorder",
            "category": "other",
            "limit": 10,
            "offset": 0,
        },
    )
    assert [i["id"] for i in filtered["result"]["items"]] == [ids["critical"]]


async def test_refused_filter_is_reported(
    hass: HomeAssistant, seeded: Sidecar, hass_ws_client
) -> None:
    """A filter the sidecar refuses (400) is an error with the sidecar's message."""
    await setup_entry(hass, seeded)
    client = await hass_ws_client(hass)
    result = await _ws(client, {"type": "llm_ops/incidents", "integration": "Not A"})
    assert not result["success"]
    assert result["error"]["translation_key"] == "rejected_request"
    assert "integration domain" in result["error"]["message"]


async def test_incident_detail_with_proposals(
    hass: HomeAssistant, seeded: Sidecar, hass_ws_client
) -> None:
    """llm_ops/incident returns the detail, its analysis and its proposals."""
    await setup_entry(hass, seeded)
    client = await hass_ws_client(hass)
    result = await _ws(
        client, {"type": "llm_ops/incident", "incident_id": seeded.seeded["hub"]}
    )
    assert result["success"]
    detail = result["result"]
    assert detail["incident"]["title"] == "Fault Lab is stuck in setup retry"
    assert detail["analysis"]["remedy"] == "reload_config_entry"
    assert detail["signals"][0]["kind"] == "entry_state"
    assert detail["proposals"] == []

    missing = await _ws(client, {"type": "llm_ops/incident", "incident_id": "inc_x"})
    assert not missing["success"]
    assert missing["error"]["translation_key"] == "incident_not_found"


async def test_upstream_report(
    hass: HomeAssistant, seeded: Sidecar, hass_ws_client
) -> None:
    """llm_ops/upstream_report returns the incident's bug report, ready to copy."""
    await setup_entry(hass, seeded)
    client = await hass_ws_client(hass)
    result = await _ws(
        client, {"type": "llm_ops/upstream_report", "incident_id": seeded.seeded["hub"]}
    )
    assert result["success"], result
    report = result["result"]
    assert report["incident_id"] == seeded.seeded["hub"]
    assert report["title"].endswith("Fault Lab is stuck in setup retry")
    assert "### What version of Home Assistant Core has the issue?" in report["body"]
    assert report["integration"]["domain"] == "fault_lab"

    missing = await _ws(
        client, {"type": "llm_ops/upstream_report", "incident_id": "inc_x"}
    )
    assert not missing["success"]
    assert missing["error"]["translation_key"] == "incident_not_found"


async def test_proposals(hass: HomeAssistant, seeded: Sidecar, hass_ws_client) -> None:
    """llm_ops/proposals lists the pending proposals."""
    await setup_entry(hass, seeded)
    client = await hass_ws_client(hass)
    result = await _ws(client, {"type": "llm_ops/proposals"})
    assert result == {
        "id": result["id"],
        "type": "result",
        "success": True,
        "result": {"proposals": []},
    }


async def test_subscribe_pushes_changes(
    hass: HomeAssistant, sidecar: Sidecar, hass_ws_client, hass_read_only_access_token
) -> None:
    """A non-admin connection gets incident and action changes pushed."""
    await setup_entry(hass, sidecar)
    client = await hass_ws_client(hass, hass_read_only_access_token)
    subscribed = await _ws(client, {"type": "llm_ops/subscribe"})
    assert subscribed["success"]

    hass.bus.async_fire(EVENT_INCIDENT, incident_event("inc_1", "opened"))
    pushed = await client.receive_json()
    assert pushed["id"] == subscribed["id"]
    assert pushed["event"]["kind"] == "incident"
    assert pushed["event"]["data"]["incident_id"] == "inc_1"

    hass.bus.async_fire(EVENT_ACTION, {"proposal_id": "prp_1", "status": "approved"})
    pushed = await client.receive_json()
    assert pushed["event"] == {
        "kind": "action",
        "data": {"proposal_id": "prp_1", "status": "approved"},
    }

    unsubscribed = await _ws(
        client, {"type": "unsubscribe_events", "subscription": subscribed["id"]}
    )
    assert unsubscribed["success"]
    await hass.async_block_till_done(wait_background_tasks=True)


async def test_summaries_are_open_evidence_and_changes_are_admin_only(
    hass: HomeAssistant, seeded: Sidecar, hass_ws_client, hass_read_only_access_token
) -> None:
    """Non-admins see the incident list (for cards), not evidence; they decide nothing.

    Like Home Assistant's own logs and diagnostics, an incident's evidence (log
    text, tracebacks, diagnostics) and a proposal's execution are for admins.
    """
    await setup_entry(hass, seeded)
    client = await hass_ws_client(hass, hass_read_only_access_token)
    assert (await _ws(client, {"type": "llm_ops/incidents"}))["success"]
    assert (await _ws(client, {"type": "llm_ops/proposals"}))["success"]
    for message in (
        {"type": "llm_ops/incident", "incident_id": seeded.seeded["hub"]},
        {"type": "llm_ops/proposal", "proposal_id": "prp_1"},
        {"type": "llm_ops/approve", "proposal_id": "prp_1"},
        {"type": "llm_ops/reject", "proposal_id": "prp_1"},
        {"type": "llm_ops/dismiss", "incident_id": seeded.seeded["hub"]},
        {"type": "llm_ops/mark_false_alarm", "incident_id": seeded.seeded["hub"]},
        {"type": "llm_ops/save_rule", "incident_id": seeded.seeded["resolved"]},
        {"type": "llm_ops/suppressions"},
        {"type": "llm_ops/undo_suppression", "incident_id": seeded.seeded["hub"]},
        {"type": "llm_ops/learned_quiet"},
        {"type": "llm_ops/reset_learned_quiet"},
        {"type": "llm_ops/upstream_report", "incident_id": seeded.seeded["hub"]},
    ):
        result = await _ws(client, message)
        assert result["error"]["code"] == "unauthorized", message
    # The false-alarm rate is open, like its sensor.
    assert (await _ws(client, {"type": "llm_ops/outcomes"}))["success"]


async def test_admin_decisions(
    hass: HomeAssistant, seeded: Sidecar, hass_ws_client
) -> None:
    """Admins dismiss incidents and decide on proposals over the WebSocket."""
    await setup_entry(hass, seeded)
    client = await hass_ws_client(hass)
    critical = seeded.seeded["critical"]
    result = await _ws(
        client,
        {
            "type": "llm_ops/dismiss",
            "incident_id": critical,
            "ignore_similar": True,
            "reason": "known",
        },
    )
    assert result["success"]
    assert result["result"]["incident"]["status"] == "dismissed"
    _, detail = await sidecar_api(hass, seeded, "GET", f"/api/incidents/{critical}")
    assert detail["incident"]["status"] == "dismissed"

    for message in (
        {"type": "llm_ops/approve", "proposal_id": "prp_nope"},
        {"type": "llm_ops/reject", "proposal_id": "prp_nope", "reason": "no"},
    ):
        result = await _ws(client, message)
        assert result["error"]["translation_key"] == "proposal_not_found"
    await hass.async_block_till_done(wait_background_tasks=True)


async def test_false_alarms_listed_and_undone(
    hass: HomeAssistant, seeded: Sidecar, hass_ws_client
) -> None:
    """Admins mark a false alarm, see it listed and in the rate, and undo it."""
    await setup_entry(hass, seeded)
    client = await hass_ws_client(hass)
    hub = seeded.seeded["hub"]
    result = await _ws(
        client,
        {"type": "llm_ops/mark_false_alarm", "incident_id": hub, "reason": "nightly"},
    )
    assert result["result"]["incident"]["outcome"]["outcome"] == "false_alarm"
    listed = (await _ws(client, {"type": "llm_ops/suppressions"}))["result"]["items"]
    assert [(s["incident_id"], s["kind"], s["reason"]) for s in listed] == [
        (hub, "false_alarm", "nightly")
    ]
    await hass.async_block_till_done(wait_background_tasks=True)
    outcomes = (await _ws(client, {"type": "llm_ops/outcomes"}))["result"]
    assert outcomes["false_alarms"] == 1

    undone = await _ws(client, {"type": "llm_ops/undo_suppression", "incident_id": hub})
    assert undone["result"] == {"items": []}
    again = await _ws(client, {"type": "llm_ops/undo_suppression", "incident_id": hub})
    assert again["error"]["translation_key"] == "nothing_kept_quiet"
    await hass.async_block_till_done(wait_background_tasks=True)
    outcomes = (await _ws(client, {"type": "llm_ops/outcomes"}))["result"]
    assert outcomes["false_alarms"] == 0


async def test_save_rule(hass: HomeAssistant, seeded: Sidecar, hass_ws_client) -> None:
    """Admins save a resolved incident as a knowledge rule; refusals come back in words.

    Only a resolved incident teaches a rule: an open one, a taken rule id and an
    unknown incident are each refused, a malformed id never reaches the sidecar.
    """
    await setup_entry(hass, seeded)
    client = await hass_ws_client(hass)
    resolved = seeded.seeded["resolved"]
    saved = await _ws(
        client,
        {
            "type": "llm_ops/save_rule",
            "incident_id": resolved,
            "rule_id": "zwave-retry",
        },
    )
    assert saved["result"]["rule"]["id"] == "zwave-retry"
    assert saved["result"]["rule"]["category"] == "setup_retry"
    assert saved["result"]["rule"]["integration"] == "zwave_js"
    _, knowledge = await sidecar_api(hass, seeded, "GET", "/api/knowledge")
    assert [r["id"] for r in knowledge["rules"]] == ["zwave-retry"]

    again = await _ws(
        client,
        {
            "type": "llm_ops/save_rule",
            "incident_id": resolved,
            "rule_id": "zwave-retry",
        },
    )
    assert again["error"]["translation_key"] == "rejected_request"
    assert "already has a rule with id zwave-retry" in again["error"]["message"]
    open_one = await _ws(
        client, {"type": "llm_ops/save_rule", "incident_id": seeded.seeded["hub"]}
    )
    assert "only a resolved incident can become a rule" in open_one["error"]["message"]
    unknown = await _ws(
        client, {"type": "llm_ops/save_rule", "incident_id": "inc_nope"}
    )
    assert unknown["error"]["translation_key"] == "incident_not_found"
    bad_id = await _ws(
        client,
        {"type": "llm_ops/save_rule", "incident_id": resolved, "rule_id": "Not An Id"},
    )
    assert bad_id["error"]["code"] == "invalid_format"


async def test_commands_without_an_entry(hass: HomeAssistant, hass_ws_client) -> None:
    """Without a loaded entry the commands answer with a translated error."""
    assert await async_setup_component(hass, DOMAIN, {})
    client = await hass_ws_client(hass)
    result = await _ws(client, {"type": "llm_ops/proposals"})
    assert result["error"]["translation_key"] == "not_loaded"


async def test_learned_quiet_listed_and_reset(
    hass: HomeAssistant, sidecar_factory: SidecarFactory, hass_ws_client
) -> None:
    """Admins list what was learned quiet, reset one, and hear of unknown ones."""
    sidecar = sidecar_factory("learned_quiet")
    await setup_entry(hass, sidecar)
    client = await hass_ws_client(hass)
    learned = sidecar.seeded["learned"]
    listed = (await _ws(client, {"type": "llm_ops/learned_quiet"}))["result"]["items"]
    assert [(i["id"], i["title"], i["days"]) for i in listed] == [
        (learned, "2 entities of Aquarium plug are unavailable", 3)
    ]
    assert len(listed[0]["windows"]) == 1

    reset = await _ws(
        client, {"type": "llm_ops/reset_learned_quiet", "learned_id": learned}
    )
    assert reset["result"] == {"items": []}
    again = await _ws(
        client, {"type": "llm_ops/reset_learned_quiet", "learned_id": learned}
    )
    assert again["error"]["translation_key"] == "nothing_learned"
    assert learned in again["error"]["message"]
    everything = await _ws(client, {"type": "llm_ops/reset_learned_quiet"})
    assert everything["result"] == {"items": []}
    await hass.async_block_till_done(wait_background_tasks=True)
