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
from techmoney.site.sitemap import CHART_IDS, PAGE_IDS
from techmoney.words.bound import Words
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
    "table_": {table.name for table in schema.TABLES},
    "headline_": set(PAGE_IDS),
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
            for kind in people.actor_records(Words(dataset, lang), actor_id):
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


# --------------------------------------------------------------------------- the desk's rules for what a reader sees
#
# Issue 31 (the third desk read): no sentence over 35 words, no parentheses inside parentheses, no arithmetic
# symbols in running text (words instead; symbols stay in tables and charts), chart titles of at most 12 words,
# and "super PAC" only as our stated inference. Held on every string a reader sees: the translation table, every
# reader-facing column of data/, and what the builders make of them (headlines, story, key figures, cards, the
# cap's explainer, chart titles and subtitles, the Donors records).

MAX_SENTENCE_WORDS, MAX_TITLE_WORDS = 35, 12
# A figure reads as one word: "$844,600", "7%", «7 ملايين دولار», «مليونا دولار», «844,600 دولار».
FIGURE = re.compile(
    r"\$?\d[\d,]*(?:\.\d+)?[%٪MKB]?(?:\s+(?:ملايين|مليون|مليونا|مليونًا|ألف|آلاف|مليار))?(?:\s+دولار)?"
    r"|(?<!\w)مليونا?\s+دولار(?!\w)"
)
QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"]*\"")  # a quotation counts as one word of the sentence quoting it
FIELD = re.compile(r"\{[a-z_]+\}")
SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")
NAMES_WITH_BRACKETS = re.compile(r"501\(c\)\(4\)|501 \(ج\) \(4\)")
ARITHMETIC = re.compile("[÷×−=+≥≤]")
SUPER_PAC_EN = re.compile(r"super PAC", re.IGNORECASE)
OUR_INFERENCE_EN = re.compile(r"our inference|by our reading|our reading|we infer", re.IGNORECASE)
ISOLATES = re.compile("[\u2066-\u2069]")


def sentence_lengths(text: str) -> list[tuple[int, str]]:
    """(words, sentence) for each sentence of the text, a figure and a quotation each counted as one word."""
    plain = FIGURE.sub("F", QUOTED.sub("Q", FIELD.sub("F", ISOLATES.sub("", text))))
    return [(len(part.split()), part) for part in SENTENCE_END.split(plain) if part.strip()]


def nesting_depth(text: str) -> int:
    depth = deepest = 0
    for ch in NAMES_WITH_BRACKETS.sub("N", ISOLATES.sub("", text)):
        depth += (ch in "([" and 1) or (-1 if ch in ")]" else 0)
        deepest = max(deepest, depth)
    return deepest


def desk_problems(text: str, *, running: bool = True) -> list[str]:
    """How ``text`` breaks the desk's rules; ``running``: it is running text (prose), not a table cell or a chart
    label, where arithmetic symbols may stay."""
    problems = [
        f"a sentence of {n} words (at most {MAX_SENTENCE_WORDS}): {s[:80]!r}"
        for n, s in sentence_lengths(text)
        if n > MAX_SENTENCE_WORDS
    ]
    if nesting_depth(text) > 1:
        problems.append("parentheses inside parentheses")
    if running and ARITHMETIC.search(FIELD.sub("", text)):
        problems.append(f"an arithmetic symbol in running text ({ARITHMETIC.search(text).group()}): say it in words")
    if SUPER_PAC_EN.search(text) and not OUR_INFERENCE_EN.search(text):
        problems.append(
            "“super PAC” said as fact: the article and CNBC's report say PAC; say it is our inference, and why"
        )
    return problems


def title_words(title: str) -> int:
    return len(FIGURE.sub("F", ISOLATES.sub("", title)).split())


@pytest.mark.parametrize(
    "text, complaint",
    [
        (" ".join(["word"] * 36) + ".", "a sentence of 36 words"),
        ("«" + " ".join(["كلمة"] * 20) + "» " + " ".join(["كلمة"] * 36), "a sentence of 37 words"),
        ("A projection (“super PAC” as in the original (the translation says PAC)).", "parentheses inside parentheses"),
        ("Its share: $7M ÷ more than $100M.", "an arithmetic symbol"),
        ("The refund is $1,000,000 − $844,600.", "an arithmetic symbol"),
        ("42 × $10,000 to the state parties.", "an arithmetic symbol"),
        ("A $7M gift to a pro-Harris super PAC.", "“super PAC” said as fact"),
    ],
)
def test_the_desk_checker_catches_each_kind_of_slip(text, complaint):
    assert any(complaint in p for p in desk_problems(text)), desk_problems(text)


@pytest.mark.parametrize(
    "text",
    [
        " ".join(["word"] * 35) + ". " + " ".join(["word"] * 35) + ".",
        "«" + " ".join(["كلمة"] * 40) + "» قالها هاستينغز.",
        "Groups known as 501(c)(4)s (“dark money” groups) do not disclose donors.",
        "مجموعات «المال المظلم» (\u2066501(c)(4)\u2069) لا تكشف عن متبرعيها.",
        "By our inference it is a super PAC: an ordinary PAC may take no more than $5,000 a year.",
        "7 ملايين دولار من أصل أكثر من 100 مليون دولار.",
    ],
)
def test_the_desk_checker_passes_what_the_desk_writes(text):
    assert desk_problems(text) == []


