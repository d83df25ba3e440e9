"""Evidence for reassembling a page: one scoring function per kind of evidence.

All weights live in WEIGHTS so that tuning happens in one place (and the
tests pin the behaviour the weights must produce).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import jieba
import rjieba

from .units import (COLUMN_TAG, DATELINE, PART_NUMBER, SIDEBAR_TAG, Unit, bracket_depth, ends_mid_word,
                    ends_paragraph, ends_sentence, is_bracketed_note, is_dated_note, is_speaker_line, names_its_column, opens_box,
                    signs_compilation, starts_mid_sentence)

WEIGHTS = {
    # joining a piece that ends mid-sentence to its continuation
    "join.word_across": 2.5,      # the characters across the break form a dictionary word
    "join.starts_open": 3.0,      # the continuation starts with punctuation
    "join.adjacent": 1.5,         # the continuation is the very next body piece
    "join.distance": -0.35,       # per body piece skipped over
    "join.dateline": -20.0,       # a dateline only ever opens an article
    "join.short_tail": 0.5,       # the first piece ends without any punctuation at all
    "join.closes_bracket": 3.0,   # the continuation closes a bracket the first piece left open
    "join.bracket_open": -2.0,    # ... or goes on without closing it
    "join.bracket_unopened": -3.0,  # the continuation closes a bracket the first piece never opened
    "join.stub_start": 1.0,       # the continuation's first sentence is a stub of one to three characters (持。在…)
    "join.stub_word": 1.0,        # ... that finishes the first piece's last word (扶|持。)
    "join.fresh_start": -2.5,     # the continuation opens like a paragraph (据介绍，/ 近日，/ 3月11日，)
    "join.across_headline": -1.5,  # a headline the page marks (##) is printed between the two
    "join.glued": 3.0,            # a bare line break ties the two, on a page that leaves blank lines
    "join.shared_words": 4.0,     # per unit of word-vector cosine the continuation falls short of the
                                  # plausible one sharing most words with the first piece
    # a headline group opening a new article (vs. an in-article subhead):
    # a logistic model, fitted by bench/fit_headlines.py on the dev corpus
    # and the samples (weight 10), held-out accuracy 0.89. The corpus has no #, bold-only or lone ###
    # groups, so "head.markdown_section" and "head.markdown_lower_only" keep
    # hand-set values: on the sample pages those lines are in-article subheads.
    # "head.sidebar_tag" is hand-set too (added after the last fit; a box
    # tagged （记者手记） / （延伸阅读） belongs to the article it is printed by),
    # and so is "head.article_words_below": a refit of every weight with it
    # (−2.17) gained corpus exact 0.007 and cost the samples 0.04; −1.25
    # alone was chosen end to end (corpus B-cubed +0.005, samples unchanged).
    "head.after_signoff": 0.90,
    "head.bias": -0.77,
    "head.byline_after_credit": 1.31,
    "head.byline_follows": -1.63,
    "head.numbered": -3.16,
    "head.colon": -2.16,
    # hand-set over the fitted 1.47: a commentary under its column tag printed after a
    # report on its subject shares that report's words; 97% of the corpus's tagged
    # groups open an article. Corpus title +0.005, exact +0.004
    "head.column_tag": 2.5,
    "head.dateline_follows": 2.09,
    "head.group": -0.12,
    "head.group_of_three": 0.05,
    "head.list": -4.0,            # hand-set: none of the 12 such corpus groups is a headline
    "head.length": 0.78,
    "head.markdown_section": -1.0,
    "head.markdown_lower_only": -2.0,
    "head.markdown_top": -0.29,
    "head.markdown_title": 2.75,
    "head.no_body_above": 1.79,
    "head.page_start": 1.50,
    # hand-set (added after the last fit): right under a group read as a
    # subhead, nothing between: a paragraph's opening words cut off at a line
    # break (五、实施扩大内需战略… / 我国内需潜力大，要深化供给侧结构性 | 改革，…).
    # Any weight from -0.75 to -2.0 scores alike: corpus exact +0.0003,
    # wraps-as-paragraphs +0.001
    "head.under_a_subhead": -1.0,
    # hand-set over the fitted -2.00 (corpus exact +0.001, title +0.001): a
    # headline over sections as long as itself looked like one of them; -1.5
    # gained more on the corpus but split a sample's sibling subheads under
    # wraps-as-paragraphs
    "head.parallel": -1.75,
    "head.pieces_below": -0.42,
    "head.prev_open": 0.26,
    "head.quote": -0.36,
    "head.short": 1.50,
    # hand-set (added after the last fit): 图片报道 / 图片新闻 heads a photo story; all
    # 113 such corpus groups are headlines, 6 were read as subheads of the article
    # the photo is printed into. Corpus exact +0.0012, title +0.0012
    "head.photo_label": 3.0,
    "head.sidebar_tag": -3.0,     # hand-set, see above
    "head.similar_above_below": -3.39,
    "head.spaced_parts": -0.36,
    # hand-set over the fitted 1.23: 97% of the corpus's groups with a ——subtitle
    # are headlines; one printed after an article on its subject was read as a subhead
    "head.subtitle_dash": 2.0,
    "head.unmarked_on_marked_page": -4.67,
    "head.words_below": 0.55,
    "head.article_words_below": -1.25,   # hand-set, see above
    "head.in_collection": -3.0,          # hand-set (added after the last fit): corpus B-cubed +0.003
    "head.speaker_below": -3.0,          # hand-set (added after the last fit): 82 of 85 such groups are no headline
    "head.only_byline_above": -3.0,      # hand-set (added after the last fit): none of the 17 such groups is a headline
    "head.dateline_above": 3.0,          # hand-set (added after the last fit): 181 of 182 such groups are headlines
    # hand-set (added after the last fit): a dateline one or two pieces under the
    # group, the piece between being the article above's, cut off and printed
    # between (columns interleaved); 3.0 chosen end to end, corpus exact +0.003
    "head.dateline_soon": 3.0,
    # hand-set (added after the last fit): a group ending on a lead-in line (…书记吴柏春——)
    # introduces a part of the article it is printed in; 3 of 48 such corpus groups
    # are headlines. Corpus B-cubed +0.0005, exact +0.0005
    "head.lead_in": -1.0,
    # hand-set (added after the last fit): a sign-off a piece or two above the group
    # ends the article above, the pieces between being the new one's printed
    # before its headline; corpus exact +0.005, title +0.003
    "head.signoff_above": 1.0,
    # hand-set (added after the last fit): right under a sign-off naming a team
    # of reporters (（本报记者郝迎灿、窦瀚洋、马跃峰…）), which closes a package:
    # 106 of 109 such corpus groups are headlines; corpus exact +0.002
    "head.after_team_signoff": 2.0,
    # hand-set (added after the last fit): all 31 such corpus groups are headlines
    "head.dated_twice": 3.0,
    "head.after_dated_report": 2.0,   # hand-set (added after the last fit): corpus exact +0.005
    # hand-set (added after the last fit): a title over its adoption or date note
    # (（2020年5月28日…会议通过）) heads a document; 36 of the corpus's 38 such
    # groups are headlines (the other two, lines of one title)
    "head.document": 3.0,
    # sharing the pieces around a headline between the article above and the
    # new one (pieces printed before their headline; columns interleaved)
    "share.words": 8.0,           # per piece: cosine to the rest of its article - to the other one
    "share.join": 1.0,            # a piece stopping mid-sentence, continued by the next of its article
    "share.broken": -1.0,         # ... and not continued
    "share.dateline_first": 1.0,  # a dateline piece opens the new article's body
    "share.dateline_inside": -4.0,  # a dateline anywhere else
    "share.signoff_inside": -10.0,  # a sign-off that is not its article's last piece
    "share.signoff_first": -10.0,   # ... or that opens the new article's body
    # a short plain line being a headline line at all (vs. a cut body line)
    "line.markup": 5.0,           # # heading or **bold** line
    "line.base": 1.0,
    "line.long": -0.3,            # per character beyond 24
    "line.comma": -0.6,           # per comma inside
    "line.comma_over_body": -0.6,  # per comma more, over body text (see headline_line_score)
    "line.single_char_tail": -1.0,  # ends in a one-character word: a cut mid-phrase
    "line.continues_prev": -3.5,  # the previous piece runs on into this line
    "line.runs_on": -2.5,         # this line runs on into the next piece
    "line.left_open": -3.0,       # stops inside a quote, book title or bracket: “我是一位 | 民宿从业者
    "line.opens_next": 1.5,       # followed by a byline or dateline
    "line.speech": -2.0,          # "…表示，…": reported speech, inside a sentence
    "line.date_start": -2.0,      # "3月16日，…", "近年来，…" open a sentence, not a headline
    "line.column_tag": 3.0,       # ends in a column's name in brackets: 标题（人民时评）
    "line.subtitle_dash": 4.0,    # ——subtitle, right under a headline line
    "line.attribution": -3.0,     # ——speaker, right under the quote they said
    "line.label": -3.0,           # opens on a part's label (【点评】, 【人物】…): a labelled paragraph
}
LINE_THRESHOLD = 0.0
MATCH_THRESHOLD = 0.3
MATCH_WINDOW = 4
FAR_MATCH_THRESHOLD = 0.5   # a headline further down the page: share of its word pairs in the body
FAR_MATCH_MARGIN = 0.3      # ... more than in the body printed under it
SHARE_THRESHOLD = 0.5
SHARE_TAIL = 2          # pieces at the end of an article that may belong to the next
SHARE_KEEPS = 3         # a headline printed over this many pieces keeps at least as many
PHOTO_STORY_SIMILARITY = 0.05   # a caption sharing less with the article above stands alone
JOIN_THRESHOLD = 1.0
JOIN_WINDOW = 12
JOIN_PLAUSIBLE = 0.0    # a continuation scoring above this competes on the words it shares
BYLINE_REACH = 24   # characters of a continuation that may finish a cut byline
LIST_LINES = 8              # a group of more lines is a list (of names, of winners), not a headline
HEADLINE_THRESHOLD = -0.5   # logit cut chosen for bcubed on the dev corpus and samples
REPORT_MIN = 3   # paragraphs of a dated report read whole before a group that is then mostly a headline


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


# Words that open a paragraph with a comma after them (近日，… 据悉，…); the
# join and line rules below each add their own.
_OPENER_WORDS = r"近年来|近日|日前|目前|今年以来|此外|同时|据悉|据了解"
# "3月16日，…", "2019年11月，…", "近年来，…", "截至去年底，…": a sentence's time or
# link opener; a headline line starts with its subject (a kicker ending in —— may not).
_TIME_OPENER = re.compile(rf"^(?:\d{{1,2}}月\d{{1,2}}日|(?:\d{{4}}年(?:\d{{1,2}}月)?(?:\d{{1,2}}日)?|\d{{1,2}}月|{_OPENER_WORDS}|"
                          r"今年|去年|当前|如今|此前|随后|截至[^，]{1,12}|"
                          r"为此|对此|因此|其中|另外|与此同时|不久前|近期|此后|事实上|实际上|特别是|尤其是|"
                          r"一方面|另一方面|首先|其次|据(?:介绍|统计|报道)|第[一二三四五六七八九十]{1,3})，)")
# "…秘书长迪雅里克表示，蝗虫…": reported speech runs on in a sentence; a
# headline gives its speaker a colon (李克强：…).
_SPEECH = re.compile(r"(?:表示|认为|指出|强调|介绍|说|称|透露|坦言)[，,]")
# 【网言网语】, 【人物】…: the label of one part of a column, in its body.
_PART_LABEL = re.compile(r"^【[^】]{1,8}】")
# "…余额198.6 | 万亿元", "…收入1635 | .93亿元": a number cut in two.
_NUMBER_GOES_ON = re.compile(r"^(?:[.．]\d|[万亿元年月日个名家人岁%])")


def headline_line_score(unit: Unit, prev: Unit | None, nxt: Unit | None, claimed: bool = False,
                        tight: bool = False) -> float:
    """How likely a short unpunctuated line is a headline line, not cut body;
    `claimed`: a piece printed earlier on the page stops where the next one goes on;
    `tight`: the page leaves no blank line, so no break tells a paragraph's end."""
    w = WEIGHTS
    if unit.level or unit.bold:
        return w["line.markup"]
    text = unit.text.replace(" ", "")
    score = w["line.base"] + w["line.long"] * max(0, len(text) - 24)
    commas = text.count("，") + text.count(",")
    score += w["line.comma"] * commas
    # A bare line break on a page that leaves blank lines ties the line to the
    # next. On a page that leaves none, any break may be one, so it is taken
    # as tied too, except where an article opens: under a kicker
    # (…之三—— / 老虎苍蝇一起打，…) or after a credit.
    opens_after = prev is not None and (prev.kind == "credit" or prev.kind == "head" and is_kicker(prev.text))
    tied = unit.glued or tight and not opens_after
    # Over body text, a comma says "inside a sentence": on a tied line, or on
    # one with no headline line or credit above (a page that prints each
    # wrapped line as a paragraph: …了解到，全国多所学校 | 通过网络平台…).
    if nxt is not None and nxt.kind == "body" and (tied or prev is None or prev.kind not in ("head", "credit")):
        score += w["line.comma_over_body"] * commas
    if ends_mid_word(text):
        score += w["line.single_char_tail"]
    if _runs_into(prev, text):
        score += w["line.continues_prev"]
    # Not when the previous piece finishes its word in the next one (…6名职工进 | 行表彰。):
    # then this line is printed inside a cut sentence, no part of it. Nor, unless
    # the line is tied to the next (see above), when a piece printed earlier does.
    if nxt is not None and nxt.kind == "body" and (word_across(text, nxt.text) or nxt.starts_open
                                                   or _number_goes_on(text, nxt.text) or opens_on_bound_word(nxt.text)) \
            and not _runs_into(prev, nxt.text) and (tied or not claimed):
        score += w["line.runs_on"]
    # ... unless a headline line tied under it closes what it left open:
    # one headline wrapped inside its quote (织密城市治理的“ | 针脚”（人民时评）)
    if leaves_open(text) and not (unit.glued and nxt is not None and nxt.kind == "head"
                                  and not leaves_open(text + nxt.text.replace(" ", ""))):
        score += w["line.left_open"]
    if nxt is not None and (nxt.kind == "byline" or nxt.kind == "body" and DATELINE.match(nxt.text)):
        score += w["line.opens_next"]
    if _TIME_OPENER.match(text) and not is_kicker(text):
        score += w["line.date_start"]
    if _SPEECH.search(text) and not is_kicker(text):
        score += w["line.speech"]
    if COLUMN_TAG.search(text):
        score += w["line.column_tag"]
    if text.startswith("——") and prev is not None and prev.kind == "head":
        score += w["line.subtitle_dash"]
    if text.startswith("——") and prev is not None and _closes_a_quote(prev.text):
        score += w["line.attribution"]
    if _PART_LABEL.match(text):
        score += w["line.label"]
    return score


