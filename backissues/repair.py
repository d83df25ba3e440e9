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

_AND = re.compile(rf"(?<={_HANP})[ \u00a0\u3000\t]*and[ \u00a0\u3000\t]*(?={_HANP})")
_SPACE_CJK = re.compile(rf"(?<={_HANP})[ \u3000\t]+(?={_HANP})")
_SPACE_CJK_NUM = re.compile(rf"(?<={_HANP})[ \t]+(?=[0-9A-Za-z%])|(?<=[0-9A-Za-z%])[ \t]+(?={_HANP})")
_SPACE_NUM = re.compile(r"(?<=\d) (?=\d)")
_MARKUP = re.compile(r"\*\*|__|^#{1,6}\s*|^>\s*")
_CLOSING_HASHES = re.compile(r"\s+#{1,6}$")

# Half-width punctuation that OCR leaves between Chinese characters.
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_HALF_PUNCT = re.compile(
    rf"(?<={_HANP})[,;:?!]|[,;:?!](?={_HANP})|\((?=[{CJK}])|(?<=[{CJK}])\)|(?<=[{CJK}\d])\)")


def stop_read_as(point: str, after: str = "”’）》」%") -> re.Pattern:
    """A full stop read as `point` ("." or the full-width "．") after Chinese
    text (or one of `after`), where no number, web address or abbreviation
    could hold it (3.5, www.gov.cn, No.1 keep theirs); or one that opens a
    piece cut from the end of a sentence."""
    p = re.escape(point)
    return re.compile(rf"(?<=[{CJK}{after}]){p}(?=[ \t]*(?:[{CJK}“‘”’（）《]|$))|(?<=[{CJK}]){p}(?=[0-9])"
                      rf"|^{p}(?=[{CJK}“”’）])", re.M)


_HALF_STOP = stop_read_as(".")
_ANY_HALF = re.compile(r"[,;:?!().]")   # every mark this repair may change
# A bracket pair is converted as a pair, so "(2018—2020)" never becomes "(2018—2020）".
_HALF_PAIR = re.compile(r"\(([^()\n]{1,80})\)")


def strip_markup(text: str) -> str:
    """Drop Markdown emphasis and heading marks that OCR export added (a
    heading's closing marks too: ## 标题 ##)."""
    text = text.strip()
    if text.startswith("#"):
        text = _CLOSING_HASHES.sub("", text)
    return _MARKUP.sub("", text).strip()


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
    """Half-width , ; : ? ! ( ) inside Chinese text become full width, and
    a "." that ends a Chinese sentence becomes 。.

    Brackets go by pairs: a pair that holds or touches Chinese text becomes
    （…）, any other pair stays as printed; a lone bracket follows the
    neighbouring characters.
    """
    if not _ANY_HALF.search(text):      # most lines: every line is judged and repaired through here
        return text, 0
    count = 0
    pairs: list[tuple[int, int, bool]] = []
    for m in _HALF_PAIR.finditer(text):
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        chinese = bool(re.search(_HANP, m.group(1) + before + after))
        pairs.append((m.start(), m.end() - 1, chinese))
    paired = {i for start, end, _ in pairs for i in (start, end)}
    chars = list(text)
    for start, end, chinese in pairs:
        if chinese:
            chars[start], chars[end] = "（", "）"
            count += 2
    text = "".join(chars)

    def half(m: re.Match) -> str:
        nonlocal count
        if m.start() in paired:
            return m.group(0)
        count += 1
        return _HALF_TO_FULL[m.group(0)]

    text = _HALF_PUNCT.sub(half, text)
    text, stops = _HALF_STOP.subn("。", text)
    return text, count + stops


# A photo credit run on at the end of its caption (…一展 本报通讯员 邱海鹰 唐艺娟 摄,
# …平整秧田。新华社记者胡晨欢摄); _CREDIT_TAIL is one printed with spaces between
# its names, which the repair keeps.
GLUED_CREDIT = re.compile(rf"(?:本报|新华社)?(?:记者|通讯员)[{CJK} \u00a0]{{2,30}}摄$")
_CREDIT_TAIL = re.compile(rf"[ \u00a0]*(?:本报|新华社)?(?:记者|通讯员)(?:[ \u00a0]+[{CJK}]{{1,4}}){{1,4}}[ \u00a0]*摄$")
_SIGNATURE = re.compile(rf"[（(][{CJK}]{{2,4}}(?:[ \u00a0]+[{CJK}]{{2,4}})+[）)]$")
# The bracket may be cut by a column break (本报讯 (记者彭冰 柳姗姗 通讯员曲): its rest is elsewhere.
_BYLINE_BRACKET = re.compile(r"^(.{0,24}?(?:讯|电)】?[\s\u00a0]*)(（[^（）]{2,60}(?:）|$))")


