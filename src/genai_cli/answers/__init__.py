"""The answers: every record in one catalog, and the questions asked of it.

Owns :class:`.catalog.Catalog` (records by id, name and alias; the bundled
data), :func:`.load.load_catalog` (the bundled data, with a user's data folder
and imported catalogs on top: :mod:`.userdata`, validated and cached), the query functions (:mod:`.queries`)
and SQL over the records (:mod:`.sql`). May import :mod:`genai_cli.core`,
:mod:`genai_cli.dataset` and :mod:`genai_cli.catalogs`.
"""
