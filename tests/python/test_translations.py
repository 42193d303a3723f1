"""Every language of the integration says the same things as English.

translations/en.json is the source; each other file in translations/ must have
exactly its keys (nothing missing, nothing left over) and, in every string, the
same {placeholders}, so a translated message can never lose or invent a value.
"""

from __future__ import annotations

import json
from pathlib import Path
import re
from typing import Any

import pytest

TRANSLATIONS = (
    Path(__file__).resolve().parents[2]
    / "custom_components"
    / "llm_ops"
    / "translations"
)
PLACEHOLDER = re.compile(r"\{(\w+)\}")
LANGUAGES = sorted(p.stem for p in TRANSLATIONS.glob("*.json") if p.stem != "en")


def _flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """Map every leaf's dotted key to its string."""
    flat: dict[str, str] = {}
    for key, value in tree.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{path}."))
        else:
            assert isinstance(value, str), f"{path} is not a string"
            flat[path] = value
    return flat


def _load(language: str) -> dict[str, str]:
    return _flatten(json.loads((TRANSLATIONS / f"{language}.json").read_text()))


def test_german_ships() -> None:
    """German is one of the languages the integration ships."""
    assert "de" in LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_same_keys_as_english(language: str) -> None:
    """A language has every key English has, and no other."""
    english, other = _load("en"), _load(language)
    assert sorted(set(english) - set(other)) == [], "missing"
    assert sorted(set(other) - set(english)) == [], "not in en.json"


@pytest.mark.parametrize("language", LANGUAGES)
def test_same_placeholders_as_english(language: str) -> None:
    """Every string keeps English's {placeholders}, no more and no fewer."""
    english, other = _load("en"), _load(language)
    differ = {
        key: (
            sorted(PLACEHOLDER.findall(text)),
            sorted(PLACEHOLDER.findall(other[key])),
        )
        for key, text in english.items()
        if key in other
        and sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(other[key]))
    }
    assert differ == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_translated_not_copied(language: str) -> None:
    """Most strings are really translated, not English copied over."""
    english, other = _load("en"), _load(language)
    same = [
        k
        for k, v in english.items()
        if other.get(k) == v and PLACEHOLDER.sub("", v).strip()
    ]
    assert len(same) < len(english) / 10, same
