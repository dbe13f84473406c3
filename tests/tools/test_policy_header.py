"""scripts/policy_header.py: the Content-Security-Policy header a host can send for a built site is
the policy its pages carry, with frame-ancestors (which only a header can say); a site that is
unfinished or mixed from two builds gets a message, not a header."""

from __future__ import annotations

import shutil
import subprocess
import sys

from bs4 import BeautifulSoup

from support.project import ROOT

SCRIPT = ROOT / "scripts" / "policy_header.py"


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True)


def test_the_header_is_the_pages_policy_and_forbids_framing(site):
    meta = BeautifulSoup(site.html(""), "html.parser").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    done = run(site.root)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"Content-Security-Policy: {meta['content']}; frame-ancestors 'none'\n"
    # The embed cards are framed by councils' sites: their header is their own policy (the
    # site's would refuse their inline style) and says who may frame them.
    card = site.root / "recommendations" / "employment-as-the-norm" / "embed" / "index.html"
    card_meta = BeautifulSoup(card.read_text(encoding="utf-8"), "html.parser").find(
        "meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert card_meta["content"] != meta["content"]
    cards = run(site.root, "--cards")
    assert cards.returncode == 0, cards.stderr
    assert cards.stdout == f"Content-Security-Policy: {card_meta['content']}; frame-ancestors *\n"
    framed = run(site.root, "--cards", "--frame-ancestors", "https://council.example")
    assert framed.stdout == f"Content-Security-Policy: {card_meta['content']}; frame-ancestors https://council.example\n"


def test_a_site_mixed_from_two_builds_or_without_the_policy_gets_no_header(tmp_path, site):
    copy = tmp_path / "site"
    shutil.copytree(site.root, copy)
    glossary = copy / "glossary" / "index.html"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("script-src 'self' ", "script-src 'self' 'sha256-old' ", 1),
                        encoding="utf-8")
    mixed = run(copy)
    assert mixed.returncode == 1 and mixed.stdout == ""
    assert "carry different policies (the site mixes two builds?)" in mixed.stderr and "glossary/index.html" in mixed.stderr
    # Three policies (a card's among the pages' would be one more): still a message, not a traceback.
    about = copy / "about" / "index.html"
    about.write_text(about.read_text(encoding="utf-8").replace("script-src 'self' ", "script-src 'self' 'sha256-older' ", 1),
                     encoding="utf-8")
    three = run(copy)
    assert three.returncode == 1 and "carry different policies" in three.stderr and "Traceback" not in three.stderr
    glossary.write_text("<!doctype html><title>x</title>", encoding="utf-8")
    bare = run(copy)
    assert bare.returncode == 1 and bare.stderr == "glossary/index.html: carries no Content-Security-Policy (built without the site's theme?)\n"
