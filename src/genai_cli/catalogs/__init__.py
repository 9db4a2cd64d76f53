"""The public catalogs that ``genai import`` brings in, and how they join the dataset.

Owns the one table of catalogs (:mod:`.spec`: names, package, files, format,
reader, precedence, what an entry is), the readers of their files
(:mod:`.readers`), the identity rules that say which model an entry names
(:mod:`.identity`), the join (:mod:`.joining`) and the imported files and the
cached join in the data folder (:mod:`.store`). May import
:mod:`genai_cli.core` and :mod:`genai_cli.dataset`; it sees the curated
records only through the :class:`.joining.Curated` protocol.
"""
