"""Tests of the LLM Ops actions, against a real sidecar."""

from __future__ import annotations

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.llm_ops.const import DOMAIN
from homeassistant.auth.models import User
from homeassistant.config_entries import SOURCE_REAUTH, ConfigEntryDisabler
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import (
    HomeAssistantError,
    ServiceValidationError,
    Unauthorized,
)
from homeassistant.setup import async_setup_component

from .conftest import Sidecar, SidecarFactory, setup_entry, sidecar_api


async def _call(
    hass: HomeAssistant, service: str, data: dict, user: User | None = None
) -> None:
    await hass.services.async_call(
        DOMAIN,
        service,
        data,
        blocking=True,
        context=Context(user_id=user.id) if user else None,
    )


async def test_actions_exist_without_an_entry(hass: HomeAssistant) -> None:
    """The actions are registered at setup and explain that nothing is loaded."""
    assert await async_setup_component(hass, DOMAIN, {})
    assert set(hass.services.async_services_for_domain(DOMAIN)) == {
        "approve",
        "reject",
        "dismiss",
        "mark_false_alarm",
        "reset_learned_quiet",
        "reanalyze",
        "start_reauth",
        "start_maintenance",
        "end_maintenance",
    }
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "dismiss", {"incident_id": "inc_x"})
    assert err.value.translation_key == "not_loaded"


async def test_dismiss(hass: HomeAssistant, seeded: Sidecar, hass_admin_user) -> None:
    """Dismiss closes the incident in the sidecar, with ignore_similar and a reason."""
    await setup_entry(hass, seeded)
    critical = seeded.seeded["critical"]
    await _call(
        hass,
        "dismiss",
        {"incident_id": critical, "ignore_similar": True, "reason": "known"},
        hass_admin_user,
    )
    _, detail = await sidecar_api(hass, seeded, "GET", f"/api/incidents/{critical}")
    assert detail["incident"]["status"] == "dismissed"
    assert detail["incident"]["resolution"] == "dismissed; similar failures are ignored"
    await hass.async_block_till_done(wait_background_tasks=True)
    assert hass.states.get("sensor.llm_ops_open_incidents").state == "2"


async def test_mark_false_alarm(
    hass: HomeAssistant, seeded: Sidecar, hass_admin_user
) -> None:
    """A false alarm closes the incident with its outcome and who decided."""
    await setup_entry(hass, seeded)
    critical = seeded.seeded["critical"]
    await _call(
        hass,
        "mark_false_alarm",
        {"incident_id": critical, "reason": "the hub reboots nightly"},
        hass_admin_user,
    )
    _, detail = await sidecar_api(hass, seeded, "GET", f"/api/incidents/{critical}")
    assert detail["incident"]["status"] == "dismissed"
    assert detail["incident"]["outcome"]["outcome"] == "false_alarm"
    assert detail["incident"]["outcome"]["decided_by"] == hass_admin_user.name
    _, quiet = await sidecar_api(hass, seeded, "GET", "/api/suppressions")
    assert [(s["incident_id"], s["kind"], s["reason"]) for s in quiet["items"]] == [
        (critical, "false_alarm", "the hub reboots nightly")
    ]
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "mark_false_alarm", {"incident_id": "inc_nope"})
    assert err.value.translation_key == "incident_not_found"


async def test_reset_learned_quiet(
    hass: HomeAssistant, sidecar_factory: SidecarFactory, hass_admin_user
) -> None:
    """Resetting a learned item forgets it; an unknown one is a translated error."""
    sidecar = sidecar_factory("learned_quiet")
    await setup_entry(hass, sidecar)
    learned = sidecar.seeded["learned"]
    _, before = await sidecar_api(hass, sidecar, "GET", "/api/learned-quiet")
    assert [i["id"] for i in before["items"]] == [learned]
    await _call(hass, "reset_learned_quiet", {"learned_id": learned}, hass_admin_user)
    _, after = await sidecar_api(hass, sidecar, "GET", "/api/learned-quiet")
    assert after["items"] == []
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "reset_learned_quiet", {"learned_id": learned})
    assert err.value.translation_key == "nothing_learned"
    assert err.value.translation_placeholders == {"learned_id": learned}
    await _call(hass, "reset_learned_quiet", {}, hass_admin_user)
    await hass.async_block_till_done(wait_background_tasks=True)


