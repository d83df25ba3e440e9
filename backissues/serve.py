"""Preview the built site: http.server on 127.0.0.1 only, 404.html for misses."""
from __future__ import annotations

import functools
import sys
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files from the site folder; the site's own 404 page when missing."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == HTTPStatus.NOT_FOUND and page.is_file():
            body = page.read_bytes()
            self.send_response(code, message)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def make_server(site: Path, port: int) -> ThreadingHTTPServer:
    handler = functools.partial(SiteHandler, directory=str(site))
    return ThreadingHTTPServer(("127.0.0.1", port), handler)


def serve_site(site: Path, port: int) -> int:
    if not (site / "index.html").is_file():
        print(f"serve: {site} holds no built site (no index.html); run `python build.py render` first",
              file=sys.stderr)
        return 1
    try:
        server = make_server(site, port)
    except OSError as exc:
        print(f"serve: cannot listen on 127.0.0.1:{port} ({exc.strerror})", file=sys.stderr)
        return 1
    host, real_port = server.server_address[:2]
    print(f"serving {site} at http://{host}:{real_port}/  (Ctrl-C stops)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