# Words that only ever follow another: a text opening with one (的重要性…,
# 了军。…) is the second half of a sentence cut before it.
_BOUND_PARTICLES = frozenset("的了着地得们吗呢吧么")


def opens_on_bound_word(text: str) -> bool:
    """Does the text open on what only ends a sentence begun elsewhere: a
    bound particle as its own word (的, 了, 着…; not 了解) or a stub of up to
    three characters (店。小儿子…, 发生的。在这里…)?"""
    particle = bool(text) and text[0] in _BOUND_PARTICLES and rjieba.cut(text[:8])[0] == text[0]
    return particle or bool(_STUB_START.match(text))


def _runs_into(prev: Unit | None, text: str) -> bool:
    """Does the body piece before stop mid-sentence in a word that `text` finishes?"""
    return prev is not None and prev.kind == "body" and not ends_sentence(prev.text) and not prev.level \
        and word_across(prev.text, text)


def _closes_a_quote(text: str) -> bool:
    """A full paragraph that ends its sentence: what a ——speaker line signs."""
    return len(text) >= 40 and ends_sentence(text) and not is_bracketed_note(text) and not COLUMN_TAG.search(text)


_PAIRS = (("“", "”"), ("‘", "’"), ("《", "》"), ("「", "」"), ("【", "】"))


