"""Templates to text: the one Jinja environment (hooks/templates/) and its filters, which keep data
text plain in Markdown and HTML. Nothing here decides which pages exist: that is recsite.plan.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.bccache import Bucket
from markdown.extensions.toc import slugify
from markupsafe import Markup, escape

from . import citations, paths, recordfields
from .dates import long_date
from .descriptions import shorten
from .searchentries import SearchEntry, SearchSections
from .model import COMPILED_TABLE, REPORT_WORDS, RESEARCH_PARTS, TEXT_KINDS, Catalogue
from .selections import Selections

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# Characters that mean something in a Markdown heading; escaped so data text stays plain text.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


# The site's name, as mkdocs.yml's site_name gives it (tests/core/test_render.py checks they agree):
# printed pages carry it, since the page's header, which names the site on screen, is not printed.
SITE_NAME = "Personal Budgets for Employment Support"


def markdown_text(value: str) -> Markup:
    """Data text placed in Markdown (headings): HTML-escaped, then Markdown-escaped.

    Only &, < and > are HTML-escaped: quotation marks are harmless in text, and their entities
    (&#39;) have a '#' that the Markdown escape broke, which put "39" into the heading's id."""
    html = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", html))


# An ampersand that could start a character reference ("&amp;", "&#39;"); HTML allows any other as it is.
_AMBIGUOUS_AMPERSAND = re.compile(r"&(?=[A-Za-z0-9#])")


def code_text(value: str) -> Markup:
    """Data text in HTML that people copy and read as code (the embed code, recsite/embed.py):
    escaped as HTML needs and no more, so the code reads as the words are written: < and > always,
    & only where it could start a character reference ("Health & Wellbeing" is valid HTML as it
    is), quotation marks never (code_attribute puts text in an attribute)."""
    text = _AMBIGUOUS_AMPERSAND.sub("&amp;", str(value))
    return Markup(text.replace("<", "&lt;").replace(">", "&gt;"))


def code_attribute(value: str) -> Markup:
    """Data text as an attribute's value, quotes and all, in code people copy (see code_text): in
    single quotes when it has double quotes and no single ones, so it needs no &quot;."""
    text = _AMBIGUOUS_AMPERSAND.sub("&amp;", str(value)).replace("<", "&lt;").replace(">", "&gt;")
    if '"' in text and "'" not in text:
        return Markup(f"'{text}'")
    return Markup('"{}"'.format(text.replace('"', "&quot;")))


def former_anchor(heading: str) -> Markup:
    """An empty element with the id a heading of this text had before quotation marks were
    written as themselves (see markdown_text), placed before the heading; nothing when the id has
    not changed. A heading id that comes from its text ("professionals39-attitudes-towards-
    employment") was published, so links to it must keep working."""
    former = slugify(heading.replace("'", "39").replace('"', "34"), "-")
    if former == slugify(heading, "-"):
        return Markup("")
    return Markup('<div id="{}"></div>\n\n').format(former)


def lower_first(value: str) -> str:
    return value[:1].lower() + value[1:]


def capitalize_first(value: str) -> str:
    return value[:1].upper() + value[1:]


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def listing(items) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def heading_id(anchor: str) -> Markup:
    """An explicit heading id ({#id}, attr_list), so links survive a change of heading wording."""
    return Markup(f"{{#{escape(anchor)}}}")


class CompiledBySource(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, keyed by each template's name and source instead of its
    name and file path. Keyed by path, every copy of the project added a file for each of its
    templates (the tests and the benchmark build hundreds of copies in temporary folders): 20,000
    files and 245 MB after some days on the development machine, and never fewer. Keyed by source,
    the copies share one file for each version of a template. (A compiled template names the file
    it was compiled from, but Jinja's error messages name the template being rendered.)"""

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        checksum = self.get_source_checksum(source)
        bucket = Bucket(environment, self.get_cache_key(f"{name}|{checksum}"), checksum)
        self.load_bytecode(bucket)
        return bucket


def compiled_templates() -> FileSystemBytecodeCache | None:
    """Compiled templates kept in a private per-user temporary folder (Jinja's default) and reused
    while a template is unchanged (CompiledBySource): compiling them was a fifth of a build's own
    time. The site generator's theme environment is given it too: MkDocs makes that environment
    anew for every build and compiled Material's forty templates each time (about 0.4 s of a cold
    build here, its base.html alone 0.14 s; on every `serve` rebuild too). Without a usable temporary folder the templates are
    simply compiled each time."""
    try:
        return CompiledBySource()
    except (OSError, RuntimeError):
        return None


def environment(more_templates: tuple[Path, ...] = ()) -> Environment:
    """The Jinja environment of hooks/templates/ (after `more_templates`, folders of templates a
    test adds)."""
    env = Environment(
        loader=FileSystemLoader([*more_templates, TEMPLATES]),
        bytecode_cache=compiled_templates(),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    env.filters["lower_first"] = lower_first
    env.filters["capitalize_first"] = capitalize_first
    env.filters["plural"] = plural
    env.filters["listing"] = listing
    env.filters["heading_id"] = heading_id
    env.filters["former_anchor"] = former_anchor
    env.filters["long_date"] = long_date
    env.filters["code_text"] = code_text
    env.filters["code_attribute"] = code_attribute
    env.globals["paths"] = paths
    env.globals["site_name"] = SITE_NAME
    env.globals["text_kinds"] = TEXT_KINDS
    env.globals["report_words"] = REPORT_WORDS
    env.globals["research_parts"] = RESEARCH_PARTS
    env.globals["compiled_table"] = COMPILED_TABLE
    env.globals["download_columns"] = recordfields.reuse_rows()
    env.globals.update(citations=citations, citation_formats=citations.FORMATS, citation_types=citations.MEDIA_TYPES)
    return env


class RenderedPage(NamedTuple):
    markdown: str
    description: str
    search: tuple[SearchEntry, ...] | None   # None: the template has no `search` block


class Renderer:
    """The one Jinja environment of a build, and a page's context: the catalogue, the lists the
    pages show (`selections`), `link` (relative to the page), `absolute` (a permanent address) and
    `former` (the retired anchors before an element)."""

    def __init__(self, catalogue: Catalogue, site_url: str, more_templates: tuple[Path, ...] = ()):
        self.catalogue = catalogue
        self.selections = Selections.of(catalogue)
        self.site_url = site_url
        self.env = environment(more_templates)
        # (page address, the id that replaced them) -> the retired ids, in the register's order.
        self.retired: dict[tuple[str, str], list[str]] = {}
        for anchor in catalogue.retired_anchors:
            self.retired.setdefault((anchor.page, anchor.replaced_by), []).append(anchor.id)

    def _context(self, page: str, context: dict) -> dict:
        def link(to_path: str, anchor: str | None = None) -> str:
            return paths.relative(page, to_path, anchor)

        def former(anchor: str, inline: bool = False) -> Markup:
            return former_anchors(self.retired.get((paths.address(page), anchor), ()), inline)

        return dict(catalogue=self.catalogue, selections=self.selections, report=self.catalogue.report,
                    page=page, link=link, site_url=self.site_url, dataset=self.dataset,
                    absolute=lambda path, anchor=None: paths.absolute(self.site_url, path, anchor),
                    former=former, **context)

    @cached_property
    def dataset(self) -> recordfields.Dataset:
        """The downloads' version (recordfields.dataset), for the pages that name it."""
        return recordfields.dataset(self.catalogue)

    def render(self, template: str, page: str, **context) -> str:
        return self.env.get_template(template).render(self._context(page, context))

    def render_page(self, template: str, page: str, **context) -> RenderedPage:
        """A generated page's Markdown; its description: the template's `description` block
        (templates/_page.md.j2) as plain text, its spaces tidied and cut to length; and its search
        entries, if the template has a `search` block (recsite/searchentries.py)."""
        found = self.env.get_template(template)
        variables = self._context(page, context)
        described = Markup("".join(found.blocks["description"](found.new_context(variables))))
        search = None
        if "search" in found.blocks:
            sections = SearchSections()
            for _ in found.blocks["search"](found.new_context({**variables, "search_section": sections})):
                pass  # the block says its sections to `sections`; what it writes is only white space
            search = tuple(sections.entries)
        return RenderedPage(found.render(variables), shorten(described.unescape()), search)


def former_anchors(ids, inline: bool = False) -> Markup:
    """Empty elements with the ids of retired anchors (data/published.yaml), written just before the
    element that replaced them, so a council's old link still lands there. A block (before a
    heading or a block; the blank line ends the HTML block for Markdown), or `inline`: a span, for
    the start of an element that cannot have a block before it (a list item)."""
    if inline:
        return Markup("").join(Markup('<span id="{}"></span>').format(anchor) for anchor in ids)
    return Markup("").join(Markup('<div id="{}"></div>\n\n').format(anchor) for anchor in ids)


def snippet_renderer(catalogue: Catalogue, site_url: str):
    """`render(name, page)`: HTML for a marker in a hand-written page (e.g. the core recommendation
    on the home page), from one Jinja environment made once per build."""
    renderer = Renderer(catalogue, site_url)
    return lambda name, page: renderer.render(f"snippets/{name}.html.j2", page)
