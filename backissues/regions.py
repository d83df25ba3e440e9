"""Find the primary place an article is about, as full official names.

The answer is a Region: province (山西省, 宁夏回族自治区, 北京市 … or 全国
for national bodies and events), city (太原市, 阿克苏地区 …) and county
(柯桥区, 湄潭县 …). Any of them may be None.

How it works, in plain words:

1. The gazetteer is the official table of divisions (data/adcodes.csv) plus
   the editable alias file (data/region_aliases.yml). Every way of writing a
   place (full name, short form, old name, employer, national body) is one
   entry of a dictionary, indexed by its first two characters, so an article
   is scanned in one pass that looks up each position once (every name has
   at least two characters) and takes the longest name starting there.
2. Every place found in the headline, the lead or the body is a mention with
   a weight: the headline counts most, then the lead, then each later
   mention. A place written just before 总工会 / 总 / 工会 ("太原市总")
   counts extra, because the story is then about that unit's union.
3. Names that could be several places (朝阳区, 鼓楼区) or that are also
   common words (中山, 和平) only count when their parent is named: right
   before them ("广东中山") or elsewhere in the story.
4. The province with the largest total wins, a province named in the
   headline first; a city is filled in only when it carries most of that
   province's weight (or a good part of it and is named in the headline or
   lead), a county likewise within its city. A headline that names only a
   province ("山西工会…") gives the province alone.

Municipalities (北京市, 天津市, 上海市, 重庆市) have no city level: their
districts are counties straight under the province, and so are the
province-governed county-level units (湖北 仙桃市, 海南 琼海市).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Mapping

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
ADCODES = DATA_DIR / "adcodes.csv"
ALIASES = DATA_DIR / "region_aliases.yml"

NATIONAL = "全国"          # the pseudo-province of national stories
NATIONAL_CODE = "000000000000"

# How much one mention weighs, by where it stands.
HEADLINE_WEIGHT = 10.0
LEAD_WEIGHT = 3.0
BODY_WEIGHT = 1.0
NATIONAL_HEADLINE_WEIGHT = 8.0     # the bare word 全国 in a headline
FEDERATION_BONUS = 1.5             # "太原市总…": the story is about that union
LEAD_CHARS = 150                   # the lead: the first characters of body text

# A city (county) is named when it leads its province (city) and carries
# this share of the weight; below that the story is a roundup. Named in the
# headline or the lead ("近日，北京市房山区…"), a smaller share will do.
CITY_SHARE = 0.5
COUNTY_SHARE = 0.4
FRONT_SHARE = 0.25

# A story with no place in its headline that spreads its weight over this
# many provinces, none carrying DIFFUSE_SHARE of it, is a national roundup.
DIFFUSE_PROVINCES = 3
DIFFUSE_SHARE = 0.4

# A province named in the headline wins unless another carries this many
# times its weight.
HEADLINE_PRIMACY = 2.5

# Less than this in all (one passing mention in the body) is no place at all.
MIN_SCORE = 2.0

# How much context a name needs before it counts.
NEEDS_NOTHING = 0      # unique full names, province short forms, aliases
NEEDS_PARENT = 1       # county short forms, 滑县: their city named anywhere
NEEDS_ADJACENT = 2     # common words and generic names: parent right before

# A short form followed by one of these is a street or a gate, not a place
# (北京路, 江西街, 长安道).
STREET_CHARS = frozenset("路街巷道")

# 张桂林认为, 李金华（化名）: a common surname before a short city name and
# a speech verb or a bracket after it make it a person, not a place.
SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭"
                     "曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖"
                     "贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严")
AFTER_PERSON = ("说", "表示", "认为", "介绍", "告诉", "指出", "坦言", "笑着", "摄",
                "（", "(", "）", ")")

_CJK = "\u4e00-\u9fff"
_ETHNIC = ("蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|"
           "傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|"
           "撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|"
           "裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺")
# 延边朝鲜族自治州 -> 延边, 伊犁哈萨克自治州 -> 伊犁, 长阳土家族自治县 -> 长阳,
# 管城回族区 -> 管城
_AUTONOMOUS = re.compile(rf"^(.{{2,}}?)(?:(?:(?:{_ETHNIC})族?)+自治(?:州|县|旗)"
                         rf"|(?:(?:{_ETHNIC})族)+区)$")


@dataclass(frozen=True)
class Region:
    province: str | None
    city: str | None
    county: str | None


@dataclass(frozen=True)
class Unit:
    """One administrative division (or the national pseudo-province)."""
    code: str
    name: str
    level: int            # 1 province, 2 city, 3 county
    province: str         # code of its province (its own code at level 1)
    city: str | None      # code of its city; None above level 3 and for
                          # counties straight under a province


@dataclass(frozen=True)
class Form:
    """One way of writing a place."""
    units: tuple[str, ...]   # codes it may stand for; empty for a blocker word
    needs: int               # NEEDS_NOTHING / NEEDS_PARENT / NEEDS_ADJACENT
    short: bool              # a short form (no 省/市/县 …): street check applies


@dataclass(frozen=True)
class Gazetteer:
    units: Mapping[str, Unit]
    forms: Mapping[str, Form]
    starts: Mapping[str, tuple[int, ...]]   # first two characters -> lengths
    municipalities: frozenset[str]          # province codes without cities
    federation: tuple[str, ...]             # 总工会, 总, 工会 …
    national_exceptions: tuple[str, ...]    # 全国首 … in headlines


# ---------------------------------------------------------------- loading

@lru_cache(maxsize=4)
def _load_cached(aliases_path: str) -> Gazetteer:
    return build_gazetteer(ADCODES, Path(aliases_path))


def load_gazetteer(aliases_path: Path | None = None) -> Gazetteer:
    """Read the table and the alias file once; later calls reuse the result."""
    return _load_cached(str(aliases_path or ALIASES))


def build_gazetteer(adcodes: Path, aliases_path: Path) -> Gazetteer:
    units = read_units(adcodes)
    aliases = yaml.safe_load(aliases_path.read_text(encoding="utf-8")) or {}
    municipalities = frozenset(
        code for code, unit in units.items()
        if unit.level == 1 and not any(u.level == 2 and u.province == code
                                       for u in units.values()))
    forms = collect_forms(units, aliases)
    return Gazetteer(
        units=MappingProxyType(units),
        forms=MappingProxyType(forms),
        starts=MappingProxyType(index_forms(forms)),
        municipalities=municipalities,
        federation=tuple(aliases.get("federation_suffixes") or ()),
        national_exceptions=tuple(aliases.get("national_headline_exceptions") or ()),
    )


def read_units(adcodes: Path) -> dict[str, Unit]:
    """The official table as units, with each county tied to its city.

    The table lists the municipalities twice (北京市 as province and again as
    its own city, 重庆市 even three times): those city rows are dropped so a
    municipality's districts sit straight under the province. Counties whose
    city row is missing (湖北 4290 仙桃市, 海南 4690, 香港 districts) are
    likewise straight under their province.
    """
    with adcodes.open(encoding="utf-8") as fh:
        rows = [(r["adcode"].strip(), r["name"].strip()) for r in csv.DictReader(fh)]
    # Codes 99… are not divisions (苏鲁交界, 海域): leave them out.
    rows = [(code, name) for code, name in rows if not code.startswith("99")]
    province_names = {code: name for code, name in rows if code[2:] == "0" * 10}
    units: dict[str, Unit] = {}
    for code, name in rows:
        prov = code[:2] + "0" * 10
        if code == prov:
            units[code] = Unit(code, name, 1, prov, None)
        elif code[4:] == "0" * 8:
            if name != province_names.get(prov):
                units[code] = Unit(code, name, 2, prov, None)
    for code, name in rows:
        prov = code[:2] + "0" * 10
        if code[4:] != "0" * 8:
            city = code[:4] + "0" * 8
            units[code] = Unit(code, name, 3, prov, city if city in units else None)
    units[NATIONAL_CODE] = Unit(NATIONAL_CODE, NATIONAL, 1, NATIONAL_CODE, None)
    return units


def short_form(name: str, level: int) -> str | None:
    """The name without its type word: 太原市 -> 太原, 柯桥区 -> 柯桥.

    One-character stems (滑县 -> 滑) are never used: they are everywhere.
    """
    m = _AUTONOMOUS.match(name)
    if m:
        stem = m.group(1)
    elif level == 2:
        stem = re.sub(r"(?:市|地区|盟|林区)$", "", name)
    else:
        stem = re.sub(r"(?:市|县|区|旗|林区|特区|新区)$", "", name)
    if "自治" in stem or stem.endswith("族"):
        return None                   # 东乡族自治县: the stem would be a people's name
    return stem if len(stem) >= 2 and stem != name else None


def collect_forms(units: dict[str, Unit], aliases: dict) -> dict[str, Form]:
    """Every way of writing every place, with what it needs to count.

    Order matters: an earlier kind of form keeps its spelling when a later
    kind would reuse it (full names beat province short forms, which beat
    city short forms, which beat county short forms).
    """
    common = set(aliases.get("common_words") or ())
    generic = set(aliases.get("generic_full_names") or ())
    forms: dict[str, Form] = {}

    by_name: dict[str, list[str]] = {}
    for code, unit in units.items():
        if code != NATIONAL_CODE:
            by_name.setdefault(unit.name, []).append(code)
    for name, codes in by_name.items():
        if name in generic:
            needs = NEEDS_ADJACENT
        elif len(name) == 2 and units[codes[0]].level == 3:
            needs = NEEDS_PARENT      # 滑县, 单县: two characters hide in words
        else:
            needs = NEEDS_NOTHING
        forms[name] = Form(tuple(codes), needs, False)

    def resolve(path: str, where: str) -> str:
        code = resolve_path(units, path)
        if code is None:
            raise ValueError(f"region_aliases.yml, {where}: unknown path {path!r}")
        return code

    for short, full in (aliases.get("province_short") or {}).items():
        codes = by_name.get(full)
        if not codes:
            raise ValueError(f"region_aliases.yml, province_short: unknown {full!r}")
        forms.setdefault(short, Form((codes[0],), NEEDS_NOTHING, True))

    for section in ("renamed", "employers"):
        for old, path in (aliases.get(section) or {}).items():
            if old in by_name:
                raise ValueError(f"region_aliases.yml, {section}: {old!r} is an official name")
            # 开县, 户县: two characters hide in words (离开县城, 贫困户县域)
            needs = NEEDS_PARENT if len(old) == 2 and old.endswith("县") else NEEDS_NOTHING
            forms[old] = Form((resolve(path, section),), needs, False)

    for word in aliases.get("national") or ():
        forms[word] = Form((NATIONAL_CODE,), NEEDS_NOTHING, False)

    add_short_forms(forms, units, common, level=2, needs=NEEDS_NOTHING)
    add_short_forms(forms, units, common, level=3, needs=NEEDS_PARENT)
    add_old_suffixes(forms, units, by_name)

    for word in aliases.get("not_places") or ():
        forms.setdefault(word, Form((), NEEDS_NOTHING, False))
    return forms


def add_short_forms(forms: dict[str, Form], units: dict[str, Unit],
                    common: set[str], level: int, needs: int) -> None:
    """Add the short forms of one level; shared ones keep all their units."""
    found: dict[str, list[str]] = {}
    for code, unit in units.items():
        if unit.level == level and code != NATIONAL_CODE:
            short = short_form(unit.name, level)
            if short:
                found.setdefault(short, []).append(code)
    for short, codes in found.items():
        if short in forms:
            continue
        if short in common:
            need = NEEDS_ADJACENT
        elif len(short) >= 3 and len(codes) == 1:
            need = NEEDS_NOTHING      # 青铜峡, 张家港: long and unique, no word hides them
        else:
            need = needs
        forms[short] = Form(tuple(codes), need, True)


def add_old_suffixes(forms: dict[str, Form], units: dict[str, Unit],
                     by_name: dict[str, list[str]]) -> None:
    """Old spellings of upgraded units, when the stem points to one unit only.

    海门市 -> 海门区 and 密云县 -> 密云区 (county or county-level city turned
    district), 邹平县 -> 邹平市 (county turned city), 日喀则地区 -> 日喀则市
    (prefecture turned city). An old "X市" of a district needs its parent
    named, because it hides in ordinary text (以上城市 is not 上城区).
    """
    stems: dict[tuple[str, int], list[str]] = {}
    for code, unit in units.items():
        if unit.level in (2, 3) and code != NATIONAL_CODE:
            m = re.fullmatch(rf"([{_CJK}]{{2,}})(市|区)", unit.name)
            if m:
                stems.setdefault((m.group(1), unit.level), []).append(code)
    for (stem, level), codes in stems.items():
        if len(codes) != 1:
            continue
        unit = units[codes[0]]
        olds = ("地区",) if level == 2 else ("县", "市") if unit.name.endswith("区") else ("县",)
        for suffix in olds:
            old = stem + suffix
            if old not in forms and old not in by_name:
                needs = NEEDS_PARENT if level == 3 and suffix == "市" else NEEDS_NOTHING
                forms[old] = Form(codes[0:1], needs, False)


def resolve_path(units: Mapping[str, Unit], path: str) -> str | None:
    """'山东省/济南市/莱芜区' -> the adcode of 莱芜区, checking each parent."""
    names = [p.strip() for p in path.split("/") if p.strip()]
    parent: Unit | None = None
    for name in names:
        match = [u for u in units.values() if u.name == name and (
            parent is None and u.level == 1
            or parent is not None and (u.city == parent.code or
                                       u.province == parent.code and u.level > 1
                                       and (u.level == 2 or u.city is None)))]
        if len(match) != 1:
            return None
        parent = match[0]
    return parent.code if parent else None


def index_forms(forms: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """For each first two characters, the lengths of the names, longest first.

    Looking up each position of a text in this index, and only then the few
    names that could start there, finds all names in one pass without trying
    thousands of names one by one.
    """
    lengths: dict[str, set[int]] = {}
    for word in forms:
        if len(word) < 2:
            raise ValueError(f"place names need two characters at least: {word!r}")
        lengths.setdefault(word[:2], set()).add(len(word))
    return {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}


def scan(gaz: Gazetteer, text: str) -> Iterable[tuple[int, int, str]]:
    """(start, end, word) of every known word, leftmost first, longest wins.

    山西省 beats 山西, 海南藏族自治州 beats 海南; matches never overlap, so
    a blocker word (黄河) hides the place inside it (河北 in 黄河北岸).
    """
    starts, forms = gaz.starts, gaz.forms
    n = len(text)
    end = 0
    for i in [i for i in range(n - 1) if text[i:i + 2] in starts]:
        if i < end:
            continue
        for length in starts[text[i:i + 2]]:
            if i + length <= n and text[i:i + length] in forms:
                end = i + length
                yield i, end, text[i:end]
                break


# ---------------------------------------------------------------- finding

@dataclass(frozen=True)
class Mention:
    """One place name as it stands in the text."""
    segment: int          # which piece of text (0 = headline)
    start: int
    end: int
    form: Form
    weight: float
    order: int            # running number over the whole article


_BYLINE = re.compile(r"[（(][^（）()]{0,60}?(?:记者|通讯员)[^（）()]{0,60}?[)）]")
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])[ \t\u3000]+(?=[{_CJK}])")
_MARKUP = re.compile(r"\*\*|__|^#+\s*|^>\s*", re.M)


def clean(text: str) -> str:
    """Plain text for matching: no markdown, no bylines, no gaps inside words.

    Bylines go because reporters' names (王长春, 李建平) look like places.
    """
    text = _MARKUP.sub("", text or "")
    text = _BYLINE.sub("", text)
    return _CJK_GAP.sub("", text)


def segments(title: str, body: str) -> list[tuple[str, float]]:
    """The article as (text, weight) pieces: headline, lead, rest of body."""
    pieces = [(clean(title), HEADLINE_WEIGHT)]
    used = 0
    for line in (body or "").splitlines():
        is_head = line.lstrip().startswith("#")
        text = clean(line).strip()
        if not text:
            continue
        if is_head or used >= LEAD_CHARS:
            pieces.append((text, BODY_WEIGHT))
            continue
        cut = LEAD_CHARS - used
        stop = text.find("。", cut)          # end the lead with its sentence,
        if 0 <= stop < cut + 60:            # not inside a name
            cut = stop + 1
        pieces.append((text[:cut], LEAD_WEIGHT))
        if text[cut:]:
            pieces.append((text[cut:], BODY_WEIGHT))
        used += len(text)
    return pieces


def find_mentions(gaz: Gazetteer, pieces: list[tuple[str, float]]) -> list[Mention]:
    """Every place-like word, with blockers, streets and dateline 北京 removed."""
    found: list[Mention] = []
    for index, (text, weight) in enumerate(pieces):
        for start, end, word in scan(gaz, text):
            form = gaz.forms[word]
            if not form.units:
                continue                                  # a blocker word
            if form.short and text[end:end + 1] in STREET_CHARS \
                    and not starts_a_place(gaz, text, end):
                continue                                  # 北京路, 江西街; not 湖南道县
            if form.short and looks_like_person(gaz, text, start, end, form, found, index):
                continue                                  # 张桂林认为
            w = weight
            if is_agency_dateline(text, start, word):
                w = 0.0
            elif text.startswith(gaz.federation, end):
                w *= FEDERATION_BONUS
            found.append(Mention(index, start, end, form, w, len(found)))
    return found


def starts_a_place(gaz: Gazetteer, text: str, pos: int) -> bool:
    """Does a known place name start at pos (道县, 路南区 after a street check)?"""
    for length in gaz.starts.get(text[pos:pos + 2], ()):
        form = gaz.forms.get(text[pos:pos + length])
        if form is not None and form.units and pos + length <= len(text):
            return True
    return False


def looks_like_person(gaz: Gazetteer, text: str, start: int, end: int,
                      form: Form, found: list[Mention], index: int) -> bool:
    """A given name that happens to be a city's short form (张桂林, 刘大庆)."""
    if start == 0 or text[start - 1] not in SURNAMES:
        return False
    if gaz.units[form.units[0]].level == 1:
        return False                                      # 江苏, 山西 are no given names
    if found and found[-1].segment == index and found[-1].end == start:
        return False                                      # 浙江金华: 江 ends 浙江
    return text.startswith(AFTER_PERSON, end)


