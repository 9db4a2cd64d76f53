"""Output: the result type (:mod:`.result`), layouts (:mod:`.layout`), every
value→text rule (:mod:`.text`), the renderers (:mod:`.render`), rich tables
(:mod:`.rich_tables`; without colour, the same text without rich:
:mod:`.plain_tables`, :mod:`.cells`) fitted to a width (:mod:`.fit`), show pages
(:mod:`.pages`), charts (:mod:`.charts`) and terminal detection
(:mod:`.terminal`)."""
