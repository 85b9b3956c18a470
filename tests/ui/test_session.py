"""The link's view, wired into the running app (Streamlit AppTest, in process).

The URL parser itself is fuzzed without an app in tests/site/test_url_state.py (fixed hostile corpus and
Hypothesis); here a few hostile links check the wiring: the app shows the view the parser returns,
names each dropped value in a notice, and rewrites the link to the view actually shown.
"""

from __future__ import annotations

import pytest

from techmoney.data.dataset import load_dataset
from techmoney.site import addresses, links, url_state
from tests.conftest import DATA, make_app_test, page_title, page_titles
from tests.hostile_inputs import XSS_PAYLOADS, parse_qs_lists

DATASET = load_dataset(DATA)
HOSTILE_LINKS = [
    # bad values of every key at once, a 10 kB one among them
    "lang=EN&camp=<script>&camp=pro_trump&actor=" + "a" * 10240 + "&chart=%22%3E%3Csvg%20onload=alert(1)%3E",
    # an unknown key, a repeated key, a bidi override, Streamlit's own embed keys
    "%E2%80%AElang=en&lang=en&lang=ar&camp=skeptic&camp=PRO_HARRIS&embed_options=x&actor=winklevoss_cameron",
    # payloads only: everything falls back to the defaults
    "&".join(f"{key}={value}" for key, value in zip(("lang", "camp", "actor"), XSS_PAYLOADS, strict=False)),
]


@pytest.mark.parametrize("qs", HOSTILE_LINKS, ids=["bad-values", "unknown-and-repeated", "payloads"])
def test_a_hostile_link_shows_the_parsed_view_names_what_was_dropped_and_is_rewritten(qs):
    params = parse_qs_lists(qs)
    view, notices = links.parse_view(DATASET, params)
    at = make_app_test(query=params, page="donors").run()
    assert not at.exception
    assert page_titles(at) == [page_title("donors", view.lang)]
    assert at.button_group[0].value == view.lang
    assert at.sidebar.multiselect[0].value == list(view.camps)
    in_camps = view.actor is not None and DATASET.by_id("actors")[view.actor]["camp"] in view.camps
    assert at.selectbox[0].value == (view.actor if in_camps else None), "the picker follows the camps"
    warnings = [warning.value for warning in at.warning]
    assert notices and len(warnings) == len(notices) <= url_state.MAX_NOTICES
    for notice, warning in zip(notices, warnings, strict=True):
        # An unknown key is named by itself, an actor outside the camps by their name, the rest by their key.
        named = notice.shown_value if notice.reason in (url_state.UNKNOWN_KEY, url_state.OUTSIDE_CAMPS) else notice.key
        assert named.replace("_", "\\_") in warning or named in warning
    shown = {key: value for key, value in at.query_params.items() if key.lower() not in ("embed", "embed_options")}
    assert shown == {
        key: value[0] if isinstance(value, list) and len(value) == 1 else value
        for key, value in addresses.to_query_params(view).items()
    }


def test_the_notices_stay_for_the_session_and_the_link_is_read_only_once():
    at = make_app_test(query={"lang": "xx"}, page="money").run()
    assert len(at.warning) == 1
    at.switch_page("app_pages/timeline.py").run()
    assert not at.exception and len(at.warning) == 1, "the reader still sees why the link was not followed"
    at.query_params["lang"] = "en"
    at.run()
    assert page_titles(at) == [page_title("timeline", "ar")], "the widgets lead after the first run"