def clean_body(text: str, wrapped: bool) -> tuple[str, list[str]]:
    """All in-piece repairs of body text; returns text and repair notes."""
    notes = []
    text = strip_markup(text)
    text, n = replace_and(text)
    if n:
        notes.append(f"replaced ' and ' with 和 ({n}×)")
    # Width first, so a space before a now full-width bracket is inside Chinese text.
    text, n = full_width_punct(text)
    if n:
        notes.append(f"made {n} half-width punctuation mark(s) full width")
    # The spaces between names in a byline bracket separate people: keep them, single.
    m = _BYLINE_BRACKET.match(text)
    lead, names, rest = (m.group(1), m.group(2), text[m.end():]) if m else ("", "", text)
    names, n0 = _single_spaces(names)
    lead, n1 = join_wrapped_spaces(lead, wrapped)
    n1 += len(lead) - len(lead.rstrip()) if names else 0
    # So do the spaces in a trailing signature such as "（霍希标 时培林）": it is kept
    # out of the join, so they are neither removed nor counted as removed.
    rest, credit, n4 = _split_credit(rest)
    rest, signature, n3 = _split_signature(rest)
    # The signature's opening bracket stays on, so a space before it is judged as before.
    rest, n2 = join_wrapped_spaces(rest + signature[:1], wrapped)
    rest = rest[:-1] + signature if signature else rest
    text = (lead.rstrip() if names else lead) + names + rest + credit
    removed = n0 + n1 + n2 + n3 + n4
    if removed:
        notes.append(f"removed {removed} line-wrap space(s) inside Chinese text")
    return text, notes


def _split_signature(text: str) -> tuple[str, str, int]:
    """Text, its trailing signature bracket (single-spaced) and the spaces removed from it."""
    tail = _SIGNATURE.search(text)
    if not tail:
        return text, "", 0
    signature, n = _single_spaces(tail.group(0).replace("(", "（").replace(")", "）"))
    return text[:tail.start()], signature, n


def _split_credit(text: str) -> tuple[str, str, int]:
    """Text, a photo credit run on at its end (single-spaced, so its names stay
    apart: …一展 本报通讯员 邱海鹰 唐艺娟 摄) and the spaces removed from it."""
    tail = _CREDIT_TAIL.search(text)
    if not tail or not tail.start():
        return text, "", 0
    credit, n = _single_spaces(tail.group(0).strip())
    gap = len(tail.group(0)) - len(tail.group(0).lstrip())
    # One space stays between caption and credit where the page had any.
    return text[:tail.start()], (" " if gap else "") + credit, n + (gap > 1)


def _single_spaces(bracket: str) -> tuple[str, int]:
    """One space between the names in a bracket; counts the wider gaps narrowed."""
    return re.sub(r"\s+", " ", bracket), sum(len(gap) > 1 for gap in re.findall(r"\s+", bracket))


# A subtitle's opening dash or a kicker's closing one, read as two hyphens
# (--全国政协委员建言, 山西工会强化思想引领--).
_HEADLINE_DASH = re.compile(r"^(?:--|－－)(?=[^-－—\s])|(?<=[^-－—\s])(?:--|－－)$")


def clean_heading(text: str, notes: list[str] | None = None) -> str:
    """Headlines keep their typographic spaces between phrases, single.

    Pass a list as `notes` to have the replacements recorded for the repair
    log (the ' and ' → 和 repair changes words, so an editor must see it).
    """
    text = strip_markup(text)
    text, n_and = replace_and(text)
    text, n_punct = full_width_punct(text)
    text, n_dash = _HEADLINE_DASH.subn("——", text.strip())
    if notes is not None:
        if n_and:
            notes.append(f"replaced ' and ' with 和 ({n_and}×)")
        if n_punct:
            notes.append(f"made {n_punct} half-width punctuation mark(s) full width")
        if n_dash:
            notes.append("made the hyphens that open a subtitle or close a kicker a dash (——)")
    return re.sub(r"[ \u3000\t]+", " ", text).strip()
