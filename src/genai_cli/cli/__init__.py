"""Argument parsing: the stdlib entry point and fast parser (:mod:`.main`), the
runner both paths end in (:mod:`.runner`), the spec of every command
(:mod:`.spec`, generated from the typer app), the typer app itself
(:mod:`.app`), shared options (:mod:`.options`) and completion
(:mod:`.completion`). Nothing is imported here: the entry point must stay cheap."""
