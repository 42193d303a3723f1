"""The integration's words are the contracts' words.

Modes, statuses, severities, categories and remedies are defined once, in
`contracts/` (exported as JSON Schema). The integration keeps Python copies
(constants, a typing alias, translated entity states); each is checked here
against the schema, so a word added or renamed in the contracts fails this test
until the integration follows.
"""

from __future__ import annotations

import json
from pathlib import Path
import typing

from custom_components.llm_ops import api, const, websocket

ROOT = Path(__file__).resolve().parents[2]


def _enum(schema: str, prop: str) -> list[str]:
    doc = json.loads(
        (ROOT / "contracts" / "schema" / f"{schema}.schema.json").read_text()
    )
    return list(doc["properties"][prop]["enum"])


def _attribute_states(attribute: str) -> list[str]:
    translations = json.loads(
        (
            ROOT / "custom_components" / "llm_ops" / "translations" / "en.json"
        ).read_text()
    )
    last = translations["entity"]["sensor"]["last_incident"]
    return list(last["state_attributes"][attribute]["state"])


def test_modes_match_the_policy_contract() -> None:
    """The mode select and the API client know exactly the contract's modes."""
    modes = _enum("Policy", "mode")
    assert list(const.MODES) == modes
    assert list(typing.get_args(api.Mode.__value__)) == modes


def test_severities_match_the_incident_contract() -> None:
    """Severities and their ranking (most severe first) are the contract's."""
    severities = _enum("Incident", "severity")
    assert list(const.SEVERITIES) == severities
    ranked = sorted(
        const.SEVERITY_RANK, key=const.SEVERITY_RANK.__getitem__, reverse=True
    )
    assert ranked == severities


def test_incident_statuses_match_the_incident_contract() -> None:
    """The WebSocket filter accepts exactly the contract's statuses."""
    assert list(websocket.INCIDENT_STATUSES) == _enum("Incident", "status")


def test_translated_states_cover_the_contract() -> None:
    """Every status, severity, category and remedy is translated, and no more."""
    assert _attribute_states("status") == _enum("Incident", "status")
    assert _attribute_states("severity") == _enum("Incident", "severity")
    assert _attribute_states("category") == _enum("Incident", "category")
    # Not analyzed yet, an incident has no remedy: the sensor says "analysis pending".
    assert _attribute_states("remedy") == [
        *_enum("RcaResult", "remedy"),
        "analysis_pending",
    ]
