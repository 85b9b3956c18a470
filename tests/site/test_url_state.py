"""Tests of the pure URL-state parser (techmoney/site/url_state.py)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from techmoney.site.addresses import DEFAULT_LANG, ViewState, query_string, to_query_params
from techmoney.site.url_state import CAMPS, LANGS, MAX_VALUE_LENGTH, Notice, parse_view_state
from tests.hostile_inputs import (
    BIDI_OVERRIDE,
    HOSTILE_QUERY_STRINGS,
    LONG_10K,
    XSS_PAYLOADS,
    ZERO_WIDTH_JOINED,
    parse_qs_lists,
)

ACTORS = frozenset({"musk", "andreessen", "hoffman", "thiel"})
CHARTS = frozenset({"by_camp", "timeline", "top_donors"})
REASONS = {"unknown_value", "too_long", "unknown_key", "repeated_key"}
NOTICE_KEYS = {"lang", "camp", "actor", "chart", "?"}
SINGLE_KEYS = {"lang": LANGS, "actor": ACTORS, "chart": CHARTS}
DEFAULTS = {"lang": DEFAULT_LANG, "actor": None, "chart": None}

# Characters a shown value must never contain.
FORBIDDEN = (
    {chr(c) for c in range(0x00, 0x20)}
    | {chr(c) for c in range(0x7F, 0xA0)}
    | {chr(c) for c in range(0x200B, 0x2010)}
    | {chr(c) for c in range(0x202A, 0x202F)}
    | {chr(c) for c in range(0x2066, 0x206A)}
)


def parse(params):
    return parse_view_state(params, actor_ids=ACTORS, chart_ids=CHARTS)


def reasons(notices):
    return [(n.key, n.reason) for n in notices]


def assert_valid(state: ViewState, notices) -> None:
    assert state.lang in LANGS
    assert isinstance(state.camps, tuple)
    assert set(state.camps) <= set(CAMPS)
    assert list(state.camps) == [c for c in CAMPS if c in state.camps]  # ordered, no duplicates
    assert state.actor is None or state.actor in ACTORS
    assert state.chart is None or state.chart in CHARTS
    assert isinstance(notices, tuple)
    assert len(notices) <= 5
    for n in notices:
        assert isinstance(n, Notice)
        assert n.key in NOTICE_KEYS
        assert n.reason in REASONS
        assert isinstance(n.shown_value, str)
        assert len(n.shown_value) <= 41
        assert not (set(n.shown_value) & FORBIDDEN), repr(n.shown_value)
        assert all(unicodedata.category(ch) not in {"Cc", "Cf", "Cs"} for ch in n.shown_value)
        n.shown_value.encode("utf-8")  # renderable: no lone surrogates


# --------------------------------------------------------------------------------------------
# Table tests
# --------------------------------------------------------------------------------------------

LANG_CASES = [
    # params, expected lang, expected (key, reason) notices
    ({}, "ar", []),
    ({"lang": "en"}, "en", []),
    ({"lang": ["en"]}, "en", []),
    ({"lang": "EN"}, "en", []),
    ({"lang": "Ar"}, "ar", []),
    ({"lang": "  en\t"}, "en", []),
    ({"lang": "xx"}, "ar", [("lang", "unknown_value")]),
    ({"lang": "e n"}, "ar", [("lang", "unknown_value")]),
    ({"lang": ""}, "ar", []),
    ({"lang": []}, "ar", []),
    ({"lang": ["en", "ar"]}, "ar", [("lang", "repeated_key")]),
    ({"lang": ["ar", "en"]}, "en", [("lang", "repeated_key")]),
    ({"lang": ["en", "EN", "en"]}, "en", []),
    ({"lang": ["en", "xx"]}, "en", [("lang", "unknown_value")]),
    ({"lang": ["xx", "en"]}, "en", [("lang", "unknown_value")]),
    ({"lang": ["en", "xx", "ar"]}, "ar", [("lang", "unknown_value"), ("lang", "repeated_key")]),
    ({"lang": "\u200fen"}, "ar", [("lang", "unknown_value")]),  # RLM is not whitespace
    ({"lang": "ＥＮ"}, "ar", [("lang", "unknown_value")]),  # fullwidth letters are not "en"
    ({"LANG": "en"}, "ar", [("?", "unknown_key")]),  # keys are case-sensitive
]


@pytest.mark.parametrize(("params", "lang", "expected"), LANG_CASES)
def test_lang(params, lang, expected):
    state, notices = parse(params)
    assert state == ViewState(lang=lang)
    assert reasons(notices) == expected


CAMP_CASES = [
    ({}, CAMPS, []),
    ({"camp": "skeptic"}, ("skeptic",), []),
    ({"camp": ["skeptic"]}, ("skeptic",), []),
    ({"camp": ["context", "pro_harris"]}, ("pro_harris", "context"), []),
    ({"camp": ["pro_trump", "pro_trump", "pro_trump"]}, ("pro_trump",), []),
    ({"camp": list(reversed(CAMPS))}, CAMPS, []),
    ({"camp": ""}, (), []),
    ({"camp": [""]}, (), []),
    ({"camp": ["", ""]}, (), []),
    ({"camp": []}, (), []),
    ({"camp": ["", "skeptic"]}, ("skeptic",), []),
    ({"camp": [" skeptic "]}, ("skeptic",), []),
    ({"camp": ["pro_harris", "pro_harris", "bogus"]}, ("pro_harris",), [("camp", "unknown_value")]),
    ({"camp": ["bogus", "skeptic", "nope"]}, ("skeptic",), [("camp", "unknown_value")] * 2),
    ({"camp": ["bogus", "nope"]}, CAMPS, [("camp", "unknown_value")] * 2),
    ({"camp": "<script>"}, CAMPS, [("camp", "unknown_value")]),
    ({"camp": "PRO_HARRIS"}, CAMPS, [("camp", "unknown_value")]),  # ids are not case-folded
    ({"camp": ZERO_WIDTH_JOINED}, CAMPS, [("camp", "unknown_value")]),
    ({"camp": "pro_harris\x00"}, CAMPS, [("camp", "unknown_value")]),
    ({"camp": ["x" * 201]}, CAMPS, [("camp", "too_long")]),
    ({"camp": ["x" * 201, "context"]}, ("context",), [("camp", "too_long")]),
]


@pytest.mark.parametrize(("params", "camps", "expected"), CAMP_CASES)
def test_camp(params, camps, expected):
    state, notices = parse(params)
    assert state == ViewState(camps=camps)
    assert reasons(notices) == expected


@pytest.mark.parametrize("key", ["actor", "chart"])
@pytest.mark.parametrize(
    ("values", "expected_index", "expected"),
    [
        ([], None, []),
        ([""], None, []),
        (["  "], None, []),
        ([0], 0, []),
        ([" {0} "], 0, []),
        (["{0}", "{1}"], 1, [("repeated_key", "{0}")]),
        (["{0}", "{0}"], 0, []),
        (["{0}", "nope"], 0, [("unknown_value", "nope")]),
        (["nope"], None, [("unknown_value", "nope")]),
        (["{0}", ""], 0, []),
        (["{0}!"], None, [("unknown_value", "{0}!")]),
        (["{0U}"], None, [("unknown_value", "{0U}")]),  # no case folding for ids
    ],
)
def test_single_id_keys(key, values, expected_index, expected):
    ids = sorted(ACTORS if key == "actor" else CHARTS)

    def fill(v):
        if isinstance(v, int):
            return ids[v]
        return v.replace("{0}", ids[0]).replace("{1}", ids[1]).replace("{0U}", ids[0].upper())

    state, notices = parse({key: [fill(v) for v in values]})
    want = None if expected_index is None else ids[expected_index]
    assert getattr(state, key) == want
    assert state == ViewState(**{key: want})
    assert [(n.key, n.reason, n.shown_value) for n in notices] == [
        (key, reason, fill(shown)) for reason, shown in expected
    ]


def test_single_id_plain_string_value():
    state, notices = parse({"actor": "musk", "chart": "timeline"})
    assert state == ViewState(actor="musk", chart="timeline")
    assert notices == ()


def test_ids_come_from_caller():
    state, notices = parse_view_state({"actor": "musk"}, actor_ids=(), chart_ids=())
    assert state.actor is None
    assert reasons(notices) == [("actor", "unknown_value")]
    state, notices = parse_view_state({"chart": "x"}, actor_ids=(), chart_ids=["x"])
    assert state.chart == "x"
    assert notices == ()


@pytest.mark.parametrize(
    "params",
    [
        {"embed": "true"},
        {"embed": ["true", "false"]},
        {"embed_options": ["show_toolbar", "dark_theme"]},
        {"EMBED": "1", "Embed_Options": "x", "eMbEd": ""},
        {"embed": "<script>alert(1)</script>", "embed_options": "x" * 10000},
    ],
)
def test_streamlit_embed_keys_ignored(params):
    assert parse(params) == (ViewState(), ())


def test_embedded_chart():
    assert parse({"embed": "true", "chart": "by_camp"}) == (ViewState(chart="by_camp"), ())
    state, notices = parse({"embed": "true", "chart": "nope"})
    assert state == ViewState()
    assert notices == (Notice("chart", "nope", "unknown_value"),)


def test_unknown_keys():
    state, notices = parse({"foo": "1", "lang": "en", "": "x", "embedx": "1"})
    assert state == ViewState(lang="en")
    assert notices == (
        Notice("?", "foo", "unknown_key"),
        Notice("?", "", "unknown_key"),
        Notice("?", "embedx", "unknown_key"),
    )


def test_notices_capped_at_five():
    params = {f"k{i}": "v" for i in range(20)}
    params["camp"] = [f"bad{i}" for i in range(20)]
    params["lang"] = "en"
    state, notices = parse(params)
    assert state == ViewState(lang="en")
    assert len(notices) == 5
    assert [n.shown_value for n in notices] == ["k0", "k1", "k2", "k3", "k4"]  # in URL order

    state, notices = parse({"camp": [f"bad{i}" for i in range(20)] + ["skeptic"]})
    assert state == ViewState(camps=("skeptic",))
    assert [n.shown_value for n in notices] == ["bad0", "bad1", "bad2", "bad3", "bad4"]


def test_identical_notices_not_repeated():
    _, notices = parse({"camp": ["bogus", "bogus", "bogus"]})
    assert notices == (Notice("camp", "bogus", "unknown_value"),)


@pytest.mark.parametrize("key", ["lang", "camp", "actor", "chart"])
def test_too_long_values_rejected(key):
    valid = {"lang": "en", "camp": "skeptic", "actor": "musk", "chart": "timeline"}[key]
    # A valid id padded past the limit is rejected, not stripped/truncated into validity.
    padded = valid + " " * (MAX_VALUE_LENGTH + 1 - len(valid))
    assert len(padded) == MAX_VALUE_LENGTH + 1
    state, notices = parse({key: padded})
    assert state == ViewState()
    assert reasons(notices) == [(key, "too_long")]
    # Exactly at the limit it is still stripped and accepted.
    at_limit = valid + " " * (MAX_VALUE_LENGTH - len(valid))
    state, notices = parse({key: at_limit})
    assert state != ViewState()
    assert notices == ()
    # A long invalid value at the limit is "unknown", past it "too_long".
    assert reasons(parse({key: "z" * MAX_VALUE_LENGTH})[1]) == [(key, "unknown_value")]
    assert reasons(parse({key: "z" * (MAX_VALUE_LENGTH + 1)})[1]) == [(key, "too_long")]


# --------------------------------------------------------------------------------------------
# shown_value
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("bogus", "bogus"),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),  # not html-escaped here
        ("&lt;b&gt;", "&lt;b&gt;"),
        ("a" * 40, "a" * 40),
        ("a" * 41, "a" * 40 + "…"),
        ("a" * 200, "a" * 40 + "…"),
        (BIDI_OVERRIDE, "invoicetxt.exe"),
        (ZERO_WIDTH_JOINED, "pro_harris"),
        ("\u2066a\u2067b\u2068c\u2069", "abc"),
        ("\u202aa\u202bb\u202cc\u202dd", "abcd"),
        ("a\x00b\x1bc\x7fd\x85e\x9f", "abcde"),
        ("line1\nline2\r\n", "line1line2"),
        ("\u200e\u200f", ""),
        ("  padded  ", "padded"),
        ("مرحبا\u202e", "مرحبا"),
        ("e\u0301", "e\u0301"),  # combining marks are kept (not control characters)
        ("\ud800x", "x"),  # lone surrogate removed
    ],
)
def test_shown_value_is_safe(raw, shown):
    _, notices = parse({"camp": raw})
    assert [n.shown_value for n in notices] == [shown]


def test_shown_value_of_huge_value():
    _, notices = parse({"actor": LONG_10K, "x" * 100_000: "1"})
    assert reasons(notices) == [("actor", "too_long"), ("?", "unknown_key")]
    assert notices[0].shown_value == LONG_10K[:40] + "…"
    assert notices[1].shown_value == "x" * 40 + "…"


def test_shown_value_truncation_counts_visible_chars():
    # 100 zero-width chars then 30 letters: all 30 letters are shown, no ellipsis.
    _, notices = parse({"camp": "\u200b" * 100 + "b" * 30})
    assert notices[0].shown_value == "b" * 30


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
@pytest.mark.parametrize("key", ["lang", "camp", "actor", "chart", "?"])
def test_xss_payloads_are_dropped_with_safe_notices(payload, key):
    params = {payload: "1"} if key == "?" else {key: payload}
    state, notices = parse(params)
    assert state == ViewState()
    assert len(notices) == 1
    assert notices[0].key == key
    assert_valid(state, notices)


# --------------------------------------------------------------------------------------------
# to_query_params / query_string
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "params", "qs"),
    [
        (ViewState(), {}, ""),
        (ViewState(lang="en"), {"lang": "en"}, "lang=en"),
        (ViewState(camps=()), {"camp": [""]}, "camp="),
        (ViewState(camps=("skeptic",)), {"camp": ["skeptic"]}, "camp=skeptic"),
        (
            ViewState(lang="en", camps=("pro_harris", "context"), actor="musk", chart="timeline"),
            {"lang": "en", "camp": ["pro_harris", "context"], "actor": "musk", "chart": "timeline"},
            "lang=en&camp=pro_harris&camp=context&actor=musk&chart=timeline",
        ),
    ],
)
def test_to_query_params_and_query_string(state, params, qs):
    assert to_query_params(state) == params
    assert query_string(state) == qs
    assert parse(params) == (state, ())
    assert parse(parse_qs_lists(qs)) == (state, ())


def test_query_string_encodes_ids():
    state = ViewState(actor="a b&c=d/é")
    qs = query_string(state)
    assert qs == "actor=a+b%26c%3Dd%2F%C3%A9"
    assert parse_view_state(parse_qs_lists(qs), actor_ids={"a b&c=d/é"}, chart_ids=()) == (
        state,
        (),
    )


# --------------------------------------------------------------------------------------------
# Property tests
# --------------------------------------------------------------------------------------------

SPECIAL_CHARS = (
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi
    "\u200b\u200c\u200d\u200e\u200f\u061c\u2060\ufeff"  # zero-width, marks
    "\x00\x01\x1b\x7f\x80\x85\x9f\n\r\t \u00a0\u3000\u2028\u2029"  # controls, spaces
    "\u0301\u0651\u064b\u20dd"  # combining (Latin, Arabic, enclosing)
    "مرحباעברית<>\"'&=%;{}$"  # Arabic, Hebrew, markup
)
CHARS = st.one_of(
    st.characters(),  # any code point except surrogates
    st.characters(codec=None, categories=["Cs", "Cc", "Cf", "Mn", "Me", "Zl", "Zp"]),
    st.sampled_from(SPECIAL_CHARS),
)
TOKENS = [*LANGS, "EN", " en ", *CAMPS, *sorted(ACTORS), *sorted(CHARTS), ""]
SHORT_TEXT = st.one_of(st.text(CHARS, max_size=30), st.sampled_from(TOKENS))
LONG_TEXT = st.builds(lambda s, n: (s * n)[:20_000], st.text(CHARS, min_size=1, max_size=4), st.integers(1, 12_000))
TEXT = st.one_of(SHORT_TEXT, SHORT_TEXT, LONG_TEXT)
KEYS = st.one_of(
    st.sampled_from(["lang", "camp", "actor", "chart", "embed", "embed_options", "EMBED", "Lang"]),
    st.text(CHARS, max_size=20),
    LONG_TEXT,
)
VALUES = st.one_of(TEXT, st.lists(TEXT, max_size=8), st.tuples(TEXT, TEXT))
PARAMS = st.dictionaries(KEYS, VALUES, max_size=10)


def _value_list(v):
    return [v] if isinstance(v, str) else list(v)


def _valid(key: str, raw: str) -> bool:
    if len(raw) > MAX_VALUE_LENGTH:
        return False
    v = raw.strip()
    if key == "lang":
        return (v.lower() if v.isascii() else v) in LANGS
    if key == "camp":
        return v in CAMPS
    return v in SINGLE_KEYS[key]


def _is_empty(raw: str) -> bool:
    return len(raw) <= MAX_VALUE_LENGTH and raw.strip() == ""


def check_against_spec(params, state: ViewState, notices) -> None:
    """Independent statement of the rules, checked on any input."""
    assert_valid(state, notices)
    full = len(notices) == 5
    noticed = {n.key for n in notices}
    unknown_keys = [k for k in params if k not in SINGLE_KEYS and k != "camp"]
    for key in unknown_keys:
        if key.strip().lower() in {"embed", "embed_options"}:
            continue
        assert full or "?" in noticed, key
    for key in SINGLE_KEYS:
        if key not in params:
            assert getattr(state, key) == DEFAULTS[key]
            assert key not in noticed
            continue
        values = _value_list(params[key])
        valid = [v for v in values if _valid(key, v)]
        bad = [v for v in values if not _valid(key, v) and not _is_empty(v)]
        got = getattr(state, key)
        if valid:
            last = valid[-1].strip()
            assert got == (last.lower() if key == "lang" else last)
        else:
            assert got == DEFAULTS[key]
        if bad:
            assert full or key in noticed
        if not bad and len({v.strip().lower() for v in valid}) <= 1:
            assert key not in noticed
    if "camp" not in params:
        assert state.camps == CAMPS
        assert "camp" not in noticed
    else:
        values = _value_list(params["camp"])
        valid = {v.strip() for v in values if _valid("camp", v)}
        bad = [v for v in values if not _valid("camp", v) and not _is_empty(v)]
        if valid:
            assert set(state.camps) == valid
        elif bad:
            assert state.camps == CAMPS
        else:
            assert state.camps == ()
        assert (full or "camp" in noticed) if bad else ("camp" not in noticed)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PARAMS)
@example({"camp": "\u202e" * 300, "\u200b" * 50: ["\x00"] * 3})
@example({"lang": ["en", "\u0301ar", "AR"], "actor": "musk\u200d"})
@example({"camp": [], "lang": [], "actor": [], "x": []})
def test_property_never_raises_and_state_is_valid(params):
    state, notices = parse(params)
    check_against_spec(params, state, notices)


VIEW_STATES = st.builds(
    ViewState,
    lang=st.sampled_from(LANGS),
    camps=st.sets(st.sampled_from(CAMPS)).map(lambda s: tuple(c for c in CAMPS if c in s)),
    actor=st.none() | st.sampled_from(sorted(ACTORS)),
    chart=st.none() | st.sampled_from(sorted(CHARTS)),
)


@settings(max_examples=300, deadline=None)
@given(VIEW_STATES)
def test_property_round_trip(state):
    params = to_query_params(state)
    assert parse(params) == (state, ())
    assert parse(parse_qs_lists(query_string(state))) == (state, ())
    # Only non-default values are written.
    defaults = ViewState()
    assert ("lang" in params) == (state.lang != defaults.lang)
    assert ("camp" in params) == (state.camps != defaults.camps)
    assert ("actor" in params) == (state.actor is not None)
    assert ("chart" in params) == (state.chart is not None)


@settings(max_examples=200, deadline=None)
@given(VIEW_STATES, st.permutations(["lang", "camp", "actor", "chart"]))
def test_property_key_order_does_not_matter(state, order):
    params = to_query_params(state)
    reordered = {k: params[k] for k in order if k in params}
    assert parse(reordered) == (state, ())


# --------------------------------------------------------------------------------------------
# The shared hostile corpus
# --------------------------------------------------------------------------------------------


def test_parse_qs_lists():
    assert parse_qs_lists("?camp=a&camp=&lang=en") == {"camp": ["a", ""], "lang": ["en"]}
    assert parse_qs_lists("") == {}
    assert parse_qs_lists("%ZZ") == {"%ZZ": [""]}


@pytest.mark.parametrize("qs", HOSTILE_QUERY_STRINGS, ids=lambda q: q[:40])
def test_hostile_query_strings(qs):
    params = parse_qs_lists(qs)
    state, notices = parse(params)
    check_against_spec(params, state, notices)
    # Anything that is not the default came from a valid value in the URL.
    if state.lang != DEFAULT_LANG:
        assert any(_valid("lang", v) for v in params.get("lang", []))
    if state.camps != CAMPS:
        assert "camp" in params


@pytest.mark.parametrize(
    ("qs", "state", "expected"),
    [
        ("lang=xx", ViewState(), [("lang", "unknown_value", "xx")]),
        ("lang=en&lang=ar", ViewState(), [("lang", "repeated_key", "en")]),
        ("camp=<script>", ViewState(), [("camp", "unknown_value", "<script>")]),
        (
            "camp=pro_harris&camp=pro_harris&camp=bogus",
            ViewState(camps=("pro_harris",)),
            [("camp", "unknown_value", "bogus")],
        ),
        ("camp=%00", ViewState(), [("camp", "unknown_value", "")]),
        ("camp=", ViewState(camps=()), []),
        ("embed=true&chart=nope", ViewState(), [("chart", "unknown_value", "nope")]),
        ("%ZZ", ViewState(), [("?", "unknown_key", "%ZZ")]),
        ("lang=%E2%80%8Fen", ViewState(), [("lang", "unknown_value", "en")]),
        ("%E2%80%AElang=en", ViewState(), [("?", "unknown_key", "lang")]),
        ("actor=" + "a" * 10240, ViewState(), [("actor", "too_long", "a" * 40 + "…")]),
    ],
)
def test_hostile_query_strings_exact(qs, state, expected):
    assert qs in HOSTILE_QUERY_STRINGS
    got_state, notices = parse(parse_qs_lists(qs))
    assert got_state == state
    assert [(n.key, n.reason, n.shown_value) for n in notices] == expected


# --------------------------------------------------------------------------------------------
# Purity
# --------------------------------------------------------------------------------------------
