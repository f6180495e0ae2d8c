"""The source documents: ``datasets/documents.csv`` (issuer, title, date, address, number style) and
the bundled texts in ``datasets/sources/``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from ktstats.catalog.bundled import data_dir
from ktstats.errors import DataError, shown
from ktstats.lang.text import squash_whitespace

__all__ = ["document_source", "document_text", "documents_table"]


@lru_cache(maxsize=1)
def documents_table() -> pd.DataFrame:
    """Every cited document, indexed by its file name or key."""
    path = data_dir() / "documents.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d")
    for col, default in (("number_style", "vi"), ("url", ""), ("date_precision", "day")):
        if col not in frame.columns:
            frame[col] = default
    return frame.set_index("document")


@lru_cache(maxsize=64)
def document_text(name: str) -> str | None:
    """The bundled text of a source document, or ``None`` for documents cited by address.

    ``name`` is a file name in ``datasets/sources/`` ("004_7e9a290f5ed7f930.txt") or the id of a text
    of the extraction corpus ("kon_tum_2024-07-31_kyhop7", ``datasets/corpus/``), never a path:
    "../x", "/etc/x" or "a/b" raise rather than reach outside the folder.
    """
    if (
        not isinstance(name, str)
        or name in ("", ".", "..")
        or Path(name).name != name
        or any(c in name for c in "/\\\0")
    ):
        raise DataError(
            f"a source document is named by its file name in datasets/sources/, not {shown(name)}"
        )
    # a seed document in sources/, or a text of the extraction corpus (corpus/dev/<id>.txt)
    candidates = [data_dir() / "sources" / name] + [
        data_dir() / "corpus" / part / f"{name}.txt" for part in ("dev", "heldout")
    ]
    try:
        path = next((p for p in candidates if p.is_file()), None)
    except OSError:  # a name too long for the file system is not a bundled text either
        return None
    if path is None:
        return None
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"source document {name!r} cannot be read: {exc}") from exc
    try:
        return squash_whitespace(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DataError(f"source document {name!r} is not valid UTF-8: {exc}") from exc


def document_source(document: str) -> str:
    """A document as a reader cites it: its issuer and date from ``datasets/documents.csv``
    ("Báo Kon Tum 20/04/2024"); a document the table does not list keeps its name.

    >>> document_source("003_672f3fa1ac6cf720.txt")
    'Báo Kon Tum 20/04/2024'
    """
    docs = documents_table()
    if not document or document not in docs.index:
        return document
    issuer = str(docs.loc[document, "issuer"]).split(" (")[0].strip() or document
    date = pd.Timestamp(str(docs.loc[document, "date"]))
    precise = str(docs.loc[document, "date_precision"]) == "day"
    return f"{issuer} {date:%d/%m/%Y}" if precise else f"{issuer} {date:%m/%Y}"
