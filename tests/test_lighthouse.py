"""Lighthouse scores of the demo site: accessibility, best practices and SEO
≥ 95, performance ≥ 90 on the home page, an issue page and an article page,
served over http://localhost (bench/lighthouse/run.py does the work and
writes its reports under test-artifacts/lighthouse/).

Takes about 40 s (a minute or two when a page has to be run again). Needs
Node.js, `npm ci` (Lighthouse in node_modules) and Debian's chromium:
skipped when missing, failed when missing under CI.
"""
import json
import shutil
import subprocess
import sys

from browsertools import ARTIFACTS, PROJECT, missing, need_chromium

RUN = PROJECT / "bench" / "lighthouse" / "run.py"
OUT = ARTIFACTS / "lighthouse"


def test_lighthouse_scores_meet_thresholds():
    need_chromium()
    if not shutil.which("node"):
        missing("Node.js (node)")
    if not (PROJECT / "node_modules" / ".bin" / "lighthouse").exists():
        missing("Lighthouse (node_modules/.bin/lighthouse, from `npm ci`)")
    done = subprocess.run([sys.executable, str(RUN), "--out", str(OUT)], cwd=PROJECT,
                          capture_output=True, text=True, timeout=420)
    print(done.stdout)
    assert done.returncode == 0, f"run.py exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    summary = json.loads((OUT / "summary.json").read_text(encoding="utf-8"))
    assert summary["passed"] and set(summary["pages"]) == {"home", "issue", "article"}
    for name, page in summary["pages"].items():
        for category, floor in summary["thresholds"].items():
            assert page["scores"][category] >= floor, (name, category, page["scores"])
