"""Infer an issue's date from the text of one page.

Pages arrive without a date, and the text rarely states the issue year
outright: a report says 今年 for the current year and spells out only other
years.  So every mention of a year is read in its context and turned into a
clue about the issue year Y:

* ``eq``  Y = X   ('2019年为启动年', '暨2019年工作会', 今年 and 2019年 used for
                   the same goal, '新中国成立70周年' celebrated);
* ``ge``  Y >= X  ('2018年以来', '从2017年起', a dated past event);
* ``gt``  Y > X   ('截至2023年末', '2018年全年', 去年 paired with 2018年);
* ``le``  Y <= X  ('到2020年底', '力争2019年底', a '2018—2020' plan,
                   '2018年“两节”送温暖', '喜迎工会十八大');
* ``min`` / ``max``  bare bounds, with no pull towards X itself (a congress
                   that is cited for years after, a forecast period).

``ge``, ``gt`` and ``le`` also pull a little towards the likeliest year
inside the bound (X, X+1, and X-1 or X respectively).

Each clue has a weight; every candidate year is scored against all clues
and the best one wins.  A bare mention of a year is a weak ``ge`` clue, so
with no contextual clue at all the largest year mentioned (up to the latest
plausible year) wins, which is the usual fallback.

The month is given only when the dated events of the page ('3月11日',
'3月14日', …, written without a year) agree on one month.  A day is given
only when the page carries its folio line (工人日报 2020年3月5日 星期四), the
one place a page states its own date.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from .units import FOLIO_DATE, folio_lines

# An issue cannot be dated after today; years beyond are only ever targets.
LATEST_YEAR = max(2026, date.today().year)
EARLIEST_YEAR = 1900
# Weight of 'X年，…' narrated as done as a sign that X is over.  Reports say
# 今年 for the current year, but not always, so this only tips the balance.
PAST_NARRATION = 1.0
# Weight of 'N周年' as a sign of the very year: anniversaries are quoted for
# years after the celebration ('庆祝新中国成立70周年活动' in 2020 pages).
ANNIVERSARY = 0.5


@dataclass(frozen=True)
class DateGuess:
    """The inferred issue date and the words that show it."""
    # 'YYYY' or 'YYYY-MM'; 'YYYY-MM-DD' only from the page's folio line; or None
    value: str | None
    evidence: str = ""


@dataclass(frozen=True)
class Clue:
    """One piece of evidence about the issue year."""
    kind: str                  # 'eq' | 'ge' | 'gt' | 'le' | 'min' | 'max'
    year: int
    weight: float
    words: str                 # the words in the text
    why: str = ""              # short reading of them, for the evidence line
    month: int = 0             # for a past event dated 'X年M月': M


# ---------------------------------------------------------------- text prep

_CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
_CN_YEAR = re.compile(r"[一二][〇○零一二三四五六七八九]{3}(?=年)")
_SPACE = re.compile(r"[ \t\u3000]+|\*\*|^#+", re.M)


def _prepare(text: str) -> str:
    """Fold full-width forms, spell Chinese-numeral years in digits, join lines.

    OCR breaks lines and puts spaces inside words ('力争\\n2019年底',
    '锦州 大有'); a blank line separates pieces (headlines, paragraphs).  So
    single line breaks and spaces go, blank lines become one newline, which
    later ends a sentence.  Spaces between two digits stay, so that two
    numbers are not glued into a fake year.
    """
    text = unicodedata.normalize("NFKC", text or "")
    text = _CN_YEAR.sub(lambda m: m.group().translate(_CN_DIGITS), text)
    text = _SPACE.sub(" ", text)
    paragraphs = re.split(r"\n[ \t]*\n+", text)
    out = []
    for para in paragraphs:
        para = re.sub(r"(?<=\d)\s+(?=\d)", "\x00", para)   # protect digit gaps
        para = re.sub(r"\s+", "", para).replace("\x00", " ")
        if para:
            out.append(para)
    return "\n".join(out)


_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


def _sentence_at(text: str, pos: int) -> tuple[int, int]:
    """Bounds of the sentence holding position `pos`."""
    start = pos
    while start > 0 and not _SENTENCE_END.match(text[start - 1]):
        start -= 1
    m = _SENTENCE_END.search(text, pos)
    return start, (m.start() if m else len(text))


def _clause_after(text: str, pos: int, limit: int = 40) -> str:
    """Text from `pos` to the end of its sentence, at most `limit` characters."""
    m = _SENTENCE_END.search(text, pos, pos + limit)
    return text[pos:m.start() if m else pos + limit]


def _quote(text: str, start: int, end: int, pad: int = 8) -> str:
    """The words around a match, for the evidence line."""
    a = max(0, start - pad)
    b = min(len(text), end + pad)
    snippet = text[a:b].replace("\n", " ")
    return snippet.strip()


# ---------------------------------------------------------------- year mentions

_Y = r"(?:1[6-9]|20)\d\d"
# A year: four digits not part of a longer number, followed by 年 or joined to
# a second year by a dash or 、 (2018—2020, 2019、2020年).
_YEAR = re.compile(r"(?<![\d.])(" + _Y + r")(?![\d.%])(?=年|\s?[—–\-~～至到、]\s?(?:" + _Y + r"|\d\d年))")
_RANGE = re.compile(r"(?<![\d.])(" + _Y + r")年?\s?(?:[—–\-~～]|至|到)\s?(" + _Y + r")(?![\d.%])(年?)")

# Words that make a clause about the future or about the past.  要 only as a
# verb (not 主要, 重要, 需要, 要求).
_FUTURE = re.compile(r"将(?!军)|(?<![主重需只])要(?![求素])|计划(?!生育)|力争|争取|预计|拟|目标|确保|有望|打算|准备|次年|届时|即将|明年|会再|会继续|会更")
_PAST = re.compile(r"了|已|先后|累计|共计|共有|完成|实现|获评|荣获|获得|成立|建成|启动|开展|推出|达到|超过|突破|"
                   r"增长|下降|同比|接待|举办|举行|召开|发生|出台|印发|发布|建立|投入|新增|签署|首次|摘帽|脱贫")
_PLAN_WORDS = re.compile(r"规划|计划|方案|纲要|行动|工程|预算|三年|五年")
_ISSUED = re.compile(r"发布|印发|出台|制定|审议通过|启动|正式实施|部署")
_PLAN_VERB_BEFORE = re.compile(r"(?:力争|争取|计划|预计|确保|将于|将在|将|定于|拟于|拟在|拟|有望|要在|要到|计划于|预计于|力争在|争取在|确保在)(?:到|在|于)?$")
_TO_BEFORE = re.compile(r"(?<![直增提上下达升降长延\d年月日])(?:到|至)$")
_SPAN_END_BEFORE = re.compile(r"[\d年月日](?:到|至)$")
_CLOSE_BEFORE = re.compile(r"(?:截至|截止|截止到|截至到)$")
_ANNUAL_RESULT = re.compile(r"(?:国民经济和社会发展)?统计公报|度[^，,。；]{0,12}?(?:十大|评选|榜单|考核|先进|奖(?!励))")
# A whole-year figure ('2019年GDP为99万亿元', '2023年就收到…提案206个'):
# known only once the year is over.
_YEAR_FIGURE = re.compile(r"^[^，,。；]{0,10}?(?:GDP|国内生产总值|营收|营业收入|收入|产值|销售额|销售量|销量|增加值|利润|进出口|"
                          r"出口额|进口额|游客|接待|市场规模|总产量|产量|零售额)[^，,。；]{0,8}?"
                          r"(?:达到|达|为|增长|下降|突破|超过|共|累计|合计|总计|增加|减少|提高|降低)[^，,。；]{0,6}?\d")
_BIG_EVENT = re.compile(r"奥运会|冬奥会|残奥会|亚运会|世界杯|全运会|世博会|大运会|进博会")
_PREPARING = re.compile(r"筹备|筹办|备战|倒计时|测试赛|申办|迎接")


def _mention_clues(text: str) -> list[Clue]:
    """Clues from every explicit year in the text, read in context."""
    clues: list[Clue] = []
    in_range: set[int] = set()
    for m in _RANGE.finditer(text):
        found = _range_clues(text, m)
        if found:
            clues.extend(found)
            in_range.update((m.start(1), m.start(2)))
    for m in _YEAR.finditer(text):
        if m.start(1) in in_range:
            continue
        clues.extend(_single_year_clues(text, m.start(1), m.end(1)))
    return clues


def _range_clues(text: str, m: re.Match) -> list[Clue]:
    """'2018—2020': a plan being issued, a forecast, or a period that is over."""
    first, last = int(m.group(1)), int(m.group(2))
    if not first < last <= first + 50:
        return []
    s, e = _sentence_at(text, m.start())
    sentence = text[s:e]
    near = text[max(s, m.start() - 12):min(e, m.end() + 12)]
    words = _quote(text, m.start(), m.end())
    if _PLAN_WORDS.search(near) or "《" in text[max(s, m.start() - 30):m.start()]:
        if _ISSUED.search(near) and not _YEAR.search(text[s:m.start()]):
            # A plan for 2018—2020 is issued before or early in 2018.
            return [Clue("le", first, 1.5, words, f"发布{first}—{last}年的规划/方案")]
        # Only referred to: the plan exists, nothing more.
        return [Clue("ge", first - 1, 0.5, words, f"{first}—{last}年的规划/方案")]
    if _PLAN_VERB_BEFORE.search(text[max(s, m.start() - 4):m.start()]) or _FUTURE.search(sentence):
        return [Clue("max", last, 1.0, words, f"{first}—{last}年的预期"),
                Clue("min", first, 0.5, words, f"{first}—{last}年的预期")]
    return [Clue("ge", last, 1.0, words, f"{first}—{last}年已过去")]


def _single_year_clues(text: str, start: int, end: int) -> list[Clue]:
    """Read one 'X年' by the words right before and after it (first rule wins)."""
    year = int(text[start:end])
    words = _quote(text, start, end + 6)
    mention = Clue("ge", year, 0.5, words, "提及")
    if text[end:end + 1] != "年":
        return [mention]           # '2019、2020年': one of a list
    before = text[max(0, start - 6):start]
    rest = text[end + 1:end + 41]
    s, e = _sentence_at(text, start)
    clause = text[end + 1:e][:40]
    # Only the narration itself: not a quotation that follows (指出:“…要…”),
    # and not a 将 straight after the comma, which is 把 ('2017年,将…纳入').
    head = re.split(r"[“\"：:]", clause[:24])[0]
    head = re.sub(r"^[，,]将", ",", head)

    if re.match(r"度?[，,]?(?:为|是)[^，,。；]{0,24}?(?:启动年|开局年|开局之年|元年|之年|攻坚年|关键年|收官年|决胜年|落实年|提升年|建设年)", rest):
        return [Clue("eq", year, 3.0, words, f"{year}年是当年")]
    if before.endswith("暨") or re.match(r"度?工作(?:会|会议|要点|部署)", rest):
        return [Clue("eq", year, 2.5, words, f"{year}年工作会/要点")]
    if re.match(r"[“\"]?(?:两节|元旦春节|元旦、春节|春节)", rest) and "送温暖" in rest[:20]:
        # The New Year/Spring Festival campaign for X starts in December X-1.
        return [Clue("le", year, 2.5, words, f"{year}年“两节”送温暖（启动于{year - 1}年末或{year}年初）")]
    if re.search(r"(?:延长至|延长到|延至|推迟到|推迟至|延期至|延期到)$", before):
        return [Clue("le", year, 1.5, words, f"推迟/延长到{year}年")]
    if _SPAN_END_BEFORE.search(before):
        # '2017年3月至2019年10月': the end of a span, past only if told so.
        return [Clue("ge", year, 0.5, words, f"至{year}年")] if _PAST.search(clause) else []
    if re.search(r"(?:进入|迈入|步入|迎来)(?:公元)?$", before):
        return [Clue("ge", year, 1.0, words, f"进入{year}年"), Clue("eq", year, 0.5, words, f"进入{year}年")]
    if re.match(r"(?:年底|底)?前后", rest):
        return [mention]
    if _CLOSE_BEFORE.search(before):
        if re.match(r"(?:末|底|年末|年底|12月31日|12月底|全年)", rest):
            return [Clue("gt", year, 3.0, words, f"截至{year}年末（{year}年已结束）")]
        return [Clue("ge", year, 1.5, words, f"截至{year}年某时（已过去）")]
    if re.match(r"全年|年度?全年", rest) and not _FUTURE.search(head):
        return [Clue("gt", year, 2.5, words, f"{year}年全年已结束")]
    if _ANNUAL_RESULT.match(rest) and not _FUTURE.search(before + head) and not re.search(r"参评|申报|推荐|参加", before):
        return [Clue("gt", year, 1.5, words, f"{year}年度的总结/评选（{year}年已结束）")]
    if re.match(r"(?:年底|底)?(?:前|之前|以前)", rest) and _PAST.search(head[:10]) and not _FUTURE.search(head[:10]):
        return [Clue("ge", year, 1.0, words, f"{year}年底前已完成")]
    if re.match(r"底前|年底前", rest) or re.match(r"前(?!后)", rest) and (_PLAN_VERB_BEFORE.search(before) or _TO_BEFORE.search(before)):
        return [Clue("le", year, 2.0, words, f"{year}年前/底前的目标")]
    if _PLAN_VERB_BEFORE.search(before):
        return [Clue("le", year, 2.0, words, f"{year}年的目标")]
    if _TO_BEFORE.search(before) and not rest.startswith("的"):
        if _FUTURE.search(clause) or not _PAST.search(clause):
            return [Clue("le", year, 1.5 if _FUTURE.search(clause) else 1.0, words, f"到{year}年的目标")]
        return [mention]
    if _YEAR_FIGURE.match(re.sub(r"^[，,]", "", head)) and not _FUTURE.search(before + head) and not re.match(r"\d|[一二三四上下前第]", rest):
        return [Clue("gt", year, 1.5, words, f"{year}年全年的数字（{year}年已结束）"), mention]
    if re.match(r"以来|来[，,]", rest) or re.search(r"(?:自|从)$", before) and re.match(r"[^，,。]{0,8}?(?:起|开始|以来)", rest):
        return [Clue("ge", year, 1.5, words, f"{year}年以来")]
    if re.match(r"[^，,。；]{0,4}?(?:" + _BIG_EVENT.pattern + ")", rest):
        if _PREPARING.search(text[s:e]):
            return [Clue("le", year, 1.5, words, f"筹备中的{year}年赛会")]
        # Named ahead as often as afterwards: barely a clue.
        return [Clue("ge", year, 0.2, words, "提及")]
    if re.match(r"\d{1,2}月(?:\d{1,2}[日号]|底|末|中旬|下旬|上旬)?[^，,。；]{0,4}?(?:前(?!夕)|之前|以前|到期|届满|截止)", rest):
        return [Clue("le", year, 1.0, words, f"{year}年某日的期限")]
    if re.match(r"\d{1,2}月(?:\d{1,2}[日号])?(?:起|至|到|—|-)", rest) and not _PAST.search(head):
        return [mention]           # the start of a period, often to come
    if re.match(r"\d{1,2}月", rest):
        if _FUTURE.search(before + head):
            return [Clue("le", year, 1.0, words, f"{year}年某月的安排")]
        # A page dates its own recent events without the year ('3月14日');
        # an event dated with its year is mostly from an earlier year.
        month = int(re.match(r"\d{1,2}", rest).group())
        return [Clue("ge", year, 1.0, words, f"{year}年{month}月的事已发生", month=month)]
    if re.match(r"初|上半年|一季度|年初|春", rest):
        return [Clue("ge", year, 1.0, words, f"{year}年初的事")]
    if re.match(r"末|底|年末|年底", rest):
        if _FUTURE.search(head):
            return [Clue("le", year, 1.5, words, f"{year}年底的目标")]
        return [Clue("gt", year, 1.0, words, f"{year}年末已过"), mention]
    if re.match(r"[，,]", rest):
        if "以来" in head[:20]:
            return [Clue("ge", year, 1.5, words, f"{year}年以来")]
        fut, past = _FUTURE.search(head), _PAST.search(head)
        if fut and (not past or fut.start() < past.start()):
            return [Clue("le", year, 1.5, words, f"{year}年的计划")]
        if past:
            # Reports call the current year 今年, so a year spelled out and
            # narrated as done leans towards being over; but only leans.
            return [Clue("ge", year, 1.0, words, f"{year}年的事已叙述为过去"),
                    Clue("gt", year, PAST_NARRATION, words, f"{year}年的事已叙述为过去")]
        return [Clue("ge", year, 1.0, words, f"{year}年的事"),
                Clue("gt", year, PAST_NARRATION / 2, words, f"{year}年的事")]
    return [mention]


# ---------------------------------------------------------------- 今年 / 去年 pairing

_RELATIVE = {"今年": 0, "去年": 1, "明年": -1, "前年": 2}
_RELATIVE_RE = re.compile("|".join(_RELATIVE))
_DIGIT = re.compile(r"\d")
_DATE_ONLY = re.compile(r"^[\d月日号底初末,，]*$")


def _grams(s: str, n: int) -> set[str]:
    return {s[i:i + n] for i in range(len(s) - n + 1)}


# Dates and datelines repeat all over a page without tying two facts together.
_NOT_A_FIGURE = re.compile(r"\d{1,2}月\d{1,2}[日号]|\d{1,2}[日号月]|(?:本报|新华社|电)[^(（,，]{0,10}电")


def _figures(s: str, n: int = 8) -> set[str]:
    """Runs of `n` characters holding a whole number ('失2100余万元')."""
    s = _NOT_A_FIGURE.sub("|", s)
    return {g for g in _grams(s, n)
            if _DIGIT.search(g) and not _DIGIT.match(g[0]) and not _DIGIT.match(g[-1]) and "|" not in g}


def _common_prefix(a: str, b: str) -> str:
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return a[:k]


def _pairing_clues(text: str) -> list[Clue]:
    """今年/去年 in one sentence and an explicit year in another, same facts.

    Headlines and leads repeat a fact with 今年 or 去年 that the body gives
    with the explicit year: either the very words after the year match
    ('力争今年底全省在档…' / '力争2019年底全省在档…'), or a figure is repeated
    ('去年为职工挽回经济损失2100余万元' / '2018年,…挽回经济损失2100余万元').
    A shared name alone (全国人大常委会) is not enough.
    """
    explicit = []
    for m in _YEAR.finditer(text):
        if text[m.end():m.end() + 1] != "年":
            continue
        s, e = _sentence_at(text, m.start())
        rest = text[m.end() + 1:e]
        figures = _figures(text[s:m.start()] + "|" + rest)
        explicit.append((int(m.group(1)), (s, e), rest, figures))
    clues, seen = [], set()
    for m in _RELATIVE_RE.finditer(text):
        s, e = _sentence_at(text, m.start())
        rest = text[m.end():e]
        figures = _figures(text[s:m.start()] + "|" + rest)
        for year, span, other_rest, other_figures in explicit:
            if span == (s, e) or (m.group(), year) in seen:
                continue
            prefix = _common_prefix(rest, other_rest)
            shared = figures & other_figures
            if len(prefix) >= 6 and not _DATE_ONLY.match(prefix):
                link = prefix
            elif shared:
                link = min(shared)
            else:
                continue
            seen.add((m.group(), year))
            issue = year + _RELATIVE[m.group()]
            clues.append(Clue("eq", issue, 3.0, f"{m.group()}…{link}／{year}年…{link}",
                              f"{m.group()}与{year}年指同一事（{m.group()}={year}年）"))
    return clues


# ---------------------------------------------------------------- known events

# Anniversaries: the event and its year; 'N周年' of it is celebrated in year+N.
_EVENTS = {
    "新中国成立": 1949, "中华人民共和国成立": 1949, "共和国成立": 1949, "国庆": 1949,
    "人民政协成立": 1949, "政协成立": 1949,
    "建党": 1921, "中国共产党成立": 1921, "党的成立": 1921,
    "改革开放": 1978, "十一届三中全会召开": 1978, "恢复高考": 1977,
    "五四运动": 1919, "辛亥革命": 1911, "建军": 1927, "人民解放军建军": 1927,
    "南昌起义": 1927, "遵义会议": 1935, "红军长征胜利": 1936, "长征胜利": 1936,
    "抗日战争胜利": 1945, "抗战胜利": 1945, "世界反法西斯战争胜利": 1945,
    "中国人民抗日战争暨世界反法西斯战争胜利": 1945, "联合国成立": 1945,
    "抗美援朝出国作战": 1950, "志愿军出国作战": 1950, "西藏和平解放": 1951,
    "全国人民代表大会成立": 1954, "全国人大成立": 1954,
    "深圳经济特区建立": 1980, "经济特区建立": 1980, "浦东开发开放": 1990,
    "香港回归": 1997, "香港回归祖国": 1997, "澳门回归": 1999, "澳门回归祖国": 1999,
    "中华全国总工会成立": 1925, "全总成立": 1925,
    "毛泽东同志诞辰": 1893, "邓小平同志诞辰": 1904, "周恩来同志诞辰": 1898,
    "刘少奇同志诞辰": 1898, "朱德同志诞辰": 1886, "马克思诞辰": 1818,
    "共产党宣言》发表": 1848, "一带一路”倡议提出": 2013, "一带一路倡议提出": 2013,
}
_EVENT_RE = re.compile(
    "(" + "|".join(sorted(map(re.escape, _EVENTS), key=len, reverse=True)) + ")"
    r"(?:[^，,。；]{0,2}?)(\d{1,3}|[一二三四五六七八九十百零〇]{1,4})周年")

# Congresses and plenums, with the year they met.
_MEETINGS = [
    (r"(?:党的)?十八大", 2012), (r"(?:党的)?十九大", 2017), (r"(?:党的)?二十大", 2022),
    (r"十八届([一二三四五六七])中全会", {"一": 2012, "二": 2013, "三": 2013, "四": 2014, "五": 2015, "六": 2016, "七": 2017}),
    (r"十九届([一二三四五六七])中全会", {"一": 2017, "二": 2018, "三": 2018, "四": 2019, "五": 2020, "六": 2021, "七": 2022}),
    (r"二十届([一二三四五六七])中全会", {"一": 2022, "二": 2023, "三": 2024, "四": 2025}),
    (r"工会十六大", 2013), (r"工会十七大", 2018), (r"工会十八大", 2023),
]
_NPC = re.compile(r"(十二|十三|十四)届全国(?:人大|人民代表大会|政协)([一二三四五])次会议")
_NPC_BASE = {"十二": 2012, "十三": 2017, "十四": 2022}
_CN_SMALL = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}

_FIVE_YEAR = {"十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_GANZHI = re.compile("([" + _STEMS + "])([" + _BRANCHES + "])(?=年|春节|新春|鼠年|牛年|虎年|兔年|龙年|蛇年|马年|羊年|猴年|鸡年|狗年|猪年)")

# Words coined at a known time.  The COVID words pull towards 2020 (a page
# with nothing else is most likely from the first year of the epidemic); the
# others only rule out earlier years, or later ones.
_ERA_WORDS = [
    (re.compile(r"新冠|新型冠状病毒|抗疫|战[“\"]?疫|疫情防控阻击战|疫情阻击战|常态化疫情防控"), "ge", 2020, "新冠疫情（2020年起）"),
    (re.compile(r"新时代中国特色社会主义思想|党的十九大"), "min", 2017, "党的十九大（2017年）以后的提法"),
    (re.compile(r"中国式现代化"), "min", 2022, "党的二十大（2022年）以后的提法"),
    (re.compile(r"新质生产力"), "min", 2023, "2023年提出的“新质生产力”"),
    (re.compile(r"决胜全面建成小康社会|决战决胜脱贫攻坚|决战脱贫攻坚"), "max", 2020, "小康社会/脱贫攻坚尚未完成（2020年以前）"),
]


def _cn_number(s: str) -> int | None:
    """'70' or '七十' or '一百' -> int."""
    if s.isdigit():
        return int(s)
    digits = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
    total, current = 0, 0
    for ch in s:
        if ch in digits:
            current = digits[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def _knowledge_clues(text: str, latest: int) -> list[Clue]:
    """Clues from anniversaries, congresses, five-year plans, 干支 years, eras."""
    clues: list[Clue] = []
    for m in _EVENT_RE.finditer(text):
        n = _cn_number(m.group(2))
        if not n:
            continue
        year = _EVENTS[m.group(1)] + n
        words = _quote(text, m.start(), m.end(), pad=4)
        before = text[max(0, m.start() - 8):m.start()]
        if re.search(r"迎接|喜迎|即将迎来|迎来|献礼|到$|向$", before):
            clues.append(Clue("le", year, 2.0, words, f"迎接{m.group(1)}{n}周年（{year}年）"))
        else:
            # Celebrated in that year, but still quoted in the years after.
            clues.append(Clue("eq", year, ANNIVERSARY, words, f"{m.group(1)}{n}周年＝{year}年"))
            clues.append(Clue("ge", year, 1.0, words, f"{m.group(1)}{n}周年＝{year}年"))
    for pattern, when in _MEETINGS:
        for m in re.finditer(pattern, text):
            year = when[m.group(1)] if isinstance(when, dict) else when
            words = _quote(text, m.start(), m.end(), pad=4)
            before = text[max(0, m.start() - 6):m.start()]
            if re.search(r"迎接|喜迎|迎", before):
                clues.append(Clue("le", year, 2.0, words, f"{m.group()}尚未召开（{year}年）"))
            else:
                # Cited for years after; a bound, with no pull towards it.
                clues.append(Clue("min", year, 1.0, words, f"{m.group()}已召开（{year}年）"))
    for m in _NPC.finditer(text):
        year = _NPC_BASE[m.group(1)] + _CN_SMALL[m.group(2)]
        words = _quote(text, m.start(), m.end(), pad=2)
        if text[max(0, m.start() - 2):m.start()] == "去年":
            clues.append(Clue("eq", year + 1, 3.0, words, f"去年{m.group()}（{year}年）"))
        elif text[m.end():m.end() + 2] == "以来" or _PAST.search(text[m.end():m.end() + 6]):
            clues.append(Clue("ge", year, 1.0, words, f"{m.group()}（{year}年）已过"))
        else:
            clues.append(Clue("eq", year, 1.5, words, f"{m.group()}＝{year}年"))
            clues.append(Clue("ge", year, 1.0, words, f"{m.group()}＝{year}年"))
    for name, first in _FIVE_YEAR.items():
        if name in text:
            # Planning for a five-year period starts the year before it.
            clues.append(Clue("ge", first - 1, 0.5, name, f"“{name}”（{first}—{first + 4}）"))
    for m in _GANZHI.finditer(text):
        stem, branch = _STEMS.index(m.group(1)), _BRANCHES.index(m.group(2))
        if stem % 2 != branch % 2:
            continue
        # The cycle year nearest before `latest`; 1984 was 甲子.
        offset = next(k for k in range(60) if k % 10 == stem and k % 12 == branch)
        year = 1984 + offset
        while year > latest:
            year -= 60
        while year + 60 <= latest:
            year += 60
        words = _quote(text, m.start(), m.end() + 2, pad=2)
        clues.append(Clue("eq", year, 1.5, words, f"{m.group(1)}{m.group(2)}年＝{year}年"))
    for pattern, kind, year, why in _ERA_WORDS:
        m = pattern.search(text)
        if m:
            clues.append(Clue(kind, year, 1.0, _quote(text, m.start(), m.end(), pad=2), why))
    return clues


# ---------------------------------------------------------------- month

_DAY = re.compile(r"(?<![\d年])(1[0-2]|[1-9])月(3[01]|[12]\d|[1-9])日")
_THIS_YEAR_MONTH = re.compile(r"今年(1[0-2]|[1-9])月")


def _dominant_month(text: str) -> tuple[int | None, str]:
    """The month of the page's dated events, when they clearly agree.

    Dates written without a year ('3月14日') are the recent events a page
    reports.  At least two different days of one month, and at least three
    quarters of all such dates in that month, are needed.  A '今年M月' later
    than that month contradicts it.
    """
    days: dict[int, set[int]] = {}
    total = 0
    for m in _DAY.finditer(text):
        days.setdefault(int(m.group(1)), set()).add(int(m.group(2)))
        total += 1
    if not days:
        return None, ""
    counts = {mo: sum(1 for m in _DAY.finditer(text) if int(m.group(1)) == mo) for mo in days}
    month = max(counts, key=lambda mo: (counts[mo], len(days[mo])))
    if len(days[month]) < 2 or counts[month] < 0.75 * total:
        return None, ""
    later = [int(m.group(1)) for m in _THIS_YEAR_MONTH.finditer(text) if int(m.group(1)) > month]
    if later:
        return None, ""
    shown = "、".join(f"{month}月{d}日" for d in sorted(days[month]))
    return month, shown


# ---------------------------------------------------------------- deciding

def _fit(clue: Clue, year: int, december: bool) -> float:
    """How well candidate `year` agrees with `clue`: +1 fits, -1 contradicts."""
    x = clue.year
    if clue.kind == "eq":
        return 1.0 if year == x else 0.0
    if clue.kind == "ge":
        # A small pull towards the bound itself keeps the guess tight.
        return -1.0 if year < x else (0.1 if year == x else 0.0)
    if clue.kind == "gt":
        return -1.0 if year <= x else (0.5 if year == x + 1 else 0.1)
    if clue.kind == "le":
        if year > x:
            return -1.0
        # Targets are set in the year before or in the year itself; in
        # December, plans are mostly for the coming year.
        near, before = (0.1, 0.4) if december else (0.2, 0.3)
        return near if year == x else (before if year == x - 1 else 0.05)
    if clue.kind == "max":
        return -1.0 if year > x else 0.0
    if clue.kind == "min":
        return -1.0 if year < x else 0.0
    raise ValueError(clue.kind)


def _score(clues: list[Clue], year: int, december: bool) -> float:
    return sum(c.weight * _fit(c, year, december) for c in clues)


def _support(clues: list[Clue], year: int, december: bool) -> list[Clue]:
    """Clues that agree with `year`: those that favour it, then bounds it meets."""
    fits = [(c.weight * _fit(c, year, december), i, c) for i, c in enumerate(clues)]
    favour = [c for g, i, c in sorted(fits, key=lambda t: (-t[0], t[1])) if g > 0]
    bounds = [c for g, i, c in fits if g == 0 and c.kind in ("min", "max")]
    return favour + bounds


def _evidence(support: list[Clue], limit: int = 4) -> str:
    """The strongest agreeing clues, as one readable line."""
    parts, seen = [], set()
    for c in support:
        if c.words in seen:
            continue
        seen.add(c.words)
        parts.append(f"“{c.words}”（{c.why}）" if c.why else f"“{c.words}”")
        if len(parts) == limit:
            break
    return "；".join(parts)


def _folio_date(text: str, latest: int) -> DateGuess | None:
    """The date of the page's folio line, when it prints one that exists."""
    for line in folio_lines(text):
        m = FOLIO_DATE.search(line)
        if m is None:
            continue
        try:
            day = date(*(int(g) for g in m.groups()))
        except ValueError:
            continue
        if EARLIEST_YEAR <= day.year <= latest:
            return DateGuess(day.isoformat(), f"版头：{line}")
    return None


