"""The site's core: YAML data -> validated records -> a page plan -> pages. Nothing here imports
MkDocs.

The MkDocs hook (hooks/main.py) and the scripts in scripts/ are thin wrappers around these modules.
"""

import time

# When the core was imported: the hook imports it afresh after an edit (see hooks/main.py).
__imported_at__ = time.time()
