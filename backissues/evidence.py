"""Evidence for reassembling a page: one scoring function per kind of evidence.

All weights live in WEIGHTS so that tuning happens in one place (and the
tests pin the behaviour the weights must produce).
"""
from __future__ import annotations

import re
from functools import lru_cache

import jieba
import rjieba

from .units import DATELINE, Unit, ends_sentence

WEIGHTS = {
    # joining a piece that ends mid-sentence to its continuation
    "join.word_across": 2.5,      # the characters across the break form a dictionary word
    "join.starts_open": 3.0,      # the continuation starts with punctuation
    "join.adjacent": 1.5,         # the continuation is the very next body piece
    "join.distance": -0.35,       # per body piece skipped over
    "join.dateline": -10.0,       # a dateline only ever opens an article
    "join.short_tail": 0.5,       # the first piece ends without any punctuation at all
    # a headline group opening a new article (vs. an in-article subhead)
    "head.dateline_follows": 3.0,
    "head.byline_follows": 2.5,
    "head.group": 1.5,            # two or more headline lines together
    "head.markdown_title": 2.0,   # ## / ### markup (the title levels)
    "head.markdown_section": -1.0,  # # or bold-only lines inside an article
    "head.kicker_dash": 2.0,      # a line ending in ——, the kicker's lead-in
    "head.prev_open": -1.5,       # the text before it stops mid-sentence
    "head.colon": -1.0,           # "老将：…" style subheads
    "head.unmarked_on_marked_page": -4.0,  # pages that mark headlines with ##/### mark them all
    "head.after_signoff": 2.0,    # the article above ended with a credit or a bracketed sign-off
    "head.new_subject": 1.5,      # the text after shares few words with the article above
    "head.same_subject": -1.0,    # ... or many
    "head.no_body_above": 2.0,    # the article above has no body yet: a new group, not a subhead
    # a short plain line being a headline line at all (vs. a cut body line)
    "line.markup": 5.0,           # # heading or **bold** line
    "line.base": 1.0,
    "line.long": -0.3,            # per character beyond 24
    "line.comma": -0.6,           # per comma inside
    "line.single_char_tail": -1.0,  # ends in a one-character word: a cut mid-phrase
    "line.continues_prev": -3.5,  # the previous piece runs on into this line
    "line.runs_on": -2.5,         # this line runs on into the next piece
    "line.opens_next": 1.5,       # followed by a byline or dateline
    "line.date_start": -2.0,      # "3月16日，…" opens a caption or a report
}
LINE_THRESHOLD = 0.0
MATCH_THRESHOLD = 0.3
MATCH_WINDOW = 4
JOIN_THRESHOLD = 1.0
JOIN_WINDOW = 12
HEADLINE_THRESHOLD = 1.5


@lru_cache(maxsize=1)
def _dictionary() -> frozenset:
    words = set()
    with jieba.get_dict_file() as fh:          # jieba's bundled dict.txt, bytes
        for raw in fh:
            word = raw.decode("utf-8").split(" ", 1)[0]
            if 2 <= len(word) <= 4:
                words.add(word)
    return frozenset(words)


def word_across(left: str, right: str) -> bool:
    """Do the characters on both sides of a break form one dictionary word?"""
    words = _dictionary()
    left, right = left.rstrip(), right.lstrip()
    if not left or not right or not _han(left[-1]) or not _han(right[0]):
        return False
    for a in (1, 2):
        for b in (1, 2):
            if a + b < 2 or len(left) < a or len(right) < b:
                continue
            w = left[-a:] + right[:b]
            if w in words and not (left[-a:] in words and a == 2 and b == 1 and right[:2] in words):
                return True
    return False


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def headline_line_score(unit: Unit, prev: Unit | None, nxt: Unit | None) -> float:
    """How likely a short unpunctuated line is a headline line, not cut body."""
    w = WEIGHTS
    if unit.level or unit.bold:
        return w["line.markup"]
    text = unit.text.replace(" ", "")
    score = w["line.base"] + w["line.long"] * max(0, len(text) - 24)
    score += w["line.comma"] * (text.count("，") + text.count(","))
    if _single_char_tail(text):
        score += w["line.single_char_tail"]
    if prev is not None and prev.kind in ("body", "head") and not ends_sentence(prev.text) and not prev.level \
            and word_across(prev.text, text):
        score += w["line.continues_prev"]
    if nxt is not None and nxt.kind == "body" and (word_across(text, nxt.text) or nxt.starts_open):
        score += w["line.runs_on"]
    if nxt is not None and (nxt.kind == "byline" or nxt.kind == "body" and DATELINE.match(nxt.text)):
        score += w["line.opens_next"]
    if re.match(r"^\d{1,2}月\d{1,2}日", text):
        score += w["line.date_start"]
    return score


def _single_char_tail(text: str) -> bool:
    tail = text.rstrip("”’」』）)》】\"'")
    if len(tail) < 3 or tail != text or not _han(tail[-1]):
        return False
    return len(list(rjieba.cut(tail[-6:]))[-1]) == 1


