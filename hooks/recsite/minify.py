"""The site's own scripts and stylesheets as readers get them: comments and spaces taken out.

They are written to be read (every rule and step says why), and those words were 40 % of what a
reader downloaded of them, gzipped (52 KB; 32 KB minified): the planner's own files had gone over
their 15 KB budget, and the heaviest first visit over its 100 KB (now 9.9 and 91 KB). They are served minified by two well-kept,
widely used minifiers (rjsmin, after Crockford's jsmin, and rcssmin), which only take out comments
and spaces: names and statements are kept, so what runs is what the source says. Material's own
files come minified already; only ours, under docs/javascripts and docs/stylesheets, are made so here.
"""

from __future__ import annotations

import rcssmin
import rjsmin

FOLDERS = ("javascripts/", "stylesheets/")


def minifies(path: str) -> bool:
    """Whether the file at `path` (in docs/) is served minified: our scripts and stylesheets."""
    return path.startswith(FOLDERS) and path.endswith((".js", ".css"))


def minified(path: str, text: str) -> str:
    """The script or stylesheet at `path` as it is served."""
    return rjsmin.jsmin(text) if path.endswith(".js") else rcssmin.cssmin(text)
