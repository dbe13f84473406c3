"""data/glossary.yaml: the site's plain-words explanations of the report's terms."""

from __future__ import annotations

from typing import Any

from ..model import Term
from .fields import FileReader, read_source as _source, read_text as _text


def read_glossary(reader: FileReader, document: Any) -> tuple[Term, ...]:
    terms, ids, forms = [], set(), {}
    for node in document["terms"]:
        if node["id"] in ids:
            reader.add(node, node["id"], "id", "duplicate id (ids must be unique)")
            continue
        ids.add(node["id"])
        term = Term(node["id"], _text(node["term"]), _text(node["definition"]), node.get("abbreviation"),
                    tuple(node.get("also", ())), _source(node["see"]) if "see" in node else None)
        for form in term.forms:
            if form in forms:
                reader.add(node, term.id, "term", f"'{form}' is already explained by '{forms[form]}'")
            forms[form] = term.id
        terms.append(term)
    return tuple(sorted(terms, key=lambda t: (t.abbreviation or t.term).lower()))
