"""What every handler receives: the data folder, the catalog, the output options."""

from __future__ import annotations

from ..answers.catalog import Catalog
from ..answers.load import load_catalog
from ..core.errors import UsageError


class Output:
    """The output options: ``--format/--json``, ``--fields``, ``--sort``, ``--desc``,
    ``--limit``, ``--where`` and ``--no-headers``."""

    def __init__(
        self,
        format: str = "table",
        fields: list[str] | None = None,
        sort: str | None = None,
        desc: bool = False,
        limit: int | None = None,
        where: str | None = None,
        headers: bool = True,
    ) -> None:
        self.format = format
        self.fields = fields
        self.sort = sort
        self.desc = desc
        self.limit = limit
        self.where = where
        self.headers = headers


class Ctx:
    """A command's context: the data folder (``None``: the user's, if any), whether
    to answer from the bundled data alone, and, loaded on first use, the catalog."""

    def __init__(
        self,
        data_dir: str | None = None,
        out: Output | None = None,
        bundled_only: bool = False,
        data_dir_source: str | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.bundled_only = bundled_only
        self.data_dir_source = data_dir_source
        """Where ``data_dir`` came from: ``--data-dir`` or ``GENAI_DATA_DIR``."""
        self.out = out or Output()
        self._catalog: Catalog | None = None

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            try:
                self._catalog = load_catalog(self.data_dir, bundled_only=self.bundled_only)
            except UsageError as exc:  # a bad folder: say which setting named it
                where = self.data_dir_source or "--data-dir"
                if self.data_dir and not exc.message.startswith(where):
                    raise UsageError(f"{where}: {exc.message}") from None
                raise
        return self._catalog
