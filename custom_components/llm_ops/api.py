"""Client of the sidecar's HTTP API: the integration's only I/O."""

from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from aiohttp import ClientError, ClientSession, ClientTimeout, ContentTypeError

from .const import REQUEST_TIMEOUT, SIDECAR_SERVICE


class SidecarError(Exception):
    """Talking to the sidecar failed."""


class SidecarConnectionError(SidecarError):
    """The sidecar did not answer."""


class SidecarAuthError(SidecarError):
    """The sidecar rejected the API token."""


class NotASidecarError(SidecarError):
    """Something answered, but it is not the LLM Ops sidecar."""


@dataclass(frozen=True, slots=True)
class SidecarHealth:
    """What /api/health reports."""

    version: str
    ha_connected: bool
    ha_version: str | None


class SidecarClient:
    """Calls the sidecar's HTTP API with its bearer token."""

    def __init__(self, session: ClientSession, url: str, token: str) -> None:
        """Initialize the client for the sidecar at url."""
        self._session = session
        self.url = url.rstrip("/")
        self._token = token

    async def _request(self, method: str, path: str) -> Any:
        try:
            async with self._session.request(
                method,
                f"{self.url}{path}",
                headers={"Authorization": f"Bearer {self._token}"},
                timeout=ClientTimeout(total=REQUEST_TIMEOUT),
            ) as resp:
                if resp.status == HTTPStatus.UNAUTHORIZED:
                    raise SidecarAuthError
                if resp.status != HTTPStatus.OK:
                    raise NotASidecarError(f"HTTP {resp.status}")
                return await resp.json()
        except (ContentTypeError, ValueError) as err:
            raise NotASidecarError("not JSON") from err
        except (TimeoutError, ClientError) as err:
            raise SidecarConnectionError(str(err) or type(err).__name__) from err

    async def async_health(self) -> SidecarHealth:
        """Check the sidecar and the token; raise a SidecarError subclass on failure."""
        data = await self._request("GET", "/api/health")
        if not isinstance(data, dict) or data.get("service") != SIDECAR_SERVICE:
            raise NotASidecarError("no ha-llm-ops service marker")
        if data.get("authenticated") is not True:
            raise SidecarAuthError
        ha = data.get("ha") or {}
        return SidecarHealth(
            version=str(data.get("version", "")),
            ha_connected=bool(ha.get("connected")),
            ha_version=ha.get("version"),
        )
