"""The site's core: YAML data -> validated records -> a page plan. Nothing here imports MkDocs.

The MkDocs hook (hooks/main.py) and the scripts in scripts/ are thin wrappers around these modules.
"""
