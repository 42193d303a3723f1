"""The shared contracts' golden examples are valid against the exported JSON Schema.

The TypeScript side validates the same examples with valibot, so both languages
agree on every payload that crosses between the sidecar and the integration.
"""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

CONTRACTS = Path(__file__).resolve().parents[2] / "contracts"
EXAMPLES = sorted((CONTRACTS / "examples").glob("*.json"))


def _schema(name: str) -> dict[str, object]:
    return json.loads((CONTRACTS / "schema" / f"{name}.schema.json").read_text())


# The answers refer to the contracts they carry ("Incident.schema.json"), resolved
# against each schema's $id among the exported schemas, never over the network.
REGISTRY: Registry = Registry().with_resources(
    (schema["$id"], Resource.from_contents(schema, default_specification=DRAFT202012))
    for schema in (
        json.loads(p.read_text()) for p in (CONTRACTS / "schema").glob("*.schema.json")
    )
)


def test_every_schema_has_an_example() -> None:
    """Each exported contract comes with at least one golden example."""
    schemas = {
        p.name.removesuffix(".schema.json")
        for p in (CONTRACTS / "schema").glob("*.schema.json")
    }
    covered = {p.name.split(".")[0] for p in EXAMPLES}
    assert schemas - covered == set()


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_golden_example_is_valid(example: Path) -> None:
    """A golden example validates against its contract's JSON Schema."""
    schema = _schema(example.name.split(".")[0])
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(
        schema, format_checker=FormatChecker(), registry=REGISTRY
    )
    errors = [e.message for e in validator.iter_errors(json.loads(example.read_text()))]
    assert errors == []


def test_schema_rejects_a_broken_incident() -> None:
    """The schema is strict enough to catch a wrong payload."""
    incident = json.loads((CONTRACTS / "examples" / "Incident.open.json").read_text())
    incident["status"] = "on_fire"
    incident["occurrences"] = 0
    validator = Draft202012Validator(_schema("Incident"))
    assert {e.path[0] for e in validator.iter_errors(incident)} == {
        "status",
        "occurrences",
    }
