"""The commands' handlers: parameters in, a result out.

Owns one module per command (group), each function taking the context
(:mod:`.context`) and the command's parameters and returning a
:class:`~genai_cli.output.result.Result`. May import every package below the
command line (core, dataset, catalogs, answers, output), never :mod:`genai_cli.cli`.
"""
