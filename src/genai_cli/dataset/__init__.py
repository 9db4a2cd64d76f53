"""The dataset: what a record is and how the bundled data is made.

Owns value parsing (:mod:`.parsing`), the registry of kinds and fields
(:mod:`.registry`), the pydantic schema of the data files (:mod:`.schema`) and
what is generated from it (:mod:`.typeddicts`, :mod:`.jsonschemas`,
:mod:`.typegen` -> :mod:`.record_types`), safe reading of YAML and JSON
(:mod:`.safe_loader`), validation (:mod:`.validation`, :mod:`.report_quotes`)
and the build of ``data/_build`` (:mod:`.build`). May import :mod:`genai_cli.core`.
"""
