"""Every view shares itself, on a phone and a desktop, in both languages: a camp-filtered Donors view's card
and preview show someone that view shows; taking a donor's camp away (with the camp buttons at the top of
the page, or the sidebar) takes the donor out of the link; the camp buttons are in the first screenful of a
phone; <html lang dir> are the page's language, also after a switch inside the app; the names are a
searchable grid whose filed gifts link to the public record."""

from __future__ import annotations

import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest

from techmoney.content import cards, share_card
from techmoney.data.dataset import shared_dataset
from techmoney.words import facts
from techmoney.words.i18n import t
from tests.e2e import DESKTOP, LANGS, PHONE, page_url
from tests.e2e.conftest import READY_TIMEOUT
from tests.link_preview import query_of, read_html

SIZES = [pytest.param(PHONE, id="390"), pytest.param(DESKTOP, id="1280")]
DIRECTION = {"ar": "rtl", "en": "ltr"}


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read()


def _givers(camp: str) -> list[str]:
    money, dataset = shared_dataset().money_facts, shared_dataset()
    return [
        payer for payer in money.loc[money["kind"] == "donation", "payer_id"] if facts.camp_of(dataset, payer) == camp
    ]


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query, keep_blank_values=True)


def _wait_for_query(page, test) -> dict[str, list[str]]:
    """The address bar once ``test(query)`` holds (the app rewrites it after its run)."""
    for _ in range(120):
        if test(_query(page)):
            return _query(page)
        page.wait_for_timeout(250)
    raise AssertionError(f"the link never changed as expected: {page.url}")


@pytest.mark.parametrize("viewport", SIZES)
@pytest.mark.parametrize("lang", LANGS)
def test_a_pro_trump_donors_view_shares_a_pro_trump_card(shared_visit, app_server, lang, viewport):
    """/donors?camp=pro_trump: the page's card link, and the preview's image, are a pro-Trump giver's card."""
    visit = shared_visit(page_url("/donors", lang, "camp=pro_trump"), viewport=viewport, charts=True)
    assert visit.problems() == []
    links = visit.page.locator('[data-testid="stMain"] a[href*="download/card/donors.png"]')
    assert links.count() == 1
    href = links.first.get_attribute("href")
    assert query_of(href)["camp"] == ["pro_trump"] and "actor" not in query_of(href)
    png = _get(f"{app_server.base_url}/{href.lstrip('/')}")
    dataset = shared_dataset()
    expected = {
        share_card.render_card(cards.card_for("donors", dataset, lang, giver)) for giver in _givers("pro_trump")
    }
    assert png in expected, "the card of a pro-Trump giver"
    preview = read_html(_get(app_server.base_url + page_url("/donors", lang, "camp=pro_trump")).decode())
    assert _get(preview.one("og:image")) == png
    visit.screenshot("donors-pro_trump", lang, "phone" if viewport is PHONE else "desktop")


@pytest.mark.parametrize(
    ("lang", "viewport"), [pytest.param("ar", PHONE, id="ar-390"), pytest.param("en", DESKTOP, id="en-1280")]
)
def test_taking_away_the_donors_camp_takes_the_donor_out_of_the_link(visit, lang, viewport):
    """On a phone with the camp buttons at the top of the page, on a desktop with the sidebar's chips (one language
    each: the labels differ, not the controls)."""
    dataset = shared_dataset()
    donor = _givers("pro_harris")[0]
    tab = visit(page_url("/donors", lang, f"actor={donor}"), viewport=viewport, charts=True)
    assert _query(tab.page)["actor"] == [donor]
    label = facts.camp_label(dataset, "pro_harris", lang)
    if viewport is PHONE:
        pills = tab.page.locator('.st-key-tm-camps [data-testid="stButtonGroup"] button', has_text=label)
        assert pills.count() == 1 and pills.first.is_visible()
        pills.first.click()
    else:
        chip = tab.page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"] [data-tag]', has_text=label)
        chip.locator('[role="presentation"], svg').last.click()
    query = _wait_for_query(tab.page, lambda q: "camp" in q)
    assert "actor" not in query and "pro_harris" not in query["camp"]
    tab.wait_ready(charts=True)
    card = tab.page.locator('[data-testid="stMain"] a[href*="download/card/donors.png"]').first.get_attribute("href")
    assert "actor" not in query_of(card) and "pro_harris" not in query_of(card)["camp"]
    name = facts.actor_name(dataset, donor, lang)
    assert t("actor_records", lang, name=name) not in tab.page.locator('[data-testid="stMain"]').inner_text()
    assert tab.problems() == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_camps_are_in_the_first_screenful_of_a_phone_where_the_standfirst_says(shared_visit, lang):
    visit = shared_visit(page_url("/", lang), viewport=PHONE, charts=True)
    buttons = visit.page.locator('.st-key-tm-camps [data-testid="stButtonGroup"] button')
    labels = [facts.camp_label(shared_dataset(), camp, lang) for camp in shared_dataset().camps["camp_id"]]
    shown = [text.strip() for text in buttons.all_inner_texts() if text.strip()]  # not the help icon
    assert shown == labels
    for label in labels:
        box = buttons.filter(has_text=label).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] and box["y"] < PHONE["height"] / 3, (
            box
        )
    label = visit.page.locator(".st-key-tm-camps").inner_text()
    assert t("camp_filter", lang) in label
    assert t("camp_filter", lang) in t("story_intro_pick_above", lang)
    assert t("story_intro_pick_above", lang) in visit.page.locator('[data-testid="stMain"]').inner_text()
    visit.screenshot("story-camps", lang, "phone")


def test_html_lang_and_dir_are_the_pages_language_also_after_switching_in_the_app(visit):
    """On a phone: the same script sets <html lang dir> at every width."""
    tab = visit(page_url("/donors", "en"), viewport=PHONE, charts=True)
    lang_dir = "() => [document.documentElement.lang, document.documentElement.dir]"
    assert tab.page.evaluate(lang_dir) == ["en", "ltr"]
    control = tab.page.locator('[data-testid="stMain"] [data-testid="stButtonGroup"]').get_by_role(
        "radio", name=t("lang_ar", "ar")
    )
    control.click()
    tab.page.wait_for_function(
        "() => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl'", timeout=READY_TIMEOUT
    )
    tab.page.locator('[data-testid="stMain"] [data-testid="stButtonGroup"]').get_by_role(
        "radio", name=t("lang_en", "en")
    ).click()
    tab.page.wait_for_function(
        "() => document.documentElement.lang === 'en' && document.documentElement.dir === 'ltr'", timeout=READY_TIMEOUT
    )
    tab.wait_ready(charts=True)
    assert tab.page.evaluate(lang_dir) == ["en", "ltr"]
    assert tab.problems() == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_names_are_a_searchable_grid_and_a_filed_gift_links_to_its_public_record(shared_visit, lang):
    visit = shared_visit(page_url("/donors", lang, "camp=pro_trump"), viewport=DESKTOP, charts=True)
    grid = visit.page.locator('[data-testid="stMain"] [data-testid="stDataFrame"]')
    assert grid.count() == 1 and grid.is_visible()
    grid.hover()
    search = visit.page.locator('[data-testid="stElementToolbar"] button[aria-label^="Search"]')
    assert search.count() >= 1
    links = visit.page.locator('[data-testid="stMain"] .tm-table a[href^="https://www.fec.gov/"]')
    assert links.count() == len(shared_dataset().public_records)
    assert {links.nth(i).text_content().strip() for i in range(links.count())} == {
        t("record_link", lang)
    }  # closed: no inner_text
    visit.screenshot("donors-grid", lang, "desktop")
