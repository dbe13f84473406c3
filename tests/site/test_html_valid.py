"""Every built page is valid HTML, checked by html-validate (the npm package, run offline by node).

Browsers forgive broken markup, each in its own way, and assistive technology reads what the
browser made of it: an unclosed element or a duplicate id can hide or misplace words. The rules
are html-validate's strictest preset; the few that Material's own templates break are switched off
in .htmlvalidate.cjs, each with its reason.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from support.project import ROOT
from support.node import node, node_package

CONFIG = ROOT / ".htmlvalidate.cjs"


def validate(pages: list[Path]) -> list[str]:
    """html-validate's errors for `pages`, in one run (starting node once per page would be slow),
    each as 'file:line:column: rule: message'."""
    program = node("the HTML cannot be validated")
    validator = node_package("html-validate/bin/html-validate.mjs")
    result = subprocess.run([program, str(validator), "--config", str(CONFIG), "--formatter", "json",
                             *map(str, pages)], capture_output=True, text=True, cwd=ROOT)
    # Exit status 1 means errors were found (listed on stdout); anything else is the tool failing.
    assert result.returncode in (0, 1), f"html-validate failed to run:\n{result.stderr}{result.stdout}"
    assert result.stdout.strip(), f"html-validate printed no report:\n{result.stderr}"
    return [f"{report['filePath']}:{message['line']}:{message['column']}: {message['ruleId']}: "
            f"{message['message']}"
            for report in json.loads(result.stdout) for message in report["messages"]]


def test_every_built_page_is_valid_html(site):
    pages = sorted(site.root.rglob("*.html"))
    assert len(pages) > 70, "the built site is missing pages"
    errors = validate(pages)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(
        error.replace(str(site.root), "site") for error in errors[:50])


def test_the_validator_reports_broken_markup(tmp_path):
    """Proof that the check can fail: a page with the mistakes a template edit could make."""
    good = tmp_path / "good.html"
    good.write_text('<!DOCTYPE html>\n<html lang="en">\n<head><title>Good</title></head>\n'
                    '<body><main><h1 id="top">Fine</h1><p>Words.</p></main></body>\n</html>\n')
    broken = tmp_path / "broken.html"
    broken.write_text('<!DOCTYPE html>\n<html lang="en">\n<head><title>Broken</title></head>\n'
                      '<body><main><p id="a">One<div id="a">Two</p></div>\n'
                      '<img src="chart.png"><a href="#a"><a href="#b">nested</a></a></main></body>\n</html>\n')
    errors = validate([good, broken])
    assert errors and all(error.startswith(str(broken)) for error in errors), errors
    rules = {error.split(": ")[1] for error in errors}
    assert {"no-dup-id", "close-order", "wcag/h37"} <= rules, errors


def test_the_config_switches_off_only_rules_it_explains():
    """Each rule the configuration changes has a comment above it saying why."""
    text = CONFIG.read_text(encoding="utf-8")
    rules = text[text.index("rules: {"):]
    lines = rules.splitlines()
    changed = [(number, line.strip().split(":")[0].strip('"')) for number, line in enumerate(lines)
               if line.startswith('    "')]
    assert changed, "no rules found in .htmlvalidate.cjs"
    for number, rule in changed:
        assert lines[number - 1].strip().startswith("//"), f"{rule} is changed without a reason above it"
