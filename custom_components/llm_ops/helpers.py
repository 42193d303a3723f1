"""One place where the sidecar's errors become Home Assistant's."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from functools import wraps
from http import HTTPStatus
import inspect
from typing import TYPE_CHECKING, Any, Concatenate

from homeassistant.exceptions import HomeAssistantError, ServiceValidationError

from .api import (
    SidecarAuthError,
    SidecarConflictError,
    SidecarConnectionError,
    SidecarError,
    SidecarNotFoundError,
    SidecarResponseError,
)
from .const import DOMAIN

if TYPE_CHECKING:
    from .sidecar import LlmOpsSidecar


def sidecar_request[C: LlmOpsSidecar, **P, T](
    *, not_found: str = "not_found", conflict: str = "rejected_request"
) -> Callable[
    [Callable[Concatenate[C, P], Coroutine[Any, Any, T]]],
    Callable[Concatenate[C, P], Coroutine[Any, Any, T]],
]:
    """Turn a failed request to the sidecar into a translated error.

    What the user asked for wrongly (a gone incident, a decided proposal, bad
    parameters) is a ServiceValidationError; what the sidecar cannot do now is a
    HomeAssistantError. A rejected token starts re-authentication. A missing
    thing is named by the call's id (``incident_id``, ``proposal_id``), other
    refusals by the sidecar's ``message``.
    """

    def decorator(
        func: Callable[Concatenate[C, P], Coroutine[Any, Any, T]],
    ) -> Callable[Concatenate[C, P], Coroutine[Any, Any, T]]:
        signature = inspect.signature(func)

        @wraps(func)
        async def wrapper(sidecar: C, /, *args: P.args, **kwargs: P.kwargs) -> T:
            try:
                return await func(sidecar, *args, **kwargs)
            except SidecarNotFoundError as err:
                raise ServiceValidationError(
                    translation_domain=DOMAIN,
                    translation_key=not_found,
                    translation_placeholders=_placeholders(
                        signature, sidecar, args, kwargs, err.message
                    ),
                ) from err
            except SidecarConflictError as err:
                raise ServiceValidationError(
                    translation_domain=DOMAIN,
                    translation_key=conflict,
                    translation_placeholders={"message": err.message},
                ) from err
            except SidecarResponseError as err:
                if err.status == HTTPStatus.BAD_REQUEST:
                    raise ServiceValidationError(
                        translation_domain=DOMAIN,
                        translation_key="rejected_request",
                        translation_placeholders={"message": err.message},
                    ) from err
                # 503 and the like: the sidecar cannot do it now (HA not connected).
                raise HomeAssistantError(
                    translation_domain=DOMAIN,
                    translation_key="sidecar_unavailable",
                    translation_placeholders={"message": err.message},
                ) from err
            except SidecarError as err:
                if isinstance(err, SidecarAuthError):
                    sidecar.config_entry.async_start_reauth(sidecar.hass)
                key, placeholders = unreachable(err, sidecar.client.url)
                raise HomeAssistantError(
                    translation_domain=DOMAIN,
                    translation_key=key,
                    translation_placeholders=placeholders,
                ) from err

        return wrapper

    return decorator


def unreachable(err: SidecarError, url: str) -> tuple[str, dict[str, str]]:
    """Return the translation key and placeholders of a sidecar that did not serve."""
    if isinstance(err, SidecarAuthError):
        return "invalid_auth", {}
    if isinstance(err, SidecarConnectionError):
        return "cannot_connect", {"url": url}
    return "unexpected_response", {"error": str(err)}


def _placeholders(
    signature: inspect.Signature,
    sidecar: object,
    args: tuple[object, ...],
    kwargs: dict[str, object],
    message: str,
) -> dict[str, str]:
    """Return the ids the call was about, or else the sidecar's message."""
    bound = signature.bind_partial(sidecar, *args, **kwargs)
    ids = {
        k: v
        for k, v in bound.arguments.items()
        if k.endswith("_id") and isinstance(v, str)
    }
    return ids or {"message": message}
