"""The command line. Owns the stdlib entry point and fast parser (:mod:`.main`,
:mod:`.parser`), the runner both paths end in (:mod:`.runner`), the typer app
where every command is declared once (:mod:`.app`, :mod:`.options`), the spec
generated from it (:mod:`.spec`) and completion (:mod:`.completion`). The top
floor: it may import every package; none imports it. Nothing is imported
here: the entry point must stay cheap.
"""
