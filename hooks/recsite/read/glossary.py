"""data/glossary.yaml: the site's plain-words explanations of the report's terms."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..anchors import heading_id_of, heading_ids, template_anchors
from ..paths import FIXED_TITLES, GLOSSARY
from ..model import Term
from .fields import FileReader, read_source as _source, read_text as _text

GLOSSARY_TEMPLATE = "glossary.md.j2"


@lru_cache(maxsize=None)
def page_ids() -> frozenset[str]:
    """The ids the glossary page gives its own elements, beside one per term: those its template
    writes and its heading's ('glossary'). A term with one of them failed the build ("more than one
    element has the id 'glossary'") after the check had passed it."""
    return (frozenset(template_anchors(GLOSSARY_TEMPLATE)) | heading_ids(GLOSSARY_TEMPLATE)
            | {heading_id_of(FIXED_TITLES[GLOSSARY])})   # its heading, printed from its kind's title


def read_glossary(reader: FileReader, document: Any) -> tuple[Term, ...]:
    terms, ids, forms = [], set(), {}
    for node in document["terms"]:
        if node["id"] in ids:
            reader.add(node, node["id"], "id", "duplicate id (ids must be unique)")
            continue
        ids.add(node["id"])
        if "see" in node:
            reader.page_range(node["see"], node["id"], "see")
        if node["id"] in page_ids():
            reader.add(node, node["id"], "id", f"'{node['id']}' is already the id of one of the glossary page's "
                                               f"own elements (hooks/templates/{GLOSSARY_TEMPLATE}): a link to "
                                               f"#{node['id']} would lead to two places; choose another id")
            continue
        term = Term(node["id"], _text(node["term"]), _text(node["definition"]), node.get("abbreviation"),
                    tuple(map(_text, node.get("also", ()))), _source(node["see"]) if "see" in node else None)
        for form in term.forms:
            if form in forms:
                reader.add(node, term.id, "term", f"'{form}' is already explained by '{forms[form]}'")
            forms[form] = term.id
        terms.append(term)
    return tuple(sorted(terms, key=lambda t: (t.abbreviation or t.term).lower()))
