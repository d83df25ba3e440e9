#!/usr/bin/env python3
"""Lighthouse on the demo site: home page, an issue page and an article page.

    .venv/bin/python bench/lighthouse/run.py [--sources DIR | --site DIR] [--out DIR] [--runs N]

Builds the demo site (the bundled sample pages in sources/, ingested and
rendered by build.py into a temporary folder, with a site.yml whose base_url
is the address it is served at, so canonical links and robots.txt's sitemap
line are there as on a deployed site), serves it on 127.0.0.1 and runs
Lighthouse (node_modules/.bin/lighthouse, from `npm ci`) with Debian's
Chromium on http://localhost:PORT/… for each page, with Lighthouse's default
mobile settings (emulated phone, simulated slow 4G and CPU throttling).

Writes <page>.report.json and <page>.report.html per page and summary.json
under --out (default test-artifacts/lighthouse/), prints a table and, for a
category under its threshold, the audits that cost it points.

Thresholds: accessibility, best practices and SEO ≥ 95, performance ≥ 90.
A page under a threshold is run again, up to --runs times in all (default 3),
since the performance score of one run moves with the machine's load; the
best run is reported, and every run is listed in summary.json.

Exit status: 0 all pages meet the thresholds, 1 some page does not,
2 the build or Lighthouse itself failed, 3 a tool is missing (Node.js,
node_modules/.bin/lighthouse, Chromium): `bash .ci/install-browser-tools.sh`.
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = PROJECT / "node_modules" / ".bin" / "lighthouse"
THRESHOLDS = {"performance": 90, "accessibility": 95, "best-practices": 95, "seo": 95}
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
RUN_TIMEOUT = 150   # seconds for one Lighthouse run


def chromium() -> str | None:
    for candidate in (os.environ.get("CHROME_PATH"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def missing_tools() -> list[str]:
    lacks = []
    if not shutil.which("node"):
        lacks.append("Node.js (node)")
    if not LIGHTHOUSE.exists():
        lacks.append("node_modules/.bin/lighthouse (npm ci)")
    if not chromium():
        lacks.append("Chromium (/usr/bin/chromium)")
    return lacks


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


def build(base: Path, base_url: str, sources: Path) -> Path:
    (base / "site.yml").write_text(f"base_url: {base_url}\n", encoding="utf-8")
    cmd = [sys.executable, str(PROJECT / "build.py"), "--quiet"]
    for step in (["ingest", "--sources", str(sources), "--content", str(base / "content")],
                 ["render", "--content", str(base / "content"), "--site", str(base / "site")]):
        done = subprocess.run(cmd + step, cwd=base, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"build.py {step[0]} exited {done.returncode}:\n{done.stderr}")
    return base / "site"


def pick_pages(site: Path) -> dict[str, str]:
    """home, the first issue the home page lists, and that issue's lead article
    (file paths in the site folder)."""
    home = (site / "index.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'href="([^"#]+)"', home)
    issue = next((h for h in hrefs if h.startswith("issue/")), None)
    article = next((h for h in hrefs if h.startswith("article/")), None)
    if not issue or not article:
        raise RuntimeError("the home page links to no issue or no article")
    return {"home": "index.html", "issue": issue, "article": article}


def address(site: Path, path: str, origin: str) -> str:
    """Where to audit a page: its canonical URL when the page names one on
    this origin (http://localhost:PORT/ rather than …/index.html: Lighthouse
    fails a page whose canonical link is the site root unless it is loaded
    from the root), else the file's own URL."""
    html = (site / path).read_text(encoding="utf-8")
    found = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    if found and found.group(1).startswith(origin):
        return found.group(1)
    return origin + path


def chrome_version() -> str:
    done = subprocess.run([chromium(), "--version"], capture_output=True, text=True, timeout=60)
    return done.stdout.strip() or "unknown"


def lighthouse(url: str, out: Path) -> dict:
    """One Lighthouse run; returns the JSON report."""
    env = dict(os.environ, CHROME_PATH=chromium())
    cmd = [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output=html",
           f"--output-path={out}", f"--chrome-flags={CHROME_FLAGS}",
           "--only-categories=" + ",".join(THRESHOLDS)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT)
    report = out.with_name(out.name + ".report.json")
    if done.returncode != 0 or not report.is_file():
        raise RuntimeError(f"lighthouse {url} exited {done.returncode}:\n{done.stderr[-3000:]}")
    return json.loads(report.read_text(encoding="utf-8"))


