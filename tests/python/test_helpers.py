"""The one decorator that turns the sidecar's refusals into translated errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from custom_components.llm_ops.api import (
    NotASidecarError,
    SidecarAuthError,
    SidecarConflictError,
    SidecarConnectionError,
    SidecarNotFoundError,
    SidecarResponseError,
)
from custom_components.llm_ops.helpers import sidecar_request
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError


@dataclass
class _Entry:
    reauths: int = 0

    def async_start_reauth(self, hass: object) -> None:
        self.reauths += 1


@dataclass
class _Client:
    url: str = "http://sidecar.local:8099"


@dataclass
class _Coordinator:
    """What the decorator uses of a coordinator: its hass, entry and client."""

    failure: Exception
    hass: object = None
    config_entry: _Entry = field(default_factory=_Entry)
    client: _Client = field(default_factory=_Client)

    @sidecar_request(not_found="proposal_not_found", conflict="not_pending")  # type: ignore[type-var]
    async def async_approve(self, proposal_id: str, *, decided_by: str | None) -> Any:
        raise self.failure


async def _raised(failure: Exception) -> tuple[HomeAssistantError, _Coordinator]:
    coordinator = _Coordinator(failure)
    with pytest.raises(HomeAssistantError) as caught:
        await coordinator.async_approve("prp_1", decided_by="Alice")
    return caught.value, coordinator


async def test_a_gone_proposal_names_it() -> None:
    """404: the user asked for something that is not there; the id is shown."""
    err, _ = await _raised(SidecarNotFoundError(404, "no proposal prp_1"))
    assert isinstance(err, ServiceValidationError)
    assert err.translation_key == "proposal_not_found"
    # Named by its id; the user who asked is not part of the error.
    assert err.translation_placeholders == {"proposal_id": "prp_1"}


async def test_a_decided_proposal_is_a_conflict_with_the_sidecars_reason() -> None:
    """409: not pending any more, in the sidecar's words."""
    err, _ = await _raised(SidecarConflictError(409, "proposal prp_1 was rejected"))
    assert isinstance(err, ServiceValidationError)
    assert err.translation_key == "not_pending"
    assert err.translation_placeholders == {"message": "proposal prp_1 was rejected"}


@pytest.mark.parametrize(
    ("failure", "key", "user_error"),
    [
        (SidecarResponseError(400, "params: unknown"), "rejected_request", True),
        (
            SidecarResponseError(503, "HA is not connected"),
            "sidecar_unavailable",
            False,
        ),
        (SidecarConnectionError("refused"), "cannot_connect", False),
        (NotASidecarError("a web page"), "unexpected_response", False),
        (SidecarAuthError("401"), "invalid_auth", False),
    ],
)
async def test_every_failure_has_its_translation(
    failure: Exception, key: str, user_error: bool
) -> None:
    """Bad input is the user's error; the sidecar being unable is not."""
    err, coordinator = await _raised(failure)
    assert err.translation_key == key
    assert isinstance(err, ServiceValidationError) is user_error
    assert err.__cause__ is failure
    # Only a rejected token asks the user to sign in again.
    assert coordinator.config_entry.reauths == (1 if key == "invalid_auth" else 0)