def leaves_open(text: str) -> bool:
    """Does the text open a quote, a book title or a bracket it does not close?"""
    return open_bracket(text) or any(text.count(a) > text.count(b) for a, b in _PAIRS)


def _number_goes_on(text: str, after: str) -> bool:
    """Does a number the text ends in go on in the next piece (…1635 | .93亿元)?"""
    return text[-1:].isascii() and text[-1:].isdigit() and bool(_NUMBER_GOES_ON.match(after))


def join_score(a: Unit, b: Unit, distance: int, across: bool = False) -> float:
    """How likely body piece b continues body piece a (a ends mid-sentence);
    `across`: a headline the page marks is printed between them."""
    w = WEIGHTS
    if DATELINE.match(b.text):
        return w["join.dateline"]
    score = 0.0
    completes = word_across(a.text, b.text)
    if completes:
        score += w["join.word_across"]
    if b.starts_open:
        score += w["join.starts_open"]
    elif _STUB_START.match(b.text):
        score += w["join.stub_start"] + (w["join.stub_word"] if completes else 0.0)
    elif _FRESH_START.match(b.text):
        score += w["join.fresh_start"]
    opened = open_bracket(a.text)
    closing = opened and closes_bracket(b.text)
    if distance == 1:
        score += w["join.adjacent"] + (w["join.glued"] if a.glued else 0.0)
    if not closing:  # the rest of a cut byline may be printed anywhere on the page
        score += w["join.distance"] * (distance - 1)
    if a.text and a.text[-1] not in "，、；：,;:":
        score += w["join.short_tail"]
    if across:
        score += w["join.across_headline"]
    if opened:
        score += w["join.closes_bracket"] if closing else w["join.bracket_open"]
    elif closes_bracket(b.text):
        score += w["join.bracket_unopened"]
    return score


