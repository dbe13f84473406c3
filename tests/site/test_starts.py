"""A start for each reader (issue 28, section 2): the home page says what the site is and offers
starts by task, then the audiences; each reader can find the page made for them."""

from __future__ import annotations

import base64
import json
import re
import subprocess
from urllib.parse import urljoin, urlsplit

from support.project import ROOT, real_catalogue
from support.site import text_of
from support.node import node
from recsite import planner

CATALOGUE = real_catalogue()
INDIVIDUALS = [audience for audience in CATALOGUE.audiences if audience.plain_words]
QUESTIONS = "planner/questions/"


def links_to(soup, page: str, target: str) -> bool:
    """Whether `soup` (the page at address `page`) has a link that leads to the address `target`."""
    return any(urlsplit(urljoin("/" + page, a["href"])).path == "/" + target for a in soup.select("a[href]"))


# --- The home page ---------------------------------------------------------------------------------

def test_home_page_is_short_enough_to_read_on_a_phone_in_a_minute(pages):
    article = pages("").find("article")
    words = len(text_of(article).split())
    assert words <= 400, f"the home page has {words} words"
    # Few labels and underlines: the detail (and its provenance) is one click away.
    assert len(article.select(".provenance__tag")) <= 4
    assert len(article.select("a.term, abbr")) <= 10


def test_home_page_says_what_the_site_is_then_offers_starts_by_task_then_the_audiences(pages):
    article = pages("").find("article")
    lede = article.select_one("h1 + p")
    assert lede["data-provenance"] == "site" and len(re.findall(r"[.!?](\s|$)", text_of(lede))) == 2
    starts = [(text_of(a), urlsplit(urljoin("/", a["href"])).path) for a in article.select(".starts > li > a")]
    assert starts == [("Check your council or service against the recommendations", "/planner/"),
                      ("Going to a review? Questions to take with you", "/" + QUESTIONS),
                      ("What the research found", "/evidence/"),
                      ("Cite or reuse the recommendations", "/reuse/")]
    headings = [h2["id"] for h2 in article.select("h2")]
    assert headings.index("start-here") < headings.index("audiences")
    audiences = article.find(id="audiences").find_next_sibling("ul").select("a:not(.term)")
    assert [a["href"] for a in audiences] == [f"audiences/{a.id}/" for a in CATALOGUE.audiences]


def test_home_page_keeps_its_anchors(pages):
    """Links people made to the home page's sections still land on what replaced them."""
    home = pages("")
    for anchor in ("start-here", "research-questions", "findings", "this-research", "other-studies",
                   "barriers", "core-recommendation"):
        assert home.find(id=anchor) is not None, anchor


# --- Individuals and families: the questions for a review ---------------------------------------

def test_the_review_questions_are_linked_from_every_individuals_page_and_the_navigation(pages):
    recs = [rec for rec in CATALOGUE.recommendations if rec.audience in INDIVIDUALS]
    assert len(recs) == 7
    for page in ("", *(f"audiences/{a.id}/" for a in INDIVIDUALS), *(f"recommendations/{r.id}/" for r in recs)):
        assert links_to(pages(page).find("article"), page, QUESTIONS), page
    for page in ("", "glossary/", "recommendations/employment-as-the-norm/"):
        nav = pages(page).select_one("nav.md-nav--primary")
        assert links_to(nav, page, QUESTIONS), page
    # Not on the pages of recommendations for others, whom the questions are not for.
    other = next(rec for rec in CATALOGUE.recommendations if rec.audience not in INDIVIDUALS)
    page = f"recommendations/{other.id}/"
    assert not links_to(pages(page).find("article"), page, QUESTIONS)


# --- Local authorities and providers: key recommendations first, and a way to plan them -----------

def test_an_audience_page_opens_with_its_key_recommendations_and_a_link_that_plans_them(pages):
    audience = next(a for a in CATALOGUE.audiences if a.id == "local-authorities-and-providers")
    page = f"audiences/{audience.id}/"
    article = pages(page).find("article")
    key = [rec for rec in CATALOGUE.recommendations if rec.audience == audience and rec.key]
    assert len(key) == 12
    section = article.find(id="key-first")
    assert "12 key recommendations" in text_of(section)
    listed = [a["href"] for a in section.find_next_sibling("ol").select("a:not(.term)")]
    assert listed == [f"../../recommendations/{rec.id}/" for rec in key]
    # Before the full list: the first theme's heading comes after it.
    headings = [h2["id"] for h2 in article.select("h2")]
    assert headings[0] == "key-first" and headings.index(CATALOGUE.themes[0].id) > 0
    add = article.select_one(".key-first__add a")
    assert text_of(add) == "Add these 12 to my plan"
    address, fragment = add["href"].split("#", 1)
    assert urlsplit(urljoin("/" + page, address)).path == "/planner/"
    encoded = fragment.removeprefix("share=")
    payload = json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))
    assert payload == {"v": planner.PLAN_VERSION, "i": [[rec.id, "n"] for rec in key]}


def test_share_fragment_is_what_the_planners_share_links_read():
    """Read by the planner's own reader (docs/javascripts/lib/share.js, in node) with the plan's
    real rules: the link adds exactly these recommendations, each not started, and nothing else."""
    recs = [rec for rec in CATALOGUE.recommendations if rec.key][:3]
    fragment = planner.share_fragment(recs)
    assert fragment.startswith("#share=") and "=" not in fragment.removeprefix("#share=")
    assert not set(fragment.removeprefix("#share=")) - set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    share = (ROOT / "docs" / "javascripts" / "lib" / "share.js").as_uri()
    program = (f"import {{readShared}} from {json.dumps(share)};\n"
               f"const read = readShared({json.dumps(fragment)}, {json.dumps(planner.plan_rules())});\n"
               "console.log(JSON.stringify(read.items.map((item) => [item.id, item.status])));")
    done = subprocess.run([node("the share link cannot be read as the planner reads it"), "--input-type=module", "-e", program],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [[rec.id, "not-started"] for rec in recs]


# --- The list of all recommendations ---------------------------------------------------------------

def test_the_list_leaves_developer_words_to_its_downloads_section(pages):
    article = pages("recommendations/").find("article")
    before_list = text_of(article)[: text_of(article).index("Showing all")]
    assert "JSON" not in before_list and "Schema" not in before_list
    downloads = article.find(id="downloads")
    assert downloads.name == "h2"
    after = downloads.find_next_sibling("p")
    assert "JSON Schema" in text_of(after) and after.find("a", href=re.compile(r"recommendations\.csv$"))
    assert article.select_one(".rec-list").find_next_sibling("h2") is downloads
