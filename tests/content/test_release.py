"""techmoney/content/release.py: a bake is named by everything it is a function of, read back as written,
and its links start from whichever root the server has."""

from __future__ import annotations

import json
import pickle
import shutil
from urllib.parse import quote

from techmoney.content import release


def test_the_digest_follows_the_data_and_nothing_else_of_the_folder(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    shutil.copytree(release.PROJECT / "data", first)
    shutil.copytree(release.PROJECT / "data", second)
    release.forget()
    assert release.digest(first) == release.digest(second)
    with (second / "events.csv").open("a", encoding="utf-8") as handle:
        handle.write("\n")
    release.forget()
    assert release.digest(first) != release.digest(second)
    release.forget()


def test_without_a_bake_of_the_inputs_there_is_no_release(tmp_path, monkeypatch):
    monkeypatch.setenv(release.CACHE_DIR_ENV, str(tmp_path))
    release.forget()
    assert release.for_data(release.PROJECT / "data") is None and release.for_data(None) is None
    release.forget()


def test_a_release_reads_back_what_its_folder_holds(tmp_path, monkeypatch):
    monkeypatch.setenv(release.CACHE_DIR_ENV, str(tmp_path))
    release.forget()
    data = release.PROJECT / "data"
    folder = release.folder_for(data)
    (folder / release.CONTENTS).mkdir(parents=True)
    (folder / release.ANSWERS).mkdir()
    (folder / release.content_name("money", "en", ("skeptic",))).write_bytes(pickle.dumps({"a": "page content"}))
    (folder / release.answer_name(b"<p>money</p>")).write_bytes(b"<p>money</p>")
    (folder / release.ANSWER_INDEX).write_text(
        json.dumps({"money?lang=en": {"file": release.answer_name(b"<p>money</p>"), "media_type": "text/html"}})
    )
    (folder / release.MANIFEST).write_text(json.dumps({"digest": folder.name}))
    baked = release.for_data(data)
    assert baked.digest == folder.name and "money?lang=en" in baked and "money" not in baked
    assert baked.page_content("money", "en", ("skeptic",)) == {"a": "page content"}
    assert baked.page_content("money", "ar", ("skeptic",)) is None
    assert baked.answer("money?lang=en") == release.Answer(b"<p>money</p>", "text/html")
    assert baked.answer("donors") is None
    release.forget()


def test_links_in_a_baked_answer_start_from_the_servers_root_as_written_and_inside_a_query():
    body = (
        f'<a href="{release.ROOT}money">x</a><link href="{release.ROOT}oembed?url={quote(release.ROOT, safe="")}money">'
    )
    served = release.with_root(body.encode(), "https://news.example.org/tm/").decode()
    assert served == (
        '<a href="https://news.example.org/tm/money">x</a><link href="https://news.example.org/tm/oembed'
        '?url=https%3A%2F%2Fnews.example.org%2Ftm%2Fmoney">'
    )
