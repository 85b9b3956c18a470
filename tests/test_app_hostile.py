"""Hostile links against the running app (Streamlit AppTest, in process).

Every raw query string of tests/hostile_inputs.py, on every page, then a Hypothesis sample of
generated queries on random pages: the app never raises, bad values fall back to the defaults, a
dropped value is named in a notice, and the link is rewritten to the view actually shown. The
notices go through st.warning, which renders Markdown: a payload must come out as literal text.

The expected view is computed here from the rules in components/url_state.py's docstring (not by
calling the parser), so the app and this oracle check each other.
"""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from components.charts import CHART_IDS
from components.dataset import load_dataset
from components.i18n import t
from components.url_state import CAMPS, MAX_NOTICES, safe_display
from tests.conftest import DATA, PAGE_TITLE_KEYS, PAGES, count, language_links, make_app_test, page_titles
from tests.hostile_inputs import HOSTILE_QUERY_STRINGS, LONG_10K, XSS_PAYLOADS, parse_qs_lists

ACTOR_IDS = tuple(load_dataset(DATA).actors["actor_id"])
LANGS = ("ar", "en")
MAX_VALUE_LENGTH = 200  # documented: longer values are rejected
STREAMLIT_EMBED_KEYS = {"embed", "embed_options"}  # Streamlit hides these from st.query_params
KNOWN = {"lang": LANGS, "actor": ACTOR_IDS, "chart": CHART_IDS}
DEFAULTS = {"lang": "ar", "actor": None, "chart": None}


# --------------------------------------------------------------------------- the oracle


def expected(params: dict[str, list[str]]) -> tuple[dict, set[str], bool]:
    """(view, keys whose values were dropped, whether any notice is due) for a parsed query."""
    view = {"lang": "ar", "camps": CAMPS, "actor": None, "chart": None}
    dropped_keys: set[str] = set()
    unknown_keys = False
    for key, values in params.items():
        if key in KNOWN:
            valid = []
            for raw in values:
                value = raw.strip()
                if len(raw) > MAX_VALUE_LENGTH:
                    dropped_keys.add(key)
                    continue
                if not value:
                    continue
                if key == "lang" and value.isascii():
                    value = value.lower()
                if value in KNOWN[key]:
                    valid.append(value)
                else:
                    dropped_keys.add(key)
            if len(set(valid)) > 1:
                dropped_keys.add(key)  # repeated key with different valid values: the last one wins
            view[key] = valid[-1] if valid else DEFAULTS[key]
        elif key == "camp":
            given_values = [raw for raw in values if len(raw) > MAX_VALUE_LENGTH or raw.strip()]  # blanks: "none"
            if any(len(raw) > MAX_VALUE_LENGTH or raw.strip() not in CAMPS for raw in given_values):
                dropped_keys.add("camp")
            valid = {raw.strip() for raw in given_values if len(raw) <= MAX_VALUE_LENGTH and raw.strip() in CAMPS}
            # Every given value bad: all camps; only blanks (camp=): none; otherwise the valid ones.
            view["camps"] = CAMPS if given_values and not valid else tuple(c for c in CAMPS if c in valid)
        elif key.strip().lower() in STREAMLIT_EMBED_KEYS:
            continue
        else:
            unknown_keys = True
    return view, dropped_keys, bool(dropped_keys) or unknown_keys


def expected_url(view: dict) -> dict[str, list[str]]:
    url: dict[str, list[str]] = {}
    if view["lang"] != "ar":
        url["lang"] = [view["lang"]]
    if view["camps"] != CAMPS:
        url["camp"] = list(view["camps"]) or [""]
    if view["actor"]:
        url["actor"] = [view["actor"]]
    if view["chart"]:
        url["chart"] = [view["chart"]]
    return url


def other_lang(lang: str) -> str:
    return "en" if lang == "ar" else "ar"


def url_after(at) -> dict[str, list[str]]:
    return {
        key: value if isinstance(value, list) else [value]
        for key, value in at.query_params.items()
        if key.lower() not in STREAMLIT_EMBED_KEYS
    }


