"""Serve a built site on a free loopback port (tests and the benchmark), with no network needed."""

from __future__ import annotations

import functools
import http.server
import socket
import sys
import threading
from contextlib import contextmanager
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test and benchmark output readable
        pass

    def send_error(self, code, message=None, explain=None):
        # As GitHub Pages does: a missing page answers 404 with the site's own 404.html, so the
        # tests see the page a reader who mistypes an address sees.
        page = Path(self.directory) / "404.html"
        if code != 404 or self.command != "GET" or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def list_directory(self, path):
        # As GitHub Pages does: a folder without an index.html is not found. (Python's server lists
        # its files, so a link to a page whose index.html was missing answered 200.)
        self.send_error(404, "No index.html in this folder")

    def end_headers(self):
        # linkchecker paces its requests to a host (about 3 a second) unless the server sends this
        # header; this server is ours and local, so it opts in to full speed.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # linkchecker closes the connection of every file it only checks exists, before the file is
        # sent: not a fault of the site's, and a traceback each on the benchmark's and tests' output.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def free_port() -> int:
    """A loopback port free now (the system's choice), for a server started after this returns."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_directory(directory: Path) -> tuple[_Server, str]:
    """Serve `directory` on a free loopback port. Bound before any build, so the site can be built
    for the exact address it will be served at (its permanent links are absolute)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@contextmanager
def served(directory: Path):
    """`directory` served on a free loopback port while the block runs; yields its address."""
    server, url = serve_directory(directory)
    try:
        yield url
    finally:
        server.shutdown()

