"""The editors' check (scripts/check_data.py) and `mkdocs build`, run on each of many copies of the
project in one Python under a memory limit: what tools/test_hostile.py asks of every class of hostile
data. Run as a script (`python check_and_build.py RESULTS PROJECT...`), it writes, for each project,
each command's exit status and everything it printed, as JSON to RESULTS.

Why one Python: started twice for each of two dozen copies, Python and MkDocs' imports were most of
those tests' time. The commands are the same code an editor runs (check_data's main, MkDocs' own
command line), each project in its own folder; what they print is read from the process's own
output files, so MkDocs' log lines are caught as a terminal would show them.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 1 << 30  # 1 GiB of address space: an alias bomb or deep recursion would need far more


def _printed(command: Callable[[], int | None]) -> dict:
    """The command's exit status and what it wrote to standard output and error. A command that
    raises (which neither should) gives status "raised" and its traceback in `stderr`."""
    sys.stdout.flush()
    sys.stderr.flush()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        saved = os.dup(1), os.dup(2)
        os.dup2(out.fileno(), 1)
        os.dup2(err.fileno(), 2)
        try:
            status = command()
        except SystemExit as exit:
            status = exit.code
        except BaseException:  # noqa: BLE001 - reported to the test, which fails on it
            traceback.print_exc()
            status = "raised"
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])
        out.seek(0)
        err.seek(0)
        return {"status": status, "stdout": out.read().decode("utf-8", "replace"),
                "stderr": err.read().decode("utf-8", "replace")}


def _build(site_dir: Path) -> int | None:
    from mkdocs.__main__ import cli

    try:
        return cli.main(["build", "--site-dir", str(site_dir)], prog_name="mkdocs", standalone_mode=True)
    finally:
        # MkDocs' command line adds a log handler each time it runs: one per run, as in its own process.
        logger = logging.getLogger("mkdocs")
        for handler in [h for h in logger.handlers if h.name == "MkDocsStreamHandler"]:
            logger.removeHandler(handler)


def main(results: Path, projects: list[Path]) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    sys.path[:0] = [str(ROOT / "scripts")]
    import check_data

    found = {}
    for project in projects:
        os.chdir(project)
        found[str(project)] = {"check": _printed(lambda: check_data.main(["data"])),
                               "build": _printed(lambda: _build(project / "site"))}
    results.write_text(json.dumps(found), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), [Path(argument) for argument in sys.argv[2:]])
