"""Handlers: one module per command (group), each function taking the context and the
command's parameters and returning a :class:`~genai_cli.output.result.Result`."""