def is_agency_dateline(text: str, start: int, word: str) -> bool:
    """新华社北京9月1日电: national news is filed from 北京; it says nothing."""
    return word in ("北京", "北京市") and text[max(0, start - 3):start].endswith(
        ("新华社", "本报", "中新社"))


# ---------------------------------------------------------------- resolving

def ancestors(unit: Unit) -> tuple[str, ...]:
    return tuple(c for c in (unit.province, unit.city) if c and c != unit.code)


def resolve(gaz: Gazetteer, mentions: list[Mention]) -> list[tuple[Mention, Unit]]:
    """Decide which unit each mention means; drop those that cannot be decided.

    Certain mentions (one unit, no context needed) are settled first; they
    are the context for the rest. A mention right after its parent
    ("绍兴柯桥", "长春朝阳区") is always settled by that parent.
    """
    units = gaz.units
    certain = {m.order: units[m.form.units[0]] for m in mentions
               if len(m.form.units) == 1 and m.form.needs == NEEDS_NOTHING}
    named = {u.code for u in certain.values()}
    named_cities = named | {u.city for u in certain.values() if u.city}
    named_provinces = named | {u.province for u in certain.values()}

    settled: dict[int, Unit] = {}
    previous: Mention | None = None
    for m in mentions:
        unit = certain.get(m.order)
        if unit is None:
            unit = settle(m, previous, settled, units, named, named_cities, named_provinces)
        if unit is not None:
            settled[m.order] = unit
        previous = m
    return [(m, settled[m.order]) for m in mentions if m.order in settled]


