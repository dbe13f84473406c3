"""What the 404 page needs to suggest the page a mistyped address meant: every recommendation's id
and title, and the withdrawn ones' (whose pages stay and say what replaced them), as an ES module
written at build time beside the script that imports it (docs/javascripts/not-found.js). Only the
404 page loads it, and only when the address looked like a recommendation's."""

from __future__ import annotations

import json

from .model import Catalogue

ADDRESSES_JS = "javascripts/addresses.js"


def addresses_module(catalogue: Catalogue) -> str:
    """ADDRESSES_JS: {recommendations: [[id, title]...], withdrawn: [[id, title]...]} as a default export."""
    data = {"recommendations": [[rec.id, rec.title] for rec in catalogue.recommendations],
            "withdrawn": [[retired.id, retired.title] for retired in catalogue.retired]}
    return ("// Made by hooks/recsite/notfound.py from data/recommendations.yaml and data/published.yaml.\n"
            f"export default {json.dumps(data, ensure_ascii=False, separators=(',', ':'))};\n")
