"""The integration's copies of the sidecar's answer shapes (models.py) match its API.

The sidecar publishes every answer's schema in docs/openapi.json, generated from the
contracts (contracts/src). Each TypedDict is checked field by field against the schema
it copies: every field exists, has a compatible type, is nullable exactly when the API
may send null, and is not required when the API may leave it out. A new TypedDict must
be mapped below.
"""

from __future__ import annotations

import json
from pathlib import Path
import types
import typing
from typing import Any, Literal, NotRequired, Required, Union, get_args, get_origin

from custom_components.llm_ops import models

OPENAPI: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "openapi.json").read_text()
)
COMPONENTS: dict[str, Any] = OPENAPI["components"]["schemas"]


def _response(path: str, method: str = "get") -> dict[str, Any]:
    content = OPENAPI["paths"][path][method]["responses"]["200"]["content"]
    schema: dict[str, Any] = content["application/json"]["schema"]
    return schema


# Each top-level copy and the schema it copies; nested ones are reached by their fields.
TOP_LEVEL: dict[str, dict[str, Any]] = {
    "Incident": COMPONENTS["Incident"],
    "IncidentPage": _response("/api/incidents"),
    "IncidentDetail": COMPONENTS["IncidentDetail"],
    "ProposalDetail": COMPONENTS["ProposalDetail"],
    "SidecarStatus": COMPONENTS["Status"],
    "Suppression": COMPONENTS["Suppression"],
    "OutcomeStats": COMPONENTS["OutcomeStats"],
    "LearnedQuiet": COMPONENTS["LearnedQuiet"],
    "UpstreamReport": COMPONENTS["UpstreamReport"],
    "KnowledgeRule": COMPONENTS["KnowledgeRule"],
    "MaintenanceState": COMPONENTS["MaintenanceState"],
    "SidecarSummary": COMPONENTS["Summary"],
}

PY_TYPES: dict[type, set[str]] = {
    str: {"string"},
    int: {"integer"},
    float: {"number", "integer"},
    bool: {"boolean"},
    list: {"array"},
    dict: {"object"},
}


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    nullable = schema.get("nullable") is True
    while "$ref" in schema:
        schema = COMPONENTS[schema["$ref"].rsplit("/", 1)[-1]]
    # OpenAPI 3.0 marks a nullable reference beside the $ref.
    return {**schema, "nullable": True} if nullable else schema


def _alternatives(schema: dict[str, Any]) -> list[dict[str, Any]]:
    schema = _resolve(schema)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return [alt for s in schema[key] for alt in _alternatives(s)]
    return [schema]


def _nullable(schema: dict[str, Any]) -> bool:
    return any(
        s.get("nullable") is True or s.get("type") == "null"
        for s in _alternatives(schema)
    )


def _is_typeddict(tp: Any) -> bool:
    return isinstance(tp, type) and typing.is_typeddict(tp)


