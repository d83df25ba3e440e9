"""Splitting a page into articles, repairing what the OCR layout broke.

The page is first cut into units (`units.py`). Then, in order:
  1. cut lines: the page's folio lines are dropped; short lines that read as
     cut body text stop being headline candidates; duplicates (whole pieces,
     cut copies, long runs repeated inside paragraphs) are dropped, keeping
     the copy that reads on;
  2. joins: body pieces cut mid-sentence are chained to their continuation,
     which may sit further down the page (columns interleave) — each
     candidate pair is scored by `evidence.join_score`, best pairs first;
  3. articles: each run of headline lines is weighed once by
     `evidence.headline_score` as a new article or an in-article subhead;
     datelines and bylines open articles;
  4. untangling: pieces shared wrongly between an article and the next
     headline (printed before it, or interleaved column by column) are
     moved where they read best (`evidence.sharing_score`);
  5. photo stories end at their credit, photo captions and headlines
     printed apart from their body find their article;
  6. roundups: the briefs under a roundup column's banner are one article.
Every decision is written to the article's repair log.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import rjieba

from . import evidence
from .keywords import default_idf
from .repair import clean_body, clean_heading
from .units import (BANNER, BODY, BYLINE, CREDIT, DATELINE, FOLIO, HEAD, MARK, Unit, editors_note, ends_paragraph,
                    ends_sentence, opens_box, is_bracketed_note, is_date_alone, is_dated_note,
                    is_picture_and_text_credit, is_staff_credit, is_tight, read_units, signs_compilation)


@dataclass(frozen=True)
class Headline:
    kicker: str | None
    title: str | None
    subtitle: str | None
    column: str | None = None


@dataclass(frozen=True)
class Article:
    """One article as the page prints it, before metadata is derived."""
    headline: Headline
    blocks: tuple            # body blocks in reading order: ('p', text) or ('h', subhead)
    bylines: tuple           # standalone byline lines
    credits: tuple           # photo credit lines
    marks: tuple             # continuation marks such as （上接第1版）
    repairs: tuple
    lines: tuple             # source line numbers of every unit used


@dataclass
class _Draft:
    heads: list = field(default_factory=list)        # headline units
    items: list = field(default_factory=list)        # (position, kind, payload)
    repairs: list = field(default_factory=list)
    lines: list = field(default_factory=list)
    subheads: dict = field(default_factory=dict)     # position -> subhead unit
    # position -> the source lines of each unit of that item: all of them are
    # the article's; the first of each is where that unit was printed
    item_lines: dict = field(default_factory=dict)

    def add(self, position: int, kind: str, payload: str, unit_lines: tuple) -> None:
        self.items.append((position, kind, payload))
        self.item_lines[position] = unit_lines
        self.lines.extend(n for lines in unit_lines for n in lines)

    def add_subhead(self, head: Unit) -> None:
        self.add(head.index, "h", head.text, (head.source_lines,))
        self.subheads[head.index] = head
        self.repairs.extend(f"line {head.line}: {note}" for note in head.notes)

    def open_with_subhead(self, head: Unit) -> None:
        """Put a line printed among the headline lines first in the body, as
        a section head (its line is already among the article's)."""
        self.items.insert(0, (head.index, "h", head.text))
        self.item_lines[head.index] = (head.source_lines,)
        self.subheads[head.index] = head

    def take(self, item) -> list[str]:
        """Remove an item (to move it to another article); returns the
        repair notes about its lines, which move with it."""
        self.items.remove(item)
        lines = [n for unit_lines in self.item_lines.pop(item[0]) for n in unit_lines]
        for line in lines:
            self.lines.remove(line)
        prefixes = tuple(f"line {n}:" for n in lines) + tuple(f"joined line {n} " for n in lines)
        notes = [r for r in self.repairs if r.startswith(prefixes)]
        # A line two paragraphs were run together on is in two items: its
        # notes stay with the item still here as well.
        shared = tuple(f"line {n}:" for n in lines if n in self.lines)
        self.repairs = [r for r in self.repairs if not r.startswith(prefixes) or shared and r.startswith(shared)]
        return notes

    def move(self, item, target: "_Draft") -> None:
        """Move an item, with its lines, notes and subhead unit, to another article."""
        unit_lines = self.item_lines[item[0]]
        target.repairs.extend(self.take(item))
        target.add(item[0], item[1], item[2], unit_lines)
        if item[0] in self.subheads:
            target.subheads[item[0]] = self.subheads.pop(item[0])

    def has_body(self) -> bool:
        return any(kind == "p" for _, kind, _ in self.items)


def split_page(text: str) -> list[Article]:
    vectors = _vectors_cache()
    units, dropped, chains = _prepare(text, vectors)
    drafts = _group(units, chains, dropped, vectors)
    drafts = _untangle(drafts, vectors)
    drafts = _end_photo_stories(drafts, vectors)
    drafts = _split_photo_stories(drafts, vectors)
    drafts = _place_stray_headlines(drafts)
    drafts = _gather_roundups(drafts)
    return [_finish(d) for d in drafts if d.items or d.heads]


def _prepare(text: str, vectors) -> tuple[list[Unit], dict[int, str], dict[int, list[int]]]:
    """Units with cut lines demoted and duplicates dropped, the dropped
    pieces' notes, and the chains of pieces cut by column breaks."""
    units, wrapped = read_units(text)
    units, folios = _drop_folios(units)
    units = _demote_cut_headlines(units, wrapped, is_tight(text))
    units = _rejoin_wrapped_headlines(units)
    units, dropped = _drop_duplicates(units)
    units, twice = _drop_repeated_lines(units)
    dropped.update(twice)
    dropped.update(folios)
    units, cut = _drop_repeated_runs(units)
    dropped.update(cut)
    units = _promote_long_headline_lines(units)
    return units, dropped, _join_pieces(units, vectors)


# -- 1. folio lines and duplicates ------------------------------------------

def _drop_folios(units: list[Unit]) -> tuple[list[Unit], dict[int, str]]:
    """Drop the page's folio lines (paper, date, page number): printed on every
    page, they belong to no article. The note lands in the article printed
    nearest above (the first one for a folio line at the head)."""
    dropped = {u.index: f"removed folio line (line {u.line}): {u.text}" for u in units if u.kind == FOLIO}
    return [u for u in units if u.index not in dropped], dropped


def _key(text: str) -> str:
    return re.sub(r"[\s*#>`_\u00a0\u3000]+", "", text)


FORMULA_CHARS = 30


def _drop_duplicates(units: list[Unit]) -> tuple[list[Unit], dict[int, str]]:
    """Drop body pieces printed twice: an exact copy, or a copy cut short
    (before or after the full one); the full copy is the one that reads on.

    Returns the kept units and {index of the dropped unit: note}; the note
    lands in the article that keeps the text.
    """
    body = [(u, _key(u.text)) for u in units if u.kind == BODY]
    dropped = {}
    for n, (unit, key) in enumerate(body):
        # A short whole sentence or note printed again is a formula several
        # articles end with (会议还研究了其他事项。/（新华社北京5月27日电）);
        # a block printed twice comes as cut lines or long pieces.
        # So is a dash line: the occasion under a speech's title, a quote's speaker,
        # and the note of when a document was adopted, under each document's title.
        if len(key) < 8 or len(key) < FORMULA_CHARS and unit.ends_closed or key.startswith("——") \
                or is_dated_note(unit.text):
            continue
        earlier = any(k.startswith(key) for u, k in body[:n] if u.index not in dropped)
        # A cut copy printed first: a later piece starts with all of it.
        later = len(key) >= 15 and not unit.ends_closed and any(k.startswith(key) and k != key for _, k in body[n + 1:])
        if earlier or later:
            dropped[unit.index] = f"removed duplicate piece (line {unit.line}): {unit.text[:30]}…"
    return [u for u in units if u.index not in dropped], dropped


_WORDS = re.compile(r"\w")   # letters, digits and CJK alike

def _drop_repeated_lines(units: list[Unit]) -> tuple[list[Unit], dict[int, str]]:
    """A headline, byline or credit line printed twice, the copy right under
    the first (a line the OCR read twice; two photos' credits have their
    captions between): the copy is dropped, its note landing in the article
    the line belongs to."""
    dropped = {}
    for above, unit in zip(units, units[1:]):
        if unit.kind in (HEAD, BYLINE, CREDIT) and above.kind == unit.kind and _key(unit.text) == _key(above.text) \
                and above.index not in dropped:
            what = {HEAD: "headline", BYLINE: "byline", CREDIT: "credit"}[unit.kind]
            dropped[unit.index] = f"removed duplicate {what} line (line {unit.line}): {unit.text[:30]}"
    return [u for u in units if u.index not in dropped], dropped


REPEAT_MIN = 30    # characters of a shingle that may start a repeated run
REPEAT_RUN = 100   # a shorter repeat is more likely a quotation cited twice


def _drop_repeated_runs(units: list[Unit]) -> tuple[list[Unit], dict[int, str]]:
    """A long run printed twice inside two paragraphs. A ■ box reprinting a
    passage loses it; a passage that reads whole in both (quoted twice) stays
    in both; a column block printed twice stays in the copy whose paragraph
    reads on with it (shares its words)."""
    body = [u for u in units if u.kind == BODY and len(u.text) >= REPEAT_MIN]
    seen: dict[str, int] = {}
    cut: dict[int, str] = {}
    texts = {u.index: u.text for u in body}
    for u in body:
        # Probe every 10th position against every position seen so far.
        for start in range(0, len(u.text) - REPEAT_MIN + 1, 10):
            shingle = u.text[start:start + REPEAT_MIN]
            other = seen.get(shingle)
            if other is not None and other not in cut and u.index not in cut:
                run = _common_run(texts[other], texts[u.index], shingle)
                if len(run) < REPEAT_RUN:
                    continue
                a, b = texts[other], texts[u.index]
                if _opens_in_both(a, b, run):
                    loser = _reprint(a, b, run, other, u.index)
                    if loser is None:       # words around it in both: a passage quoted twice
                        continue
                elif _stops_a_sentence(a, b, run):
                    continue                # it reads whole: quoted twice
                else:
                    loser = _copy_that_does_not_read_on(a, b, run, other, u.index)
                texts[loser] = texts[loser].replace(run, "", 1)
                line = next(x.line for x in body if x.index == loser)
                cut[loser] = f"removed duplicate run of {len(run)} characters inside line {line}: {run[:20]}…"
        for start in range(len(u.text) - REPEAT_MIN + 1):
            seen.setdefault(u.text[start:start + REPEAT_MIN], u.index)
    out = [replace(u, text=texts[u.index])
           if u.index in cut else u for u in units]
    return [u for u in out if u.text.strip("，。、；：,;: ")], cut


_SENTENCE_END = "。！？”」.!?\""


def _opens_in_both(a: str, b: str, run: str) -> bool:
    """Does the run open a clause in both paragraphs (after punctuation or
    a mark), as a passage quoted twice does?"""
    def opens_clause(text: str) -> bool:
        i = text.index(run)
        return i == 0 or not _WORDS.match(text[i - 1])
    return opens_clause(a) and opens_clause(b)


def _stops_a_sentence(a: str, b: str, run: str) -> bool:
    """Does the run stop at a sentence's end, so it reads whole: a passage
    the page quotes twice (a speech cited in a report and in its commentary)?
    A block printed twice by OCR is a column cut: it starts mid-clause and
    stops mid-sentence."""
    def stops_sentence(text: str) -> bool:
        end = text.index(run) + len(run)
        return end < len(text) and text[end] in _SENTENCE_END
    return run[-1] in _SENTENCE_END or stops_sentence(a) or stops_sentence(b)


def _common_run(a: str, b: str, seed: str) -> str:
    """The longest stretch around `seed` that both texts share."""
    i, j = a.index(seed), b.index(seed)
    start = 0
    while i - start > 0 and j - start > 0 and a[i - start - 1] == b[j - start - 1]:
        start += 1
    end = len(seed)
    while i + end < len(a) and j + end < len(b) and a[i + end] == b[j + end]:
        end += 1
    return a[i - start:i + end]


def _reprint(a: str, b: str, run: str, index_a: int, index_b: int) -> int | None:
    """Of a run that opens a clause in both, a copy with nothing but marks
    around it (a ■ box quoting the report) is the reprint, whether or not the
    passage reads whole. (A piece that is all run but starts where the other
    copy is mid-clause is a column's continuation, not a box: the caller
    asks `_opens_in_both` first.)"""
    if not _WORDS.search(a.replace(run, "", 1)):
        return index_a
    if not _WORDS.search(b.replace(run, "", 1)):
        return index_b
    return None


def _copy_that_does_not_read_on(a: str, b: str, run: str, index_a: int, index_b: int) -> int:
    rest_a, rest_b = a.replace(run, "", 1), b.replace(run, "", 1)
    return index_a if evidence.similarity(rest_a, run) < evidence.similarity(rest_b, run) else index_b


# -- 2. joins ----------------------------------------------------------------

def _demote_cut_headlines(units: list[Unit], wrapped: bool, tight: bool) -> list[Unit]:
    """A short line that reads as a cut body line, not a headline, becomes body;
    `tight`: the page leaves no blank line (see `evidence.headline_line_score`)."""
    out = []
    for i, unit in enumerate(units):
        prev = out[-1] if out else None
        nxt = units[i + 1] if i + 1 < len(units) else None
        if unit.kind == HEAD and evidence.headline_line_score(unit, prev, nxt, _claimed(units, unit, prev, nxt), tight) \
                < evidence.LINE_THRESHOLD:
            text, notes = clean_body(unit.raw, wrapped)
            unit = replace(unit, text=text, kind=BODY, level=0, bold=False, notes=tuple(notes))
        out.append(unit)
    return out


def _rejoin_wrapped_headlines(units: list[Unit]) -> list[Unit]:
    """Two headline lines with no blank line between, on a page that leaves
    one between its headline lines, are one headline wrapped in two; so are
    two that a word runs across (…推进西部大 | 开发形成新格局…) on a page
    that leaves none: a title over its subtitle ends on a whole word. Not a
    kicker over its title, a ——subtitle, or lines spaced out like names
    (吉  林), whose characters stand apart on purpose."""
    out: list[Unit] = []
    for unit in units:
        above = out[-1] if out else None
        if above is not None and above.kind == unit.kind == HEAD and above.level == unit.level \
                and unit.line == above.line + 1 and not evidence.is_kicker(above.text) \
                and not unit.text.startswith("—") and not evidence.letter_spaced(above.text) \
                and (above.glued or evidence.ends_mid_word(above.text) and evidence.word_across(above.text, unit.text)):
            note = f"joined headline line {above.line} with line {unit.line} (a headline broken by a line wrap)"
            out[-1] = replace(above, text=evidence.glue(above.text, unit.text), notes=above.notes + unit.notes + (note,),
                              last_line=unit.source_lines[-1])
            continue
        if above is not None and above.kind == HEAD and above.glued and unit.line == above.line + 1 \
                and unit.kind == BODY and evidence.COLUMN_TAG.fullmatch(unit.text):
            # 为美好生活努力打拼 | （总书记来过我们家）: the column's name
            # wrapped under its headline, not a sign-off
            note = f"joined headline line {above.line} with line {unit.line} (a column name wrapped under its headline)"
            out[-1] = replace(above, text=above.text + unit.text, notes=above.notes + unit.notes + (note,),
                              last_line=unit.source_lines[-1])
            continue
        out.append(unit)
    return out


def _claimed(units: list[Unit], line: Unit, prev: Unit | None, nxt: Unit | None) -> bool:
    """Does a piece printed earlier on the page stop in the word the next
    piece finishes (…日前发布 | 公告称，…), or stop mid-sentence where the next
    piece opens on a bound word (…必胜 | 的决心，…) that does not finish a word
    of the line itself (…已取 | 得阶段性成果)? Then the line printed right
    before the next piece need not be the start of its sentence."""
    if nxt is None or nxt.kind != BODY:
        return False
    bound = evidence.opens_on_bound_word(nxt.text) and not evidence.word_across(line.text, nxt.text)
    return any(u is not prev and u.index < nxt.index and u.kind == BODY and not u.ends_closed
               and (bound or evidence.word_across(u.text, nxt.text)) for u in units)


def _promote_long_headline_lines(units: list[Unit]) -> list[Unit]:
    """A long line that ends without punctuation, printed right above a
    headline that a byline, dateline or opening box (核心阅读) follows, is
    that headline's kicker (too long to look like a headline line on its
    own); one right below a
    headline, or below a finished paragraph, above a byline or dateline, is
    a headline line too; so is a long title over its ——subtitle
    (关于…的报告 / ——在…会议上) or over the date it was adopted (…的决议 /
    （2020年5月28日…通过）, both lines), and a speaker's line ending in a colon above a
    headline line the page does not mark (国台办： / 民进党当局…), unless a
    marked headline is right above it. So is one right after a report's
    bracketed sign-off, over body text: nothing follows a sign-off in its report."""
    out = list(units)

    def opens(u: Unit) -> bool:
        return u.kind == BYLINE or u.kind == BODY and bool(DATELINE.match(u.text)) \
            or u.kind == BANNER and opens_box(u.text)

    def unpunctuated(u: Unit, cut_word_ok: bool = False) -> bool:
        return u.kind == BODY and not u.ends_closed and "。" not in u.text and len(u.text) <= 64 \
            and u.text[-1:] not in "，、；：,;:" and not u.text.rstrip("-—－").endswith(tuple("0123456789")) \
            and not u.starts_open and u.text[:1] not in "（(" \
            and (cut_word_ok or not evidence.ends_mid_word(u.text)) and not DATELINE.match(u.text)

    def between_reports(before: Unit, u: Unit) -> bool:
        # After a finished paragraph and before a dateline a line is no cut
        # sentence, whatever its last character: nothing there could end it.
        return before.kind == BODY and before.ends_closed and "，" not in u.text and unpunctuated(u, True)

    def finished(before: Unit | None) -> bool:
        return before is None or before.kind in (HEAD, CREDIT, BANNER) or before.kind == BODY and before.ends_closed

    def signed_off(u: Unit) -> bool:
        # （新华社北京5月17日电  记者赵承、霍小光…）: a report's sign-off; the next line opens another
        return u.kind == BODY and is_bracketed_note(u.text) and not is_dated_note(u.text)

    def speaker_lead(u: Unit) -> bool:
        # "张宏飞：" over "侦查破案 冲锋在前": who speaks, then what; the
        # pair is one headline group, or one subhead, never a sentence.
        return u.kind == BODY and u.text[-1:] in "：:" and len(u.text) <= 30 \
            and not re.search(r"[。，！？；]", u.text) and not u.starts_open and not DATELINE.match(u.text)

    def cut_before(u: Unit, nxt: Unit) -> bool:
        # Clear signs only: a word across any break is in jieba's dictionary
        # one time in three (真相 | 近期: 相近), and nothing runs on into a dateline.
        return nxt.kind == BODY and not DATELINE.match(nxt.text) \
            and (nxt.starts_open or evidence.opens_on_bound_word(nxt.text)
                 or evidence.ends_mid_word(u.text) and evidence.word_across(u.text, nxt.text))

    def runs_on_under(u: Unit, below: Unit) -> bool:
        # …装箱，一小 | 家庭农场产销忙（…） | 时后，…: the line's sentence goes on under
        # the headline printed into it; no lead-in of that headline.
        return below.kind == BODY and not DATELINE.match(below.text) and evidence.continues(u.text, below.text)

    def dated_note(u: Unit) -> bool:
        # （2020年5月27日政协第十三届全国委员会第三次会议通过）: when a document was adopted
        return u.kind == BODY and is_dated_note(u.text)

    def exclaimed(u: Unit) -> bool:
        # 食用野生动物，重罚！ over ——全国人大常委会…答记者问: a title may exclaim or ask
        return u.kind == BODY and len(u.text) <= 30 and u.text[-1:] in "！？!?" \
            and not re.search(r"[。；;]", u.text) and not u.starts_open

    def dash_subtitle(u: Unit) -> bool:
        # ——在第十三届全国人民代表大会第三次会议上: a subtitle, not a list item (——预警能力持续增强。…)
        return u.kind in (HEAD, BODY) and u.text.startswith("——") and len(u.text) <= 50 \
            and not re.search(r"[。！？；]", u.text)

    for n in range(len(units) - 1):
        before = units[n - 1] if n else None
        unit, nxt = units[n], units[n + 1]
        after = units[n + 2] if n + 2 < len(units) else None
        if (unit.kind == HEAD or unpunctuated(unit, True)) and dated_note(nxt):
            out[n] = unit if unit.kind == HEAD else _as_headline_line(unit)
            out[n + 1] = _as_headline_line(nxt)
            continue
        quotation = unit.text.startswith("“") and unit.text.endswith("”")   # a quote over ——its speaker
        if finished(before) and (unpunctuated(unit) or exclaimed(unit)) and not unit.text.startswith("—") \
                and not quotation and dash_subtitle(nxt):
            out[n], out[n + 1] = _as_headline_line(unit), _as_headline_line(nxt)
            continue
        if before is None and unpunctuated(unit, True) and not cut_before(unit, nxt):
            # Nothing is printed above a page's first line but the page's own
            # head: an unpunctuated first line is a headline, however long,
            # unless the piece under it finishes its sentence.
            out[n] = _as_headline_line(unit)
            continue
        if before is not None and opens(nxt) \
                and (before.kind == HEAD and unpunctuated(unit) or between_reports(before, unit)):
            out[n] = _as_headline_line(unit)
            continue
        if before is not None and signed_off(before) and unpunctuated(unit) and "，" not in unit.text \
                and nxt.kind == BODY and not cut_before(unit, nxt):
            out[n] = _as_headline_line(unit)
            continue
        if speaker_lead(unit) and nxt.kind == HEAD and not (nxt.level or nxt.bold) \
                and not (before is not None and before.kind == HEAD and (before.level or before.bold)):
            out[n] = _as_headline_line(unit)
            continue
        if after is None or before is not None and before.kind == BODY and not before.ends_closed:
            continue
        # A headline a byline, dateline or column tag marks as a report's takes
        # the lead-in above it (离汉通道关闭以来，武汉市民携手相助… over
        # 同舟共济战疫情（人民眼）) or the speaker's line (张宏飞：).
        # Not on a headline the page marks (## …): its own lines would be marked too.
        head = nxt
        if head.kind == HEAD and not (head.level or head.bold) \
                and (unpunctuated(unit) or finished(before) and speaker_lead(unit)) \
                and (opens(after) or evidence.COLUMN_TAG.search(head.text)) and not runs_on_under(unit, after):
            out[n] = _as_headline_line(unit)
    return out


def _as_headline_line(unit: Unit) -> Unit:
    notes: list[str] = []
    text = clean_heading(unit.raw.strip(), notes)
    return replace(unit, text=text, kind=HEAD, level=0, bold=False, notes=tuple(notes))


def _join_pieces(units: list[Unit], vectors) -> dict[int, list[int]]:
    """Chain body pieces cut by column breaks; returns {first index: chain}."""
    body = [u for u in units if u.kind == BODY]
    position = {u.index: n for n, u in enumerate(body)}
    at = {u.index: n for n, u in enumerate(units)}
    pairs = []
    for a in body:
        if ends_paragraph(a.text) or DATELINE.match(a.text) and len(a.text) < 12:
            continue
        # A cut byline's closing bracket may be printed anywhere on the page.
        window = len(body) if evidence.open_bracket(a.text) else evidence.JOIN_WINDOW
        candidates = body[position[a.index] + 1: position[a.index] + 1 + window]
        scores = [evidence.join_score(a, b, position[b.index] - position[a.index], _across_headline(units, at, a, b))
                  for b in candidates]
        scores = evidence.prefer_shared_words(a.text, [b.text for b in candidates], scores, vectors)
        pairs.extend((-score, a.index, b.index) for b, score in zip(candidates, scores)
                     if score > evidence.JOIN_THRESHOLD)
    nxt, prv = {}, {}
    for _, a, b in sorted(pairs):
        if a in nxt or b in prv or _reaches(nxt, b, a):
            continue
        nxt[a], prv[b] = b, a
    chains = {}
    for u in body:
        if u.index in prv:
            continue
        chain, cur = [u.index], u.index
        while cur in nxt:
            cur = nxt[cur]
            chain.append(cur)
        chains[u.index] = chain
    return chains


def _across_headline(units: list[Unit], at: dict[int, int], a: Unit, b: Unit) -> bool:
    """Is a headline the page marks printed between the two pieces?"""
    return any(u.kind == HEAD and u.level for u in units[at[a.index] + 1:at[b.index]])


def _reaches(nxt: dict, start: int, target: int) -> bool:
    cur = start
    while cur in nxt:
        cur = nxt[cur]
        if cur == target:
            return True
    return start == target


# -- 3. articles ---------------------------------------------------------------

def _group(units: list[Unit], chains: dict[int, list[int]], dropped: dict[int, str], vectors) -> list[_Draft]:
    by_index = {u.index: u for u in units}
    drafts: list[_Draft] = []
    current: _Draft | None = None
    pending_heads: list[Unit] = []

    def open_article(heads):
        nonlocal current
        current = _Draft(heads=list(heads))
        current.lines.extend(n for h in heads for n in h.source_lines)
        current.repairs.extend(f"line {h.line}: {note}" for h in heads for note in h.notes)
        drafts.append(current)
        return current

    ordered = _reading_order(units, chains)
    new_article = _headline_decisions(ordered, _marked(units), vectors)
    for unit in ordered:
        # A run of headline lines cut after a column's headline or a numbered
        # section head (a group of its own in new_article) stays one group only
        # if both open an article: a subhead and the headline under it part.
        # A document's title ends with the date it was adopted.
        if unit.kind == HEAD and pending_heads and unit.index in new_article \
                and (not (new_article[unit.index] and new_article[pending_heads[0].index])
                     or is_dated_note(pending_heads[-1].text)):
            _settle_heads(pending_heads, current, open_article, new_article)
            pending_heads = []
        if unit.kind == HEAD:
            pending_heads.append(unit)
            continue
        under_subhead, settled = False, pending_heads
        if pending_heads:
            under_subhead = not _settle_heads(pending_heads, current, open_article, new_article)
            pending_heads = []
        if unit.kind == BANNER:
            # A box label (阅读提示, 核心阅读) is printed text of the article it
            # sits in; after an article's body, an opening box starts the next
            # (not after a paragraph or two: an editor's note may come first).
            if current is None or opens_box(unit.text) and _paragraphs(current) >= 3 and not under_subhead:
                open_article([])
            current.add(unit.index, "p", unit.text, (unit.source_lines,))
            continue
        if unit.kind == BODY:
            chain = [by_index[i] for i in chains[unit.index]]
            opens = bool(DATELINE.match(unit.text)) and not _same_dateline(current, unit.text)
            if current is None or opens and current.has_body() or _closed_by_staff(current):
                # A dateline opens an article: the lines printed right above
                # it head that article, whatever they looked like on their own.
                # So does body text after the staff credit that closed one.
                open_article(_take_subheads(current, settled) if under_subhead else [])
            _add_paragraph(current, chain)
        elif unit.kind == BYLINE:
            # A byline under a subhead signs a part of the article (a package
            # of reports), and a compiler's line (…整理) the statement above it;
            # anywhere else a byline opens the next article.
            if current is None or current.has_body() and not under_subhead and not signs_compilation(unit.text):
                open_article([])
            current.add(unit.index, "byline", unit.text, (unit.source_lines,))
        elif unit.kind in (CREDIT, MARK):
            if current is None:
                open_article([])
            current.add(unit.index, unit.kind, unit.text, (unit.source_lines,))
    if pending_heads:
        _settle_heads(pending_heads, current, open_article, new_article)
    for index, note in dropped.items():
        owner = _owner_of(drafts, index)
        if owner is not None:
            owner.repairs.append(note)
    return drafts


def _closed_by_staff(draft: _Draft | None) -> bool:
    """Has the article closed on the page's staff credit (制图：X)? Body text
    printed after it is the next article's, often its opening above its headline."""
    return draft is not None and draft.has_body() and draft.items[-1][1] == CREDIT \
        and is_staff_credit(draft.items[-1][2])


def _ends_group(last: Unit, unit: Unit) -> bool:
    """A headline line with its column's name (标题（人民时评）) ends its group,
    and so do a numbered section head (二、…) over a headline and a document's
    adoption date, and a date alone (a decree's signing date, over the next
    document's title): the lines under it are weighed on their own, and stay one
    group only if both would open an article (a ——subtitle always stays)."""
    ends = (evidence.COLUMN_TAG.search(last.text) or evidence.NUMBERED.match(last.text) or is_dated_note(last.text)
            or is_date_alone(last.text))
    return bool(ends) and not unit.text.startswith("—")


def _take_subheads(draft: _Draft, heads: list[Unit]) -> list[Unit]:
    """Take back the subheads just added to an article (to head the next)."""
    for h in heads:
        item = next(it for it in draft.items if it[0] == h.index)
        draft.subheads.pop(h.index, None)
        draft.take(item)
    return heads


def _same_dateline(draft: _Draft | None, text: str) -> bool:
    """A roundup under one headline repeats its dateline for each report
    (据新华社北京2月2日电 … 据新华社北京2月2日电 …)."""
    if draft is None:
        return False
    first = next((payload for _, kind, payload in draft.items if kind == "p"), "")
    words = _dateline_words(first)
    return words is not None and words == _dateline_words(text)


def _dateline_words(text: str) -> str | None:
    """A dateline with its place and date (据新华社北京2月2日电); a bare 本报讯
    says nothing about which report it opens."""
    m = re.match(r"^\S*?\d+日电", re.sub(r"\*", "", text))
    return m.group() if m and DATELINE.match(text) else None


def _headline_decisions(ordered: list[Unit], marked_page: bool, vectors) -> dict[int, bool]:
    """For each headline group (keyed by its first unit): does it open an article?"""
    return {ctx.heads[0].index: opens for ctx, opens in _decide(_head_contexts(ordered, marked_page), vectors)}


def _decide(contexts: list[evidence.HeadContext], vectors):
    """Each group in printed order with its decision; a group is weighed
    knowing the headline of the article it is printed in (the last group
    that opened one)."""
    article_headline, collection, dated, opens = "", False, False, True
    for ctx in contexts:
        # An article opened or closed by an editor's note introduces a
        # collection (编者按 … / ——编者): the groups after it are its contributions.
        collection = collection or (article_headline != "" and _framed_by_a_note(ctx.before))
        # (`opens` is still the decision on the group above.)
        ctx = replace(ctx, article_headline=article_headline, in_collection=collection, article_dated=dated,
                      under_subhead=not ctx.before and not opens)
        opens = evidence.headline_score(ctx, vectors) > evidence.HEADLINE_THRESHOLD
        if opens:
            article_headline, collection = "".join(h.text for h in ctx.heads), False
            opening = next((u for u in ctx.after if u.kind == BODY), None)
            dated = opening is not None and bool(DATELINE.match(opening.text))
        yield ctx, opens


def _framed_by_a_note(units) -> bool:
    """Opened by 编者按 (or by a note whose ——编者 is its second piece), or
    closed by ——编者 with no credit ending an article
    between (a note printed after one is the next article's, above its headline)."""
    body = [u for u in units if u.kind not in (HEAD, CREDIT)]
    return bool(body) and (any(editors_note(u.text) for u in body[:2])
                           or editors_note(body[-1].text) and not any(u.kind == CREDIT for u in units))


def _head_contexts(ordered: list[Unit], marked_page: bool) -> list[evidence.HeadContext]:
    """Every run of headline lines with the units around it."""
    spans, n = [], 0
    while n < len(ordered):
        if ordered[n].kind == HEAD:
            end = n + 1
            while end < len(ordered) and ordered[end].kind == HEAD and not _ends_group(ordered[end - 1], ordered[end]):
                end += 1
            spans.append((n, end))
            n = end
        else:
            n += 1
    # Sibling section heads share their shape line by line, two-line ones too.
    shapes = [tuple(evidence.head_shape(u.text) for u in ordered[a:b]) for a, b in spans]
    contexts = []
    for g, (a, b) in enumerate(spans):
        before = ordered[spans[g - 1][1] if g else 0:a]
        after = ordered[b:spans[g + 1][0] if g + 1 < len(spans) else len(ordered)]
        parallel = sum(1 for h, shape in enumerate(shapes)
                       if h != g and abs(h - g) <= 4 and shape == shapes[g])
        contexts.append(evidence.HeadContext(
            tuple(ordered[a:b]), tuple(before), tuple(after), marked_page,
            page_start=not any(u.kind != HEAD for u in ordered[:a]), parallel=parallel))
    return contexts


def headline_contexts(text: str) -> list[evidence.HeadContext]:
    """The headline groups of a page as the splitter weighs them (for tuning)."""
    vectors = _vectors_cache()
    units, _, chains = _prepare(text, vectors)
    return [ctx for ctx, _ in _decide(_head_contexts(_reading_order(units, chains), _marked(units)), vectors)]


def _reading_order(units: list[Unit], chains: dict[int, list[int]]) -> list[Unit]:
    """The units as printed, less the continuations joined into a chain."""
    in_chain = {i for chain in chains.values() for i in chain[1:]}
    return [u for u in units if u.index not in in_chain]


def _marked(units: list[Unit]) -> bool:
    """Pages that mark headlines with ## / ### mark them all, a page's one
    headline too: the unmarked groups under it are its sections."""
    return sum(1 for u in units if u.kind == HEAD and u.level in (2, 3)) >= 1


def _vectors_cache():
    """TF-IDF word vectors of texts, each cut once per page."""
    idf, cache = default_idf(), {}

    def vectors(text: str) -> dict:
        if text not in cache:
            cache[text] = idf.weigh(rjieba.cut(text))
        return cache[text]
    return vectors


def _settle_heads(heads: list[Unit], current: _Draft | None, open_article, new_article: dict[int, bool]) -> bool:
    """A headline group opens an article, or is a subhead of the current one,
    as `new_article` decided for its first line; returns that decision."""
    opens = new_article[heads[0].index]
    if current is not None and not opens:
        for h in heads:
            current.add_subhead(h)
        return False
    # A headline group has at most kicker, title and subtitle, and ends with
    # a ——subtitle; lines beyond those are subheads printed right under it.
    # Unmarked, a kicker ends in a dash (…——): without one the group is a
    # title and subtitle, and a third line is the first subhead (中国银联 /
    # 共战疫情 筑起钢铁长城 / 此刻，相信是一种力量).
    subtitle = evidence.subtitle_line(heads)
    size = 3 if subtitle is None else subtitle + 1
    if subtitle is None and not any(h.level for h in heads) and not evidence.is_kicker(heads[0].text):
        size = 2
    draft = open_article(heads[:size])
    for h in heads[size:]:
        draft.add_subhead(h)
    return opens


def _add_paragraph(draft: _Draft, chain: list[Unit]) -> None:
    text = chain[0].text
    for a, b in zip(chain, chain[1:]):
        text = evidence.glue(text, b.text)
        cut = "a bare line break" if a.glued and b.index == a.index + 1 else "a column break"
        draft.repairs.append(f"joined line {a.line} with line {b.line} (sentence cut by {cut})")
    for u in chain:
        draft.repairs.extend(f"line {u.line}: {note}" for note in u.notes)
    draft.add(chain[0].index, "p", text, tuple(u.source_lines for u in chain))


def _owner_of(drafts: list[_Draft], index: int) -> _Draft | None:
    best = None
    for d in drafts:
        positions = [p for p, _, _ in d.items]
        if positions and min(positions) <= index:
            best = d
    return best or (drafts[0] if drafts else None)


# -- 4. untangling neighbours ------------------------------------------------------

MOVABLE = ("p", "h", "byline", CREDIT)


def _untangle(drafts: list[_Draft], vectors) -> list[_Draft]:
    """Between each article and the next headline: pieces of the new article
    printed before its headline, and two articles interleaved piece by piece
    (columns read across) around it."""
    n = 0
    while n + 1 < len(drafts):
        above, below = drafts[n], drafts[n + 1]
        if below.heads and above.has_body():
            followers = []
            for d in drafts[n + 2:]:
                if d.heads:
                    break
                followers.append(d)
            for d in _share_pieces(above, below, followers, vectors):
                drafts.remove(d)
        n += 1
    return drafts


def _trailing_paragraphs(items: list, limit: int) -> list:
    """The paragraphs at the end of an article's items, at most `limit`."""
    tail: list = []
    for item in reversed(items):
        if item[1] != "p" or len(tail) == limit:
            break
        tail.insert(0, item)
    return tail


def _headline_text(draft: _Draft) -> str:
    return " ".join(h.text for h in draft.heads)


def _signed_off(draft: _Draft) -> bool:
    """An article that ends with a byline after its body (本报记者 X整理), or
    with the page's staff credit (版式设计：X), is closed: nothing printed
    below the next headline reads on in it."""
    return draft.has_body() and draft.items[-1][1] == "byline" or _closed_by_staff(draft)


def _movable(draft: _Draft) -> bool:
    return all(kind in MOVABLE for _, kind, _ in draft.items)


def _share_pieces(above: _Draft, below: _Draft, followers: list[_Draft], vectors) -> list[_Draft]:
    """Weigh every way of sharing the pieces around the new headline between
    the two articles that the layout damage can produce, and apply the best
    if it reads clearly better than the printed order. Returns the followers
    (headline-less drafts after `below`) that were absorbed."""
    if not _movable(below) or _signed_off(above):
        return []
    followers = followers if all(_movable(d) for d in followers) else []
    tail = _trailing_paragraphs(above.items, evidence.SHARE_TAIL)
    kept_body = [it for it in above.items if it[1] == "p" and it not in tail]
    if not kept_body and tail:
        # The article above keeps at least the piece that opened it.
        tail = tail[1:]
        kept_body = [it for it in above.items if it[1] == "p" and it not in tail]
    owner = {}
    for d in [above, below] + followers:
        for it in d.items:
            owner[it[0]] = d
    zone = tail + below.items + [it for d in followers for it in d.items]
    if len(zone) < 2:
        return []
    # Where each piece was printed: a unit is one place, whatever its lines.
    slots = sorted((lines[0], n) for n, it in enumerate(zone) for lines in owner[it[0]].item_lines[it[0]])
    cut = sum(1 for _, n in slots if n < len(tail))
    texts = [it[2] for it in zone]
    core = _article_words(above, kept_body, vectors)
    headline = evidence.sum_vectors([_headline_text(below)] * 2, vectors)
    straight_below = _article_words(below, below.items, vectors)
    margins = [evidence.cosine(vectors(t), core) - evidence.cosine(vectors(t), straight_below) for t in texts]
    last_kept = kept_body[-1][2] if kept_body else ""

    def sides(c: int, k: int, first_above: bool, rest_above: bool) -> list[bool] | None:
        side: dict[int, bool] = {}
        for s, (_, n) in enumerate(slots):
            if s < c:
                up = True
            elif s < c + 2 * k:
                up = ((s - c) % 2 == 0) == first_above
            else:
                up = rest_above
            if side.setdefault(n, up) != up:
                return None
        up = [side[n] for n in range(len(zone))]
        return up if not all(up) else None

    def split_texts(up):
        return [t for t, u in zip(texts, up) if u], [t for t, u in zip(texts, up) if not u]

    def strips(up) -> bool:
        kept = sum(1 for u, p in zip(up, printed) if not u and not p)
        return evidence.strips_headline(printed.count(False), kept)

    def rough(up) -> float:
        to_above, to_below = split_texts(up)
        words = sum(m if u else -m for m, u in zip(margins, up))
        return evidence.WEIGHTS["share.words"] * words + evidence.sharing_structure(last_kept, to_above, to_below)

    printed = [n < len(tail) for n in range(len(zone))]
    for n, it in enumerate(zone):
        if owner[it[0]] is not above and owner[it[0]] is not below:
            printed[n] = False   # followers read as part of the new article
    candidates = []
    for c in range(cut + 1):
        for k in range((len(slots) - c) // 2 + 1):
            for first_above in ((True, False) if k else (True,)):
                for rest_above in (False, True):
                    up = sides(c, k, first_above, rest_above)
                    if up is not None and up != printed and not strips(up):
                        candidates.append((rough(up), c, k, up))
    if not candidates:
        return []
    candidates.sort(key=lambda x: -x[0])
    if candidates[0][0] <= rough(printed):
        return []
    # Re-rank once with the new article's words as the best guess shares them.
    guess = candidates[0][3]
    guessed_below = evidence.sum_vectors([_headline_text(below)] * 2 + [t for t, u in zip(texts, guess) if not u], vectors)
    margins[:] = [evidence.cosine(vectors(t), core) - evidence.cosine(vectors(t), guessed_below) for t in texts]
    candidates = sorted(((rough(up), c, k, up) for _, c, k, up in candidates), key=lambda x: -x[0])

    def full(up) -> float:
        moved = {t for t, u, p in zip(texts, up, printed) if u != p}
        return evidence.sharing_score(last_kept, *split_texts(up), moved, core, headline, vectors)

    plain = full(printed)
    best, best_score = None, plain + evidence.SHARE_THRESHOLD
    for _, c, k, up in candidates[:5]:
        value = full(up)
        if value > best_score:
            best, best_score = (c, k, up), value
    if best is None:
        return []
    c, k, up = best
    _apply_sharing(above, below, followers, zone, up, owner)
    moved_up = [it for it, u in zip(zone, up) if u and owner[it[0]] is not above]
    moved_down = [it for it, u in zip(zone, up) if not u and owner[it[0]] is above]
    what = ("columns interleaved around" if k else "pieces printed before") + f" the headline '{_headline_text(below)[:24]}'"
    note = f"{what}: reassigned {len(moved_up) + len(moved_down)} piece(s) (evidence {best_score - plain:.2f} over the printed order)"
    above.repairs.append(note)
    below.repairs.append(note)
    return followers


def _apply_sharing(above: _Draft, below: _Draft, followers: list[_Draft], zone: list, up: list[bool], owner) -> None:
    moving = []
    for item, u in zip(zone, up):
        source = owner[item[0]]
        unit_lines, subhead = source.item_lines[item[0]], source.subheads.pop(item[0], None)
        moving.append((item, u, unit_lines, subhead, source.take(item)))
    for d in followers:
        below.repairs.extend(d.repairs)
    for item, u, unit_lines, subhead, notes in sorted(moving, key=lambda m: m[0][0]):
        target = above if u else below
        target.add(item[0], item[1], item[2], unit_lines)
        target.repairs.extend(notes)
        if subhead is not None:
            target.subheads[item[0]] = subhead


PHOTO_CAPTIONS = 2         # caption paragraphs above a credit, when no subhead marks where they start
PHOTO_STORY_CAPTIONS = 4   # paragraphs a photo story prints under its own headline
PHOTO_STORY_CHARS = 400    # a captioned photo's whole text stays under this
PHOTO_STORY_ENDS = 3       # caption paragraphs before a credit that ends a photo story
PHOTO_REJOIN_SIMILARITY = 0.2   # the text after a photo story goes on the article it interrupts


def _end_photo_stories(drafts: list[_Draft], vectors) -> list[_Draft]:
    """A photo story (its headline, up to PHOTO_STORY_ENDS caption paragraphs,
    the credit) ends at its credit: the text printed after it is another
    article's. It goes on the article the story was printed into, when it
    shares that article's words; else it stays headless until a headline
    below is matched to it."""
    out: list[_Draft] = []
    for d in drafts:
        out.append(d)
        kinds = [it[1] for it in d.items]
        if not d.heads or CREDIT not in kinds[:-1]:
            continue
        at = kinds.index(CREDIT)
        if at > PHOTO_STORY_ENDS or "h" in kinds[:at] or "p" not in kinds[at + 1:]:
            continue
        after = d.items[at + 1:]
        story = _headline_text(d)[:24]
        above = next((a for a in reversed(out[:-1]) if a.heads and a.has_body()), None)
        if above is not None and _words_shared(after, above, vectors) >= PHOTO_REJOIN_SIMILARITY:
            for item in after:
                d.move(item, above)
            above.repairs.append(f"joined the text printed after the photo story '{story}' (it ends at its credit)"
                                 " to this article, whose words it shares")
            continue
        rest = _Draft()
        for item in after:
            d.move(item, rest)
        rest.repairs.append(f"split from the photo story '{story}' above: it ends at its credit")
        out.append(rest)
    return out


def _words_shared(items: list, article: _Draft, vectors) -> float:
    """Cosine of some items' paragraphs to an article's words."""
    words = evidence.sum_vectors([it[2] for it in items if it[1] == "p"], vectors)
    return evidence.cosine(words, _article_words(article, [it for it in article.items if it[1] == "p"], vectors))


def _article_words(draft: _Draft, paragraphs: list, vectors) -> dict:
    """An article's words: its headline's, counted twice, and its paragraphs'."""
    return evidence.sum_vectors([_headline_text(draft)] * 2 + [it[2] for it in paragraphs], vectors)


def _split_photo_stories(drafts: list[_Draft], vectors) -> list[_Draft]:
    """A photo caption printed after an article, closed by its credit line
    (…摄), is a story of its own when its words share nothing with the
    article above it."""
    out = []
    for d in drafts:
        out.append(d)
        # A cartoon's verse (a photo's text) and its credit are one piece of work with the headline.
        if not d.items or d.items[-1][1] != CREDIT or is_picture_and_text_credit(d.items[-1][2]):
            continue
        tail, heading = _photo_captions(d.items[:-1])
        kept = [it for it in d.items if it[1] == "p" and it not in tail]
        # A caption may finish the article's last sentence, unless a headline stands between.
        if not tail or not kept or heading is None and not ends_sentence(kept[-1][2]):
            continue
        # A short story is one photo story with all its captions (立夏插秧忙: three
        # paragraphs on the season, the fields, the village, then the credit).
        if heading is None and sum(len(it[2]) for it in kept + tail) < PHOTO_STORY_CHARS:
            continue
        core = _article_words(d, kept, vectors)
        if heading is not None:  # a headed section is weighed whole, as the story it would be
            shared = evidence.cosine(evidence.sum_vectors([heading[2]] + [it[2] for it in tail], vectors), core)
        else:
            shared = max(evidence.cosine(vectors(it[2]), core) for it in tail)
        if shared >= evidence.PHOTO_STORY_SIMILARITY:
            continue
        story = _Draft()
        if heading is not None:
            story.repairs.extend(d.take(heading))
            story.heads = [d.subheads.pop(heading[0])]
            story.lines.extend(story.heads[0].source_lines)
        for item in tail + [d.items[-1]]:
            d.move(item, story)
        story.repairs.append("split the photo caption and its credit from the article above (no shared words)")
        out.append(story)
    return out


def _photo_captions(items: list) -> tuple[list, tuple | None]:
    """The captions printed above a credit line: the last paragraphs, or all
    of a short last section with its subhead (a photo story's own headline,
    灾后清淤 重建家园, printed as if it were the article's subhead)."""
    section = _trailing_paragraphs(items, PHOTO_STORY_CAPTIONS)
    before = len(items) - len(section) - 1
    if section and before > 0 and items[before][1] == "h":
        return section, items[before]
    # The story's headline may be printed after its captions, right over the credit.
    if items and items[-1][1] == "h":
        return _trailing_paragraphs(items[:-1], PHOTO_CAPTIONS), items[-1]
    return _trailing_paragraphs(items, PHOTO_CAPTIONS), None


# -- 5. stray headlines ----------------------------------------------------------

LEAD_PIECES = 1   # paragraphs a pull-quote printed between a headline and its report's dateline may have


def _place_stray_headlines(drafts: list[_Draft]) -> list[_Draft]:
    """Headlines printed away from their body.

    A body with no headline directly above a headline group is that group's
    body printed before its headline (unless a continuation mark says it
    came from another page). A headline group with no body of its own,
    placed before an article that has none, belongs to that article.
    """
    drafts = _match_headlines(drafts)
    for d in drafts:
        _promote_first_subhead(d)
        _demote_sibling_section_head(d)
    out: list[_Draft] = []
    for d in drafts:
        if out and not d.heads and out[-1].heads and (not out[-1].has_body() or _lead_only(out[-1], d)):
            prev = out[-1]
            prev.items.extend(d.items)
            prev.repairs.extend(d.repairs)
            prev.lines.extend(d.lines)
            prev.item_lines.update(d.item_lines)
            continue
        out.append(d)
    return out


# A roundup column's banner (资讯速递, 财经短波, 微阅读 …) over its first item.
ROUNDUP_BANNER = re.compile(r"^.{0,4}(?:速递|短波|快讯|简讯|资讯|简报|集锦|微阅读|速览|扫描|一句话新闻)$")
ROUNDUP_ITEM_CHARS = 400   # a roundup's items are briefs


def _gather_roundups(drafts: list[_Draft]) -> list[_Draft]:
    """A roundup column is one article: the brief items printed under its
    banner, each under its own headline, are its sections until an article
    that is not a brief."""
    out: list[_Draft] = []
    roundup = None
    for d in drafts:
        if roundup is not None and d.heads and _is_brief(d):
            for h in d.heads:
                roundup.add_subhead(h)
            for item in list(d.items):
                d.move(item, roundup)
            roundup.repairs.extend(d.repairs)
            roundup.repairs.append(f"line {d.heads[0].line}: '{d.heads[-1].text[:24]}' is an item of the roundup "
                                   f"'{roundup.heads[0].text}', not an article")
            continue
        banner = _roundup_banner(d)
        roundup = d if banner is not None else None
        if roundup is not None:
            # The banner is the roundup's headline; the first item's
            # headline, printed under (or over) it, is its first section head.
            item_heads = d.heads[:banner] + d.heads[banner + 1:]
            for h in reversed(item_heads):
                d.open_with_subhead(h)
            d.heads = [d.heads[banner]]
        out.append(d)
    return out


def _roundup_banner(d: _Draft) -> int | None:
    """Which of a headline group's first two lines is a roundup column's
    banner (新闻速递, 财经短波), if either is: the page may set the banner over
    or under the first item's headline."""
    return next((n for n, h in enumerate(d.heads[:2]) if ROUNDUP_BANNER.match(re.sub(r"\s", "", h.text))), None)


def _is_brief(d: _Draft) -> bool:
    return 0 < sum(len(payload) for _, kind, payload in d.items if kind == "p") < ROUNDUP_ITEM_CHARS


def _lead_only(above: _Draft, below: _Draft) -> bool:
    """Is the body under a headline only a pull-quote printed above the report
    that opens with a dateline right after it (中华民族历史上… | 新华社北京2月23日电 …)?"""
    body = [it for it in above.items if it[1] == "p"]
    first = next((it for it in below.items if it[1] == "p"), None)
    return len(body) <= LEAD_PIECES and first is not None and bool(DATELINE.match(first[2])) \
        and not any(DATELINE.match(it[2]) for it in body) and above.items[-1][1] != CREDIT  # a photo's caption


def _promote_first_subhead(draft: _Draft) -> None:
    """An article with no headline but a subhead after its first pieces: that
    line is its headline, printed below the start of its body."""
    if draft.heads:
        return
    for n, (_, kind, _) in enumerate(draft.items[:4]):
        if kind == "h":
            position, _, text = draft.items.pop(n)
            draft.heads = [draft.subheads[position]]
            draft.repairs.append(f"took the subhead '{text[:24]}' as the headline: the article had none")
            return


def _demote_sibling_section_head(draft: _Draft) -> None:
    """A marked line inside a headline group, at the level the article's own
    subheads use while the rest of the group uses others, is the first of
    those section heads printed up among the headline lines."""
    levels = {u.level for u in draft.subheads.values() if u.level}
    for n, head in enumerate(draft.heads):
        others = {h.level for m, h in enumerate(draft.heads) if m != n}
        if 0 < n and head.level in levels and head.level not in others:
            draft.heads.pop(n)
            draft.open_with_subhead(head)
            draft.repairs.append(f"line {head.line}: '{head.text[:24]}' is a section head like the article's "
                                 f"others at its level, not a headline line")
            return


def _match_headlines(drafts: list[_Draft]) -> list[_Draft]:
    """Give each headline-less body the headline printed after it that
    describes it (shares its names and words), if one does clearly.

    Nearby, the headline's group takes the body as its opening pieces.
    Further down the page, a headline is taken from over another body only
    when it describes that body much worse: the headline moves, and the
    body it leaves looks for its own headline in turn. A short body that
    opens as an article does (a dateline, 核心阅读) needs no shared words: it
    is the opening of the headline right under it when that headline's body
    does not."""
    taken: set[int] = set()
    out = list(drafts)
    for n, body in enumerate(drafts):
        if out[n] is None or body.heads or not body.has_body() or any(kind == MARK for _, kind, _ in body.items):
            continue
        text = _body_text(body)
        nxt = drafts[n + 1] if n + 1 < len(drafts) else None
        if nxt is not None and nxt.heads and n + 1 not in taken and _opening_before_headline(body, nxt):
            taken.add(n + 1)
            _prepend(body, nxt, f"joined the pieces from line {min(body.lines)} to the headline under it "
                                f"(line {nxt.heads[0].line}): they open an article (dateline or box), "
                                f"the body under the headline does not")
            out[n] = None
            continue
        best, best_score = None, evidence.MATCH_THRESHOLD
        for m in range(n + 1, min(len(drafts), n + 1 + evidence.MATCH_WINDOW)):
            head = drafts[m]
            if not head.heads or m in taken:
                continue
            score = evidence.headline_match(_headline_text(head), text, m - n)
            if score > best_score:
                best, best_score = m, score
        if best is not None:
            head = drafts[best]
            taken.add(best)
            _prepend(body, head, f"matched headline '{head.heads[-1].text[:24]}' (line {head.heads[0].line}) "
                                 f"to the body printed before it (word overlap {best_score:.2f})")
            out[n] = None
            continue
        far = _far_headline(drafts, n, text, taken)
        if far is None:
            continue
        m, score, own = far
        left = drafts[m]
        body.heads, left.heads = left.heads, []
        for n in (n for h in body.heads for n in h.source_lines):
            left.lines.remove(n)
            body.lines.append(n)
        body.repairs.append(f"matched headline '{body.heads[-1].text[:24]}' (line {body.heads[0].line}) to this body "
                            f"(word overlap {score:.2f}; {own:.2f} with the body printed under it)")
        taken.add(m)
        below = drafts[m + 1] if m + 1 < len(drafts) else None
        if _opens_above_headline(left, below):
            _prepend(left, below, f"joined the pieces from line {min(left.lines)} to the article below: "
                                  f"its body, too, starts above its headline")
            out[m] = None
    return [d for d in out if d is not None]


# An opening printed before its headline is short: longer dateline bodies above
# a headline are mostly other reports whose headline is elsewhere.
REPORT_PIECES = 2


def _paragraphs(draft: _Draft) -> int:
    return sum(1 for _, kind, _ in draft.items if kind == "p")


def _opening_before_headline(body: _Draft, head: _Draft) -> bool:
    """A short headline-less body printed right above a headline is that
    article's opening when it starts as an article does and the body under
    the headline does not: with a dateline, or with an opening box (核心阅读)."""
    pieces = [payload for _, kind, payload in body.items if kind == "p"]
    own = [payload for _, kind, payload in head.items if kind == "p"]
    if pieces and opens_box(pieces[0]):   # the label, then up to REPORT_PIECES of summary
        return len(pieces) <= REPORT_PIECES + 1 and not any(opens_box(p) for p in own)
    return 0 < len(pieces) <= REPORT_PIECES and bool(DATELINE.match(pieces[0])) and bool(own) \
        and not any(DATELINE.match(p) for p in own)


def _prepend(body: _Draft, into: _Draft, note: str) -> None:
    """Put a body's pieces before an article's own, with a repair note."""
    into.items = body.items + into.items
    into.repairs = body.repairs + [note] + into.repairs
    into.lines = body.lines + into.lines
    into.item_lines.update(body.item_lines)


def _opens_above_headline(left: _Draft, right: _Draft | None) -> bool:
    """The body a moved headline leaves behind opens the next article when
    that article's own body also starts above its headline."""
    if right is None or not right.heads or not right.items:
        return False
    headline = right.heads[0].index
    return right.items[0][0] < headline and left.items[0][0] < headline


def _body_text(draft: _Draft) -> str:
    return " ".join(payload for _, kind, payload in draft.items if kind == "p")


def _far_headline(drafts: list[_Draft], n: int, text: str, taken: set[int]) -> tuple[int, float, float] | None:
    """The headline further down the page that describes this body much
    better than the body printed under it: (index, overlap here, overlap there)."""
    best, best_gain = None, evidence.FAR_MATCH_MARGIN
    for m in range(n + 1 + evidence.MATCH_WINDOW, len(drafts)):
        head = drafts[m]
        if not head.heads or m in taken:
            continue
        title = _headline_text(head)
        score = evidence.headline_match(title, text, 1)
        own = evidence.headline_match(title, _body_text(head), 1) if head.has_body() else 0.0
        if score >= evidence.FAR_MATCH_THRESHOLD and score - own > best_gain:
            best, best_gain = (m, score, own), score - own
    return best


# -- finishing -------------------------------------------------------------------

def _finish(d: _Draft) -> Article:
    headline = evidence.headline_roles(d.heads)
    blocks, bylines, credits, marks = [], [], [], []
    for _, kind, payload in d.items:
        if kind in ("p", "h"):
            blocks.append((kind, payload))
        elif kind == "byline":
            bylines.append(payload)
            blocks.append(("p", payload))
        elif kind == CREDIT:
            credits.append(payload)
            blocks.append(("p", payload))
        elif kind == MARK:
            marks.append(payload)
            blocks.append(("p", payload))
    return Article(headline, tuple(blocks), tuple(bylines), tuple(credits), tuple(marks),
                   tuple(d.repairs), tuple(sorted(set(d.lines))))
