"""The site's Content-Security-Policy: what its pages may load and run. One policy, on every page
of the theme (the embed cards, pages of their own, carry theirs: recsite/embed.py).

Each page carries it as `<meta http-equiv="Content-Security-Policy">` right after `<meta charset>`
(overrides/main.html): a policy given by a meta element applies only to what comes after it, so it
comes before every stylesheet and script. A static host may send the same policy as a header, and
only a header can say `frame-ancestors` (developers/deployment.md).

What it allows: the site's own files and nothing from anywhere else; no `eval`; inline scripts,
`<style>` elements and `style` attributes only where their exact text is on one of the site's
pages (by SHA-256 hash); no inline event handlers and no `javascript:` addresses (which only
`'unsafe-inline'` would allow).

Why one policy for every page, with every page's hashes in it: Material's instant navigation swaps
another page's content in without loading that page, and runs the inline scripts of the content
it brings under the policy of the page the reader first loaded (a meta policy, once read, stays in
force; one added later only narrows it). So the first page's policy must allow what every page
runs. Those scripts are Material's (one of them names the page's depth, `new URL("../..",
location)`, so it differs from folder to folder, and on the 404 page it names the site's address)
and the site's one-liners in hooks/templates/, run before the page is drawn; the `style`
attributes are the charts' bar widths (hooks/templates/_evidence.html.j2), which are data and must
show without JavaScript. Their hashes are read from the finished pages: `PolicyBuilder.add` reads
each page as it is written, and `finish` writes the policy with every hash into each page in place
of `PROVISIONAL`, the same policy with no hash, which lets nothing inline run (a page left
unfinished fails closed, never open). tests/site/test_policy_pages.py checks that each inline script on
the built site is one a template wrote, so a hash is never the way an injected script gets in.

Style attributes: allowed by hash (`'unsafe-hashes'` in `style-src-attr`, narrower than
`'unsafe-inline'`): a bar's `style="width: 51.4%"` is allowed, any other `style` attribute is not.
Chromium, Firefox (ESR 153) and WebKitGTK (2.50) all read `style-src-attr` and `'unsafe-hashes'`.
Scripts may still set a style through the DOM (`element.style.width = …`, as the planner's summary
bar does): a policy does not govern that.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from . import paths

# The directives, each with the sources it allows (hashes are added to the three marked below).
# A directive not listed falls back to default-src: the site's own files, nothing from elsewhere.
# Not 'none': Firefox prefetches the page that <link rel="next"> names (Material's, for the next
# page in the navigation) and checks it against default-src. The site has no fonts (it uses the
# reader's own), frames or media of its own to load, so 'self' lets nothing else in.
DIRECTIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("default-src", ("'self'",)),
    # The site's scripts: classic and module scripts and their import()s, from its own address;
    # and the hashes of its inline scripts. No 'unsafe-inline', no 'unsafe-eval'.
    ("script-src", ("'self'",)),
    # Stylesheets from the site; the hash of the one <style> (in <noscript>, overrides/main.html).
    ("style-src", ("'self'",)),
    # style="…" attributes: only those with these exact values (the charts' bars).
    ("style-src-attr", ("'unsafe-hashes'",)),
    # The favicon and pictures are the site's; Material's CSS draws its icons from data: SVGs.
    ("img-src", ("'self'", "data:")),
    # What the scripts fetch: search's index, the sitemap instant navigation reads, the pages it
    # swaps in (and mkdocs serve's reload check).
    ("connect-src", ("'self'",)),
    # Search's web worker, from its own file in assets/ (Material starts it from that address,
    # never from a blob: or data: one).
    ("worker-src", ("'self'",)),
    # Neither falls back to default-src: a <base> or a form could send a reader elsewhere.
    ("base-uri", ("'self'",)),
    ("form-action", ("'self'",)),
    # No plugins (<object>, <embed>), not even the site's own.
    ("object-src", ("'none'",)),
)
HASHED = {"scripts": "script-src", "styles": "style-src", "style_attributes": "style-src-attr"}

META = '<meta http-equiv="Content-Security-Policy" content="{}">'

# <script …>text</script>: a script's text cannot contain "</script" (the parser ends it there),
# so this finds every script element of a page as the browser does (and perhaps one inside a
# comment, whose hash in the policy allows nothing more). Tags and the style attribute are found
# in lower case, as every template writes them: a search for a fixed text is several times
# faster than one in either case, which counts over 5,000 pages. One missed (<SCRIPT>, STYLE=)
# would be refused by the browser, and the built-site tests (which read pages with a parser of
# their own) say so: never an opening. A style attribute is found by its name, not by the tag
# it is in; text that reads like one (style="…" in a code example) only adds a hash that allows
# that same value.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.DOTALL)
_STYLE_ATTRIBUTE = re.compile(r"""style\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TYPE = re.compile(r"""\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
# The types a browser runs as script (HTML's "JavaScript MIME type essence matches" and module);
# any other (application/json: Material's #__config, the planner's data) is data, never run.
_RUNS = {"", "module", "text/javascript", "application/javascript", "application/ecmascript",
         "text/ecmascript", "application/x-javascript", "text/jscript", "text/livescript"}


def source_hash(text: str) -> str:
    """The policy's source expression for an inline text: 'sha256-…' of its UTF-8 bytes. Line
    ends as the browser reads them (the HTML parser turns CR LF and CR into LF)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_scripts(page: str) -> list[str]:
    """The text of each script the page runs from its own HTML (not from a file)."""
    found = []
    for attributes, text in _SCRIPT.findall(page):
        if _SRC.search(attributes):
            continue
        kind = _TYPE.search(attributes)
        if kind is None or "".join(kind.groups(default="")).strip().lower() in _RUNS:
            found.append(text)
    return found


def inline_styles(page: str) -> list[str]:
    """The text of each <style> element (those in <noscript> too: read when scripting is off)."""
    return _STYLE.findall(page)


def style_attributes(page: str) -> list[str]:
    """The value of each style="…" attribute, as the browser reads it (character references decoded)."""
    return [html.unescape(found.group(1) or found.group(2) or "") for found in _STYLE_ATTRIBUTE.finditer(page)
            if page[found.start() - 1:found.start()].isspace()]


@dataclass(frozen=True)
class Policy:
    """The policy, with the hashes of what may run and apply inline."""

    scripts: frozenset[str] = frozenset()
    styles: frozenset[str] = frozenset()
    style_attributes: frozenset[str] = frozenset()

    def text(self) -> str:
        """As a header's value or a meta element's content: directives in DIRECTIVES' order,
        hashes sorted (the same pages always give the same text)."""
        extra = {directive: sorted(getattr(self, name)) for name, directive in HASHED.items()}
        return "; ".join(" ".join([directive, *sources, *extra.get(directive, [])])
                         for directive, sources in DIRECTIVES)

    def meta(self) -> str:
        # Hashes are base64 ('+', '/', '='), keywords are quoted with ': nothing to escape in "…".
        return META.format(self.text())


# The meta element a page is written with, replaced by `PolicyBuilder.finish`.
PROVISIONAL = Policy().meta()


class PolicyError(ValueError):
    """A page cannot carry the policy as written (it lacks the provisional policy, or has two)."""


@dataclass
class PolicyBuilder:
    """Collects the hashes of every page's inline scripts and styles as the pages are written, then
    writes the one policy into every page (see the module's comment)."""

    scripts: set[str] = field(default_factory=set)
    styles: set[str] = field(default_factory=set)
    style_attributes: set[str] = field(default_factory=set)
    pages: list[Path] = field(default_factory=list)

    def add(self, name: str, page: str, written_to: Path | None = None) -> tuple[frozenset, frozenset, frozenset]:
        """A finished page (`name` for messages): its hashes are collected (and returned), and the
        file it is written to is finished by `finish`. Raises PolicyError unless it carries
        PROVISIONAL once."""
        count = page.count(PROVISIONAL)
        if count != 1:
            raise PolicyError(f"{name}: the page carries the Content-Security-Policy {count} times, not once "
                              "(overrides/main.html writes it after <meta charset>)")
        hashes = (frozenset(source_hash(text) for text in inline_scripts(page)),
                  frozenset(source_hash(text) for text in inline_styles(page)),
                  frozenset(source_hash(text) for text in style_attributes(page)))
        self.keep(hashes)
        if written_to is not None:
            self.pages.append(written_to)
        return hashes

    def keep(self, hashes: tuple[frozenset, frozenset, frozenset]) -> None:
        """The hashes of a page an earlier build wrote and this one did not (recsite/rebuild.py)."""
        self.scripts.update(hashes[0])
        self.styles.update(hashes[1])
        self.style_attributes.update(hashes[2])

    def policy(self) -> Policy:
        return Policy(frozenset(self.scripts), frozenset(self.styles), frozenset(self.style_attributes))

    def finish(self, kept: Iterable[Path] = (), last: str | None = None) -> Policy:
        """Writes the policy into every page added with its file, and into the `kept` pages an
        earlier build wrote with the policy `last`, if it changed; returns it."""
        policy = self.policy()
        final = policy.meta().encode("utf-8")
        provisional = PROVISIONAL.encode("utf-8")
        if last is not None and last.encode("utf-8") != final:
            for path in kept:
                path.write_bytes(path.read_bytes().replace(last.encode("utf-8"), final, 1))
        for path in self.pages:
            # Opened once, read and written over: truncating a file on open (write_bytes) cost
            # the kernel five times as much here, and this runs for every page of the site.
            with path.open("r+b") as file:
                page = file.read().replace(provisional, final, 1)
                file.seek(0)
                file.write(page)
                file.truncate()
        self.pages.clear()
        return policy


_POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def allow_last_script(page: bytes) -> bytes:
    """A page as `mkdocs serve` serves it, with the hash of its last inline script (the reload
    script the server adds at the end of the body) added to its policy's script-src. For the
    development server only: a built page is never changed this way."""
    text = page.decode("utf-8")
    scripts = inline_scripts(text)
    meta = _POLICY_META.search(text)
    if not scripts or meta is None:
        return page
    directives = [d + " " + source_hash(scripts[-1]) if d.startswith("script-src ") else d
                  for d in meta.group(1).split("; ")]
    return (text[:meta.start(1)] + "; ".join(directives) + text[meta.end(1):]).encode("utf-8")


# Framing: only a header can say who may frame the pages (a meta element's frame-ancestors is
# ignored). None may frame the theme's pages: a framed page could be overlaid to mislead
# (clickjacking). The embed cards (recsite/embed.py) are made to be framed by councils' sites, so
# their header names who may (any site, unless the host narrows it).
FRAME_ANCESTORS = "'none'"
CARD_FRAME_ANCESTORS = "*"


def policy_of(page: str) -> str | None:
    """The policy a built page carries in its meta element, or None."""
    meta = _POLICY_META.search(page)
    return html.unescape(meta.group(1)) if meta else None


def site_header(site_dir: Path, frame_ancestors: str = FRAME_ANCESTORS, cards: bool = False) -> str:
    """The value of the Content-Security-Policy header for a built site, for a host that can send
    headers: the policy the theme's pages carry (or, with `cards`, the one the embed cards carry:
    a policy of their own), and frame-ancestors. Raises PolicyError if a page carries no policy or
    another one than its kind's (the site is unfinished, or mixed from two builds)."""
    policies: dict[str | None, list[str]] = {}
    for path in sorted(site_dir.rglob("*.html")):
        page = path.relative_to(site_dir).as_posix()
        if paths.is_embed_file(page) == cards:
            policies.setdefault(policy_of(path.read_text(encoding="utf-8")), []).append(page)
    if not policies:
        kind = "embed cards" if cards else "HTML pages"
        raise PolicyError(f"{site_dir}: no {kind} (is it a built site?)")
    if None in policies:
        raise PolicyError(f"{policies[None][0]}: carries no Content-Security-Policy (built without the site's theme?)")
    if len(policies) > 1:
        first, second = [pages[0] for pages in policies.values()][:2]
        raise PolicyError(f"{first} and {second} carry different policies (the site mixes two builds?); build it again")
    (policy,) = policies
    return f"{policy}; frame-ancestors {frame_ancestors}"
