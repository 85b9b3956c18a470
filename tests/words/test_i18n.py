"""The translation table (techmoney/words/i18n.py) and every place the code asks it for a string."""

from __future__ import annotations

import ast
import re
import string
import typing
from pathlib import Path

import pytest

from techmoney.content import people
from techmoney.data import schema
from techmoney.data.dataset import load_dataset
from techmoney.words.i18n import LANGS, TEXT, pick, t
from tests.conftest import DATA, REPO

SOURCES = sorted([REPO / "app.py", *(REPO / "app_pages").glob("*.py"), *(REPO / "techmoney").rglob("*.py")])
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
ARABIC_LETTER = re.compile("[\u0621-\u064a]")
KEY_LIKE = re.compile(r"[a-z]+(?:_[a-z0-9]+)+")


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


# --------------------------------------------------------------------------- the table itself


def test_every_key_has_arabic_and_english_and_nothing_else():
    for key, entry in TEXT.items():
        assert set(entry) == set(LANGS), key
        for lang in LANGS:
            assert isinstance(entry[lang], str) and entry[lang].strip(), f"{key}/{lang} is empty"


def test_every_arabic_entry_is_written_in_arabic():
    untranslated = [key for key, entry in TEXT.items() if not ARABIC_LETTER.search(entry["ar"])]
    assert not untranslated


@pytest.mark.parametrize(
    "key",
    list(TEXT),
)
def test_both_languages_have_the_same_placeholders(key):
    entry = TEXT[key]
    assert placeholders(entry["ar"]) == placeholders(entry["en"])


def test_no_string_holds_arabic_presentation_forms():
    """Arabic is stored as logical letters; shaping is the renderer's job (the share card reshapes itself)."""
    for key, entry in TEXT.items():
        for lang, text in entry.items():
            assert not PRESENTATION_FORMS.search(text), f"{key}/{lang}"


def test_t_fills_placeholders_and_falls_back_to_arabic():
    assert t("cited_by", "en", records="a, b") == "Cited by: a, b"
    assert t("app_title", "xx") == TEXT["app_title"]["ar"]


# --------------------------------------------------------------------------- the keys the code uses


def _calls_to_t(tree: ast.AST) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t" and node.args
    ]


def _parsed(path: Path) -> ast.AST:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


TREES = {path: _parsed(path) for path in SOURCES}
CALLS = [(path, call) for path, tree in TREES.items() for call in _calls_to_t(tree)]


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(REPO)}:{node.lineno}"


def test_the_source_scan_finds_the_calls():
    assert len(SOURCES) >= 10
    assert len(CALLS) > 50


def test_every_literal_key_in_a_t_call_exists_and_gets_exactly_its_placeholders():
    problems = []
    for path, call in CALLS:
        first = call.args[0]
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            continue
        key = first.value
        if key not in TEXT:
            problems.append(f"{_where(path, call)}: unknown key {key!r}")
            continue
        if any(kw.arg is None for kw in call.keywords):
            continue  # t(key, lang, **values): cannot be checked statically
        given = {kw.arg for kw in call.keywords}
        wanted = placeholders(TEXT[key]["ar"]) | placeholders(TEXT[key]["en"])
        if given != wanted:
            problems.append(f"{_where(path, call)}: {key!r} needs {sorted(wanted)}, gets {sorted(given)}")
    assert not problems, "\n".join(problems)


def test_a_regex_over_the_source_finds_only_known_keys():
    """The same check as above by plain text search, so a call the AST walk misses still counts."""
    pattern = re.compile(r"""\bt\(\s*(["'])([a-z0-9_]+)\1\s*[,)]""")
    found = {m.group(2) for path in SOURCES for m in pattern.finditer(path.read_text(encoding="utf-8"))}
    assert found, "no t(...) calls found"
    assert sorted(found - set(TEXT)) == []


def _literal_values(annotation) -> set[str]:
    values: set[str] = set()
    for arg in typing.get_args(annotation):
        if isinstance(arg, str):
            values.add(arg)
        else:
            values |= _literal_values(arg)
    return values


# Where the variable part of a t(f"prefix_{...}") key comes from.
DYNAMIC_FAMILIES: dict[str, set[str]] = {
    "status_": _literal_values(schema.MoneyFlowRow.model_fields["status"].annotation),
    "qualifier_": _literal_values(schema.MoneyFactRow.model_fields["qualifier"].annotation),
    "stance_": _literal_values(schema.EndorsementRow.model_fields["stance"].annotation),
    "measure_": {"gift", "limit", "refund"},
    "lang_": set(LANGS),
}


def _prefix(node: ast.AST) -> str | None:
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        return node.values[0].value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.Constant):
        return node.left.value
    return None


def test_every_computed_key_family_covers_every_value_it_can_take():
    families = set()
    for path, call in CALLS:
        prefix = _prefix(call.args[0])
        if prefix is None:
            continue
        assert prefix in DYNAMIC_FAMILIES, f"{_where(path, call)}: add the values of {prefix!r}... to this test"
        families.add(prefix)
        missing = sorted(f"{prefix}{value}" for value in DYNAMIC_FAMILIES[prefix] if f"{prefix}{value}" not in TEXT)
        assert not missing, f"{_where(path, call)}: no text for {missing}"
    assert families, "the scan found no computed keys"


def _enclosing_scopes(tree: ast.AST) -> list[ast.AST]:
    return [tree, *(n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))]


def test_keys_passed_through_a_variable_exist():
    """t(title_key, ...), t(label_key, ...), t(keys[...], ...): the key-like string literals of the scope
    that makes the call (the tuples and dicts they are picked from) must be keys."""
    families = {key.split("_")[0] for key in TEXT}
    data_words = {c for table in schema.TABLES for c in table.columns} | {table.name for table in schema.TABLES}
    # pick(row, "camp_note", lang) names a bilingual column by its stem (camp_note_ar / camp_note_en).
    data_words |= {c[:-3] for table in schema.TABLES for c in table.columns if c.endswith(("_ar", "_en"))}
    dataset = load_dataset(DATA)
    for frame in dataset.tables.values():
        data_words |= {str(v) for v in frame[frame.columns[0]]}
    checked = 0
    for path, tree in TREES.items():
        for scope in _enclosing_scopes(tree):
            body_calls = [c for c in _calls_to_t(scope) if isinstance(c.args[0], (ast.Name, ast.Subscript))]
            if not body_calls:
                continue
            for node in ast.walk(scope):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY_LIKE.fullmatch(node.value):
                    word = node.value
                    if word.split("_")[0] in families and word not in data_words:
                        assert word in TEXT, f"{_where(path, node)}: {word!r} is not a key"
                        checked += 1
    assert checked >= 8, "expected the key figures, share cards and notices to be found"


def test_actor_record_headings_are_keys():
    dataset = load_dataset(DATA)
    for actor_id in dataset.actors["actor_id"]:
        for lang in LANGS:
            for kind in people.actor_records(dataset, actor_id, lang):
                assert kind in TEXT
                assert t(kind, lang)


def test_data_labels_have_both_languages():
    dataset = load_dataset(DATA)
    for name, field in (("camps", "label"), ("actors", "name"), ("actors", "role"), ("events", "label")):
        for _, row in dataset.tables[name].iterrows():
            for lang in LANGS:
                assert pick(row, field, lang).strip(), f"{name}.{field}_{lang} blank for {row.iloc[0]}"
            assert ARABIC_LETTER.search(pick(row, field, "ar")), f"{name}.{field}_ar not Arabic for {row.iloc[0]}"
            assert not PRESENTATION_FORMS.search(pick(row, field, "ar"))
