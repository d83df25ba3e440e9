"""Metadata read from an article's own text: byline, dateline, agency, type."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import jieba

from .repair import CJK
from .units import DATELINE, GLUED_CREDIT, SPACE

_ROLES = {
    "记者": "reporters", "本报记者": "reporters", "特约记者": "reporters", "本报特约记者": "reporters",
    "见习记者": "reporters", "实习生": "correspondents",
    "通讯员": "correspondents", "本报通讯员": "correspondents",
}
_ROLE_RE = "|".join(sorted(_ROLES, key=len, reverse=True))
# "（通讯员王雨茜 贺芳芳 记者刘建林）" right after 本报讯 / a dateline.
_BRACKET_BYLINE = re.compile(r"^[（(]([^（）()]{2,60})[）)]")
_TRAILING_BRACKET = re.compile(r"[（(]([^（）()]{1,20})[）)]$")
_AGENCIES = ("新华社", "视觉中国", "中新社", "人民视觉", "东方IC", "CFP")
# Editorial notes that end an article in brackets like a signature does; the
# dictionary check below misses those it does not list, or lists as names.
_EDITORIAL_NOTES = frozenset({
    "上", "中", "下", "完", "续", "待续", "未完", "未完待续", "续完", "全文完", "节选", "选载",
    "有删节", "本文有删节", "试行", "草案", "摘编", "供图", "资料图"})


def photo_credit_names(credit: str) -> list[str]:
    """Photographers named in a credit line such as '本报记者 王伟伟 摄'."""
    text = re.sub(r"[（(][^）)]*[）)]$", "", credit.strip())
    m = re.search(r"(?:摄影报道|摄影|摄)$", text)
    if not m:
        return []
    text = text[:m.start()]
    for agency in _AGENCIES:
        text = text.replace(agency, " ")
    by_role = names_by_role(text)
    if by_role:
        return [n for names in by_role.values() for n in names]
    return _split_names(text)


@dataclass(frozen=True)
class Byline:
    dateline: str | None = None
    reporters: tuple = ()
    correspondents: tuple = ()
    photographers: tuple = ()
    authors: tuple = ()
    agency: str | None = None


def names_by_role(text: str, lead_role: str | None = None) -> dict[str, list[str]]:
    """'通讯员王雨茜 贺芳芳 记者刘建林' → {correspondents: [...], reporters: [...]}.

    A role word applies to every name after it until the next role word;
    names padded with spaces for typesetting ('方  圆') are rejoined. Names
    before the first role word go under `lead_role`, or are dropped if None.
    """
    out: dict[str, list[str]] = {}
    parts = re.split(f"({_ROLE_RE})", re.sub(r"(?:整理|采写)$", "", text.strip()))
    role = lead_role
    for part in parts:
        if part in _ROLES:
            role = _ROLES[part]
            continue
        if role is None:
            continue
        for name in _split_names(part):
            out.setdefault(role, []).append(name)
    return out


def _split_names(chunk: str) -> list[str]:
    tokens = [t for t in re.split(rf"(?:{SPACE}|[、，,])+", chunk.strip()) if t]
    names, i = [], 0
    while i < len(tokens):
        tok = tokens[i]
        # "方  圆": two one-character tokens are one two-character name.
        if len(tok) == 1 and i + 1 < len(tokens) and len(tokens[i + 1]) <= 2:
            tok, i = tok + tokens[i + 1], i + 1
        if re.fullmatch(rf"[{CJK}·]{{2,5}}", tok):
            names.append(tok)
        i += 1
    return names


def read_byline(paragraphs: list[str], bylines: list[str], credits: list[str]) -> Byline:
    """Who wrote or photographed the article, from its printed text."""
    roles: dict[str, list[str]] = {}
    dateline = agency = None
    # A pull-quote may be printed between the headline and the dateline.
    first = next((p for p in paragraphs[:2] if DATELINE.match(p)), "")
    m = DATELINE.match(first)
    if m:
        stamp = m.group(0).strip("*【】")
        dateline = "新华社" if "新华社" in stamp else "本报讯" if stamp.startswith("本报") else stamp
        if "新华社" in stamp:
            agency = "新华社"
        rest = first[m.end():].lstrip(" \u00a0\u3000*")
        b = _BRACKET_BYLINE.match(rest)
        if b:
            # "（顾威 记者刘旭）": a name printed without a role word is the text's author.
            _merge(roles, names_by_role(b.group(1), lead_role="authors"))
    for line in bylines:
        _merge(roles, names_by_role(line))
    photographers = []
    for credit in credits:
        compact = credit.strip()
        for a in _AGENCIES:
            if a in compact:
                agency = agency or a
        photographers.extend(photo_credit_names(compact))
    if paragraphs and not photographers:
        # A credit run on at the end of a caption: "…一展 本报通讯员 邱海鹰 唐艺娟 摄".
        glued = GLUED_CREDIT.search(paragraphs[-1])
        if glued:
            photographers.extend(photo_credit_names(glued.group(0)))
    if paragraphs:
        # A signature also counts beside a dateline byline: the signer wrote the text.
        credited = {n for names in roles.values() for n in names}
        signed = [n for n in trailing_authors(paragraphs[-1]) if n not in credited]
        roles.setdefault("authors", []).extend(signed)
    return Byline(dateline, tuple(_unique(roles.get("reporters", []))),
                  tuple(_unique(roles.get("correspondents", []))), tuple(_unique(photographers)),
                  tuple(_unique(roles.get("authors", []))), agency)


def trailing_authors(last: str) -> list[str]:
    """Names signed in a bracket ending the article: '…心坎上。（霍希标 时培林）'.

    Only a bracket shaped like one to three names counts, so that notes such
    as （待续） or （试行） and ordinary words in brackets are no authors.
    """
    m = _TRAILING_BRACKET.search(last.rstrip())
    if not m or m.group(1).strip() in _EDITORIAL_NOTES:
        return []
    names = [n for n in re.split(rf"(?:{SPACE}|、)+", m.group(1).strip()) if n]
    if not 1 <= len(names) <= 3 or not all(_looks_like_name(n) for n in names):
        return []
    return names


def _looks_like_name(word: str) -> bool:
    """2–4 Han characters that are no common word, role word or agency."""
    if not re.fullmatch(rf"[{CJK}]{{2,4}}", word) or word in _EDITORIAL_NOTES:
        return False
    if any(r in word for r in _ROLES) or any(a in word for a in _AGENCIES):
        return False
    return word not in _common_words()


@lru_cache(maxsize=1)
def _common_words() -> frozenset:
    """jieba's dictionary words of 2–4 characters not tagged as person names (nr).

    Read only when a trailing bracket has a name's shape, i.e. rarely.
    """
    words = set()
    with jieba.get_dict_file() as fh:          # bundled dict.txt: "word freq tag" per line, bytes
        for raw in fh:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3 and 2 <= len(parts[0]) <= 4 and parts[2] != "nr":
                words.add(parts[0])
    return frozenset(words)


def _merge(into: dict, more: dict) -> None:
    for role, names in more.items():
        into.setdefault(role, []).extend(names)


def _unique(names: list[str]) -> list[str]:
    seen, out = set(), []
    for n in names:
        if n not in seen:
            seen.add(n)
            out.append(n)
    return out


def article_type(title: str | None, paragraphs: list[str], sections: list[str], credits: list[str],
                 byline: Byline) -> str:
    """news | brief | photo | feature | commentary | fragment."""
    body_len = sum(len(p) for p in paragraphs)
    if title is None and not byline.dateline and not credits:
        return "fragment"
    # A photo's credit may carry its agency after 摄 (王海燕摄（影像中国）) or run on at
    # the end of the caption; either way the photographers are named.
    if byline.photographers and body_len < 400 and not byline.dateline:
        return "photo"
    if sections and body_len > 1200:
        return "feature"
    if title and re.search(r"（(?:人民时评|评论员|快评|短评|时评|观点|论苑|思想纵横|人民论坛|评论)[^）]*）|^评论|论$", title):
        return "commentary"
    if body_len < 400:
        return "brief"
    return "news"