def settle(m: Mention, previous: Mention | None, settled: dict[int, Unit],
           units: Mapping[str, Unit], named: set[str], named_cities: set[str],
           named_provinces: set[str]) -> Unit | None:
    """Pick the one unit an uncertain mention stands for, or None."""
    candidates = [units[c] for c in m.form.units]
    if previous is not None and previous.segment == m.segment \
            and previous.end == m.start and previous.order in settled:
        parent = settled[previous.order].code
        near = [u for u in candidates if parent in ancestors(u)]
        if len(near) == 1:
            return near[0]
    tests = [lambda u: u.code in named]                        # full name elsewhere
    if m.form.needs <= NEEDS_PARENT:                           # its parent elsewhere
        tests.append(lambda u: u.city in named_cities if u.city
                     else u.province in named_provinces)
    if m.form.needs == NEEDS_NOTHING:
        tests.append(lambda u: u.province in named_provinces)
    for test in tests:
        fit = [u for u in candidates if test(u)]
        if len(fit) == 1:
            return fit[0]
        if len(fit) > 1:
            return None
    return None


# ---------------------------------------------------------------- scoring

@dataclass(frozen=True)
class Scores:
    province: Mapping[str, float]
    city: Mapping[str, float]     # keyed by city code, or county code for
                                  # counties straight under a province
    county: Mapping[str, float]
    first_seen: Mapping[str, int]
    front: frozenset[str]         # keys named in the headline or the lead


