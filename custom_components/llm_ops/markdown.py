"""Text from a log or a model, made safe to place in Repairs' markdown.

The Repairs dialog renders its description as markdown: a root cause or a
rationale holding `![](url)` would load a remote image, `[text](url)` would
show a link to click, and `**`/`#` would dress model text up as our own. Bare
addresses (`http://…`, `www.…`, `name@host`) are autolinked by GitHub-flavoured
markdown, so the punctuation that makes them one is escaped too.
"""

from __future__ import annotations

import re

# Backslash first, so the escapes added for the others are not escaped again.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>!#|~])")
# What an autolink starts from: the `:` of `scheme://`, the `.` of `www.`, an `@`.
_AUTOLINK = re.compile(r"(?<=[A-Za-z])(:)(?=//)|(?<=\bwww)(\.)|(@)", re.IGNORECASE)


def plain(text: str) -> str:
    """Escape every character markdown would act on, so the text shows as typed."""
    escaped = _MARKDOWN.sub(r"\\\1", text)
    return _AUTOLINK.sub(lambda m: "\\" + m.group(0), escaped)
