"""Where each generated page lives, and relative links between pages.

These paths are the site's permanent addresses: /recommendations/<id>/, /themes/<id>/,
/audiences/<id>/, /barriers/<id>/, /evidence/<id>/, and the lists councils link and print:
/audiences/<id>/key/ and /themes/<id>/key/ (the key recommendations of an audience, of a theme) and
/audiences/<id>/brief/ (an audience's printable brief). Each is made from a registered id
(data/published.yaml), so it lasts as long as the id. Changing a function here breaks links that
councils have printed.
"""

from __future__ import annotations

ALL_RECOMMENDATIONS = "recommendations/index.md"
KEY_RECOMMENDATIONS = "key-recommendations.md"
AUDIENCES_INDEX = "audiences/index.md"
THEMES_INDEX = "themes/index.md"
CHANGES = "changes.md"
GLOSSARY = "glossary.md"
REUSE = "reuse.md"   # hand-written: linking, citing, and the downloads' columns
EVIDENCE_INDEX = "evidence/index.md"
BARRIERS_INDEX = "barriers/index.md"
# The titles of the pages with a fixed address, which their templates print as their heading.
# They live here, below the readers, because MkDocs gives each heading the id of its words: the data
# check refuses a record whose id would repeat one on its page (recsite/anchors.py).
FIXED_TITLES = {
    ALL_RECOMMENDATIONS: "All recommendations",
    KEY_RECOMMENDATIONS: "Key recommendations",
    AUDIENCES_INDEX: "Recommendations by audience",
    THEMES_INDEX: "Recommendations by theme",
    EVIDENCE_INDEX: "The evidence",
    BARRIERS_INDEX: "The four barriers",
    GLOSSARY: "Glossary",
    CHANGES: "What's changed",
}
# The site's name (mkdocs.yml's site_name; tests/core/test_embed.py holds the two together), for the
# files made outside the theme that name the site: the embed cards, the oEmbed files, the feed.
SITE_NAME = "Personal Budgets for Employment Support"
JSON_DOWNLOAD = "recommendations.json"
CSV_DOWNLOAD = "recommendations.csv"
SCHEMA_DOWNLOAD = "recommendations.schema.json"   # the JSON Schema of recommendations.json
PLANNER = "planner/index.md"            # the action planner (recsite/planner.py)
QUESTIONS = "planner/questions.md"      # questions for a review, from the recommendations for individuals
ABOUT = "about.md"                      # hand-written: who runs the site, the report, licences
CHANGES_FEED = "changes.xml"   # the Atom feed of "What's changed" (recsite/feed.py)


def recommendation_page(rec_id: str) -> str:
    return f"recommendations/{rec_id}.md"


def embed_address(rec_id: str) -> str:
    """A recommendation's embeddable card, for an iframe on another site: /recommendations/<id>/embed/
    (recsite/embed.py). Not a page of the theme: a file of its own, written at embed_file."""
    return f"recommendations/{rec_id}/embed/"


def embed_file(rec_id: str) -> str:
    return embed_address(rec_id) + "index.html"


def is_embed_file(path: str) -> bool:
    """Whether a built file ('recommendations/x/embed/index.html', from the site root) is an embed
    card: a page of its own, without the theme, which the steps for the theme's pages leave alone."""
    parts = path.split("/")
    return len(parts) == 4 and path == embed_file(parts[1])


def oembed_file(rec_id: str) -> str:
    """The recommendation's oEmbed response, a static JSON file its page links for discovery."""
    return f"recommendations/{rec_id}/oembed.json"


def theme_page(theme_id: str) -> str:
    return f"themes/{theme_id}.md"


def audience_page(audience_id: str) -> str:
    return f"audiences/{audience_id}.md"


def audience_key_page(audience_id: str) -> str:
    """An audience's key recommendations: /audiences/<id>/key/."""
    return f"audiences/{audience_id}/key.md"


def theme_key_page(theme_id: str) -> str:
    """A theme's key recommendations: /themes/<id>/key/."""
    return f"themes/{theme_id}/key.md"


def audience_brief(audience_id: str) -> str:
    """An audience's key recommendations as a brief to print for a board paper: /audiences/<id>/brief/."""
    return f"audiences/{audience_id}/brief.md"


def evidence_page(page_id: str) -> str:
    """An evidence page or an appendix: /evidence/<id>/."""
    return f"evidence/{page_id}.md"


def barrier_page(barrier_id: str) -> str:
    return f"barriers/{barrier_id}.md"


def url_of(path: str) -> str:
    """The address of a docs path, relative to the site root, as MkDocs writes it
    with directory URLs: 'themes/x.md' -> 'themes/x/', 'recommendations/index.md' -> 'recommendations/',
    other files ('recommendations.csv') unchanged."""
    if not path.endswith(".md"):
        return path
    stem = path[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/"


def address(path: str) -> str:
    """A page's address from the site root as councils print it: 'barriers/x.md' -> '/barriers/x/'.
    data/published.yaml registers each page's anchors under it."""
    return "/" + url_of(path)


def relative(from_path: str, to_path: str, anchor: str | None = None) -> str:
    """A link from one docs page to another page or file, relative so the site works under any base."""
    if anchor and from_path == to_path:
        return f"#{anchor}"
    link = address_link(url_of(to_path), url_of(from_path).rstrip("/") or ".")
    return f"{link}#{anchor}" if anchor else link


def address_link(target: str, base: str) -> str:
    """A relative link to the address `target` from the folder `base`, both from the site root
    ('' or '.' is the root): a folder's address keeps its trailing slash ('./' for the folder itself).
    Also used for links in pages built by MkDocs and by other generators (convert.py, builtsite.py)."""
    link = relpath(target.rstrip("/") or ".", base or ".")
    if target.endswith("/") or target == "":
        return "./" if link == "." else f"{link}/"
    return link


def relpath(target: str, base: str) -> str:
    """posixpath.relpath for two paths from the site root ('.' is the root), without its file
    system calls: it runs for every link of every page, hundreds of thousands with large data."""
    target_parts = [] if target == "." else target.split("/")
    base_parts = [] if base == "." else base.split("/")
    common = 0
    while common < min(len(target_parts), len(base_parts)) and target_parts[common] == base_parts[common]:
        common += 1
    return "/".join([".."] * (len(base_parts) - common) + target_parts[common:]) or "."


def absolute(site_url: str, path: str, anchor: str | None = None) -> str:
    url = site_url.rstrip("/") + "/" + url_of(path)
    return f"{url}#{anchor}" if anchor else url