def prefer_shared_words(text: str, continuations: list[str], scores: list[float], vectors) -> list[float]:
    """Among the plausible continuations of a cut piece, mark down those that
    share fewer of its words (names, places, content words) than the best:
    where columns interleave two articles, the piece printed next to a cut is
    often the other article's, and only the words tell the two apart."""
    own = vectors(text)
    shared = [cosine(own, vectors(t)) if s > JOIN_PLAUSIBLE else None for t, s in zip(continuations, scores)]
    best = max((x for x in shared if x is not None), default=0.0)
    return [s if x is None else _marked_down(s, WEIGHTS["join.shared_words"] * (x - best))
            for s, x in zip(scores, shared)]


def _marked_down(score: float, by: float) -> float:
    """Reordered, not refused: a continuation that could join on its own
    evidence still can, below any that shares more words and can join too."""
    if score <= JOIN_THRESHOLD:
        return score + by
    return max(score + by, JOIN_THRESHOLD + 0.01)


# The first words of a paragraph, not of a sentence's second half.
_FRESH_START = re.compile(rf"^(?:据(?:介绍|统计|报道)|{_OPENER_WORDS}|\d{{1,2}}月\d{{1,2}}日|\d{{4}}年\d{{1,2}}月)[，,]")
_STUB_START = re.compile(r"^[\u4e00-\u9fff]{1,3}[。！？；]")


