"""The real site, built once per test run and served once for all of pytest-xdist's workers.

Each worker built and served its own copy of the site (about 5 processor-seconds each), and the
first tests of the site waited for it. Now the first worker that collects a test of the built site
starts one process for the whole run (`python tests/support/sharedsite.py FOLDER RUN_PID`): it binds
a free loopback port, builds the real site for that address (permanent links are absolute), says
so in FOLDER/ready.json, and serves it until the run's own process (xdist's controller, or the
only pytest process) has ended. A worker process cannot serve it: xdist ends a worker once it has
no more tests, while the others still read the site. The other workers find the folder taken and
wait for ready.json (or failed.txt, whose words their tests then fail with).

The build starts as soon as a worker has collected its tests, so it runs beside the tests that do
not need it (the core's, handed out first) instead of keeping a worker waiting.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

# Set by the run's own process for every worker it starts: where the shared site goes, and whose
# end ends its server.
RUN_FOLDER = "RECSITE_TEST_RUN_FOLDER"
RUN_PID = "RECSITE_TEST_RUN_PID"
# A build takes about 10 s on a busy two-processor machine; waiting longer only delays the failure.
BUILD_TIMEOUT = 300


def _folder() -> Path:
    return Path(os.environ[RUN_FOLDER]) / "real-site"


def start() -> None:
    """Start the build and its server, unless another process of this run already has."""
    folder = _folder()
    try:
        folder.mkdir(parents=True)
    except FileExistsError:
        return
    log = open(folder / "build.log", "wb")
    subprocess.Popen([sys.executable, __file__, str(folder), os.environ[RUN_PID]], stdout=log,
                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    log.close()


def wait() -> tuple[Path, str]:
    """The shared site's folder and address, once it is built (starting it if nobody has)."""
    start()
    folder = _folder()
    deadline = time.monotonic() + BUILD_TIMEOUT
    while time.monotonic() < deadline:
        if (folder / "ready.json").exists():
            return folder / "site", json.loads((folder / "ready.json").read_text(encoding="utf-8"))["url"]
        if (folder / "failed.txt").exists():
            raise RuntimeError("the real site's build failed:\n" + (folder / "failed.txt").read_text(encoding="utf-8"))
        time.sleep(0.1)
    raise RuntimeError(f"the real site was not built within {BUILD_TIMEOUT} s (see {folder / 'build.log'})")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _serve(folder: Path, run_pid: int) -> int:
    root = Path(__file__).resolve().parents[2]
    # As pytest.ini's pythonpath, in place of this script's own folder (whose site.py is ours).
    sys.path[0:1] = [str(root / "hooks"), str(root / "scripts"), str(root / "tests")]
    from _core import QUIET_MKDOCS
    from localserver import serve_directory
    from support.project import ROOT
    from support.site import build_site

    os.environ.update(QUIET_MKDOCS)
    server, url = serve_directory(folder / "site")
    try:
        build_site(ROOT, folder / "site", url)
    except BaseException as error:  # every failure is the tests' message, not a silent hang
        (folder / "failed.tmp").write_text(f"{type(error).__name__}: {error}\n(the build's log: "
                                           f"{folder / 'build.log'})", encoding="utf-8")
        (folder / "failed.tmp").replace(folder / "failed.txt")
        return 1
    (folder / "ready.tmp").write_text(json.dumps({"url": url, "pid": os.getpid()}), encoding="utf-8")
    (folder / "ready.tmp").replace(folder / "ready.json")  # whole, or not there
    while _alive(run_pid):
        time.sleep(0.5)
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(_serve(Path(sys.argv[1]), int(sys.argv[2])))
