"""What the tests share that is not a fixture: the project's places and copies of it, the built site
and its pages, the browsers' tabs and waits, axe, the three engines, the report's text, the data
copies of the corpus of mistakes and the golden files. Test modules import from here; conftest.py
only turns these into fixtures and hooks (developers/testing.md)."""
