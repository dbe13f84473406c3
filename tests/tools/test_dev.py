"""scripts/dev.py's choices that a developer would notice: where the tests' scratch files go, what
each command installs, how the server stops, and what a busy port says."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from importlib import metadata
from pathlib import Path

import psutil
import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import dev  # noqa: E402
from localserver import free_port  # noqa: E402


def test_the_tests_scratch_files_go_to_memory_when_there_is_room(tmp_path, monkeypatch):
    monkeypatch.delenv("TMPDIR", raising=False)
    monkeypatch.setattr(dev, "SCRATCH_IN_MEMORY", tmp_path)
    monkeypatch.setattr(dev, "SCRATCH_ROOM", 1)
    env = dev.scratch_env()
    assert Path(env["TMPDIR"]).parent == tmp_path and Path(env["TMPDIR"]).is_dir()
    assert dev.scratch_env() == env  # the same folder next time: pytest keeps its last runs there


def test_the_scratch_files_stay_where_they_are_when_memory_is_small_missing_or_tmpdir_is_set(tmp_path, monkeypatch):
    monkeypatch.delenv("TMPDIR", raising=False)
    monkeypatch.setattr(dev, "SCRATCH_IN_MEMORY", tmp_path)
    monkeypatch.setattr(dev, "SCRATCH_ROOM", 10**18)  # more than any machine has
    assert dev.scratch_env() == {}
    monkeypatch.setattr(dev, "SCRATCH_ROOM", 1)
    monkeypatch.setattr(dev, "SCRATCH_IN_MEMORY", tmp_path / "absent")
    assert dev.scratch_env() == {}
    monkeypatch.setattr(dev, "SCRATCH_IN_MEMORY", tmp_path)
    monkeypatch.setenv("TMPDIR", str(tmp_path / "mine"))
    assert dev.scratch_env() == {}
    assert list(tmp_path.iterdir()) == []


# --- what each command installs -----------------------------------------------------------------

def _lock(path: Path) -> dict[str, str]:
    """name -> version of each package a pip-compile lock pins."""
    return {canonicalize_name(name): entry.split("==", 1)[1].split()[0]
            for name, entry in dev.locked_packages(path).items()}


RUNTIME = _lock(dev.RUNTIME_REQUIREMENTS)
TEST_SET = _lock(dev.TEST_REQUIREMENTS)


def _missing_requirements(lock: dict[str, str]) -> list[str]:
    """What a package in `lock` requires (on this machine's Python) that `lock` does not pin: pip
    installs the locks with --no-deps, so a lock must hold everything its packages import."""
    missing = []
    for name in lock:
        for line in metadata.requires(name) or []:
            requirement = Requirement(line)
            if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
                continue
            if canonicalize_name(requirement.name) not in lock:
                missing.append(f"{name} needs {requirement}")
    return missing


def test_the_sites_lock_is_complete_on_its_own_so_serve_needs_nothing_else():
    assert _missing_requirements(RUNTIME) == []


def test_the_test_lock_with_the_sites_is_complete():
    assert _missing_requirements({**RUNTIME, **TEST_SET}) == []


def test_a_package_in_both_locks_has_one_version():
    assert {name: (RUNTIME[name], TEST_SET[name]) for name in RUNTIME.keys() & TEST_SET.keys()
            if RUNTIME[name] != TEST_SET[name]} == {}


def test_serving_installs_no_test_tool():
    assert not {"pytest", "playwright", "selenium", "hypothesis", "linkchecker", "zizmor", "pillow"} & RUNTIME.keys()


@pytest.mark.parametrize(("command", "test_set"), [("serve", False), ("build", False), ("check", False),
                                                   ("test", True), ("bench", True)])
def test_serve_build_and_check_install_the_sites_lock_test_and_bench_add_the_tests(monkeypatch, tmp_path, command,
                                                                                  test_set):
    installed = []

    def tool(command, **options):  # the tool's run, without running it (a build writes its folder)
        if "--site-dir" in command:
            Path(command[command.index("--site-dir") + 1]).mkdir()
        return 0

    monkeypatch.setattr(dev, "ensure_venv", lambda test_set=False: installed.append(test_set))
    monkeypatch.setattr(dev, "run", tool)
    monkeypatch.setattr(dev, "_cannot_serve", lambda host, port: None)
    for setup in ("ensure_browsers", "ensure_node_modules", "ensure_chromium"):
        monkeypatch.setattr(dev, setup, lambda: None)
    dev.COMMANDS[command](["--site-dir", str(tmp_path / "site")] if command == "build" else [])
    assert installed == [test_set]



def _fake_venv(tmp_path, monkeypatch) -> Path:
    """A .venv with one installed module and both locks stamped, for compile_when_python_may_not."""
    venv = tmp_path / ".venv"
    package = venv / "lib" / "site-packages" / "package"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("ANSWER = 42\n")
    monkeypatch.setattr(dev, "VENV", venv)
    monkeypatch.setattr(dev, "COMPILED_STAMP", venv / ".compiled.sha256")
    monkeypatch.setattr(dev, "venv_bin", lambda name: Path(sys.executable))
    for lock in (dev.RUNTIME_REQUIREMENTS, dev.TEST_REQUIREMENTS):
        dev._stamp(lock).write_text(f"{lock.name}-hash\n")
    return package


def test_the_tests_set_leaves_bytecode_in_venv_when_python_may_not_write_it(tmp_path, monkeypatch):
    """With PYTHONDONTWRITEBYTECODE set, Python compiles every module in every process (linkchecker
    took twice as long to start): .venv is compiled once per install instead, and again after one."""
    package = _fake_venv(tmp_path, monkeypatch)
    bytecode = package / "__pycache__"
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    dev.compile_when_python_may_not()
    assert [file.name.split(".")[0] for file in bytecode.iterdir()] == ["__init__"]

    shutil.rmtree(bytecode)
    dev.compile_when_python_may_not()
    assert not bytecode.exists(), "compiled again with nothing installed since"

    dev._stamp(dev.TEST_REQUIREMENTS).write_text("another-hash\n")
    dev.compile_when_python_may_not()
    assert bytecode.exists(), "not compiled again after the tests' set changed"


def test_nothing_is_compiled_at_install_when_python_writes_bytecode_itself(tmp_path, monkeypatch):
    package = _fake_venv(tmp_path, monkeypatch)
    monkeypatch.delenv("PYTHONDONTWRITEBYTECODE", raising=False)
    dev.compile_when_python_may_not()
    assert not (package / "__pycache__").exists()

# --- stopping the server, and a busy port -------------------------------------------------------

DEV = ROOT / "scripts" / "dev.py"


def _port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as a server binds it
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


@pytest.fixture
def tiny_site(tmp_path) -> Path:
    """A one-page MkDocs project: what is tested is how dev.py starts and stops the server, and a
    one-page site is served within a second or two."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# A page\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Tiny\n", encoding="utf-8")
    return tmp_path / "mkdocs.yml"


