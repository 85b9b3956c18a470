"""The view lives in the link: what a reader picks in the UI is in the URL, opening that URL in a
fresh browser shows the same view, and a hostile hand-written URL shows the default view plus a
notice, with nothing executed."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from techmoney.words.i18n import t
from tests.conftest import page_title
from tests.e2e import CAMPS

CAMP_LABELS = {
    "ar": {"pro_harris": "مؤيدو هاريس", "pro_trump": "مؤيدو ترامب", "skeptic": "المتشككون", "context": "أطراف أخرى"},
    "en": {"pro_harris": "Pro-Harris", "pro_trump": "Pro-Trump", "skeptic": "Skeptics", "context": "Others"},
}
ACTOR = {"ar": "ريد هاستينغز", "en": "Reed Hastings"}

_VIEW_JS = """() => ({
  chips: [...document.querySelectorAll('[data-testid="stSidebar"] [data-testid="stMultiSelect"] [data-tag]')]
           .map(el => el.getAttribute('aria-label')),
  actor: document.querySelector('[data-testid="stSelectbox"] input[role="combobox"]')?.value ?? null,
  title: document.querySelector('[data-testid="stMain"] h1')?.innerText.trim() ?? null,
  direction: getComputedStyle(document.querySelector('[data-testid="stMain"]')).direction,
  subheadings: [...document.querySelectorAll('[data-testid="stMain"] h2, [data-testid="stMain"] h3')].map(h => h.innerText.trim()),
  lang: [...document.querySelectorAll('[data-testid="stMain"] .tm-prose[lang]')].map(p => p.lang).slice(0, 1),
  language: document.querySelector('[data-testid="stMain"] [data-testid="stButtonGroup"] [role="radio"][aria-checked="true"]')?.innerText.trim() ?? null,
  // Reruns must keep the document title and the wide layout.
  documentTitle: document.title,
  mainWidth: Math.round(document.querySelector('[data-testid="stMainBlockContainer"]').getBoundingClientRect().width),
})"""


def _view(visit) -> dict:
    return visit.page.evaluate(_VIEW_JS)


def _after_rerun(visit, url_has: str) -> None:
    visit.page.wait_for_url(lambda url: url_has in url, timeout=30_000)
    visit.wait_ready(charts=True)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_ui_choices_round_trip_through_the_link(visit, lang):
    dropped = "context"
    first = visit("/donors", charts=True)
    page = first.page
    if lang == "en":  # the language control at the top of the page: the same view, in English
        page.locator('[data-testid="stMain"] [data-testid="stButtonGroup"]').get_by_role(
            "radio", name="English"
        ).click()
        _after_rerun(first, "lang=en")

    # Remove one camp chip in the sidebar multiselect, then pick a name in the selectbox.
    chip = CAMP_LABELS[lang][dropped]
    page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').get_by_role(
        "button", name=f"Remove {chip}", exact=True
    ).click()
    _after_rerun(first, "camp=")
    page.locator('[data-testid="stSelectbox"] input[role="combobox"]').click()
    page.get_by_role("option", name=ACTOR[lang], exact=True).click()
    _after_rerun(first, "actor=")

    kept = [c for c in CAMPS if c != dropped]
    want_query = {"camp": kept, "actor": ["hastings"], **({"lang": ["en"]} if lang == "en" else {})}
    assert first.path() == "/donors"
    assert first.query() == want_query
    before = _view(first)
    assert before["chips"] == [CAMP_LABELS[lang][c] for c in kept]
    assert before["actor"] == ACTOR[lang]
    assert before["lang"] == [lang] and before["language"] == t(f"lang_{lang}", lang)
    assert before["documentTitle"] == "أموال التكنولوجيا 2024 | Tech Money 2024"
    assert t("actor_records", lang, name=ACTOR[lang]) in before["subheadings"]
    assert first.problems() == []

    # The same link in a brand-new browser context (no cookies, no session) shows the same view.
    link = urlsplit(first.page.url)
    second = visit(f"{link.path}?{link.query}", charts=True, fresh=True)
    assert second.path() == "/donors"
    assert second.query() == want_query, "the app rewrote a link it had written itself"
    after = _view(second)
    assert after == before
    assert after["title"] == page_title("donors", lang)
    assert after["direction"] == ("rtl" if lang == "ar" else "ltr")
    assert second.page.locator('[data-testid="stAlert"]').count() == 0, "a link the app wrote raised a notice"
    assert second.problems() == []


HOSTILE = "lang=xx&camp=%3Cscript%3Ealert(1)%3C/script%3E&actor=nobody"
PAYLOAD = "<script>alert(1)</script>"


@pytest.mark.parametrize("path", ["/", "/donors"])
def test_hostile_link_shows_default_view_and_notice(visit, path):
    hostile = visit(f"{path}?{HOSTILE}", charts=True)
    page = hostile.page
    page.wait_for_timeout(500)  # give a (would-be) injected script time to fire
    assert hostile.dialogs == [], "a dialog fired: the payload ran"

    injected = page.evaluate(
        """(payload) => ({
          scripts: [...document.querySelectorAll('script')].filter(s => s.textContent.includes('alert(') || (s.src || '').includes('alert')).length,
          rawInBody: document.body.innerHTML.includes(payload),
          notices: [...document.querySelectorAll('[data-testid="stAlert"]')].map(a => a.innerText),
        })""",
        PAYLOAD,
    )
    assert injected["scripts"] == 0
    assert not injected["rawInBody"], "the payload is in the DOM as markup, not as escaped text"
    notices = "\n".join(injected["notices"])
    assert PAYLOAD in notices, f"the dropped camp value should be named, as text: {notices!r}"
    assert "xx" in notices and "nobody" in notices, notices

    view = _view(hostile)
    assert view["lang"] == ["ar"] and view["language"] == t("lang_ar", "ar")
    assert view["direction"] == "rtl"
    assert view["chips"] == list(CAMP_LABELS["ar"].values())
    if path == "/donors":
        assert view["actor"] == ""  # nothing selected: the placeholder shows
    assert hostile.path() == path
    assert hostile.query() == {}, "the URL should be rewritten to the default view"
    assert hostile.problems() == []
