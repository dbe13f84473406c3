"""data/glossary.yaml: the site's plain-words explanations of the report's terms."""

from __future__ import annotations

from typing import Any

from ..model import Term
from .fields import FileReader, read_source as _source, read_text as _text

# The page kind (recsite/pagekinds.py) of the page that gives each term an element with its id, and
# its template: a term may not take an id that page's template writes itself (its heading's,
# 'glossary', failed the build after the check had passed it). recsite/fixedids.py checks the claim
# after planning.
GLOSSARY_KIND = "glossary"
GLOSSARY_TEMPLATE = "glossary.md.j2"


def read_glossary(reader: FileReader, document: Any) -> tuple[Term, ...]:
    terms, ids, forms = [], set(), {}
    for node in document["terms"]:
        if node["id"] in ids:
            reader.add(node, node["id"], "id", "duplicate id (ids must be unique)")
            continue
        ids.add(node["id"])
        if "see" in node:
            reader.page_range(node["see"], node["id"], "see")
        reader.claim(node["id"], node, node["id"], "id",
                     f"'{node['id']}' is already the id of one of the glossary page's own elements "
                     f"(hooks/templates/{GLOSSARY_TEMPLATE}): a link to #{node['id']} would lead to two "
                     "places; choose another id", kind=GLOSSARY_KIND)
        term = Term(node["id"], _text(node["term"]), _text(node["definition"]), node.get("abbreviation"),
                    tuple(map(_text, node.get("also", ()))), _source(node["see"]) if "see" in node else None)
        for form in term.forms:
            if form in forms:
                reader.add(node, term.id, "term", f"'{form}' is already explained by '{forms[form]}'")
            forms[form] = term.id
        terms.append(term)
    return tuple(sorted(terms, key=lambda t: (t.abbreviation or t.term).lower()))