def open_bracket(text: str) -> bool:
    """Does the text stop inside a bracket (本报讯（记者彭冰 通讯员曲)?"""
    return bracket_depth(text) > 0


def closes_bracket(text: str) -> bool:
    """Does the text close a bracket before opening one, within a byline's reach (思达）3月11日…)?"""
    m = re.search(r"[（()）]", text[:BYLINE_REACH])
    return bool(m) and m.group() in "）)"


def glue(left: str, right: str) -> str:
    """Join two pieces of one sentence; a space only between Latin words."""
    # Latin words need a space; a number cut in two does not.
    if left and right and left[-1].isascii() and left[-1].isalpha() and right[0].isascii() and right[0].isalpha():
        return left + " " + right
    return left + right


@dataclass(frozen=True)
class HeadContext:
    """A headline group with the units printed between it and its neighbours."""
    heads: tuple          # the headline units
    before: tuple         # units since the previous headline group
    after: tuple          # units up to the next headline group
    marked_page: bool     # the page marks its headlines with ## / ###
    page_start: bool      # nothing but headlines above it on the page
    parallel: int         # groups of the same shape, line by line, nearby (sibling subheads)
    article_headline: str = ""   # the headline of the article the group is printed in, if any
    in_collection: bool = False  # ... and an editor's note (编者按) presents that article as a collection
    article_dated: bool = False  # ... and that article opened on a dateline (本报北京2月3日电)
    under_subhead: bool = False  # printed right under a group read as a subhead, nothing between


