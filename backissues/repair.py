"""Text repairs inside one piece of OCR text.

Each repair returns the new text and a short note for the article's repair
log, so an editor can see what was changed and undo it.
"""
from __future__ import annotations

import re

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Full-width punctuation and brackets that sit inside Chinese text.
CJK_PUNCT = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2018\u2019\u201c\u201d\u2026\u00b7"
_HAN = f"[{CJK}]"
_HANP = f"[{CJK}{CJK_PUNCT}]"

_AND = re.compile(rf"(?<={_HANP}) ?\band\b ?(?={_HANP})")
_SPACE_CJK = re.compile(rf"(?<={_HANP})[ \u3000\t]+(?={_HANP})")
_SPACE_CJK_NUM = re.compile(rf"(?<={_HANP})[ \t]+(?=[0-9A-Za-z%])|(?<=[0-9A-Za-z%])[ \t]+(?={_HANP})")
_SPACE_NUM = re.compile(r"(?<=\d) (?=\d)")
_MARKUP = re.compile(r"\*\*|__|^#{1,6}\s*|^>\s*")

# Half-width punctuation that OCR leaves between Chinese characters.
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_HALF_PUNCT = re.compile(
    rf"(?<={_HANP})[,;:?!]|[,;:?!](?={_HANP})|\((?=[{CJK}])|(?<=[{CJK}])\)|(?<=[{CJK}\d])\)")


def strip_markup(text: str) -> str:
    """Drop Markdown emphasis and heading marks that OCR export added."""
    return _MARKUP.sub("", text.strip()).strip()


def replace_and(text: str) -> tuple[str, int]:
    """' and ' between Chinese text stands for 和 (an OCR/translation artefact)."""
    return _AND.subn("和", text)


def join_wrapped_spaces(text: str, wrapped: bool) -> tuple[str, int]:
    """Remove spaces a line wrap left inside Chinese text.

    In pages whose lines were soft-wrapped, a space can also split a number
    ("2 015年") or sit between a number and a character; elsewhere those
    spaces are typographic and stay.
    """
    text, n = _SPACE_CJK.subn("", text)
    if wrapped:
        text, m = _SPACE_CJK_NUM.subn("", text)
        text, k = _SPACE_NUM.subn("", text)
        n += m + k
    return text, n


def full_width_punct(text: str) -> tuple[str, int]:
    """Half-width , ; : ? ! ( ) inside Chinese text become full width."""
    return _HALF_PUNCT.subn(lambda m: _HALF_TO_FULL[m.group(0)], text)


def clean_body(text: str, wrapped: bool) -> tuple[str, list[str]]:
    """All in-piece repairs of body text; returns text and repair notes."""
    notes = []
    text = strip_markup(text)
    text, n = replace_and(text)
    if n:
        notes.append(f"replaced ' and ' with 和 ({n}×)")
    text, n = join_wrapped_spaces(text, wrapped)
    if n:
        notes.append(f"removed {n} line-wrap space(s) inside Chinese text")
    text, n = full_width_punct(text)
    if n:
        notes.append(f"made {n} half-width punctuation mark(s) full width")
    return text, notes


def clean_heading(text: str) -> str:
    """Headlines keep their typographic spaces between phrases, single."""
    text = strip_markup(text)
    text, _ = replace_and(text)
    text, _ = full_width_punct(text)
    return re.sub(r"[ \u3000\t]+", " ", text).strip()
