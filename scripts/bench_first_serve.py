"""What a newcomer waits for: a fresh clone's first `python3 scripts/dev.py serve` until the site
answers, with nothing in pip's cache (part of the benchmark, scripts/bench.py).

Each run clones this repository's last commit into a temporary folder (uncommitted changes are not
in it), gives pip an empty cache folder of its own, runs `dev.py serve` there with the Python
dev.py was made for (not .venv's), and asks for the home page every tenth of a second until it
answers 200. Then it stops dev.py as a reader would, with SIGTERM. Every run downloads the site's
requirements (about 30 MB) again.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import _core
from localserver import free_port

ROOT = _core.ROOT
BUDGET_S = 20
# The Python a newcomer types `python3` for: when the benchmark runs in .venv, the one .venv was
# made from (.venv has no pip of its own; dev.py uses this Python's pip).
NEWCOMERS_PYTHON = getattr(sys, "_base_executable", sys.executable)
GIVE_UP_S = 600


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as page:
            return page.status == 200
    except OSError:
        return False


def once(work: Path) -> dict:
    """One fresh clone served for the first time: seconds to the first 200, and to the end of the
    install (dev.py's 'building the site' line), with the load on the machine when it started."""
    clone, cache = work / "clone", work / "pip-cache"
    cache.mkdir()
    port = free_port()
    load = os.getloadavg()[0]
    started = time.perf_counter()
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    env = {**os.environ, "PIP_CACHE_DIR": str(cache)}
    env.pop("PIP_NO_CACHE_DIR", None)
    server = subprocess.Popen([NEWCOMERS_PYTHON, "scripts/dev.py", "serve", "--port", str(port)], cwd=clone, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    installed: list[float] = []
    output: list[str] = []

    def follow() -> None:
        for line in server.stdout:
            output.append(line)
            if line.startswith("[dev] building the site"):
                installed.append(time.perf_counter() - started)

    reader = threading.Thread(target=follow, daemon=True)
    reader.start()
    try:
        while not _answers(f"http://127.0.0.1:{port}/"):
            if server.poll() is not None or time.perf_counter() - started > GIVE_UP_S:
                reader.join(timeout=5)
                sys.exit(f"[bench] a fresh clone's `dev.py serve` never answered:\n{''.join(output)}")
            time.sleep(0.1)
        first_page = time.perf_counter() - started
    finally:
        server.send_signal(signal.SIGTERM)  # dev.py passes it on to mkdocs serve
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        reader.join(timeout=5)
    return {"first_page_s": first_page, "install_s": installed[0] if installed else None, "load": load}


def first_serve(runs: int) -> dict:
    """`runs` fresh clones served in turn: the median seconds to the first page, and each run."""
    results = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="recsite-first-serve-") as work:
            results.append(once(Path(work)))
    return {"median_s": statistics.median(run["first_page_s"] for run in results), "runs": results}
