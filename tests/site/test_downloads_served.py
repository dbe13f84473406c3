"""The downloads as the site serves them (recsite/downloads.py): the schema served at the address
the JSON names, linked from the list page, the CSV's encoding, and the citation the JSON and the
page share."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import urljoin

from jsonschema import Draft202012Validator

from support.project import real_catalogue
from support.site import text_of

PLAIN = "think-about-employment-early"   # individuals and families: has plain words
RECS = {rec.id: rec for rec in real_catalogue().recommendations}


def test_the_site_serves_the_schema_and_the_json_names_it(site):
    schema = json.loads((site.root / "recommendations.schema.json").read_text(encoding="utf-8"))
    records = json.loads((site.root / "recommendations.json").read_text(encoding="utf-8"))
    assert schema["$id"] == f"{site.url}recommendations.schema.json"
    assert {record["describedby"] for record in records} == {schema["$id"]}
    Draft202012Validator(schema).validate(records)


def test_the_downloads_link_the_schema(site):
    paragraph = site.soup("recommendations/").find(id="downloads").find_next_sibling("p")  # the section's text
    targets = {a.get_text(" ", strip=True): urljoin(f"{site.url}recommendations/", a["href"])
               for a in paragraph.find_all("a")}
    assert targets["JSON Schema"] == f"{site.url}recommendations.schema.json"
    assert targets["JSON data"] == f"{site.url}recommendations.json"


def test_the_csv_on_the_site_keeps_its_encoding_and_the_plain_words(site):
    raw = (site.root / "recommendations.csv").read_bytes()
    assert raw.startswith(b"id,title,text,")   # UTF-8 without a byte-order mark, as before
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(raw.decode("utf-8")))}
    assert rows[PLAIN]["site_words_plain"] == RECS[PLAIN].plain


def test_the_citation_in_the_json_is_the_one_on_the_page(site):
    record = next(r for r in json.loads((site.root / "recommendations.json").read_text(encoding="utf-8"))
                  if r["id"] == PLAIN)
    shown = text_of(site.soup(f"recommendations/{PLAIN}/").find(class_="citation"))
    assert " ".join(record["citation"].split()) == " ".join(shown.split())