def merge_chains(resolved: list[tuple[Mention, Unit]]) -> list[tuple[Unit, float, Mention]]:
    """"江西省赣州市章贡区" is one mention of 章贡区, not three.

    A parent written right before its child gives its weight to the child,
    so a full chain counts once, at its finest level.
    """
    out: list[tuple[Unit, float, Mention]] = []
    for m, unit in resolved:
        weight = m.weight
        if out:
            prev_unit, prev_weight, prev = out[-1]
            if prev.segment == m.segment and prev.end == m.start \
                    and prev_unit.code in ancestors(unit):
                weight = max(weight, prev_weight)
                out[-1] = (prev_unit, 0.0, prev)
        out.append((unit, weight, m))
    return out


def city_slot(gaz: Gazetteer, unit: Unit) -> str | None:
    """The key a unit adds to at the city level."""
    if unit.level == 2:
        return unit.code
    if unit.level == 3:
        if unit.city:
            return unit.city
        if unit.province not in gaz.municipalities:
            return unit.code          # 仙桃市: county-level, straight under 湖北省
    return None


def score(gaz: Gazetteer, chain: list[tuple[Unit, float, Mention]]) -> Scores:
    province: dict[str, float] = {}
    city: dict[str, float] = {}
    county: dict[str, float] = {}
    first: dict[str, int] = {}
    front: set[str] = set()
    for unit, weight, m in chain:
        for key in (unit.province, unit.city, unit.code):
            if key:
                first.setdefault(key, m.order)
                if m.weight >= LEAD_WEIGHT:
                    front.add(key)
        province[unit.province] = province.get(unit.province, 0.0) + weight
        slot = city_slot(gaz, unit)
        if slot:
            city[slot] = city.get(slot, 0.0) + weight
        if unit.level == 3:
            county[unit.code] = county.get(unit.code, 0.0) + weight
    return Scores(province, city, county, first, frozenset(front))


