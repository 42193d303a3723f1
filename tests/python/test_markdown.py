"""Model and log text in Repairs is text: no markdown that links, loads or formats."""

from __future__ import annotations

import re

from custom_components.llm_ops.markdown import plain


def test_links_images_and_html_are_shown_as_typed() -> None:
    """An injected image or link is shown literally: nothing is loaded or clickable."""
    text = (
        "Approve now ![x](http://evil.example/p.png) "
        "[docs](http://evil.example) <img src=x>"
    )
    escaped = plain(text)
    assert "](" not in escaped.replace("\\](", "")
    assert "![" not in escaped.replace("\\!\\[", "")
    assert re.search(r"(?<!\\)<", escaped) is None
    assert escaped == (
        "Approve now \\!\\[x\\](http://evil.example/p.png) "
        "\\[docs\\](http://evil.example) \\<img src=x\\>"
    )


def test_formatting_characters_are_escaped_and_plain_words_kept() -> None:
    """Emphasis, code, headings and tables from a log line do not format the dialog."""
    assert plain("# **URGENT** `rm -rf` | a_b ~x~") == (
        "\\# \\*\\*URGENT\\*\\* \\`rm -rf\\` \\| a\\_b \\~x\\~"
    )
    assert plain("The hub does not answer (timeout).") == (
        "The hub does not answer (timeout)."
    )
    assert plain("C:\\path") == "C:\\\\path"