class Checker:
    """Walks a TypedDict and its schema together, collecting every mismatch."""

    def __init__(self) -> None:
        """Start with no problems found and no copy seen."""
        self.problems: list[str] = []
        self.seen: set[str] = set()

    def typeddict(self, cls: Any, schema: dict[str, Any], where: str) -> None:
        """Check a TypedDict against the object schema it copies."""
        self.seen.add(cls.__name__)
        objects = [s for s in _alternatives(schema) if s.get("type") == "object"]
        if not objects:
            self.problems.append(f"{where}: the API does not send an object here")
            return
        obj = objects[0]
        properties: dict[str, Any] = obj.get("properties", {})
        required: list[str] | None = obj.get("required")
        hints = typing.get_type_hints(cls, include_extras=True)
        for name, hint in hints.items():
            at = f"{where}.{name}"
            if name not in properties:
                self.problems.append(f"{at}: not in the API's schema")
                continue
            # From the hint: with postponed annotations __required_keys__ cannot
            # see NotRequired.
            if _required(cls, hint) and required is not None and name not in required:
                self.problems.append(
                    f"{at}: required here, but the API may leave it out"
                )
            self.value(_unwrap(hint), properties[name], at)

    def value(self, hint: Any, schema: dict[str, Any], at: str) -> None:
        """Check one field's type against the schema of its value."""
        hint = _unwrap(hint)
        args = get_args(hint)
        is_union = get_origin(hint) in (Union, types.UnionType)
        options = [a for a in args if a is not type(None)] if is_union else [hint]
        allows_none = is_union and type(None) in args
        if allows_none != _nullable(schema):
            self.problems.append(
                f"{at}: {'may' if allows_none else 'may not'} be None here, "
                f"but the API {'never sends' if allows_none else 'may send'} null"
            )
        alternatives = [s for s in _alternatives(schema) if s.get("type") != "null"]
        if len(options) != 1:
            return  # a union of plain values (params): checked by type names only
        tp = _unwrap(options[0])
        origin = get_origin(tp) or tp
        if tp is Any:
            return
        if origin is Literal:
            enum = {v for s in alternatives for v in s.get("enum", [])}
            if enum and not set(get_args(tp)) <= enum:
                self.problems.append(
                    f"{at}: values {get_args(tp)} beyond the API's {enum}"
                )
            return
        if _is_typeddict(tp):
            self.typeddict(tp, schema, at)
            return
        allowed = PY_TYPES.get(origin, set())
        types_sent = {s.get("type") for s in alternatives if "type" in s}
        if types_sent and not types_sent & allowed:
            self.problems.append(f"{at}: {tp} here, {types_sent} in the API")
        if origin is list and get_args(tp):
            items = next((s["items"] for s in alternatives if "items" in s), None)
            if items is not None:
                self.value(get_args(tp)[0], items, f"{at}[]")
        if origin is dict and get_args(tp):
            values = next(
                (
                    s["additionalProperties"]
                    for s in alternatives
                    if isinstance(s.get("additionalProperties"), dict)
                ),
                None,
            )
            if values is not None:
                self.value(get_args(tp)[1], values, f"{at}{{}}")


def _required(cls: Any, hint: Any) -> bool:
    if get_origin(hint) is NotRequired:
        return False
    return get_origin(hint) is Required or bool(cls.__total__)


def _unwrap(hint: Any) -> Any:
    while get_origin(hint) in (NotRequired, Required) or isinstance(
        hint, typing.TypeAliasType
    ):
        hint = (
            hint.__value__
            if isinstance(hint, typing.TypeAliasType)
            else get_args(hint)[0]
        )
    return hint


def test_every_copy_matches_the_api_schema() -> None:
    """No field the integration reads is missing, mistyped or wrongly nullable."""
    checker = Checker()
    for name, schema in TOP_LEVEL.items():
        checker.typeddict(getattr(models, name), schema, name)
    assert checker.problems == []


def test_every_copy_is_checked() -> None:
    """A TypedDict added to models.py is reached by the check (mapped or nested)."""
    checker = Checker()
    for name, schema in TOP_LEVEL.items():
        checker.typeddict(getattr(models, name), schema, name)
    declared = {
        name
        for name, value in vars(models).items()
        if _is_typeddict(value) and value.__module__ == models.__name__
    }
    assert declared - checker.seen == set()


def test_a_wrong_copy_is_caught() -> None:
    """The check fails for a field the API does not send and for a wrong nullability."""

    class Wrong(typing.TypedDict):
        id: str | None
        colour: str

    checker = Checker()
    checker.typeddict(Wrong, COMPONENTS["Incident"], "Wrong")
    assert checker.problems == [
        "Wrong.id: may be None here, but the API never sends null",
        "Wrong.colour: not in the API's schema",
    ]


class _WrongExplanation(typing.TypedDict):
    root_cause: str
    remedy: str  # the API sends null before an incident is analyzed


class _WrongSummary(typing.TypedDict):
    explanations: dict[str, _WrongExplanation]


def test_a_wrong_value_of_a_mapping_is_caught() -> None:
    """A mapping's values are checked like any field (the summary's explanations)."""
    checker = Checker()
    checker.typeddict(_WrongSummary, COMPONENTS["Summary"], "WrongSummary")
    assert checker.problems == [
        "WrongSummary.explanations{}.remedy: "
        "may not be None here, but the API may send null"
    ]
