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
        "Approve now \\!\\[x\\](http\\://evil.example/p.png) "
        "\\[docs\\](http\\://evil.example) \\<img src=x\\>"
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


def test_bare_addresses_do_not_become_links() -> None:
    """A bare URL, www address or e-mail in a log line is not autolinked.

    Home Assistant renders Repairs text as GitHub-flavoured markdown, which turns
    `http://…`, `www.…` and `name@host` into links by themselves; a backslash
    before the `:`, `.` or `@` (any ASCII punctuation may be escaped in
    CommonMark) keeps the text as typed and stops the autolink.
    """
    escaped = plain(
        "Open http://evil.example/login or https://x.example, "
        "www.evil.example, or mail admin@evil.example"
    )
    assert re.search(r"(?<!\\)://", escaped) is None
    assert "www." not in escaped
    assert re.search(r"(?<!\\)@", escaped) is None
    assert escaped == (
        "Open http\\://evil.example/login or https\\://x.example, "
        "www\\.evil.example, or mail admin\\@evil.example"
    )
    # Ordinary colons, dots and at signs in prose stay as they are.
    assert plain("Retry at 10:30. Version 2.1") == "Retry at 10:30. Version 2.1"
