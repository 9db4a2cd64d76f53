"""What every handler receives: the data folder, the catalog, the output options."""

from __future__ import annotations

from ..catalog import Catalog, load_catalog


class Output:
    """The output options: ``--format/--json``, ``--fields``, ``--sort``, ``--desc``, ``--limit``."""

    def __init__(
        self,
        format: str = "table",
        fields: list[str] | None = None,
        sort: str | None = None,
        desc: bool = False,
        limit: int | None = None,
    ) -> None:
        self.format = format
        self.fields = fields
        self.sort = sort
        self.desc = desc
        self.limit = limit


class Ctx:
    """A command's context: the data folder (``None``: the user's, if any), whether
    to answer from the bundled data alone, and, loaded on first use, the catalog."""

    def __init__(
        self, data_dir: str | None = None, out: Output | None = None, bundled_only: bool = False
    ) -> None:
        self.data_dir = data_dir
        self.bundled_only = bundled_only
        self.out = out or Output()
        self._catalog: Catalog | None = None

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = load_catalog(self.data_dir, bundled_only=self.bundled_only)
        return self._catalog