def best(scores: Mapping[str, float], first: Mapping[str, int],
         keys: Iterable[str]) -> str | None:
    """Highest score; ties go to the place named first."""
    keys = [k for k in keys if scores.get(k, 0.0) > 0]
    if not keys:
        return None
    return max(keys, key=lambda k: (scores[k], -first.get(k, 1 << 30)))


# ---------------------------------------------------------------- locate

def national_headline(gaz: Gazetteer, headline: str) -> float:
    """Weight of the bare word 全国 in the headline ("全国能源化学地质系统…")."""
    weight = 0.0
    for m in re.finditer(NATIONAL, headline):
        before = headline[max(0, m.start() - 2):m.start()]
        if headline.startswith(gaz.national_exceptions, m.start()) or before.endswith(("获", "评")):
            continue
        weight += NATIONAL_HEADLINE_WEIGHT
    return weight


def is_diffuse(scores: Scores, chain) -> bool:
    """Many provinces, none leading, nothing in the headline: a roundup."""
    if any(m.segment == 0 and w > 0 for _, w, m in chain):
        return False
    local = {k: v for k, v in scores.province.items() if k != NATIONAL_CODE}
    total = sum(local.values())
    strong = [v for v in local.values() if v >= 2 * BODY_WEIGHT]
    return len(strong) >= DIFFUSE_PROVINCES and max(local.values()) < DIFFUSE_SHARE * total