def check_run(at, params: dict[str, list[str]], page: str) -> None:
    """The assertions every hostile run must pass."""
    assert not at.exception, [e.value for e in at.exception]
    view, dropped_keys, notice_due = expected(params)
    lang = view["lang"]
    assert page_titles(at) == [t(PAGE_TITLE_KEYS[page], lang)]
    assert [link["hreflang"] for link in language_links(at)] == [other_lang(lang)]
    assert at.sidebar.multiselect[0].value == list(view["camps"])
    if page == "donors":
        assert at.selectbox[0].value == view["actor"]
    notices = [warning.value for warning in at.warning]
    assert bool(notices) == notice_due, notices
    assert len(notices) <= MAX_NOTICES
    assert all(len(n) < 600 for n in notices), "a notice must not echo a huge value"
    if len(notices) < MAX_NOTICES:  # below the cap, every key with a dropped value is named
        for key in dropped_keys:
            assert any(key in n for n in notices), f"no notice names {key!r}: {notices}"
    assert url_after(at) == expected_url(view)


# --------------------------------------------------------------------------- every hostile query x page


@pytest.mark.parametrize("page", list(PAGES))
def test_every_hostile_query_string_on_every_page(page):
    started = time.perf_counter()
    for qs in HOSTILE_QUERY_STRINGS:
        params = parse_qs_lists(qs)
        at = make_app_test(query=params, page=page).run()
        try:
            check_run(at, params, page)
        except AssertionError as err:
            raise AssertionError(f"query {qs[:120]!r} on {page}: {err}") from err
        count("hostile query strings tried (fixed list x pages)")
    print(f"{len(HOSTILE_QUERY_STRINGS)} hostile query strings on {page} in {time.perf_counter() - started:.1f}s")


def test_the_hostile_list_covers_the_cases_the_brief_names():
    joined = "\n".join(HOSTILE_QUERY_STRINGS)
    assert "camp=<script>" in HOSTILE_QUERY_STRINGS and "lang=xx" in HOSTILE_QUERY_STRINGS
    assert any(len(qs) > 10_000 for qs in HOSTILE_QUERY_STRINGS)
    assert "lang=en&lang=ar" in joined


@pytest.mark.parametrize(
    ("qs", "key"),
    [
        ("lang=xx", "lang"),
        ("camp=<script>", "camp"),
        ("actor=" + "a" * 10240, "actor"),
        ("camp=" + quote(LONG_10K), "camp"),
        ("lang=en&lang=ar", "lang"),
        ("chart=nope", "chart"),
    ],
    ids=["lang=xx", "camp=<script>", "actor=10kB", "camp=10kB", "repeated-lang", "chart=nope"],
)
def test_a_dropped_value_is_named_and_the_default_is_used(qs, key):
    params = parse_qs_lists(qs)
    at = make_app_test(query=params, page="story").run()
    assert not at.exception
    notices = [warning.value for warning in at.warning]
    assert len(notices) == 1 and key in notices[0]
    if key == "lang" and "xx" in qs:
        assert page_titles(at) == [t("app_title", "ar")]
    if key == "camp":
        assert at.sidebar.multiselect[0].value == list(CAMPS)
    assert url_after(at) == expected_url(expected(params)[0])


def test_an_unknown_key_notice_names_the_key():
    at = make_app_test(query={"lang": "en", "colour": "red"}, page="story").run()
    assert not at.exception
    notices = [warning.value for warning in at.warning]
    assert len(notices) == 1
    assert "colour" in notices[0]


# --------------------------------------------------------------------------- notices render as literal text


