"""Topic labels for articles, from weighted cue words in an editable taxonomy.

The taxonomy lives in ``data/topics.yml`` (an editor adds labels or cue words
there; the file's header explains how).  Classification is one pass of one
compiled regular expression over the headline and one over the body: the cue
words are folded into a prefix tree, so the expression does not try every cue
at every character, and 4,000 articles take well under a second or two.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import yaml

DEFAULT_PATH = Path(__file__).parent / "data" / "topics.yml"

# Spaces and line breaks fall inside words in OCR text (困难职\n工, 锦州 大有);
# markdown emphasis and heading marks likewise.  Cues are matched with these gone.
_NOISE = re.compile(r"[\s*#]+")


@dataclass(frozen=True)
class Taxonomy:
    """Labels, their cue words and the scoring knobs, ready to classify with."""
    labels: tuple[str, ...]
    # cue word -> ((label index, weight), ...); read-only view
    cues: Mapping[str, tuple[tuple[int, float], ...]] = field(hash=False, compare=False)
    pattern: re.Pattern = field(hash=False, compare=False, repr=False)
    title_weight: float = 3.0
    second_ratio: float = 0.5
    second_min: float = 4.0
    default: str = ""


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Read and check a taxonomy file (the bundled one when `path` is None)."""
    path = Path(path) if path is not None else DEFAULT_PATH
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("labels"), dict) or not doc["labels"]:
        raise ValueError(f"{path}: needs a non-empty 'labels:' mapping")
    scoring = doc.get("scoring") or {}
    labels = tuple(str(k) for k in doc["labels"])
    cues: dict[str, list[tuple[int, float]]] = {}
    for idx, label in enumerate(labels):
        entry = doc["labels"][label] or {}
        cue_map = entry.get("cues") if isinstance(entry, dict) else None
        if not isinstance(cue_map, dict) or not cue_map:
            raise ValueError(f"{path}: label {label!r} needs a non-empty 'cues:' mapping")
        for word, weight in cue_map.items():
            # YAML reads a cue like 12351 as a number; cues are always text.
            word = _NOISE.sub("", str(word))
            if not word or not isinstance(weight, (int, float)) or weight <= 0:
                raise ValueError(f"{path}: label {label!r}: cue {word!r} needs a positive weight")
            cues.setdefault(word, []).append((idx, float(weight)))
    default = str(scoring.get("default", labels[0]))
    if default not in labels:
        raise ValueError(f"{path}: scoring.default {default!r} is not one of the labels")
    return Taxonomy(
        labels=labels,
        cues=MappingProxyType({w: tuple(v) for w, v in cues.items()}),
        pattern=re.compile(_trie_regex(cues)),
        title_weight=float(scoring.get("title_weight", 3.0)),
        second_ratio=float(scoring.get("second_ratio", 0.5)),
        second_min=float(scoring.get("second_min", 4.0)),
        default=default,
    )


def _trie_regex(words) -> str:
    """One regex matching any of `words`, longest first at each position.

    Words sharing a prefix share a branch, so matching costs about one step per
    character instead of one attempt per cue word.  A word that is a prefix of
    a longer one becomes an optional (greedy) tail, which gives the longest
    match and falls back to the shorter word when the longer one fails.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends_here = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if ends_here else body

    return build(trie)


def cue_counts(taxonomy: Taxonomy, text: str) -> Counter:
    """How often each cue word occurs in `text` (non-overlapping, longest first)."""
    return Counter(m.group() for m in taxonomy.pattern.finditer(_NOISE.sub("", text or "")))


def scores(taxonomy: Taxonomy, title: str, body: str) -> list[float]:
    """Score per label (in taxonomy order) for one article."""
    totals = [0.0] * len(taxonomy.labels)
    for text, factor in ((title, taxonomy.title_weight), (body, 1.0)):
        for word, n in cue_counts(taxonomy, text).items():
            # The 5th mention of 劳模 adds little over the 4th: 1 + ln n.
            damped = factor * (1.0 + math.log(n))
            for idx, weight in taxonomy.cues[word]:
                totals[idx] += weight * damped
    return totals


def classify(taxonomy: Taxonomy, title: str, body: str) -> list[str]:
    """One or two labels for an article, the best first.

    Always at least one: the best scoring label, or the taxonomy's default when
    no cue occurs.  A second label only when it scores close to the first.
    Ties go to the label listed earlier in the taxonomy, so results are stable.
    """
    totals = scores(taxonomy, title, body)
    ranked = sorted(range(len(totals)), key=lambda i: (-totals[i], i))
    best = ranked[0]
    if totals[best] <= 0:
        return [taxonomy.default]
    result = [taxonomy.labels[best]]
    if len(ranked) > 1:
        second = ranked[1]
        s1, s2 = totals[best], totals[second]
        if s2 >= taxonomy.second_min and s2 >= taxonomy.second_ratio * s1:
            result.append(taxonomy.labels[second])
    return result