def headline_names_province_only(chain, province: str) -> bool:
    """"山西工会…", "江苏：…": the headline names the province and nothing below it."""
    in_head = [(u, w) for u, w, m in chain if m.segment == 0 and u.province == province]
    return any(u.level == 1 and w > 0 for u, w in in_head) and \
        not any(u.level > 1 for u, _ in in_head)


def locate(gazetteer: Gazetteer, title: str, body: str) -> Region:
    """The primary place of one article (see the module notes)."""
    gaz = gazetteer
    pieces = segments(title, body)
    chain = merge_chains(resolve(gaz, find_mentions(gaz, pieces)))
    scores = score(gaz, chain)
    national = national_headline(gaz, pieces[0][0])
    if is_diffuse(scores, chain) and not national:
        return Region(NATIONAL, None, None)
    prov = choose_province(scores, chain, national)
    if prov is None:
        return Region(None, None, None)
    if prov == NATIONAL_CODE:
        return Region(NATIONAL, None, None)
    units = gaz.units
    region = Region(units[prov].name, None, None)
    if headline_names_province_only(chain, prov):
        return region
    total = scores.province[prov]

    if prov in gaz.municipalities:
        return choose_county(gaz, scores, region, prov, total, parent_is_province=True)
    slots = [k for k in scores.city if units[k].province == prov]
    city = best(scores.city, scores.first_seen, slots)
    if not carries(scores, city, scores.city, total, CITY_SHARE):
        return region
    if units[city].level == 3:                       # 仙桃市 and the like
        return Region(region.province, None, units[city].name)
    region = Region(region.province, units[city].name, None)
    return choose_county(gaz, scores, region, city, scores.city[city], parent_is_province=False)


