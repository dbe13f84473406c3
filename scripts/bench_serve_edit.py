"""How long an editor waits under `mkdocs serve` for a data edit to show: the real site served
from a clone of this repository, one recommendation's title edited in data/recommendations.yaml,
and the time from the file written to the served page carrying the new words (median of 5).

    python3 scripts/bench_serve_edit.py            # the last commit (HEAD)
    python3 scripts/bench_serve_edit.py --rev REV  # another revision, to compare two

The wait includes MkDocs' own: its polling watcher looks for changed files (every tenth of a
second, as hooks/main.py's on_serve sets it; MkDocs' own is half a second), it waits a tenth of a
second more before it rebuilds, then it builds again the pages the edit changed (`mkdocs serve
--dirty`, as `dev.py serve` runs it: hooks/recsite/rebuild.py; `--whole` times a whole rebuild, as
revisions before it did), and the browser learns of the new build as an editor's does (MkDocs'
reload script's long poll) and loads the page again. The clone keeps git's history, as an editor's has, so the pages' git dates (recsite/pagedates.py) cost
what they cost them. `dev.py bench` reports it against BUDGET_S, never asserted.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import _core
from localserver import free_port

ROOT = _core.ROOT
BUDGET_S = 1.0
EDITS = 5
# The record whose title is edited, and its page: its title is the site's own words (not the
# report's, which the data check holds to the source), so any wording passes the check.
RECORD = "employment-as-the-norm"
PAGE = f"recommendations/{RECORD}/"
GIVE_UP_S = 120


def _page(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=GIVE_UP_S) as page:
            return page.read().decode("utf-8")
    except OSError:
        return None


def _retitle(data_file: Path, title: str) -> None:
    """Give RECORD the title `title` (the line after its id), as an editor's save would."""
    text = data_file.read_text(encoding="utf-8")
    edited, count = re.subn(rf"(- id: {re.escape(RECORD)}\n\s+title: ).*\n", lambda m: m[1] + title + "\n", text, count=1)
    if count != 1:
        sys.exit(f"[bench] no `title:` line after `- id: {RECORD}` in {data_file}")
    data_file.write_text(edited, encoding="utf-8")


# The script `mkdocs serve` adds to each page it serves: `livereload(epoch, request_id)`.
_LIVERELOAD = re.compile(r"livereload\((\d+), (\d+)\);")


def _wait_for(url: str, words: str, server: subprocess.Popen, started: float, page: str) -> float:
    """Seconds from `started` until the page at `url` has `words`, waited for as the editor's
    browser waits: the script `mkdocs serve` added to `page` (the page as it was before the edit)
    asks the server for a newer build and is answered when one is ready (a long poll); then the
    page is loaded again. (Asking for the page itself a hundred times a second, as this did
    before, took the server's time from the rebuild it was waiting for: a tenth of a second or so.)"""
    epoch, request = _LIVERELOAD.search(page).groups()
    base = url.split("/", 3)[:3]
    while True:
        try:
            with urllib.request.urlopen("/".join(base) + f"/livereload/{epoch}/{request}", timeout=GIVE_UP_S) as answer:
                newer = answer.read().decode("ascii").strip()
        except OSError:
            newer = epoch
        body = _page(url)
        if body is not None and words in body:
            return time.perf_counter() - started
        if server.poll() is not None or time.perf_counter() - started > GIVE_UP_S:
            sys.exit(f"[bench] the served page never showed {words!r}")
        epoch = newer if newer.isdigit() else epoch


def serve_edits(rev: str = "HEAD", edits: int = EDITS, whole: bool = False) -> dict:
    """`edits` title edits under `mkdocs serve` of `rev`'s site: the median seconds to show, each
    edit's seconds, and MkDocs' own build times as it logged them."""
    with tempfile.TemporaryDirectory(prefix="recsite-serve-edit-") as work:
        clone = Path(work) / "clone"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        subprocess.run(["git", "-C", str(clone), "checkout", "--quiet", "--detach", rev], check=True)
        port = free_port()
        log = Path(work) / "serve.log"
        with log.open("w") as out:
            serve = ["serve"] if whole else list(_core.SERVE)
            server = subprocess.Popen([sys.executable, "-m", "mkdocs", *serve, "--dev-addr", f"127.0.0.1:{port}"],
                                      cwd=clone, env={**os.environ, **_core.QUIET_MKDOCS}, stdout=out,
                                      stderr=subprocess.STDOUT, start_new_session=True)
        url = f"http://127.0.0.1:{port}/{PAGE}"
        try:
            started = time.perf_counter()
            while _page(url) is None:
                if server.poll() is not None or time.perf_counter() - started > GIVE_UP_S:
                    sys.exit(f"[bench] `mkdocs serve` never answered:\n{log.read_text()}")
                time.sleep(0.1)
            times = []
            for number in range(1, edits + 1):
                time.sleep(1)  # the watcher has seen the last edit's file, and nothing is building
                before = _page(url)  # as the editor's browser shows it, with MkDocs' reload script
                words = f"Edited title number {number} for the benchmark"
                _retitle(clone / "data" / "recommendations.yaml", words)
                times.append(_wait_for(url, words, server, time.perf_counter(), before))
        finally:
            os.killpg(server.pid, signal.SIGINT)  # as Ctrl+C: MkDocs removes its temporary site
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        built = [float(seconds) for seconds in re.findall(r"Documentation built in ([\d.]+) seconds", log.read_text())]
    return {"median_s": statistics.median(times), "runs_s": times, "builds_s": built}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rev", default="HEAD", help="the revision to serve (default HEAD)")
    parser.add_argument("--edits", type=int, default=EDITS, help="edits timed (median)")
    parser.add_argument("--whole", action="store_true", help="serve without --dirty: every rebuild whole")
    options = parser.parse_args(argv)
    result = serve_edits(options.rev, options.edits, options.whole)
    print(f"median {result['median_s']:.2f} s; edits {', '.join(f'{s:.2f}' for s in result['runs_s'])}; "
          f"MkDocs' builds {', '.join(f'{s:.2f}' for s in result['builds_s'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