def headline_features(ctx: HeadContext, vectors) -> dict[str, float]:
    """The evidence that a headline group opens a new article, as numbers.

    `vectors(text)` gives a TF-IDF word vector; comparing the text above and
    below is the change-of-subject evidence.
    """
    heads, text = ctx.heads, "".join(h.text for h in ctx.heads)
    body_before = [u for u in ctx.before if u.kind == "body"]
    body_after = [u for u in ctx.after if u.kind == "body"]
    nxt = ctx.after[0] if ctx.after else None
    last = ctx.before[-1] if ctx.before else None
    # A box that opens an article (核心阅读) is printed under its headline, as a dateline is
    dated = nxt is not None and (nxt.kind == "body" and bool(DATELINE.match(nxt.text))
                                 or nxt.kind == "banner" and opens_box(nxt.text))
    signed = nxt is not None and nxt.kind == "byline"
    tagged = any(COLUMN_TAG.search(h.text) for h in heads)
    levels = {h.level for h in heads}
    above = " ".join(u.text for u in body_before)
    earlier = " ".join(u.text for u in body_before[:-2]) if len(body_before) >= 4 else ""
    below = " ".join(u.text for u in body_after)
    opening = " ".join(u.text for u in body_after[:4])   # where a headline's words are found again
    return {
        # Not when it closes on its column's name, as no subhead does: a
        # headline whose ## the conversion lost
        "head.unmarked_on_marked_page": float(ctx.marked_page and not any(levels)
                                              and not any(names_its_column(h.text) for h in heads)),
        "head.markdown_title": float(bool(levels & {2, 3})),
        "head.markdown_lower_only": float(levels == {3}),   # ### alone: a subtitle or a subhead
        "head.markdown_top": float(1 in levels),
        "head.markdown_section": float(bool(levels & {1, 4, 5, 6}) or all(h.bold for h in heads)),
        "head.dateline_follows": float(dated),
        # ... or was printed right above it, after other pieces: the new report's
        # opening printed before its headline
        "head.dateline_above": float(len(body_before) >= 2 and bool(DATELINE.match(body_before[-1].text))),
        # ... or a piece or two below it: the article above runs on between
        "head.dateline_soon": float(not dated and any(DATELINE.match(u.text) for u in body_after[1:3])),
        "head.byline_follows": float(signed),
        # ... which signs a part of a report, unless nothing or a photo credit is above
        "head.byline_after_credit": float(signed and (last is None or last.kind == "credit")),
        "head.group": float(len(heads) >= 2),
        "head.group_of_three": float(len(heads) >= 3),
        # More lines than any headline has, with no ——subtitle closing a
        # headline at their top (a verse under its title): a list of names.
        "head.list": float(len(heads) > LIST_LINES and subtitle_line(heads) is None),
        "head.column_tag": float(tagged),
        "head.sidebar_tag": float(any(SIDEBAR_TAG.search(h.text) for h in heads)),
        "head.subtitle_dash": float(any(h.text.startswith("——") for h in heads)),
        "head.lead_in": float(heads[-1].text.endswith("——") and not heads[-1].text.startswith("——")),
        "head.prev_open": float(last is not None and last.kind == "body" and not ends_sentence(last.text)),
        "head.colon": float(len(heads) == 1 and bool(re.match(r"^[^：:]{1,6}[：:]", heads[0].text))),
        # 一、… / （二）… / 3. …: the numbered parts of one article
        "head.numbered": float(any(NUMBERED.match(h.text) for h in heads)),
        "head.after_signoff": float(last is not None and _signs_off(last)),
        # ... or above the new article's own first pieces, printed before it
        "head.signoff_above": float(any(_signs_off(u) for u in ctx.before[-SHARE_TAIL - 1:-1])),
        "head.after_team_signoff": float(last is not None and last.kind == "body" and _team(last.text)),
        # A dispatch's sign-off (（本报华沙5月13日电）) under the group, when the article
        # it is printed in opened on a dateline: one report is not dated twice.
        "head.dated_twice": float(ctx.article_dated and any(u.kind == "body" and _DISPATCH.match(u.text)
                                                            for u in ctx.after)),
        # A document's title over when it was adopted or given.
        "head.document": float(len(heads) >= 2 and is_dated_note(heads[-1].text)),
        "head.page_start": float(ctx.page_start),
        "head.no_body_above": float(not body_before),
        "head.under_a_subhead": float(ctx.under_subhead),
        # Right after a report read whole from its dateline to a finished
        # sentence, REPORT_MIN paragraphs or more and no group between: mostly
        # the next article's headline (a report's first subhead comes after a
        # paragraph or two of lead)
        "head.after_dated_report": float(len(body_before) >= REPORT_MIN
                                         and DATELINE.match(body_before[0].text) is not None
                                         and ends_sentence(body_before[-1].text)),
        # The last pieces above may be the new article's own, printed before
        # its headline: the subject changes if it changes without them.
        "head.similar_above_below": min(cosine(vectors(above), vectors(below)),
                                        cosine(vectors(earlier), vectors(below)) if earlier else 1.0)
        if above and below else 0.5,
        "head.words_below": headline_match(text, opening, 1) if body_after else 0.0,
        # A section of the article it is printed in goes on about that article's headline.
        "head.article_words_below": headline_match(ctx.article_headline, opening, 1)
        if body_after and ctx.article_headline else 0.0,
        "head.length": min(_said_length(heads), 40) / 20,
        "head.short": float(len(text) <= 6),
        "head.photo_label": float(bool(PHOTO_LABEL.fullmatch(re.sub(r"\s", "", heads[0].text)))),
        "head.spaced_parts": float(any(re.search(r"\S[\u00a0 ]{2,}\S", h.raw) for h in heads)),
        "head.quote": float(text.startswith(("“", '"'))),
        "head.parallel": min(ctx.parallel, 3) / 3,
        "head.pieces_below": min(len(body_after), 10) / 10,
        # A contribution to a collection an editor's note presents, unless it
        # is dated, signed, tagged or kicked like an article of its own.
        "head.in_collection": float(ctx.in_collection and not (dated or signed or tagged or is_kicker(heads[0].text))),
        # Only a byline between the group and the one above: it signs that
        # part, and the group is the next heading inside it (a letter's title).
        "head.only_byline_above": float(len(ctx.before) == 1 and last.kind == "byline" and not signs_compilation(last.text)),
        # One line over who is speaking (李强代表（上海市委书记）, （韩国）金映秀):
        # a contribution's head in a package of views, not an article's.
        "head.speaker_below": float(len(heads) == 1 and nxt is not None and nxt.kind == "body" and is_speaker_line(nxt.text)),
        "head.bias": 1.0,
    }


