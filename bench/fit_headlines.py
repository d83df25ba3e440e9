"""Fit the headline weights (evidence.WEIGHTS "head.*") on a gold corpus.

Each headline group the splitter sees is labelled from the gold files: it
opens an article when one of its lines is a gold title, kicker or subtitle.
A logistic regression over `evidence.headline_features` gives the weights;
half the pages train, the other half measure. Paste the printed table into
evidence.WEIGHTS.

    .venv/bin/python bench/fit_headlines.py \
        --set ../shared/corpus/rmrb-2020/sources,../shared/corpus/rmrb-2020/gold,1 \
        --set ../shared/samples,../shared/gold,10

Each --set is SOURCES,GOLD,WEIGHT; a weight above 1 counts that set's
examples more (the five sample pages against 909 corpus pages).
"""
from __future__ import annotations

import argparse
import math
import re
import sys
import unicodedata
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from backissues import evidence, split  # noqa: E402
from backissues.pages import decode  # noqa: E402


_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def _norm(text) -> str:
    """Compare lines as the scorer does: width and quote variants folded
    (gold writes (栏目) where the page prints （栏目）), no spaces, markup or dashes."""
    text = unicodedata.normalize("NFKC", str(text or "")).translate(_FOLD)
    return re.sub(r"[\s*#\u00a0\u3000—–―-]+", "", text)


def examples(sources: Path, gold_dir: Path):
    vectors = split._vectors_cache()
    for gold_path in sorted(gold_dir.glob("*.yaml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        heads = {_norm(a.get(f)) for a in gold["articles"] for f in ("title", "kicker", "subtitle") if a.get(f)}
        text = decode((sources / gold["source"]).read_bytes(), gold["source"])
        for ctx in split.headline_contexts(text):
            label = any(_norm(h.text) in heads for h in ctx.heads)
            yield gold_path.stem, evidence.headline_features(ctx, vectors), label


def fit(data, names, ridge=1.0, rounds=25):
    """Logistic regression by Newton's method (converges in a few rounds,
    so the weights do not depend on a step size); a small ridge keeps the
    near-collinear features (length, short, bias) stable."""
    w = [0.0] * len(names)
    rows = [([f[k] for k in names], y, weight) for f, y, weight in data]
    for _ in range(rounds):
        grad = [-ridge * wi for wi in w]
        hess = [[ridge if i == j else 0.0 for j in range(len(names))] for i in range(len(names))]
        for x, y, weight in rows:
            z = max(-30.0, min(30.0, sum(wi * xi for wi, xi in zip(w, x))))
            p = 1 / (1 + math.exp(-z))
            g, h = (y - p) * weight, p * (1 - p) * weight
            for i, xi in enumerate(x):
                if xi:
                    grad[i] += g * xi
                    row = hess[i]
                    for j, xj in enumerate(x):
                        if xj:
                            row[j] += h * xi * xj
        step = _solve(hess, grad)
        w = [wi + si for wi, si in zip(w, step)]
        if max(abs(si) for si in step) < 1e-6:
            break
    return dict(zip(names, w))


def _solve(a, b):
    """Gaussian elimination with partial pivoting (a is small and symmetric)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        pivot = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[pivot] = m[pivot], m[c]
        for r in range(n):
            if r != c and m[r][c]:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def accuracy(w, data) -> float:
    return sum((sum(w[k] * f[k] for k in w) > 0) == y for f, y, _ in data) / len(data)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", action="append", required=True, metavar="SOURCES,GOLD,WEIGHT")
    args = ap.parse_args()
    rows = []
    for spec in args.set:
        sources, gold, weight = spec.split(",")
        rows += [(page, f, y, float(weight)) for page, f, y in examples(Path(sources), Path(gold))]
    names = sorted(rows[0][1])
    pages = sorted({page for page, _, _, _ in rows})
    train_pages = set(pages[::2])
    train = [(f, y, wt) for page, f, y, wt in rows if page in train_pages]
    test = [(f, y, wt) for page, f, y, wt in rows if page not in train_pages]
    w = fit(train, names)
    print(f"{len(rows)} headline groups; accuracy train {accuracy(w, train):.3f}, held out {accuracy(w, test):.3f}")
    current = {k: evidence.WEIGHTS.get(k, 0.0) for k in names}
    print(f"current weights: held out {accuracy(current, test):.3f}")
    final = fit([(f, y, wt) for _, f, y, wt in rows], names)
    print("fitted on all pages:")
    for k in names:
        print(f'    "{k}": {final[k]:.2f},')
    return 0


if __name__ == "__main__":
    sys.exit(main())
