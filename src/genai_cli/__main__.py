"""``python -m genai_cli`` is the ``genai`` program."""

from genai_cli.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