class _Rendered(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def render_markdown(body: str) -> _Rendered:
    """CommonMark as a permissive renderer would show it: raw HTML passed, every link scheme kept."""
    md = MarkdownIt("commonmark", {"html": True})
    md.validateLink = lambda url: True  # keep javascript: links, so the test sees them if made
    parsed = _Rendered()
    parsed.feed(md.render(body))
    parsed.close()
    return parsed


# Characters that start Markdown, HTML, entity or Streamlit syntax (math $, :directives[], ~~).
ACTIVE = set("\\`*_[]()<>#!|~$:&")


def _unescape_markdown(text: str) -> tuple[str, list[str]]:
    """CommonMark backslash escapes removed, and the active characters left unescaped."""
    out, bare, i = [], [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append(text[i + 1])
            i += 2
            continue
        if text[i] in ACTIVE:
            bare.append(text[i])
        out.append(text[i])
        i += 1
    return "".join(out), bare


@pytest.mark.parametrize(
    ("key", "lang"), [("camp", "ar"), ("camp", "en"), ("actor", "ar"), ("actor", "en"), ("lang", "ar")]
)
def test_a_payload_in_a_notice_is_shown_literally(key, lang):
    tried = 0
    for payload in XSS_PAYLOADS:
        # A bad lang falls back to Arabic; otherwise the notice is in the language asked for.
        query, notice_lang = ({"lang": payload}, "ar") if key == "lang" else ({"lang": lang, key: payload}, lang)
        at = make_app_test(query=query, page="story").run()
        assert not at.exception
        notices = [warning.value for warning in at.warning]
        assert len(notices) == 1, (payload, notices)
        body = notices[0]
        shown = safe_display(payload)
        reason = "notice_too_long" if len(payload) > MAX_VALUE_LENGTH else "notice_dropped"
        # Split the body along its template, to look at the value part alone.
        template = t(reason, notice_lang, key="\0KEY\0", value="\0VALUE\0")
        pattern = re.escape(template).replace("\0KEY\0", "(?P<key>.*?)").replace("\0VALUE\0", "(?P<value>.*)")
        match = re.fullmatch(pattern, body, re.DOTALL)
        assert match, (payload, body)
        assert match.group("key") == key
        if reason == "notice_dropped":
            value, bare = _unescape_markdown(match.group("value"))
            assert value == shown, (payload, body)
            assert not bare, f"unescaped Markdown characters {bare} in the notice for {payload!r}: {body!r}"
        else:
            assert payload[:20] not in body
        rendered = render_markdown(body)
        assert [tag for tag, _ in rendered.tags] == ["p"], (payload, body)
        assert rendered.tags[0][1] == {}
        assert shown in "".join(rendered.text) or reason == "notice_too_long"
        tried += 1
    count("XSS payloads tried in URL notices", tried)


# --------------------------------------------------------------------------- generated queries

SPECIAL_CHARS = "\u200f\u200e\u202e\u202c\u2066\u2069\u061c\ufeff\u200d\u200b\x00\t\n\r %&=+#<>\"'`$:[](){}"
KEYS = st.one_of(
    st.sampled_from(["lang", "camp", "actor", "chart", "junk", "embed", "LANG", " camp", ""]),
    st.text(max_size=12),
)
VALUES = st.one_of(
    st.sampled_from(["ar", "en", "EN", " en ", "", *CAMPS, "PRO_TRUMP", "hastings", "winklevoss_tyler", *CHART_IDS]),
    st.text(max_size=40),
    st.text(alphabet=st.sampled_from(SPECIAL_CHARS + "abc_عربي"), max_size=40),
    st.sampled_from(XSS_PAYLOADS),
    st.builds(lambda unit, n: (unit * n)[: 10_240], st.text(min_size=1, max_size=8), st.integers(30, 10_240)),
    st.sampled_from(CAMPS).map(lambda c: f"\u200f{c}"),
)
QUERIES = st.dictionaries(KEYS, st.lists(VALUES, min_size=1, max_size=4), max_size=5)
GENERATED_EXAMPLES = 150


@settings(
    max_examples=GENERATED_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
@given(params=QUERIES, page=st.sampled_from(list(PAGES)))
def test_generated_queries_never_break_a_page(params, page):
    at = make_app_test(query=params, page=page).run()
    check_run(at, params, page)
    count("generated query dicts tried (hypothesis)")