async def test_unknown_ids_are_validation_errors(
    hass: HomeAssistant, seeded: Sidecar
) -> None:
    """Unknown incidents and proposals are named in a translated error."""
    await setup_entry(hass, seeded)
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "dismiss", {"incident_id": "inc_nope"})
    assert err.value.translation_key == "incident_not_found"
    assert err.value.translation_placeholders == {"incident_id": "inc_nope"}
    # An id that tries to name another endpoint stays one path segment.
    with pytest.raises(ServiceValidationError):
        await _call(hass, "reanalyze", {"incident_id": "../../health"})
    for service in ("approve", "reject"):
        with pytest.raises(ServiceValidationError) as err:
            await _call(hass, service, {"proposal_id": "prp_nope"})
        assert err.value.translation_key == "proposal_not_found"


async def test_actions_are_admin_only(
    hass: HomeAssistant, seeded: Sidecar, hass_read_only_user
) -> None:
    """A non-admin user cannot decide, dismiss, mark, reanalyze or start a reauth."""
    await setup_entry(hass, seeded)
    for service, data in (
        ("approve", {"proposal_id": "prp_1"}),
        ("reject", {"proposal_id": "prp_1"}),
        ("dismiss", {"incident_id": seeded.seeded["hub"]}),
        ("mark_false_alarm", {"incident_id": seeded.seeded["hub"]}),
        ("reanalyze", {"incident_id": seeded.seeded["hub"]}),
        ("reset_learned_quiet", {}),
        ("start_reauth", {"entry_id": "x"}),
    ):
        with pytest.raises(Unauthorized):
            await _call(hass, service, data, hass_read_only_user)


async def test_unreachable_sidecar_is_an_error(
    hass: HomeAssistant, seeded: Sidecar
) -> None:
    """When the sidecar is down, the action fails with a translated error."""
    await setup_entry(hass, seeded)
    await hass.async_add_executor_job(seeded.stop)
    with pytest.raises(HomeAssistantError) as err:
        await _call(hass, "dismiss", {"incident_id": seeded.seeded["hub"]})
    assert err.value.translation_key == "cannot_connect"
    assert err.value.translation_placeholders == {"url": seeded.url}


async def test_rejected_token_is_an_error_and_starts_reauth(
    hass: HomeAssistant, seeded: Sidecar
) -> None:
    """A token the sidecar no longer accepts fails the action and starts reauth."""
    await setup_entry(hass, seeded)
    await hass.async_add_executor_job(seeded.stop)
    seeded.token = "a-new-token-after-reinstall-0123"
    await hass.async_add_executor_job(seeded.start)
    with pytest.raises(HomeAssistantError) as err:
        await _call(hass, "dismiss", {"incident_id": seeded.seeded["hub"]})
    assert err.value.translation_key == "invalid_auth"
    await hass.async_block_till_done()
    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [f["context"]["source"] for f in flows] == [SOURCE_REAUTH]


async def test_start_reauth(hass: HomeAssistant, sidecar: Sidecar) -> None:
    """start_reauth starts the entry's reauth flow, as the sidecar's fix asks."""
    entry = await setup_entry(hass, sidecar)
    await _call(hass, "start_reauth", {"entry_id": entry.entry_id})
    await hass.async_block_till_done()
    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [(f["context"]["source"], f["context"]["entry_id"]) for f in flows] == [
        (SOURCE_REAUTH, entry.entry_id)
    ]


async def test_start_reauth_rejects_unknown_and_disabled_entries(
    hass: HomeAssistant, sidecar: Sidecar
) -> None:
    """Unknown and disabled entries are validation errors."""
    await setup_entry(hass, sidecar)
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "start_reauth", {"entry_id": "no-such-entry"})
    assert err.value.translation_key == "unknown_entry"

    disabled = MockConfigEntry(
        domain="fault_lab", title="Fault Lab", disabled_by=ConfigEntryDisabler.USER
    )
    disabled.add_to_hass(hass)
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "start_reauth", {"entry_id": disabled.entry_id})
    assert err.value.translation_key == "entry_disabled"
    assert err.value.translation_placeholders == {"title": "Fault Lab"}