def headline_score(ctx: HeadContext, vectors) -> float:
    """How likely a headline group opens a new article rather than being a
    subhead inside one (a logit: above HEADLINE_THRESHOLD opens)."""
    return sum(WEIGHTS[name] * value for name, value in headline_features(ctx, vectors).items())


# The label a photo story is printed under, in place of a headline of its own.
PHOTO_LABEL = re.compile(r"图片(?:报道|新闻)|新闻图片|摄影报道")
NUMBERED = re.compile(rf"^(?:{PART_NUMBER}|\d{{1,2}}[.、．](?!\d))")
_SIGNOFF = re.compile(r"[（(][^（()）]{2,40}[）)]$")


# （本报华沙5月13日电）, （据新华社堪培拉电  记者岳东兴）: where a report was filed, at its end
_DISPATCH = re.compile(r"^[（(](?:本报|据?新华社|中新社)[^（()）]{0,30}电[^（()）]{0,30}[）)]$")


_TEAM = re.compile(r"记者\s*[\u4e00-\u9fff·]{2,5}(?:\s*、\s*[\u4e00-\u9fff·]{2,5}){2,}\s*[）)、]")


def _team(text: str) -> bool:
    """（本报记者郝迎灿、窦瀚洋、马跃峰）: reporters, three or more, sign a package."""
    return is_bracketed_note(text) and bool(_TEAM.search(text))


def _said_length(heads) -> int:
    """The group's length without a speaker's line over it: who speaks
    (张宏飞：) says nothing of the group's rank, what they say does."""
    speaker = len(heads) >= 2 and heads[0].text.endswith(("：", ":"))
    return sum(len(h.text) for h in heads[1 if speaker else 0:])


def _signs_off(unit: Unit) -> bool:
    """A photo credit, or a bracketed line closing a report: （本报华盛顿2月23日电）."""
    return unit.kind == "credit" or unit.kind == "body" and bool(_SIGNOFF.search(unit.text))


def head_shape(text: str) -> tuple:
    """Length and two-part form of a headline line: sibling subheads share it."""
    return len(re.sub(r"\s", "", text)), bool(re.search(r"\S\s+\S", text))


def letter_spaced(text: str) -> bool:
    """Does the line stand apart character by character (吉  林, 编  者), as names
    and place heads are set?"""
    return bool(re.fullmatch(r"\S(?:\s+\S)+", text.strip()))


def cosine(a: dict, b: dict) -> float:
    """Cosine of two sparse word vectors, 0..1."""
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def continues(left: str, right: str) -> bool:
    """Does `right` read on from `left`, which stops mid-sentence?"""
    return starts_mid_sentence(right) or word_across(left, right)


