"""The site's own JavaScript modules' unit tests (tests/js/*.test.js), run with `node --test`.

They run here, as one pytest test, so that `dev.py test` (and with it .ci/run) runs them with the
rest, selects them with -k like any other, and fails on a failing one or on none at all: node's
runner exits 0 when it finds no test. Each pure module in docs/javascripts/lib/ has its test file.
"""

from __future__ import annotations

import re
import subprocess

from support.project import ROOT
from support.node import node, node_package

TESTS = ROOT / "tests" / "js"
SCRIPTS = ROOT / "docs" / "javascripts"
LIB = SCRIPTS / "lib"
# Modules that only touch the page, which the browser tests exercise (tests/site/), with why.
NEEDS_A_BROWSER = {
    "dom.js": "builds elements and writes live regions",
    "on-page.js": "follows Material's instant navigation",
}


def run_node_tests(files: list) -> tuple[subprocess.CompletedProcess, dict[str, int]]:
    program = node("the JavaScript unit tests cannot run")
    node_package("fast-check")  # their property tests' library (package.json)
    # TAP, whatever the terminal: its summary lines ("# tests 31", "# pass 31") are read below.
    done = subprocess.run([program, "--test", "--test-reporter=tap", *map(str, files)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    counts = {name: int(number) for name, number in re.findall(r"^# (tests|pass|fail) (\d+)$", done.stdout, re.MULTILINE)}
    return done, counts


def test_every_pure_module_has_unit_tests():
    modules = {path.name for path in LIB.glob("*.js")}
    tested = {path.name.removesuffix(".test.js") + ".js" for path in TESTS.glob("*.test.js")}
    assert modules - set(NEEDS_A_BROWSER) <= tested, f"without a tests/js/*.test.js: {sorted(modules - set(NEEDS_A_BROWSER) - tested)}"
    assert set(NEEDS_A_BROWSER) <= modules, "a module listed as needing a browser is gone: take it off the list"


def test_the_javascript_unit_tests_pass():
    files = sorted(TESTS.glob("*.test.js"))
    assert files, "no tests/js/*.test.js"
    done, counts = run_node_tests(files)
    report = (done.stdout[-6000:] + done.stderr[-2000:]).strip()
    assert done.returncode == 0, f"node --test failed:\n{report}"
    assert counts.get("tests", 0) > 0 and counts.get("pass") == counts["tests"] and counts.get("fail") == 0, (
        f"node --test ran no tests, or not all passed: {counts}\n{report}")


def test_a_failing_javascript_test_fails_the_run(tmp_path):
    """The proof that the test above can fail: a failing test file makes node exit non-zero and
    is counted."""
    failing = tmp_path / "failing.test.mjs"  # .mjs: no package.json says "module" there
    failing.write_text('import {test} from "node:test";\nimport assert from "node:assert/strict";\n'
                       'test("fails", () => assert.equal(1, 2));\n', encoding="utf-8")
    done, counts = run_node_tests([failing])
    assert done.returncode != 0 and counts == {"tests": 1, "pass": 0, "fail": 1}, (done.returncode, counts)


# Writing a name on the page's global object, or patching one of the browser's own.
_GLOBAL_WRITE = re.compile(r"\b(?:window|globalThis|self)\.[\w$]+\s*=(?!=)|\b[A-Z]\w*\.prototype\.[\w$]+\s*=(?!=)")
# search-on-demand.js holds back search's index and worker until search is opened (overrides/main.html):
# the one script that patches the browser's own, each patch with its reason beside it.
PATCHES = {"search-on-demand.js": ["XMLHttpRequest.prototype.open =", "XMLHttpRequest.prototype.send =", "window.Worker ="]}


def test_no_script_writes_a_global_or_patches_the_browser_without_its_reason():
    """The scripts share nothing through `window`: modules import what they use. The only writes
    to a global are search-on-demand.js's patches, and each has its reason in a comment above it."""
    found = {}
    for path in sorted(SCRIPTS.rglob("*.js")):
        writes = [match.group(0).rstrip(" =") + " =" for match in _GLOBAL_WRITE.finditer(path.read_text(encoding="utf-8"))]
        if writes:
            found[path.name] = writes
    assert found == PATCHES
    text = (SCRIPTS / "search-on-demand.js").read_text(encoding="utf-8")
    for patch in PATCHES["search-on-demand.js"]:
        before = text[:text.index(patch)].rsplit("// ---", 1)[1]
        assert "because" in before, f"{patch}: no reason written beside it"
