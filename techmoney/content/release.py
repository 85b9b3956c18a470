"""A release's bake, read back: every page content and every answer a reader can be sent, built once.

Every view the app can show is a pure function of data/, the code, its templates, the static files and
the installed versions of the pinned packages, all fixed when a release is deployed. So
``python -m techmoney.ui.bake`` (techmoney/bake/build.py: ``make bake``, run by ``make run``, ``make test`` and
the Dockerfile) builds them all once, as Our World in Data's baker does, into a folder named by a
digest of those inputs; a server whose inputs have that digest loads from it instead of building.
This module is the folder's format and its reader:

* ``manifest.json``: the digest, the dataset version, what was built and how long it took;
* ``contents/<page>-<lang>-<camps>.pickle``: each page content (techmoney.content.page_content),
  loaded on first use;
* ``answers.json`` and ``answers/``: each answer by its address relative to the app root (a page's
  HTML, a download), with its file in ``answers/`` (named by its content, so addresses showing the same
  image share it; text gzipped), its media type and its download name. Absolute links in them start from
  :data:`ROOT`, which the server replaces with its own root (:func:`with_root`): one bake serves any
  public address.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import importlib.metadata
import json
import os
import pickle  # only our own bake, written by techmoney/bake/build.py, is unpickled  # nosec B403
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from techmoney.data.built_once import built_once

PROJECT = Path(__file__).resolve().parents[2]
CACHE_DIR_ENV = "TECH_MONEY_CACHE_DIR"
DEFAULT_CACHE_DIR = PROJECT / ".cache"
# What a bake is a function of, besides data/: the package (code and templates), the static files the
# answers carry (stylesheets, fonts, scripts) and the pinned versions.
CODE_INPUTS = ("techmoney", "static")
REQUIREMENTS = PROJECT / "requirements.txt"
_SKIPPED = ("__pycache__", ".pyc")

MANIFEST = "manifest.json"
CONTENTS = "contents"
ANSWERS = "answers"
ANSWER_INDEX = "answers.json"
# The app's root in baked answers; never a real host (.invalid is reserved for that, RFC 2606).
ROOT = "http://tech-money.invalid/"
_QUOTED_ROOT = quote(ROOT, safe="")


def cache_dir() -> Path:
    return Path(os.environ.get(CACHE_DIR_ENV) or DEFAULT_CACHE_DIR)


def _files(folder: Path) -> list[Path]:
    if folder.is_file():
        return [folder]
    return sorted(p for p in folder.rglob("*") if p.is_file() and not any(s in str(p) for s in _SKIPPED))


def _pinned_versions() -> str:
    names = [
        re.split(r"[=<>!~\[ ;]", line.strip())[0]
        for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith(("#", "-"))
    ]
    found = []
    for name in names:
        try:
            found.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name} missing")
    return "\n".join(found)


@functools.lru_cache(maxsize=8)
def digest(data_dir: Path) -> str:
    """The digest of everything a bake is a function of (once per process and data folder: the inputs
    do not change under a running server)."""
    sha = hashlib.sha256(f"python {sys.version_info[:2]}\n{_pinned_versions()}\n".encode())
    for label, folder in [("data", data_dir)] + [(name, PROJECT / name) for name in CODE_INPUTS]:
        for path in _files(folder):
            sha.update(f"\n{label}/{path.relative_to(folder).as_posix()}\n".encode())
            sha.update(path.read_bytes())
    return sha.hexdigest()[:20]


def folder_for(data_dir: Path) -> Path:
    """Where the bake of ``data_dir`` (with this code and these versions) lives."""
    return cache_dir() / "bake" / digest(Path(data_dir).resolve())


def content_name(page_id: str, lang: str, camps: tuple[str, ...]) -> str:
    return f"{CONTENTS}/{page_id}-{lang}-{'+'.join(camps) or 'none'}.pickle"


def answer_name(stored: bytes) -> str:
    """An answer's file, named by its content: addresses that show the same file share it."""
    return f"{ANSWERS}/{hashlib.sha256(stored).hexdigest()[:32]}"


def with_root(body: bytes, root: str) -> bytes:
    """A baked answer with its links starting from ``root`` (as written, and inside a query)."""
    return body.replace(ROOT.encode(), root.encode()).replace(_QUOTED_ROOT.encode(), quote(root, safe="").encode())


@dataclass(frozen=True)
class Answer:
    """What the server sends for an address: its bytes, their media type and, for a download, its file name."""

    content: bytes
    media_type: str
    filename: str | None = None


class Release:
    """An opened bake: its page contents and answers, each read from disk on first use."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8")) if (path / MANIFEST).is_file() else {}
        index = path / ANSWER_INDEX
        self._index: dict[str, dict] = json.loads(index.read_text(encoding="utf-8")) if index.is_file() else {}
        self._contents: dict[tuple, object] = {}
        self._lock = threading.Lock()

    @property
    def digest(self) -> str:
        return self.manifest.get("digest", self.path.name)

    def page_content(self, page_id: str, lang: str, camps: tuple[str, ...]):
        """The baked page content, or None if the bake has none for this view."""
        return self._load_content(page_id, lang, tuple(camps))

    @built_once(maxsize=512)
    def _load_content(self, page_id: str, lang: str, camps: tuple[str, ...]):
        path = self.path / content_name(page_id, lang, camps)
        if not path.is_file():
            return None
        return pickle.loads(path.read_bytes())  # our own bake (see above)  # nosec B301

    def __contains__(self, address: str) -> bool:
        return address in self._index

    def addresses(self) -> list[str]:
        return list(self._index)

    def answer(self, address: str) -> Answer | None:
        """The baked answer at ``address`` (relative to the app root, as techmoney.site.addresses writes
        it), or None."""
        entry = self._index.get(address)
        if entry is None:
            return None
        stored = (self.path / entry["file"]).read_bytes()
        return Answer(
            gzip.decompress(stored) if entry.get("gzip") else stored, entry["media_type"], entry.get("filename")
        )


_opened: dict[Path, Release | None] = {}
_opened_lock = threading.Lock()


def for_data(data_dir: Path | None) -> Release | None:
    """The bake of ``data_dir`` with this code and these versions, or None if there is none (a
    development run, a test's copy of data/): then everything is built on first use."""
    if data_dir is None:
        return None
    folder = folder_for(data_dir)
    with _opened_lock:
        if folder not in _opened:
            _opened[folder] = Release(folder) if (folder / MANIFEST).is_file() else None
        return _opened[folder]


def building(data_dir: Path, folder: Path) -> None:
    """Read ``data_dir``'s page contents from ``folder``, a bake being built (techmoney/bake/build.py)."""
    with _opened_lock:
        _opened[folder_for(data_dir)] = Release(folder)


def forget() -> None:
    """Look for bakes again on next use (tests that build or remove one)."""
    with _opened_lock:
        _opened.clear()
    digest.cache_clear()