def sharing_structure(last_kept: str, to_above: list[str], to_below: list[str]) -> float:
    """Evidence from sentence ends for one way of sharing pieces between an
    article and the next: a piece stopping mid-sentence should be continued
    by the next piece of its own article; a dateline opens the new article's
    body; a sign-off ends its article."""
    w = WEIGHTS
    score = 0.0
    for sequence in ([last_kept] + to_above if last_kept else to_above, to_below):
        for x, y in zip(sequence, sequence[1:]):
            if not ends_paragraph(x):
                score += w["share.join"] if continues(x, y) else w["share.broken"]
        for t in sequence[:-1]:
            if is_bracketed_note(t):
                score += w["share.signoff_inside"]
    if to_below and is_bracketed_note(to_below[0]):
        score += w["share.signoff_first"]
    for n, t in enumerate(to_below):
        if _opens_report(t):
            score += w["share.dateline_first"] if n == 0 else w["share.dateline_inside"]
    score += sum(w["share.dateline_inside"] for t in to_above if _opens_report(t))
    return score


def _opens_report(text: str) -> bool:
    """A dateline, or the label of a box printed at an article's top (核心阅读)."""
    return bool(DATELINE.match(text)) or opens_box(text)


def sharing_score(last_kept: str, to_above: list[str], to_below: list[str], moved: set, above: dict,
                  headline: dict, vectors) -> float:
    """How well one way of sharing pieces between the article above and the
    new one reads: each piece moved from where it was printed nearer in
    words to the rest of its new article than to the other one, plus the
    sentence-end evidence."""
    w = WEIGHTS
    above, above_sq = _with(above, to_above, vectors)
    below, below_sq = _with(headline, to_below, vectors)
    score = sharing_structure(last_kept, to_above, to_below)
    for t in to_above:
        if t in moved:
            score += w["share.words"] * (_cosine_without(vectors(t), above, above_sq) - cosine(vectors(t), below))
    for t in to_below:
        if t in moved:
            score += w["share.words"] * (_cosine_without(vectors(t), below, below_sq) - cosine(vectors(t), above))
    return score


def strips_headline(printed_under: int, kept: int) -> bool:
    """Would a sharing leave a headline printed over SHARE_KEEPS or more pieces
    with fewer, reading a whole article into its neighbour? Never done: the
    word evidence grows with every piece moved, so on a long report it would
    outvote any fixed penalty."""
    return printed_under >= SHARE_KEEPS and kept < SHARE_KEEPS


def sum_vectors(texts, vectors, base: dict | None = None) -> dict:
    """The word vectors of `texts` added up (onto a copy of `base`)."""
    total = dict(base or {})
    for t in texts:
        for k, v in vectors(t).items():
            total[k] = total.get(k, 0.0) + v
    return total


def _with(base: dict, texts: list[str], vectors) -> tuple[dict, float]:
    total = sum_vectors(texts, vectors, base)
    return total, sum(v * v for v in total.values())


def _cosine_without(v: dict, total: dict, total_sq: float) -> float:
    """Cosine of v with (total - v): v against the rest of its own article."""
    dot = sum(x * total.get(k, 0.0) for k, x in v.items())
    v_sq = sum(x * x for x in v.values())
    rest_sq = total_sq - 2 * dot + v_sq
    if v_sq <= 0 or rest_sq <= 1e-12:
        return 0.0
    return (dot - v_sq) / math.sqrt(v_sq * rest_sq)


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


def is_kicker(text: str) -> bool:
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
        if is_kicker(a):
            return Headline(_kicker(a), _tidy(b), None)
        if b.startswith("—"):
            return Headline(None, _tidy(a), _tidy(b))
        if heads[0].level and heads[1].level and heads[0].level < heads[1].level == 3 and heads[0].level == 1:
            return Headline(_tidy(a), _tidy(b), None)
        return Headline(None, _tidy(a), _tidy(b))
    kicker, title, subtitle = texts[0], texts[1], " ".join(texts[2:])
    return Headline(_kicker(kicker), _tidy(title), _tidy(subtitle))


def subtitle_line(heads: list[Unit]) -> int | None:
    """Where the ——subtitle that closes a headline group stands (its second
    or third line), if it has one."""
    return next((n for n, h in enumerate(heads[1:3], 1) if h.text.startswith("——")), None)


def _kicker(text: str) -> str:
    text = text.strip()
    if re.search(r"[^—]-$|[^—]－$|[^—]—$", text):
        text = re.sub(r"[-－—]$", "——", text)
    return text


def _tidy(text: str) -> str:
    return text.strip()
