"""Units: a page cut into lines, each classified by what it looks like.

A unit keeps its exact printed text and its position; later stages decide
which article it belongs to. Classification here only uses the line itself;
context (what comes before and after) is weighed in `split`.
"""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import NamedTuple

import rjieba

from .repair import CJK, GLUED_CREDIT, clean_body, clean_heading, full_width_punct, stop_read_as, strip_markup

HEAD, BYLINE, CREDIT, MARK, BANNER, BODY, FOLIO = "head", "byline", "credit", "mark", "banner", "body", "folio"

SPACE = "[ \u00a0\u3000\t]"
_NAME = rf"[{CJK}·]{{1,4}}(?:{SPACE}+[{CJK}]{{1,2}})?"
_NAMES = rf"{_NAME}(?:(?:{SPACE}+|[、，,]){_NAME})*"
_ROLE = r"(?:本报)?(?:[驻赴][\u4e00-\u9fff]{1,8})?(?:特约|特派)?(?:记者|通讯员|实习生|见习记者)"
# "本报记者 王云娜整理": the reporter compiled an interview or a statement.
BYLINE_LINE = re.compile(rf"^{_ROLE}{SPACE}*{_NAMES}(?:(?:{SPACE}+|[、，,]{SPACE}*){_ROLE}{SPACE}*{_NAMES})*(?:整理|采写)?$")
COLUMN_TAG = re.compile(r"[（(][^（()）]{2,16}[）)]$")      # a column's name closing a headline: 标题（国际论坛）
# ... or of a box printed beside its article: 调研深才能看得准（记者手记）
SIDEBAR_TAG = re.compile(r"[（(](?:记者手记|采访手记|相关链接|链接|背景链接|新闻链接|延伸阅读|编后|编后语)[）)]$")
_DATELINE = (r"(?:\*\*|【)?(?:本报讯|本报[^\s，。,（(]{0,12}电|据?新华社[^\s，。,]{0,14}电|中新社[^\s，。,]{0,14}电|新华社(?=[（(]))"
             r"(?:\*\*|】)?")   # **本报讯**, 【本报讯】: as printed bold or in lenticular brackets
DATELINE = re.compile("^" + _DATELINE)
# The page a continuation mark points to: 第1版, 第１版, 第二版.
MARK_PAGE = r"[0-9０-９一二三四五六七八九十]+"
CONTINUATION_MARK = re.compile(rf"^[（(](?:上接|下转|转自|接)第?{MARK_PAGE}版[）)]$")
# The colon may be lost in the scan: 版式设计 蔡华伟.
_STAFF_CREDIT = re.compile(r"^(?:本版|本期)?(?:(?:版式设计|制图|责编|责任编辑|美编|校对|编辑|图片编辑|数据来源|资料来源|图片来源"
                           r"|统筹|投稿邮箱|电子信箱|电子邮箱)[：:]"
                           r"|(?:版式设计|责任编辑|图片编辑)\s+[\u4e00-\u9fff·]{2,4}$)")
# A bare 图 credits a picture only after an agency (新华社图); a headline may
# end in 图 (全国铁路今日起调图, 垄亩耕作图). Cartoons' "X图 Y文" are matched apart.
_CREDIT_END = re.compile(r"(?:摄|摄影|摄影报道|供图|制图|绘图|(?<=社)图|漫画)(?:[（(][^）)]{1,12}[）)])?$")
_AGENCY_LINE = re.compile(r"^(?:新华社(?:发|记者)?|视觉中国|中新社|人民视觉|IC ?photo|CFP|东方IC)[^。！？]{0,12}$")
# Box labels: boxes printed at the top of an article, above or under its
# headline, and boxes that close the article they follow.
_OPENING_BOXES = "阅读提示|核心阅读|内容提要|内容摘要|编者按|编者的话|开栏的话|引子"
_CLOSING_BOXES = "编后|编后语|记者手记|记者点评|记者札记|相关链接|链接|背景链接|延伸阅读"
_BANNER = re.compile(rf"^(?:{_OPENING_BOXES}|{_CLOSING_BOXES})[：:]?$")
_OPENING_BOX = re.compile(rf"^(?:{_OPENING_BOXES})[：:]?$")
_EDITORS_NOTE = re.compile(r"^[【\[]?编者(?:按|的话)|——\s*编\s*者$")
# The folio line a scanned page carries at its head or foot (工人日报 2020年3月5日
# 星期四 第3版, — 3 —): the paper's, not an article's. Its date is the issue's.
FOLIO_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_FOLIO_MARK = re.compile(r"星期[一二三四五六日天]|第\d{1,3}版|[A-Z]?\d{1,2}版|[\u4e00-\u9fff]{2,6}报")
_FOLIO_WORD = re.compile(r"[\u4e00-\u9fff·]{2,8}|第\d{1,3}版|[A-Z]?\d{1,3}版?|[A-Z]{1,3}")
_PAGE_NUMBER = re.compile(r"[-—－–]+\s*(\d{1,3})\s*[-—－–]+|第\s*(\d{1,3})\s*版(?:[\s:：]+[\u4e00-\u9fff]{2,6})?")
_PRINTED_PAGE = re.compile(r"第\s*(\d{1,3})\s*版")
# The page's editors, printed in its margin: 本版责编：张三 李四, 责任编辑：张三.
_PAGE_EDITORS = re.compile(r"(?:本版)?责(?:任)?编(?:辑)?\s*[:：]\s*[\u4e00-\u9fff·]{2,4}(?:[\s、，,]+[\u4e00-\u9fff·]{2,4}){0,3}")
# Over the page's first headline, a line with only the paper's name, the
# date or the section's name is the page's (人民日报, 2020年2月1日 星期六,
# 要闻), not a kicker.
_SECTION_NAME = (r"(?:要闻|国内|国际|经济|财经|社会|文化|文艺|体育|科技|教育|评论|理论|综合|地方|副刊|观点|时事|"
                 r"视点|专版|专题|法治|健康|读书)(?:新闻|版|周刊)?")
