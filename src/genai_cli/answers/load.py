"""The catalog a command answers from: the bundled data, with a data folder on
top when there is one (:func:`load_catalog`, the public entry point)."""

from __future__ import annotations

import os

from ..core.environment import data_dir_setting, data_folder
from .catalog import Catalog, bundled


def load_catalog(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    cache: bool = True,
    bundled_only: bool = False,
    imports_too: bool = True,
) -> Catalog:
    """The bundled dataset, with a data folder on top: the user's own records, and
    the catalogs imported into it (``genai import``).

    ``data_dir`` defaults to the folder the CLI reads: ``$GENAI_DATA_DIR``, else the
    user's data folder (``$XDG_DATA_HOME/genai``, else ``~/.local/share/genai``)
    when it exists; ``bundled_only`` leaves every
    folder out, ``imports_too=False`` the imported catalogs. A folder is validated like the bundled data (raising
    :class:`~genai_cli.core.errors.DataError` with every problem); the validated
    records, and the imported catalogs joined to them, are cached by the
    files' contents unless ``cache=False``.
    """
    base = bundled()
    if bundled_only:
        return base
    if data_dir is None or str(data_dir) == "":
        data_dir = data_dir_setting()  # as the CLI's --data-dir
    if data_dir is None:
        folder = data_folder()
        if folder is None or not os.path.isdir(folder):
            return base
    else:
        folder = os.fspath(data_dir)
    # deferred: a folder's user data and imported catalogs (the validation cache, the
    # store: 8 modules, about 3 ms) only when there is a folder
    from .userdata import load_folder

    return load_folder(folder, base, cache=cache, imports_too=imports_too)