def infer_issue_date(text: str, latest: int = LATEST_YEAR) -> DateGuess:
    """Guess the issue date of a page from its text: a year, maybe a month.

    None only when the text gives no year at all.  With only bare mentions of
    years, the largest year mentioned (not after `latest`) is given and the
    evidence says so.
    """
    folio = _folio_date(text, latest)
    if folio is not None:
        return folio
    flat = _prepare(text)
    clues = [c for c in _mention_clues(flat) + _pairing_clues(flat) + _knowledge_clues(flat, latest)
             if EARLIEST_YEAR <= c.year]
    month, month_words = _dominant_month(flat)
    december = month == 12
    if month:
        # This page's news is from month M; a past event dated 'X年N月' with
        # N later than M cannot be from this year, so X is over.
        clues += [Clue("gt", c.year, 1.5, c.words, f"{c.year}年{c.month}月已过，而本版新闻在{month}月")
                  for c in clues if c.month > month]
    if not clues:
        return DateGuess(None, "文中未提及任何年份")
    candidates = sorted({c.year + d for c in clues for d in (-1, 0, 1)
                         if EARLIEST_YEAR <= c.year + d <= latest})
    if not candidates:
        # Only years after `latest` (targets like 到2035年): the page is
        # from no later than today, which is all that can be said.
        return DateGuess(str(latest), f"文中只有{latest}年以后的年份，取不晚于今天的{latest}年："
                         + _evidence(clues))
    # Equal scores go to the later year (a bound alone: the year after it).
    year = max(candidates, key=lambda y: (_score(clues, y, december), y))
    support = _support(clues, year, december)
    bare = bool(support) and all(c.why == "提及" for c in support)
    evidence = _evidence(support)
    if not support:
        evidence = f"线索相互矛盾，取最符合的{year}年：{_evidence(clues)}"
    elif bare:
        evidence = f"无明确的时间线索，取文中提及的最大年份{year}年：{evidence}"
    value = str(year)
    if month and not bare:
        value = f"{year}-{month:02d}"
        evidence += f"；本版新闻日期为{month_words}"
    return DateGuess(value, evidence)