_DATE_ALONE = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_PAGE_HEAD = re.compile(_SECTION_NAME + r"|[\u4e00-\u9fff]{1,4}(?:日报|晚报|早报|晨报|时报|周报|商报|青年报)"
                        rf"|{_DATE_ALONE}(?:\s*星期[一二三四五六日天])?")
_TERMINAL = "。！？!?…"
_CLOSERS = "”’」』）)】\"'》"
_OPEN_START = "，。、；：,;:）)”’》】…"


@dataclass(frozen=True)
class Unit:
    index: int          # position on the page (line order among non-empty lines)
    line: int           # 1-based line number in the source file
    raw: str            # as printed, without the newline (another convention's quotes, dashes and stops made the paper's: standard_characters)
    text: str           # repaired text (body) or cleaned headline text
    kind: str
    level: int = 0      # markdown heading level; 0 for plain lines
    bold: bool = False  # the whole line is **bold**
    notes: tuple = ()   # repairs made inside this unit
    glued: bool = False  # a bare line break ties it to the next line, on a page that leaves blank lines
    last_line: int = 0   # the last source line, for a paragraph or headline put back on one line

    @property
    def source_lines(self) -> tuple[int, ...]:
        """Every source line the unit was read from."""
        return line_span(self.line, self.last_line)

    @property
    def ends_closed(self) -> bool:
        return ends_sentence(self.text)

    @property
    def starts_open(self) -> bool:
        return starts_mid_sentence(self.text)


def line_span(first: int, last: int) -> tuple[int, ...]:
    """The source lines from `first` to `last` (0: `first` alone)."""
    return tuple(range(first, max(first, last) + 1))


def starts_mid_sentence(text: str) -> bool:
    """Does the text open with punctuation, i.e. continue a cut sentence?"""
    return bool(text) and text[0] in _OPEN_START


def ends_sentence(text: str) -> bool:
    """Does the text end where a sentence ends (so nothing must follow)?"""
    stripped = text.rstrip(_CLOSERS + " ")
    if not stripped:
        return False
    if stripped[-1] in _TERMINAL:
        return True
    # A trailing byline in brackets, e.g. "…办实事。（张文）" closes an article,
    # and so does a sign-off on a line of its own: （据新华社电）, （作者为…）.
    return bool(re.search(r"[。！？][（(][^（()）]{1,30}[）)]$", text)) or is_bracketed_note(text) \
        or _closes_a_cut_note(text)


def _closes_a_cut_note(text: str) -> bool:
    """The rest of a sign-off cut by a column break: …马菲、刘军国、姜宣）."""
    text = text.strip()
    return text[-1:] in "）)" and "。" not in text and bracket_depth(text) < 0


def ends_mid_word(text: str) -> bool:
    """Does the text stop on a one-character word (…多是中小|微): a line cut mid-phrase?"""
    tail = text.rstrip("”’」』）)》】\"'")
    if len(tail) < 3 or tail != text or not "\u4e00" <= tail[-1] <= "\u9fff":
        return False
    return len(list(rjieba.cut(tail[-6:]))[-1]) == 1


def bracket_depth(text: str) -> int:
    """Brackets opened less brackets closed: above 0 the text stops inside one
    (本报讯（记者彭冰 通讯员曲), below 0 it closes one opened elsewhere (…姜宣）)."""
    return text.count("（") + text.count("(") - text.count("）") - text.count(")")


def ends_paragraph(text: str) -> bool:
    """Does nothing read on after this piece: a finished sentence, a ——speaker
    line signing the quote above it, a contact address, a short numbered
    heading, or a caption ending in its run-on photo credit?"""
    return ends_sentence(text) or is_attribution(text) or ends_with_address(text) or is_numbered_head(text) \
        or bool(GLUED_CREDIT.search(text))


# 一、 / （二）: the number of a part of an article, in Chinese numerals
PART_NUMBER = r"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])"


def is_numbered_head(text: str) -> bool:
    """A short numbered heading, 二、指标体系 or （二）物权编: a part's name, not a cut sentence."""
    return bool(re.fullmatch(PART_NUMBER + r"[^，。！？：,:;；]{2,20}", text.strip()))


def ends_with_address(text: str) -> bool:
    """A contact line, 投稿邮箱：name@163.com or 网址：http://…: nothing reads on after an address."""
    return bool(re.search(r"([\w.+-]+@[\w-]+(\.[\w-]+)+|(https?://|www\.)\S+)\s*$", text, re.ASCII))


def is_attribution(text: str) -> bool:
    """A ——speaker line signing the quote above it: ——法国前总理拉法兰."""
    text = text.strip()
    return text.startswith("——") and 4 <= len(text) <= 40 and not re.search(r"[。！？，：:]", text) \
        and not text.endswith("说")


def is_bracketed_note(text: str) -> bool:
    """A whole line in one pair of brackets, nested ones allowed: （作者为中央党校
    （国家行政学院）教授）, （本报记者王政、陆娅楠…）."""
    text = text.strip()
    if len(text) < 4 or text[0] not in "（(" or text[-1] not in "）)" or "。" in text:
        return False
    depth = 0
    for n, ch in enumerate(text):
        depth += (ch in "（(") - (ch in "）)")
        if depth == 0 and n < len(text) - 1:
            return False        # （甲）乙（丙）: two notes, or a sentence between
    return depth == 0


