"""Output: results into text, in every format.

Owns the result a handler returns (:mod:`.result`), layouts as plain data
(:mod:`.layout`), every value→text rule (:mod:`.text`), the renderers
(:mod:`.render`), tables (:mod:`.rich_tables` with colour; without it, the
same text without rich: :mod:`.plain_tables`, :mod:`.cells`) fitted to a width
(:mod:`.fit`), show pages (:mod:`.pages`), charts (:mod:`.charts`), progress
(:mod:`.progress`) and terminal detection (:mod:`.terminal`). May import
:mod:`genai_cli.core` and :mod:`genai_cli.dataset` (the registry says how a
field is shown), never the answers or the commands.
"""
