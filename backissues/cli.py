"""Command line: checks arguments once at the edge, then calls the pipeline."""
from __future__ import annotations

import argparse
from pathlib import Path

from . import pipeline


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="build.py", description=(
        "Turn raw OCR newspaper pages into per-article Markdown (ingest) and a "
        "static site (render). With no command: ingest, then render."))
    ap.add_argument("--sources", type=Path, default=Path("sources"), help="folder of raw page files")
    ap.add_argument("--content", type=Path, default=Path("content"), help="folder of article Markdown files")
    ap.add_argument("--site", type=Path, default=Path("site"), help="output folder of the static site")
    ap.add_argument("--theme", type=Path, default=None, help="theme folder searched before the default theme")
    ap.add_argument("--quiet", action="store_true", help="no progress display")
    sub = ap.add_subparsers(dest="command")
    ing = sub.add_parser("ingest", help="read pages, split into articles, write content/")
    ing.add_argument("--sources", type=Path, default=argparse.SUPPRESS)
    ing.add_argument("--content", type=Path, default=argparse.SUPPRESS)
    ing.add_argument("--quiet", action="store_true", default=argparse.SUPPRESS)
    ren = sub.add_parser("render", help="render content/ into site/")
    ren.add_argument("--content", type=Path, default=argparse.SUPPRESS)
    ren.add_argument("--site", type=Path, default=argparse.SUPPRESS)
    ren.add_argument("--theme", type=Path, default=argparse.SUPPRESS)
    ren.add_argument("--quiet", action="store_true", default=argparse.SUPPRESS)
    srv = sub.add_parser("serve", help="preview site/ on http://localhost")
    srv.add_argument("--site", type=Path, default=argparse.SUPPRESS)
    srv.add_argument("--port", type=int, default=8000)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "ingest":
        return pipeline.ingest(args.sources, args.content, progress=not args.quiet)
    if args.command == "render":
        return pipeline.render(args.content, args.site, args.theme, progress=not args.quiet)
    if args.command == "serve":
        return pipeline.serve(args.site, args.port)
    status = pipeline.ingest(args.sources, args.content, progress=not args.quiet)
    return max(status, pipeline.render(args.content, args.site, args.theme, progress=not args.quiet))
