"""The Content-Security-Policy on the built site (recsite/policy.py, overrides/main.html): every page
carries the same one, before anything it governs; everything inline that the pages run or apply is
in it, read here with a parser of its own (BeautifulSoup) and hashed here; nothing it cannot allow
(inline event handlers, javascript: addresses); and each inline script is one a template wrote, so
a hash never lets an injected script in. What the three browsers make of it: test_engines.py (every test there fails on a refusal) and
the Chromium tabs (support/tabs.py), which fail on one too."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import material
from bs4 import BeautifulSoup

from support.project import ROOT
from support.site import in_theme

POLICY = "Content-Security-Policy"
THEME = Path(material.__file__).parent / "templates"
# Where the pages' inline scripts may come from: Material's templates, the site's overrides of
# them, and the site's own templates.
TEMPLATES = [*THEME.rglob("*.html"), *(ROOT / "overrides").rglob("*.html"), *(ROOT / "hooks" / "templates").rglob("*.j2")]
RUNS = {None, "", "module", "text/javascript"}  # the script types the pages use that a browser runs


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def built_pages(site, cards: bool = True) -> list[str]:
    """Every built page; without the embed cards when `cards` is false (they are not the theme's,
    and carry a policy of their own: tests/core/test_embed.py)."""
    pages = sorted(page for page in (path.relative_to(site.root).as_posix() for path in site.root.rglob("*.html"))
                   if cards or in_theme(page))
    assert len(pages) > 70 and "404.html" in pages
    return pages


def directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (part.split() for part in policy.split(";"))}


def the_policy(soup: BeautifulSoup) -> str:
    metas = soup.find_all("meta", attrs={"http-equiv": re.compile(f"^{POLICY}$", re.IGNORECASE)})
    assert len(metas) == 1, f"{len(metas)} policies"
    return metas[0]["content"]


def inline_scripts(soup: BeautifulSoup) -> list[str]:
    return [script.string or "" for script in soup.find_all("script")
            if not script.has_attr("src") and script.get("type") in RUNS]


def not_allowed(soup: BeautifulSoup) -> list[str]:
    """What the page runs or applies inline that its policy does not allow."""
    allowed = directives(the_policy(soup))
    found = [f"script {text[:60]!r}" for text in inline_scripts(soup) if sha256(text) not in allowed["script-src"]]
    found += [f"<style> {style.string[:60]!r}" for style in soup.find_all("style")
              if sha256(style.string or "") not in allowed["style-src"]]
    found += [f"style={element['style']!r} on <{element.name}>" for element in soup.find_all(style=True)
              if sha256(element["style"]) not in allowed["style-src-attr"]]
    return found


def test_every_page_carries_one_policy_before_anything_it_governs(site):
    """A policy in a meta element applies only to what comes after it: before it, only the charset."""
    policies = set()
    for page in built_pages(site, cards=False):
        head = site.soup(page).head
        first, second = head.find_all(True, recursive=False)[:2]
        assert first.name == "meta" and first.get("charset") == "utf-8", f"{page}: <head> starts with {first}"
        assert second.name == "meta" and second.get("http-equiv") == POLICY, f"{page}: no policy after the charset"
        policies.add(the_policy(site.soup(page)))
    # One policy: instant navigation runs a page's inline scripts under the first page's policy.
    assert len(policies) == 1, f"{len(policies)} different policies"


def test_the_policy_allows_only_the_site_and_no_inline_script_but_by_hash(site):
    policy = directives(the_policy(site.soup("")))
    assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert policy["script-src"][0] == "'self'" and all(s.startswith("'sha256-") for s in policy["script-src"][1:])
    assert policy["style-src"][0] == "'self'" and all(s.startswith("'sha256-") for s in policy["style-src"][1:])
    assert policy["style-src-attr"][0] == "'unsafe-hashes'"
    for name in ("base-uri", "form-action", "connect-src", "worker-src"):
        assert policy[name] == ["'self'"], name


def test_everything_inline_on_every_page_is_in_its_policy(site):
    failures = {page: found for page in built_pages(site) if (found := not_allowed(site.soup(page)))}
    assert not failures, failures
    # What the pages hold inline: Material's scripts, the site's one-liners, the <noscript> style
    # and the charts' bars (so the check above had each kind to check).
    assert inline_scripts(site.soup("planner/")) and site.soup("").find("style")
    assert site.soup("evidence/survey/").find(class_="chart__bar", style=True)


def test_a_script_or_style_missing_from_the_policy_is_found():
    """The proof the test above can fail, for each kind of inline text."""
    policy = "default-src 'none'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-hashes'"
    page = BeautifulSoup(f'<head><meta http-equiv="{POLICY}" content="{policy}"><script>go()</script>'
                         '<script type="application/json">{}</script><noscript><style>p{}</style></noscript></head>'
                         '<body><span style="width: 5%"></span></body>', "html.parser")
    assert not_allowed(page) == ["script 'go()'", "<style> 'p{}'", "style='width: 5%' on <span>"]


def test_no_page_has_an_inline_event_handler_or_a_javascript_address(site):
    """Neither can be allowed by a hash (only 'unsafe-inline', which the policy leaves out): one
    would be a control that silently does nothing."""
    failures = []
    for page in built_pages(site):
        for element in site.soup(page).find_all(True):
            failures += [f"{page}: <{element.name} {name}>" for name in element.attrs if name.lower().startswith("on")]
            failures += [f"{page}: <{element.name} {name}={value!r}>" for name, value in element.attrs.items()
                         if isinstance(value, str) and value.strip().lower().startswith("javascript:")]
    assert not failures, failures


def _template_scripts() -> list[re.Pattern]:
    """Each inline script in a template, as a pattern its printed text matches: the template's
    `{{ … }}` expressions (Material's base address) stand for any text without quotes or tags."""
    patterns = []
    for template in TEMPLATES:
        for text in re.findall(r"<script>(.*?)</script>", template.read_text(encoding="utf-8"), re.DOTALL):
            parts = re.split(r"\{\{.*?\}\}", text)
            patterns.append(re.compile("".join(re.escape(part) + "[^\"'<>]*" for part in parts[:-1])
                                       + re.escape(parts[-1])))
    return patterns


def test_every_inline_script_is_one_a_template_wrote(site):
    """The policy takes its hashes from the built pages, so it would allow a script that data had
    injected; none is there: each inline script is one of the templates' (Material's or the site's)."""
    patterns = _template_scripts()
    scripts = {text for page in built_pages(site) for text in inline_scripts(site.soup(page))}
    strangers = [text[:80] for text in scripts if not any(p.fullmatch(text) for p in patterns)]
    assert not strangers, strangers
    assert len(scripts) >= 6  # Material's (at each depth) and the site's
    assert not any(p.fullmatch("alert(1)") for p in patterns)