def _serving(port: int, config: Path) -> subprocess.Popen:
    """dev.py serve on `port`, in a session of its own as a terminal would run it, once it answers."""
    server = subprocess.Popen([sys.executable, str(DEV), "serve", "--port", str(port), "-f", str(config)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as page:
                if page.status == 200:
                    return server
        except OSError:
            time.sleep(0.1)
        if server.poll() is not None:
            break
    server.kill()
    pytest.fail(f"dev.py serve did not serve on port {port}:\n{server.communicate()[0]}")


@pytest.mark.parametrize("how", ["kill PID", "Ctrl+C"])
def test_stopping_dev_py_stops_the_server_and_frees_its_port(tiny_site, how):
    port = free_port()
    server = _serving(port, tiny_site)
    helpers = psutil.Process(server.pid).children(recursive=True)
    assert helpers, "dev.py serve started no server"
    try:
        if how == "kill PID":
            server.send_signal(signal.SIGTERM)        # `kill <dev.py's id>`: dev.py alone gets it
        else:
            os.killpg(server.pid, signal.SIGINT)      # Ctrl+C: the terminal signals the foreground group
        server.wait(timeout=30)
        alive = [helper.pid for helper in helpers if helper.is_running() and helper.status() != psutil.STATUS_ZOMBIE]
        assert alive == [], "a server outlived dev.py"
        assert _port_is_free(port), f"port {port} is still held after dev.py stopped"
        output = server.communicate(timeout=10)[0]
        assert "Traceback" not in output, output
    finally:
        for helper in helpers:
            with contextlib.suppress(psutil.NoSuchProcess):
                helper.kill()


def test_a_busy_port_is_one_line_that_names_a_free_one(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run([sys.executable, str(DEV), "serve", "--port", str(port)], capture_output=True,
                                text=True, timeout=60)
        output = (result.stdout + result.stderr).strip()
        assert result.returncode == 1
        assert len(output.splitlines()) == 1, output
        assert f"port {port} is in use: stop what uses it, or run `python3 scripts/dev.py serve --port " in output
        suggested = int(re.search(r"--port (\d+)`", output)[1])
        assert suggested != port and _port_is_free(suggested)


def test_a_stop_that_comes_as_a_tool_starts_stops_the_tool_too(monkeypatch):
    # The signal comes after the tool's process exists and before dev.py holds it (seen in CI, on
    # a loaded machine: dev.py stopped and its tool ran on).
    real_popen = subprocess.Popen

    def started_then_stopped(*args, **kwargs):
        child = real_popen(*args, **kwargs)
        dev._pass_on(signal.SIGTERM, None)  # as Python runs the handler of a SIGTERM come just now
        return child

    monkeypatch.setattr(dev, "_stopped_by", [])
    monkeypatch.setattr(dev.subprocess, "Popen", started_then_stopped)
    child = dev.start(["sleep", "60"])
    try:
        assert child.wait(timeout=10) == -signal.SIGTERM
        assert dev.stopped()
    finally:
        child.kill()
        dev.finish(child)


def test_stopping_dev_py_stops_its_tools_helpers_too():
    # pip --python runs a second pip under .venv's Python: the signal goes to the tool's whole group.
    script = (f"import sys; sys.path.insert(0, {str(ROOT / 'scripts')!r}); import dev; "
              "sys.exit(dev.run(['sh', '-c', 'sleep 60 & echo $!; wait']))")
    tool = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    helper = psutil.Process(int(tool.stdout.readline()))
    try:
        tool.send_signal(signal.SIGTERM)
        tool.wait(timeout=10)
        helper.wait(timeout=10)
    finally:
        with contextlib.suppress(psutil.NoSuchProcess):
            helper.kill()
    assert tool.returncode == 128 + signal.SIGTERM