def scores(report: dict) -> dict[str, int | None]:
    return {cat: None if report["categories"][cat]["score"] is None
            else round(report["categories"][cat]["score"] * 100) for cat in THRESHOLDS}


def below(score: dict) -> list[str]:
    return [cat for cat, floor in THRESHOLDS.items() if score[cat] is None or score[cat] < floor]


def lost_points(report: dict, category: str) -> list[str]:
    lines = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
            value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            lines.append(f"    {audit['id']}: {audit['title']}{value}, score {audit['score']}")
    return lines


def table(results: dict) -> str:
    cols = list(THRESHOLDS)
    head = ["page", *cols, "runs", "url"]
    rows = [[name, *(str(r["scores"][c]) for c in cols), str(len(r["runs"])),
             "/" + r["url"].split("/", 3)[3]]
            for name, r in results.items()]
    rows.append(["threshold", *(f"≥{THRESHOLDS[c]}" for c in cols), "", ""])
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    fmt = lambda row: "| " + " | ".join(v.ljust(w) for v, w in zip(row, widths)) + " |"
    return "\n".join([fmt(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|",
                      *map(fmt, rows)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources", type=Path, default=PROJECT / "sources",
                    help="raw pages to build the site from (default: the bundled samples)")
    ap.add_argument("--site", type=Path, help="an already built site to test instead (no build)")
    ap.add_argument("--out", type=Path, default=PROJECT / "test-artifacts" / "lighthouse")
    ap.add_argument("--runs", type=int, default=3, help="runs per page at most (default 3)")
    args = ap.parse_args(argv)

    lacks = missing_tools()
    if lacks:
        print("lighthouse: missing " + ", ".join(lacks) + "; run `bash .ci/install-browser-tools.sh`",
              file=sys.stderr)
        return 3
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="lighthouse-site-") as tmp:
        server = ThreadingHTTPServer(("127.0.0.1", 0), None)   # bound first: the port goes in site.yml
        origin = f"http://localhost:{server.server_address[1]}/"
        try:
            site = args.site.resolve() if args.site else build(Path(tmp), origin, args.sources.resolve())
            server.RequestHandlerClass = functools.partial(QuietHandler, directory=str(site))
            threading.Thread(target=server.serve_forever, daemon=True).start()
            pages = pick_pages(site)
            built = time.monotonic()
            results = {}
            for name, path in pages.items():
                runs, best, best_report = [], None, None
                for attempt in range(1, max(1, args.runs) + 1):
                    report = lighthouse(address(site, path, origin),
                                        args.out / (name if attempt == 1 else f"{name}-run{attempt}"))
                    score = scores(report)
                    runs.append(score)
                    if best is None or sum(v or 0 for v in score.values()) > sum(v or 0 for v in best.values()):
                        best, best_report = score, report
                    if not below(score):
                        break
                results[name] = {"path": path, "url": best_report["finalDisplayedUrl"],
                                 "scores": best, "runs": runs,
                                 "report": best_report}
        except (RuntimeError, subprocess.TimeoutExpired, OSError) as exc:
            print(f"lighthouse: {exc}", file=sys.stderr)
            return 2
        finally:
            server.shutdown()
            server.server_close()

    failing = {name: below(r["scores"]) for name, r in results.items() if below(r["scores"])}
    version = next(iter(results.values()))["report"]["lighthouseVersion"]
    summary = {
        "lighthouse": version, "chrome": chrome_version(),
        "thresholds": THRESHOLDS, "seconds": {"build": round(built - started, 1),
                                              "lighthouse": round(time.monotonic() - built, 1)},
        "pages": {n: {k: v for k, v in r.items() if k != "report"} for n, r in results.items()},
        "passed": not failing,
    }
    (args.out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n",
                                           encoding="utf-8")
    print(f"Lighthouse {version}, {summary['chrome']}, mobile defaults; "
          f"{summary['seconds']['lighthouse']} s for {sum(len(r['runs']) for r in results.values())} runs")
    print(table(results))
    for name, cats in failing.items():
        for cat in cats:
            print(f"{name}: {cat} {results[name]['scores'][cat]} < {THRESHOLDS[cat]}; audits that cost points:")
            print("\n".join(lost_points(results[name]["report"], cat)) or "    (none listed)")
    print(f"reports: {args.out}")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