def test_a_figure_counts_as_one_word_of_a_title():
    assert title_words("Each Winklevoss twin gave at least $1M, over the $844,600 cap") == 11
    assert title_words("تبرع هاستينغز 7 ملايين دولار، والحصيلة المتوقعة أكثر من 100 مليون دولار (تقدير)") == 9


# Keys whose text is a chart label or a table cell (where arithmetic symbols may stay), not running text.
CHART_AND_TABLE_KEYS = {"allocation_limit_inferred", "allocation_limit_formula", "allocation_over_formula"}
# Data columns a reader never sees (editors' notes, machine values) or sees only in a table (formulas).
UNSHOWN_COLUMNS = {"note"}
TABLE_COLUMNS = {"formula_en"}


def _data_texts() -> list[tuple[str, str, bool]]:
    dataset = load_dataset(DATA)
    texts = []
    for table in schema.TABLES:
        columns = [
            c
            for c in table.columns
            if c not in schema.VERBATIM_COLUMNS
            and c not in UNSHOWN_COLUMNS
            and (c.endswith(("_ar", "_en")) or c in ("date_reasoning", "source_title", "translation_en"))
        ]
        frame = dataset.tables[table.name]
        for _, row in frame.iterrows():
            for column in columns:
                if isinstance(row[column], str) and row[column]:
                    texts.append((f"{table.file}:{row.iloc[0]}:{column}", row[column], column not in TABLE_COLUMNS))
    return texts


def _built_texts() -> list[tuple[str, str, bool]]:
    """What the builders make for the pages, both languages: (where, text, running text?)."""
    from techmoney.content import cap_explainer, cards, charts, page_content, story
    from techmoney.words import facts

    dataset = load_dataset(DATA)
    camps = ("pro_harris", "pro_trump", "skeptic", "context")
    texts = []
    for lang in LANGS:
        for page in PAGE_IDS:
            texts.append((f"{lang} headline {page}", page_content.headline(Words(dataset, lang), page).text, True))
            spec = cards.card_for(page, dataset, lang)
            texts += [(f"{lang} card {page}", part, True) for part in (spec.title, spec.key_figure, spec.qualifier)]
        for actor in dataset.actors["actor_id"]:
            spec = cards.card_for("donors", dataset, lang, actor)
            texts += [(f"{lang} card {actor}", part, True) for part in (spec.title, spec.key_figure, spec.qualifier)]
            texts += [
                (f"{lang} records {actor}", line, True)
                for lines in people.actor_records(Words(dataset, lang), actor).values()
                for line in lines
            ]
        for figure in story.key_figures(Words(dataset, lang), camps):
            texts += [
                (f"{lang} key figure {figure.label}", part, True)
                for part in (figure.label, figure.value, figure.qualifier, figure.caveat)
            ]
        for section in story.sections(Words(dataset, lang), camps):
            texts += [(f"{lang} story {section.title}", p.text, True) for p in section.paragraphs]
        texts += [(f"{lang} explainer {s.key}", s.text, True) for s in cap_explainer.explainer(Words(dataset, lang))]
        texts += [
            (f"{lang} English original", p.text, True)
            for p in Words(dataset, lang).english_original()
            if isinstance(p, facts.Traced)
        ]
        for chart_id in CHART_IDS:
            built = charts.build_chart(Words(dataset, lang), chart_id, camps)
            texts += [
                (f"{lang} chart {chart_id} title", built.title, True),
                (f"{lang} chart {chart_id} subtitle", built.subtitle, True),
            ]
    return texts


def _documents() -> list[tuple[str, str, bool]]:
    """The corrections an Arabic reader sees on Sources (the English dictionary and changelog are reference
    documents, outside these rules)."""
    text = (DATA / "CORRECTIONS_ar.md").read_text(encoding="utf-8").replace("**", "")
    return [(f"CORRECTIONS_ar.md:{number}", line, True) for number, line in enumerate(text.splitlines(), 1) if line]


def _shown() -> list[tuple[str, str, bool]]:
    table = [
        (f"i18n {key}/{lang}", text, key not in CHART_AND_TABLE_KEYS)
        for key, entry in TEXT.items()
        for lang, text in entry.items()
    ]
    return table + _data_texts() + _built_texts() + _documents()


SHOWN = _shown()


def test_the_scan_reads_the_table_the_data_and_the_built_pages():
    wheres = " ".join(where for where, _, _ in SHOWN)
    for part in (
        "i18n section_push_body/ar",
        "actors.csv:pro_harris_pac:role_en",
        "events.csv",
        "context_facts.csv",
        "ar headline story",
        "en card money",
        "ar records hastings",
        "en explainer cap_sum",
        "ar chart camps title",
    ):
        assert part in wheres, part


def test_every_shown_string_keeps_the_desks_rules():
    problems = [f"{where}: {p}" for where, text, running in SHOWN for p in desk_problems(text, running=running)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_every_chart_title_is_a_headline_of_at_most_twelve_words(lang):
    from techmoney.content import charts

    dataset = load_dataset(DATA)
    titles = {
        chart_id: charts.build_chart(
            Words(dataset, lang), chart_id, ("pro_harris", "pro_trump", "skeptic", "context")
        ).title
        for chart_id in CHART_IDS
    }
    long = {chart_id: title for chart_id, title in titles.items() if title_words(title) > MAX_TITLE_WORDS}
    assert not long, long
    assert len(set(titles.values())) == len(titles), "each chart has its own headline"
