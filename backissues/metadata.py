"""Metadata read from an article's own text: byline, dateline, agency, type."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .repair import CJK
from .units import DATELINE, SPACE

_NAME = rf"[{CJK}][{CJK}·]{{1,4}}"
_ROLES = {
    "记者": "reporters", "本报记者": "reporters", "特约记者": "reporters", "本报特约记者": "reporters",
    "见习记者": "reporters", "实习生": "correspondents",
    "通讯员": "correspondents", "本报通讯员": "correspondents",
}
_ROLE_RE = "|".join(sorted(_ROLES, key=len, reverse=True))
# "（通讯员王雨茜 贺芳芳 记者刘建林）" right after 本报讯 / a dateline.
_BRACKET_BYLINE = re.compile(r"^[（(]([^（）()]{2,60})[）)]")
_TRAILING_AUTHOR = re.compile(rf"[（(]({_NAME}(?:{SPACE}+{_NAME})*)[）)]$")
_AGENCIES = ("新华社", "视觉中国", "中新社", "人民视觉", "东方IC", "CFP")


_GLUED_CREDIT = re.compile(rf"(?:本报|新华社)?(?:记者|通讯员)[{CJK} \u00a0]{{2,30}}摄$")


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


def names_by_role(text: str) -> dict[str, list[str]]:
    """'通讯员王雨茜 贺芳芳 记者刘建林' → {correspondents: [...], reporters: [...]}.

    A role word applies to every name after it until the next role word;
    names padded with spaces for typesetting ('方  圆') are rejoined.
    """
    out: dict[str, list[str]] = {}
    parts = re.split(f"({_ROLE_RE})", text)
    role = None
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
    first = paragraphs[0] if paragraphs else ""
    m = DATELINE.match(first)
    if m:
        stamp = m.group(0).strip("*")
        dateline = "新华社" if "新华社" in stamp else "本报讯" if stamp.startswith("本报") else stamp
        if "新华社" in stamp:
            agency = "新华社"
        rest = first[m.end():].lstrip(" \u00a0\u3000*")
        b = _BRACKET_BYLINE.match(rest)
        if b:
            _merge(roles, names_by_role(b.group(1)))
            if not any(role in b.group(1) for role in _ROLES):
                roles.setdefault("authors", []).extend(_split_names(b.group(1)))
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
        glued = _GLUED_CREDIT.search(paragraphs[-1])
        if glued:
            photographers.extend(photo_credit_names(glued.group(0)))
    if paragraphs:
        t = _TRAILING_AUTHOR.search(paragraphs[-1])
        if t and not roles:
            roles.setdefault("authors", []).extend(_split_names(t.group(1)))
    return Byline(dateline, tuple(_unique(roles.get("reporters", []))),
                  tuple(_unique(roles.get("correspondents", []))), tuple(_unique(photographers)),
                  tuple(_unique(roles.get("authors", []))), agency)


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
    if credits and any(c.rstrip().endswith(("摄", "摄影报道")) for c in credits) and body_len < 400 and not byline.dateline:
        return "photo"
    if sections and body_len > 1200:
        return "feature"
    if title and re.search(r"（(?:人民时评|评论员|快评|短评|时评|观点|论苑|思想纵横|人民论坛|评论)[^）]*）|^评论|论$", title):
        return "commentary"
    if body_len < 400:
        return "brief"
    return "news"
