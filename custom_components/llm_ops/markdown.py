"""Text from a log or a model, made safe to place in Repairs' markdown.

The Repairs dialog renders its description as markdown: a root cause or a
rationale holding `![](url)` would load a remote image, `[text](url)` would
show a link to click, and `**`/`#` would dress model text up as our own.
"""

from __future__ import annotations

import re

# Backslash first, so the escapes added for the others are not escaped again.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>!#|~])")


def plain(text: str) -> str:
    """Escape every character markdown would act on, so the text shows as typed."""
    return _MARKDOWN.sub(r"\\\1", text)