def choose_province(scores: Scores, chain, national: float) -> str | None:
    """The province (or 全国) with most weight, the headline's ones first.

    A province named in the headline keeps the lead unless another one
    carries HEADLINE_PRIMACY times its weight: "习近平在北京调研" stays a
    北京 story even when the body talks much of 武汉.
    """
    totals = dict(scores.province)
    first_seen = dict(scores.first_seen)
    in_headline = {u.province for u, w, m in chain if m.segment == 0}
    if national:
        totals[NATIONAL_CODE] = totals.get(NATIONAL_CODE, 0.0) + national
        first_seen[NATIONAL_CODE] = -1               # the headline comes first
        in_headline.add(NATIONAL_CODE)
    if max(totals.values(), default=0.0) < MIN_SCORE:
        return None                                  # one passing mention
    overall = best(totals, first_seen, totals)
    headed = best(totals, first_seen, in_headline)
    if headed is not None and totals[overall] <= HEADLINE_PRIMACY * totals[headed]:
        return headed
    return overall


def carries(scores: Scores, key: str | None, level: Mapping[str, float],
            parent_total: float, share: float) -> bool:
    """Does the leading place below the parent carry enough of its weight?"""
    if key is None:
        return False
    if key in scores.front:
        share = min(share, FRONT_SHARE)
    return level[key] >= share * parent_total


def choose_county(gaz: Gazetteer, scores: Scores, region: Region, parent: str,
                  parent_total: float, parent_is_province: bool) -> Region:
    units = gaz.units
    if parent_is_province:
        keys = [k for k in scores.county
                if units[k].province == parent and units[k].city is None]
    else:
        keys = [k for k in scores.county if units[k].city == parent]
    county = best(scores.county, scores.first_seen, keys)
    if not carries(scores, county, scores.county, parent_total, COUNTY_SHARE):
        return region
    return Region(region.province, region.city, units[county].name)