def join_score(a: Unit, b: Unit, distance: int) -> float:
    """How likely body piece b continues body piece a (a ends mid-sentence)."""
    w = WEIGHTS
    if DATELINE.match(b.text):
        return w["join.dateline"]
    score = 0.0
    if word_across(a.text, b.text):
        score += w["join.word_across"]
    if b.starts_open:
        score += w["join.starts_open"]
    if distance == 1:
        score += w["join.adjacent"]
    score += w["join.distance"] * (distance - 1)
    if a.text and a.text[-1] not in "，、；：,;:":
        score += w["join.short_tail"]
    return score


def glue(left: str, right: str) -> str:
    """Join two pieces of one sentence; a space only between Latin words."""
    if left and right and left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum():
        return left + " " + right
    return left + right


def headline_score(heads: list[Unit], following: Unit | None, current, marked_page: bool = False,
                   after: str = "") -> float:
    """How likely a headline group opens a new article rather than a subhead."""
    w = WEIGHTS
    score = 0.0
    if marked_page and not any(h.level for h in heads):
        score += w["head.unmarked_on_marked_page"]
    if following is not None and following.kind == "body" and DATELINE.match(following.text):
        score += w["head.dateline_follows"]
    if following is not None and following.kind == "byline":
        score += w["head.byline_follows"]
    if len(heads) >= 2:
        score += w["head.group"]
    levels = {h.level for h in heads}
    if levels & {2, 3}:
        score += w["head.markdown_title"]
    elif levels & {1, 4, 5, 6} or all(h.bold for h in heads):
        score += w["head.markdown_section"]
    if any(_is_kicker(h.text) for h in heads):
        score += w["head.kicker_dash"]
    last = _last_paragraph(current)
    if last is not None and not ends_sentence(last):
        score += w["head.prev_open"]
    if len(heads) == 1 and re.match(r"^[^：:]{1,6}[：:]", heads[0].text):
        score += w["head.colon"]
    if current is not None and current.items and _signed_off(current.items[-1]):
        score += w["head.after_signoff"]
    if current is not None and current.has_body() and after:
        above = " ".join(p for _, kind, p in current.items[-4:] if kind == "p")
        sim = similarity(above, after)
        if sim < 0.05:
            score += w["head.new_subject"]
        elif sim > 0.15:
            score += w["head.same_subject"]
    if current is not None and not current.has_body():
        score += w["head.no_body_above"]
    return score


def _bigrams(text: str) -> set:
    han = re.sub(r"[^\u4e00-\u9fff0-9A-Za-z]", "", text)
    return {han[i:i + 2] for i in range(len(han) - 1)}


def headline_match(headline: str, body: str, distance: int) -> float:
    """How well a headline describes a body: share of its word pairs found
    in the body's opening, a little less the further away it is printed."""
    pairs = _bigrams(headline)
    if not pairs:
        return 0.0
    found = _bigrams(body[:400])
    return len(pairs & found) / len(pairs) - 0.05 * (distance - 1)


def similarity(a: str, b: str) -> float:
    """Share of character pairs two texts have in common (Dice), 0..1."""
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _signed_off(item) -> bool:
    _, kind, payload = item
    if kind in ("credit",):
        return True
    return kind == "p" and bool(re.search(r"[（(][^（()）]{2,40}[）)]$", payload))


def _last_paragraph(draft) -> str | None:
    if draft is None:
        return None
    for _, kind, payload in reversed(draft.items):
        if kind == "p":
            return payload
        if kind in ("credit", "byline", "mark", "h"):
            return None
    return None


def _is_kicker(text: str) -> bool:
    return bool(re.search(r"(——|—|-|－)$", text.strip()))


def headline_roles(heads: list[Unit]):
    """Kicker, title and subtitle of a headline group."""
    from .split import Headline
    texts = [h.text for h in heads]
    if not texts:
        return Headline(None, None, None)
    if len(texts) == 1:
        return Headline(None, _tidy(texts[0]), None)
    if len(texts) == 2:
        a, b = texts
        if _is_kicker(a):
            return Headline(_kicker(a), _tidy(b), None)
        if b.startswith("—"):
            return Headline(None, _tidy(a), _tidy(b))
        if heads[0].level and heads[1].level and heads[0].level < heads[1].level == 3 and heads[0].level == 1:
            return Headline(_tidy(a), _tidy(b), None)
        return Headline(None, _tidy(a), _tidy(b))
    kicker, title, subtitle = texts[0], texts[1], " ".join(texts[2:])
    return Headline(_kicker(kicker), _tidy(title), _tidy(subtitle))


def _kicker(text: str) -> str:
    text = text.strip()
    if re.search(r"[^—]-$|[^—]－$|[^—]—$", text):
        text = re.sub(r"[-－—]$", "——", text)
    return text


def _tidy(text: str) -> str:
    return text.strip()