_DATED_NOTE = re.compile(r"^[（(](?:\d{4}|[〇○零一二三四五六七八九]{4})年")


def is_dated_note(text: str) -> bool:
    """（2020年5月27日政协第十三届全国委员会第三次会议通过）, （2020年1月2日）: when
    a document was adopted or a speech given, printed under its title."""
    return len(text) <= 60 and is_bracketed_note(text) and bool(_DATED_NOTE.match(text))


def is_date_alone(text: str) -> bool:
    """2020年5月28日 on a line of its own: the date a decree or letter was
    signed, under its signature."""
    return bool(re.fullmatch(_DATE_ALONE, text.strip()))


def editors_note(text: str) -> bool:
    """Is the piece an editor's note (编者按：…, or signed ——编 者)?"""
    return bool(_EDITORS_NOTE.search(text.strip()))


def signs_compilation(text: str) -> bool:
    """本报记者 王云娜整理: the reporter compiled the statement printed above
    the line, so it closes that text rather than opening the next."""
    return text.rstrip().endswith("整理")


def opens_box(text: str) -> bool:
    """Is the line the label of a box that opens an article (核心阅读, 编者按)?"""
    return bool(_OPENING_BOX.match(text.strip()))


def is_wrapped(text: str) -> bool:
    """Pages whose soft line wraps were left as spaces inside Chinese text."""
    lines = [ln for ln in text.split("\n") if len(ln) > 40]
    if not lines:
        return False
    spaced = sum(1 for ln in lines if re.search(rf"[{CJK}，。、] [{CJK}]", ln))
    return spaced >= max(2, len(lines) // 4)


# A whole line set **bold** (or __bold__, or *italic*, as another converter
# marks the same thing).
_EMPHASIS = re.compile(r"(\*\*|__|\*)([^*_]+)\1")


def classify(raw: str, wrapped: bool) -> tuple[str, str, int, bool, tuple]:
    """Kind, repaired text, markdown level, boldness and repair notes of a line."""
    stripped = raw.strip()
    m = re.match(r"^(#{1,6})\s*", stripped)
    level = len(m.group(1)) if m else 0
    emphasis = _EMPHASIS.fullmatch(stripped)
    bold = bool(emphasis)
    if emphasis:
        stripped = emphasis.group(2)
    plain = strip_markup(stripped)
    flat = re.sub(f"{SPACE}+", " ", plain).strip()
    # Judged with full-width punctuation, as the repaired text will read: a
    # sentence ending in "." is a sentence, not a headline.
    judged = full_width_punct(flat)[0]
    if is_folio(judged):
        return FOLIO, flat, level, bold, ()
    if CONTINUATION_MARK.match(re.sub(SPACE, "", judged)):
        return MARK, re.sub(SPACE, "", flat), level, bold, ()
    if _BANNER.match(judged):
        return BANNER, flat, level, bold, ()
    if _is_credit(judged):
        return CREDIT, flat, level, bold, ()
    if BYLINE_LINE.match(judged) and not level:
        return BYLINE, flat, level, bold, ()
    if level or bold or _looks_like_headline(judged):
        notes: list[str] = []
        heading = clean_heading(stripped, notes)
        return HEAD, heading, level, bold, tuple(notes)
    text, notes = clean_body(stripped, wrapped)
    return BODY, text, level, bold, tuple(notes)


def is_folio(line: str) -> bool:
    """A page's folio line: words set apart by spaces, one a full date and one
    the weekday, the page number or the paper's name, the others short (a
    section's name); or a page number set between dashes."""
    flat = line.strip()
    if _PAGE_NUMBER.fullmatch(flat):
        return True
    if len(flat) > 40:
        return False
    parts = FOLIO_DATE.sub("DATE", flat).split()
    if len(FOLIO_DATE.findall(flat)) != 1:
        # no date: the page's number with its section or editors (第3版 要闻 责任编辑：张三)
        return any(_PRINTED_PAGE.fullmatch(part) for part in parts) and len(parts) >= 2 \
            and all(_FOLIO_WORD.fullmatch(part) or _PAGE_EDITORS.fullmatch(part) for part in parts)
    return "DATE" in parts and any(_FOLIO_MARK.fullmatch(part) for part in parts) \
        and all(part == "DATE" or _FOLIO_WORD.fullmatch(part) or _PAGE_EDITORS.fullmatch(part) for part in parts)


def folio_lines(text: str):
    """The page's folio lines, width-folded (２０２０年 → 2020年)."""
    for line in text.split("\n"):
        line = unicodedata.normalize("NFKC", line).strip()
        if is_folio(line):
            yield line


def folio_page(text: str) -> int | None:
    """The page number a page's folio line prints (第3版, — 3 —), if any."""
    for line in folio_lines(text):
        m = _PRINTED_PAGE.search(line) or _PAGE_NUMBER.fullmatch(line)
        if m:
            return int(m.group(1))
    return None


def is_picture_and_text_credit(text: str) -> bool:
    """The credit of a picture and the text written to it, by two people: a
    cartoon's (曹  一图  卜  拉文) or a photo's (郭 鹏摄 本报记者 姚雪青文)."""
    flat = re.sub(r"\s", "", text)
    return bool(re.fullmatch(r"[\u4e00-\u9fff·]{2,8}[图摄](?:本报记者|本报通讯员|记者)?[\u4e00-\u9fff·]{2,8}文", flat)
                and re.search(r"[图摄]\s", text))


def is_staff_credit(text: str) -> bool:
    """The page's staff, printed at the end of its last article (版式设计：X)."""
    return bool(_STAFF_CREDIT.match(text.strip()))


def _is_credit(flat: str) -> bool:
    if len(flat) > 40 or any(ch in flat for ch in "。！？"):
        return False
    if _STAFF_CREDIT.match(flat):
        return True
    if is_picture_and_text_credit(flat):
        return True
    return bool(_CREDIT_END.search(flat.replace(" ", ""))) and len(flat) <= 30 or bool(_AGENCY_LINE.match(flat))


# The post that follows a speaker's name (何建明（中国作协副主席）); a short
# headline's column tag (守护（暖相册）) names no post.
_ROLE_TITLE = (r"(?:书记|主席|主任|院长|团长|教授|作家|编辑|总编|主编|会长|委员|部长|局长|厅长|市长|省长|县长|区长|"
               r"校长|所长|经理|董事长|社长|馆长|研究员|司令员|专家|医生|导演|演员|队长|秘书长|大使|总裁|负责人)")


def is_speaker_line(text: str) -> bool:
    """Who is speaking or writing, on a line of its own under a contribution's
    head: （埃及）西夏姆·宰迈提, 何建明（中国作协副主席）, 李强代表（上海市委书记）."""
    compact = re.sub(r"\s", "", text)
    return bool(re.fullmatch(r"[（(][\u4e00-\u9fff]{2,8}[）)][\u4e00-\u9fff·]{2,12}", compact)
                or re.fullmatch(rf"[\u4e00-\u9fff·]{{2,4}}(?:代表|委员)?[（(][^（()）]{{0,38}}{_ROLE_TITLE}[）)]", compact))


HEADLINE_LONGEST = 40   # characters, spaces aside: no headline line is longer


def _looks_like_headline(flat: str) -> bool:
    """A short line without sentence punctuation could be a headline or subhead."""
    if DATELINE.match(flat):
        return False
    compact = flat.replace(" ", "")
    # Bracketed notes (（作者为…）, （本报…电）), bullet points and list items are body.
    if re.fullmatch(r"[（(].*[）)]", compact) or compact[:1] in "●○■□◆◇▲△★☆·•":
        return False
    if not compact or len(compact) > HEADLINE_LONGEST:
        return False
    # 我是党员，我先上！（来自疫情防控一线的报道）: an exclaimed or asked
    # headline with its column's name ends like a sentence with a byline.
    column_headline = bool(re.search(r"[！？!?]" + COLUMN_TAG.pattern, compact))
    if ends_sentence(compact) and not column_headline or compact[-1] in "，、；：,;:" or compact[0] in _OPEN_START:
        return False
    # An attribution under a quotation or note (——习近平, ——编 者) signs it off.
    if re.fullmatch(r"[—-]{1,2}(?:[\u4e00-\u9fff]\s*){2,4}", compact):
        return False
    # ... or a speaker's words in a package of views: ——王诚代表（蚌埠市市长）
    if re.fullmatch(r"[—-]{1,2}[^，。—]{2,24}(?:代表|委员)(?:[（(][^（()）]{2,40}[）)])?", compact):
        return False
    if is_speaker_line(compact):
        return False
    # Contact lines (邮箱, 传真, 电话, web addresses) are notes, not headlines.
    if re.search(r"@|https?:|www\.|邮箱|传真|电话[：:]|[0-9]{3,4}[-－)）][0-9]{7,8}", compact):
        return False
    # A closing bracket with no opening one: the tail of a cut sentence.
    if re.match(r"^[^（(]*[）)]", compact):
        return False
    return compact.count("，") + compact.count(",") <= 2 and "。" not in compact


def drop_invisible(line: str) -> tuple[str, int]:
    """Remove format characters (zero-width space, soft hyphen, a stray BOM)
    that copying from PDF or the web leaves between characters: invisible in
    print, they would stop a sentence's end or a headline from being seen."""
    kept = "".join(ch for ch in line if unicodedata.category(ch) != "Cf")
    return kept, len(line) - len(kept)


def is_tight(text: str) -> bool:
    """Does the page leave no blank line between its lines? Then no line
    break tells a paragraph's end from a line wrapped inside one."""
    return not re.search(r"\n[^\S\n]*\n", text.strip())


def _blank_separated(lines: list[str]) -> bool:
    """Does the page end its paragraphs with a blank line? Then a line break
    with no blank line after it falls inside a paragraph."""
    glued = sum(1 for a, b in zip(lines, lines[1:]) if a.strip() and b.strip())
    spaced = sum(1 for a, b in zip(lines, lines[1:]) if a.strip() and not b.strip())
    return 0 < glued and 3 * glued <= spaced


def _hard_wrapped(above: str, below: str, wrapped: bool) -> bool:
    """Is `below` the rest of a body sentence that `above` breaks off? Not
    when `below` is a heading, credit, mark, banner, byline or dateline. A
    short unpunctuated line above may be a headline set right on its body:
    only the line evidence in `split` can tell (see `Unit.glued`)."""
    (kind_above, text_above, *_), (kind_below, text_below, *_) = classify(above, wrapped), classify(below, wrapped)
    if kind_above != BODY or ends_sentence(text_above):
        return False        # a break between sentences loses nothing left as it is
    if re.match(r"\s*(?:#|\*\*)", below) or kind_below in (CREDIT, MARK, BANNER, FOLIO, BYLINE):
        return False
    return not DATELINE.match(text_below)


class _Line(NamedTuple):
    number: int          # 1-based line number in the source file (the first, for a rejoined paragraph)
    text: str
    notes: tuple
    glued: bool = False  # see Unit.glued
    last: int = 0        # the last line number, for a rejoined paragraph
    tail: str = ""       # ... and that line as printed


# A page set in narrow columns: lines of one width (give or take a character,
# 14 to 40 wide: a verse's lines are shorter) that stop mid-sentence are at
# least COLUMN_SHARE of its lines and COLUMN_LINES in number. Each such line
# runs on into the next line of that column, blank line or not.
COLUMN_SHARE = 0.35
COLUMN_LINES = 6
COLUMN_NARROWEST = 14
_PARAGRAPH_OPENING = re.compile(r"(?:\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月|近日|日前|近年来|今年以来|记者|据)")


def _width(line: str) -> int:
    return len(re.sub(r"\s", "", line))


def column_width(lines: list[str]) -> int | None:
    """The width of the page's column lines, if it is set in narrow columns."""
    widths = [_width(ln) for ln in lines if ln.strip() and not ends_sentence(ln.strip())]
    total = sum(1 for ln in lines if ln.strip())
    best = max(range(COLUMN_NARROWEST, 41), key=lambda w: sum(1 for x in widths if abs(x - w) <= 1))
    full = sum(1 for x in widths if abs(x - best) <= 1)
    return best if full >= COLUMN_LINES and full >= COLUMN_SHARE * total else None


def _runs_down_the_column(above: str, below: str, width: int, wrapped: bool) -> bool:
    """Is `above` a full line of the column, its sentence going on in `below`,
    the next line of the column (no longer than it)?"""
    if abs(_width(above) - width) > 1 or _width(below) > width + 1:
        return False
    kind_above, text_above, level, bold, _ = classify(above, wrapped)
    if level or bold or kind_above not in (BODY, HEAD) or ends_sentence(text_above):
        return False
    kind_below, text_below, level, bold, _ = classify(below, wrapped)
    # A headline about the column's width: over a report's first line, which
    # opens as a paragraph does (3月16日，… / 近日，…), or over its ——subtitle;
    # or closed by its column's name in brackets (…（今日谈）) or, a kicker, by
    # its dash (…——), where a column line seldom breaks.
    return not (level or bold) and kind_below in (BODY, HEAD) and not DATELINE.match(text_below) \
        and not (kind_above == HEAD and (_PARAGRAPH_OPENING.match(text_below) or text_below.startswith("——")
                                         or COLUMN_TAG.search(text_above) or text_above.endswith("——")))


def _lines(text: str, wrapped: bool) -> list[_Line]:
    """The page's non-empty lines. On a page that separates paragraphs by
    blank lines, a body paragraph broken by a bare line break is put back on
    one line, and a line that a bare break still ties to the next one is
    `glued`; on a page set in narrow columns, a column's lines are put back
    on one line."""
    lines = [drop_invisible(raw) for raw in text.split("\n")]
    rejoin = _blank_separated([line for line, _ in lines])
    width = column_width([line for line, _ in lines])
    out: list[_Line] = []
    for number, (line, hidden) in enumerate(lines, start=1):
        if not line.strip():
            continue
        notes = (f"removed {hidden} invisible character(s) (zero-width space, soft hyphen)",) if hidden else ()
        if width and out and _runs_down_the_column(out[-1].tail or out[-1].text, line, width, wrapped):
            above = out.pop()
            out.append(_Line(above.number, above.text.rstrip() + line.strip(),
                             above.notes + notes + (f"joined line {number} to line {above.last or above.number}: "
                                                    f"a column {width} characters wide runs on",),
                             last=number, tail=line))
            continue
        tied = rejoin and bool(out) and bool(lines[number - 2][0].strip())
        if tied and _hard_wrapped(out[-1].text, line, wrapped):
            above = out.pop()
            latin = re.search(r"[A-Za-z0-9]$", above.text.rstrip()) and re.match(r"\s*[A-Za-z0-9]", line)
            out.append(_Line(above.number, above.text.rstrip() + (" " if latin else "") + line.strip(),
                             above.notes + notes + (f"joined line {number} to line {number - 1}: a paragraph "
                                                    "broken by a line break, where this page leaves a blank line",),
                             last=number, tail=line))
            continue
        if tied:
            out[-1] = out[-1]._replace(glued=True)
        out.append(_Line(number, line, notes))
    return _run_together_apart(out)


# A sentence end right before a dateline: two paragraphs an export ran
# together (…赢得胜利。本报北京2月4日电 …). A dateline never opens a
# sentence inside a paragraph; 本报…电 must be followed as a dateline is
# (a space, its bracketed byline, a quote), not by 网 as in 本报记者从国家电网.
_DATELINE_INSIDE = re.compile(rf"[{_TERMINAL}][{_CLOSERS}]*(?={_DATELINE})")
_RUN_TOGETHER_NOTE = "split line {}: {} run together with the paragraph before it"


def _opens_as_dateline(text: str) -> bool:
    m = DATELINE.match(text)
    return bool(m) and (m.group().rstrip("*】").endswith("讯") or text[m.end():m.end() + 1] in " \t\u00a0\u3000（(“【")


def _run_together_apart(lines: list[_Line]) -> list[_Line]:
    """Each line cut where a paragraph ran on into the next: before a
    dateline inside it; and before a headline ending it (…赢得胜利。标题) when
    the lines below open that headline's article (`_opens_under_a_headline`)."""
    out: list[_Line] = []
    for line in lines:
        cuts = [m.end() for m in _DATELINE_INSIDE.finditer(line.text) if _opens_as_dateline(line.text[m.end():])]
        for start, end in zip([0] + cuts, cuts + [len(line.text)]):
            note = (_RUN_TOGETHER_NOTE.format(line.number, "a dateline"),) if start else ()
            out.append(line._replace(text=line.text[start:end], notes=line.notes + note, glued=line.glued and end == len(line.text)))
    parted: list[_Line] = []
    for i, line in enumerate(out):
        found = _headline_at_the_end(line.text)
        cut, alone = found or (0, False)
        if found and (alone or _opens_under_a_headline(line.text[cut:], [below.text for below in out[i + 1:i + 3]])):
            parted.append(line._replace(text=line.text[:cut], glued=False))
            line = line._replace(text=line.text[cut:], notes=line.notes + (_RUN_TOGETHER_NOTE.format(line.number, "a headline"),))
        parted.append(line)
    return parted


# A line this long is no headline: a paragraph with a headline run on.
RUN_TOGETHER_LINE = 60


def _opens_under_a_headline(tail: str, below: list[str]) -> bool:
    """Do the lines `below` read as what follows a headline `tail`: its
    dateline or byline, its ——subtitle, its date, the title under a kicker,
    a second headline line closing on its column's name, or a second
    headline line over one of these?"""
    if not below or below[0].lstrip().startswith("#"):
        return False    # the page marks its headlines, and not this one
    first = strip_markup(below[0])
    if _opens_as_dateline(first) or BYLINE_LINE.match(first) or first.startswith("——"):
        return True
    headline_like = _looks_like_headline(first)
    if tail.rstrip().endswith("——") and headline_like:
        return True     # a kicker over its title
    # A title over its date, or a line of a headline over another closing on
    # its column's name; not two characters (…之类。还有 | “无纸化”…（说道）:
    # a sentence's first words, cut)
    if len(tail.strip()) >= 4 and (is_dated_note(first) or headline_like and names_its_column(first)):
        return True
    return len(below) > 1 and headline_like and _opens_under_a_headline(first, below[1:2])


def _headline_at_the_end(text: str) -> tuple[int, bool] | None:
    """Where what follows a paragraph's last sentence starts, if it reads as
    a headline; and whether it closes on its column's name, so that it stands
    apart whatever the lines below are."""
    if _width(text) <= HEADLINE_LONGEST:
        return None     # it may be a whole headline that holds a sentence (10天10夜！火神山医院这样建成（…）)
    m = re.search(rf"[{_TERMINAL}][{_CLOSERS}]*([^{_TERMINAL}{_CLOSERS}][^{_TERMINAL}]*)$", text.rstrip())
    tail = m.group(1).strip() if m else ""
    # A speaker's or a source's name as the kicker over its words (徐发荣： |
    # 无私奉献 守护安宁（为了民族复兴·英雄烈士谱）)
    named = tail.endswith(("：", ":")) and _looks_like_headline(tail[:-1])
    if not tail or not (_looks_like_headline(tail) or named):
        return None
    if names_its_column(tail):
        return m.start(1), True   # no sentence's opening closes on a bracketed name
    # Over RUN_TOGETHER_LINE, as a kicker or title may hold a sentence (表格过滥，
    # 问题不小。福建…——). A comma in it, or its last word cut: the opening of a
    # sentence a column break cut (…原工会法律顾问团,成立 / …但歹徒加大油门继).
    if _width(text) > RUN_TOGETHER_LINE and not re.search("[，,、；]", tail) and not ends_mid_word(tail):
        return m.start(1), False
    return None


def names_its_column(text: str) -> bool:
    """Does a line close on its column's name, as a headline may and no
    sentence or subhead does (健全乡村治理 维护农村稳定（政策解读·聚焦中央一号文件④))?
    Not a photo credit's agency (…摄（影像中国）), a box's tag (（记者手记）),
    which close lines inside an article, nor a list (各省（自治区、直辖市）) or
    a Latin name's short form (…商用机器公司（IBM）)."""
    tag = COLUMN_TAG.search(text)
    return bool(tag and re.search("[\u4e00-\u9fff]", tag.group()) and not re.search("[、，,]", tag.group())
                and not _is_credit(text) and not SIDEBAR_TAG.search(text))


def read_units(text: str) -> tuple[list[Unit], bool]:
    """Every non-empty line of the page as a classified unit; and wrapped-ness."""
    text = atx_from_setext(text)
    text, fixed = standard_characters(text)
    wrapped = is_wrapped(text)
    units = []
    for number, raw, notes, glued, last, _ in _lines(text, wrapped):
        kind, clean, level, bold, own = classify(raw, wrapped)
        own += tuple(dict.fromkeys(n for line in line_span(number, last) for n in fixed.get(line, ())))
        units.append(Unit(len(units), number, raw.rstrip(), clean, kind, level, bold, notes + own, glued, last))
    if len(units) >= 2 and units[0].kind in (BODY, HEAD) and _PAGE_HEAD.fullmatch(re.sub(r"\s", "", units[0].text)):
        units[0] = replace(units[0], kind=FOLIO)
    return _bold_as_headings(_levels_from_the_top(units)), wrapped


def _levels_from_the_top(units: list[Unit]) -> list[Unit]:
    """Heading levels as the paper's pages use them: ## for headlines (# over
    a three-level page's), ### under them. A converter that starts lower
    (### and ####) is read from its top level."""
    levels = sorted({u.level for u in units if u.level})
    if not levels:
        return units
    shift = levels[0] - (1 if len(levels) >= 3 else 2)
    if shift <= 0:
        return units
    return [replace(u, level=u.level - shift) if u.level else u for u in units]


# A heading underlined, as some converters write ## and #: a line of up to 60 characters
# without a sentence end over a line of = or - (no blank line between).
_SETEXT = re.compile(r"(?m)^([^\n#]{1,60}?)[ \t]*\n[ \t]*(={3,}|-{3,})[ \t]*$")


def atx_from_setext(text: str) -> str:
    """Underlined headings as # headings, each on its own line still (the
    underline becomes a blank line), so line numbers stay the source's."""
    def heading(m: re.Match) -> str:
        line = m.group(1)
        if not line.strip() or ends_sentence(line.strip()):
            return m.group(0)
        return ("# " if m.group(2)[0] == "=" else "## ") + line.strip() + "\n"
    return _SETEXT.sub(heading, text)


def quotes_with_corners(text: str) -> bool:
    """Does the page quote with corner brackets 「」 (or 〝〞) and never with
    “”? The paper prints “”; a page that has only the others was read or
    converted with another convention. A page with both may mean them apart."""
    return bool(re.search("[「」〝〞]", text)) and not re.search("[“”]", text)


_CORNER_QUOTES = str.maketrans("「」『』〝〞", "“”‘’“”")
# A full-width point ending a Chinese sentence, as some fonts and converters
# set 。 (１．５ and other numbers keep theirs).
_WIDE_STOP = stop_read_as("．")
# The stop read as the letter o, as the point is read: a number may come
# before it too (…112家o驿站… / …增长6.1%o下一步…), since no word of Latin
# letters begins or ends in it there.
_LETTER_O_STOP = stop_read_as("o", after="”’）》%0-9")
# An ellipsis typed as dots (...... or 。。。 for ……), not after Latin text or numbers.
_DOTS = re.compile(r"(?:(?<=[^\x00-\x7f])|^)(?:\.{6}|\.{3}|。{6}|。{3}|·{6}|·{3})", re.M)
# Entities an HTML export leaves for punctuation (&ldquo; &nbsp; &#8212;).
_ENTITY = re.compile(r"&(?:[a-z]{2,6}|#\d{2,5}|#x[0-9a-fA-F]{2,4});")
# Tags an HTML export leaves: headings become # headings, a bold line a bold
# line, the rest (<p>, <br>, <span …>) are dropped; each line stays a line.
_TAG = re.compile(r"</?(?:p|br|div|span|font|b|strong|em|i|u|h[1-6])(?:\s[^<>]*)?/?>", re.I)
_HTML_HEADING = re.compile(r"(?im)^\s*<h([1-6])[^<>]*>(.*?)</h\1>\s*$")
_HTML_BOLD = re.compile(r"(?im)^\s*<(b|strong)>([^<>]*)</\1>\s*$")


def _markdown_from_tags(text: str) -> str:
    text = _HTML_HEADING.sub(lambda m: "#" * int(m.group(1)) + " " + _TAG.sub("", m.group(2)), text)
    text = _HTML_BOLD.sub(lambda m: "**" + m.group(2) + "**", text)
    return _TAG.sub("", text)


# A list mark before every paragraph (- …, * …): an export's, not the paper's.
_LIST_MARK = re.compile(r"(?m)^[ \t]*[-*+][ \t]+(?=[^\s*])")


# ... a quote mark (> …), as a mail or Markdown quote sets a page it forwards,
_QUOTE_MARK = re.compile(r"(?m)^[ \t]*>[ \t]?")
# ... or the line's number (0001 …, 12: …), as some OCR and diff tools print it.
_LINE_NUMBER = re.compile(r"(?m)^[ \t]*(\d{1,6})(?:[ \t]+|[ \t]*[:：|][ \t]*)(?=\S)")


# ... or its place in a numbered list (1. …, 2. …), as an export that sets
# every paragraph, headlines too, as an item of one list.
_ITEM_NUMBER = re.compile(r"(?m)^[ \t]*(\d{1,5})[.．、][ \t]*(?=\S)")


def _numbered_paragraphs(text: str) -> bool:
    """Every line opens on a number, counting up one by one: a list of the
    page's paragraphs (a list in an article leaves its headline unnumbered)."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    marks = [_ITEM_NUMBER.match(ln) for ln in lines]
    if len(lines) < 3 or not all(marks):
        return False
    numbers = [int(m.group(1)) for m in marks]
    return all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


def _marked_lines(mark: re.Pattern):
    def shows(text: str) -> bool:
        lines = [ln for ln in text.split("\n") if ln.strip()]
        return bool(lines) and 2 * sum(1 for ln in lines if mark.match(ln)) >= len(lines)
    return shows


def _numbered_lines(text: str) -> bool:
    """Nine lines in ten open on a number, and the numbers only go up."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    numbers = [int(m.group(1)) for m in map(_LINE_NUMBER.match, lines) if m]
    return len(lines) >= 3 and 10 * len(numbers) >= 9 * len(lines) \
        and all(a < b for a, b in zip(numbers, numbers[1:]))


# Chinese text set with a space after every character (中 国 工 人), as some
# OCR engines print it: the page's, or a long line's, single spaces between
# characters are the engine's, not the paper's (a name set apart, 吉  林, is
# short; a headline's parts stand two spaces apart).
_SET_CHAR = r"[\u4e00-\u9fff，。、；：？！“”‘’（）《》—…·]"   # a character that may be set apart
# (A character and what follows it, counted and cut without a look behind,
# which would be tried at every position of every page.)
_SET_APART = re.compile(rf"({_SET_CHAR}) (?={_SET_CHAR})")
_SET_CLOSE = re.compile(rf"{_SET_CHAR}(?={_SET_CHAR})")
SET_APART_LINE = 3   # spaced pairs a line needs to be read as set apart on its own


def _set_apart(text: str, least: int = 1) -> bool:
    """Are most of the text's characters set apart (two in three, and at least `least`)?"""
    spaces = text.count(" ")
    if 4 * spaces < len(text) or spaces < least:   # most text: spaces too few to tell
        return False
    apart = len(_SET_APART.findall(text))
    return apart >= least and apart >= 2 * len(_SET_CLOSE.findall(text))


# ... and on such a page, between a number and a character (截 至 6 月 底).
_NUMBER_APART = re.compile(rf"(?<={_SET_CHAR}) (?=[0-9])|(?<=[0-9]) (?={_SET_CHAR})")


def _close_up(text: str) -> str:
    if _set_apart(text):
        return _NUMBER_APART.sub("", _SET_APART.sub(r"\1", text))
    return "\n".join(_SET_APART.sub(r"\1", line) if _set_apart(line, SET_APART_LINE) else line
                     for line in text.split("\n"))


# Letters and digits set full width (２０２０年, ＡＰＰ): the paper sets them as
# ASCII, and a point between full-width digits (１．５) is a decimal point.
_WIDE_ALNUM = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_WIDE_DECIMAL = re.compile(r"(?<=[\uff10-\uff19])．(?=[\uff10-\uff19])")


def _narrow_alnum(text: str) -> str:
    text = _WIDE_DECIMAL.sub(".", text)
    return _WIDE_ALNUM.sub(lambda m: chr(ord(m.group()) - 0xFEE0), text)


# Headings set in lenticular brackets, as a web page may set them
# (【全市职工书屋建设提速】): a page that sets two or more longer than a part's
# label (【点评】, 【记者感言】) sets all its whole-line brackets so, and they
# are read as bold lines.
_BRACKETED_LINE = re.compile(r"(?m)^[ \t]*【([^【】\n]+)】[ \t]*$")


def _bracketed_headings(text: str) -> bool:
    return sum(1 for m in _BRACKETED_LINE.finditer(text) if len(m.group(1)) >= 7
               and not re.search(r"[。！？；]", m.group(1))) >= 2


# Characters and markup another convention prints for the paper's own:
# whether the page shows it, the fix, and the note for the repair log.
_VARIANTS = (
    (lambda t: len(_TAG.findall(t)) >= 3, _markdown_from_tags,
     "removed the HTML tags an export left (<h2> read as ##, <b> as bold)"),
    (_bracketed_headings, lambda t: _BRACKETED_LINE.sub(r"**\1**", t),
     "read the lines set whole in 【】 as the page's headings"),
    (_numbered_lines, lambda t: _LINE_NUMBER.sub("", t),
     "removed the line numbers printed before every line"),
    (_numbered_paragraphs, lambda t: _ITEM_NUMBER.sub("", t),
     "removed the list numbers an export put before every paragraph (1. 2. 3. …)"),
    (_marked_lines(_QUOTE_MARK), lambda t: _QUOTE_MARK.sub("", t),
     "removed the quote mark (>) set before every line"),
    (_marked_lines(_LIST_MARK), lambda t: _LIST_MARK.sub("", t),
     "removed the list mark an export put before every paragraph"),
    (_ENTITY.search, lambda t: _ENTITY.sub(lambda m: html.unescape(m.group()), t),
     "decoded the HTML entities (&ldquo; &nbsp; …) an export left in the text"),
    (quotes_with_corners, lambda t: t.translate(_CORNER_QUOTES),
     "made the quotes 「」『』〝〞 the paper's “”‘’ (the page prints no other quotes)"),
    (lambda t: "―" in t, lambda t: t.replace("―", "—"),
     "made the horizontal bars ― the paper's dash —"),
    (_WIDE_ALNUM.search, _narrow_alnum,
     "made the full-width letters and digits (２０２０, ＡＰＰ) the paper's 2020, APP"),
    (lambda t: "．" in t, lambda t: _WIDE_STOP.sub("。", t),
     "made a full-width point ． that ends a Chinese sentence a 。"),
    (lambda t: len(_LETTER_O_STOP.findall(t)) >= 2, lambda t: _LETTER_O_STOP.sub("。", t),
     "made the letter o that ends a Chinese sentence a 。 (a stop the OCR read as o)"),
    (lambda t: ("..." in t or "。。。" in t or "···" in t) and _DOTS.search(t), lambda t: _DOTS.sub("……", t),
     "made the dots typed for an ellipsis the paper's ……"),
    (lambda t: _set_apart(t) or any(_set_apart(line, SET_APART_LINE) for line in t.split("\n")), _close_up,
     "closed up the spaces set between every two characters (中 国 → 中国)"),
)


def standard_characters(text: str) -> tuple[str, dict[int, list[str]]]:
    """The page with the paper's quotes, dashes and stops where it prints
    another convention's; and the repair notes by source line number."""
    notes: dict[int, list[str]] = {}
    for shows, fix, note in _VARIANTS:
        if not shows(text):
            continue
        before, text = text, fix(text)
        for number, (a, b) in enumerate(zip(before.split("\n"), text.split("\n")), start=1):
            if a != b:
                notes.setdefault(number, []).append(note)
    return text, notes


def _bold_as_headings(units: list[Unit]) -> list[Unit]:
    """On a page with no # headings whose headline lines are **bold**, from
    the first, bold is how the page marks its headlines, as another page marks
    them ## (over ### for the lines under). Beside # headings, or under a
    plain first headline, a bold line is an in-article subhead."""
    heads = [u for u in units if u.kind == HEAD]
    if any(u.level for u in units) or sum(u.bold for u in heads) < 2 or not heads[0].bold:
        return units
    out = []
    for u in units:
        if u.kind == HEAD and u.bold:
            under = bool(out) and out[-1].kind == HEAD and out[-1].level   # the line right above
            u = replace(u, level=3 if under else 2, bold=False)
        out.append(u)
    return out
