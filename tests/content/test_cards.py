"""Share cards for every page in both languages, from the data; written to test-artifacts/cards/."""

import io
from pathlib import Path

import pytest
from PIL import Image

from techmoney.content.cards import card_for
from techmoney.content.share_card import ELLIPSIS, layout_card, render_card
from techmoney.data.dataset import load_dataset
from techmoney.data.schema import CAMPS
from techmoney.site.sitemap import PAGE_IDS as PAGES
from techmoney.words import facts
from techmoney.words.formatting import date_words, figure_text
from techmoney.words.i18n import t

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "cards"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


def _in_full(row, lang: str) -> str:
    """A money fact's amount with its bound, never shortened: how a card states it."""
    return figure_text(row["amount"], row["unit"], row["bound"], lang, compact=False)


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_a_card_in_both_languages(dataset, page, lang):
    png = render_card(card_for(page, dataset, lang))
    image = Image.open(io.BytesIO(png))
    assert image.size == (1200, 630)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"page-{page}-{lang}.png").write_bytes(png)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_money_card_stands_alone_who_how_much_to_whom_and_the_cap(dataset, lang):
    """Out of its page, the card names both twins, their gift each (at least, in bitcoin), the committee, whose
    record it is, the reported refund and the cap that caused it, each figure the article's."""
    money = dataset.by_id("money_facts")
    gift = money["gift_cameron_btc"]
    spec = card_for("money", dataset, lang)
    words = f"{spec.title} {spec.key_figure} {spec.qualifier}"
    assert ("التوأمان وينكليفوس" if lang == "ar" else "Cameron and Tyler Winklevoss") in spec.title
    assert ("ترامب 47" if lang == "ar" else "Trump 47") in spec.title
    assert _in_full(gift, lang) in spec.key_figure and "≥" not in spec.key_figure
    assert _in_full(money[facts.LIMIT_FACT], lang) in spec.qualifier
    assert ("بحسب ما ورد" if lang == "ar" else "reportedly") in words
    assert ("لجنة الانتخابات الفيدرالية" if lang == "ar" else "FEC") in spec.qualifier


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_card_shows_a_figure_the_article_gives(dataset, page, lang):
    """A share card's headline figure is the article's (an amount it gives, or the day its "Sunday" is), never one
    of our derivations."""
    spec = card_for(page, dataset, lang)
    article_amounts = [
        _in_full(row, lang) for row in dataset.by_id("money_facts").values() if row["qualifier"] != "derived"
    ]
    event = dataset.by_id("events")[facts.TIMELINE_CARD_EVENT]
    day = date_words(event["date"], event["date_precision"], lang)
    assert any(amount in spec.key_figure for amount in article_amounts) or spec.key_figure == day, spec.key_figure


def test_an_actor_card_carries_the_actor_and_camp_colour(dataset):
    spec = card_for("donors", dataset, "ar", actor_id="winklevoss_tyler")
    camp = dataset.camps.set_index("camp_id").loc["pro_trump"]
    assert "تايلر وينكليفوس" in spec.title
    assert spec.camp_color == camp["color"]
    assert spec.key_figure.endswith(t("qualifier_at_least", "ar")), "«… على الأقل», not a ≥ that flips"


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("twin", ["winklevoss_cameron", "winklevoss_tyler"])
def test_a_twins_card_says_no_less_than_its_page(dataset, twin, lang):
    """The recipient, bitcoin, whose record it is, the reported refund, and that the camp is our call."""
    spec = card_for("donors", dataset, lang, actor_id=twin)
    words = f"{spec.title} {spec.qualifier}"
    assert facts.actor_name(dataset, twin, lang) in spec.title
    assert facts.actor_name(dataset, "trump47", lang) in spec.title or "Trump 47" in spec.title
    assert ("بالبيتكوين" if lang == "ar" else "bitcoin") in spec.title
    assert t("status_refunded_in_part", lang).lower() in words.lower()
    assert ("لجنة الانتخابات الفيدرالية" if lang == "ar" else "FEC") in spec.qualifier
    assert spec.camp_label == t("card_camp_ours", lang, camp=facts.camp_label(dataset, "pro_trump", lang))


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_hastings_card_says_pac_as_the_report_does_and_whose_word_it_is(dataset, lang):
    for spec in (card_for("donors", dataset, lang), card_for("donors", dataset, lang, actor_id="hastings")):
        assert ("سوبر باك" if lang == "ar" else "super PAC") not in f"{spec.title} {spec.qualifier}", (
            "the report says PAC"
        )
        assert ("ذا إنفورميشن" if lang == "ar" else "The Information") in spec.qualifier
        assert "CNBC" in spec.qualifier
        assert t("qualifier_exact", lang) not in spec.qualifier
        assert spec.title.count("ذا إنفورميشن" if lang == "ar" else "The Information") == 0, "said once, below"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_timeline_card_tells_the_day_the_story_starts_with_its_source_and_no_camp(dataset, lang):
    event = dataset.by_id("events")[facts.TIMELINE_CARD_EVENT]
    spec = card_for("timeline", dataset, lang)
    assert ("بايدن" if lang == "ar" else "Biden") in spec.title and (
        "هاريس" if lang == "ar" else "Harris"
    ) in spec.title
    assert spec.key_figure == date_words(event["date"], event["date_precision"], lang)
    assert ("X" in spec.qualifier) and ("السجل العام" if lang == "ar" else "public record") in spec.qualifier
    assert spec.camp_label == "", "a date is no camp's"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_sources_card_names_the_report_and_leads_with_the_articles_figure(dataset, lang):
    spec = card_for("sources", dataset, lang)
    assert "CNBC" in spec.title
    assert spec.key_figure == _in_full(dataset.by_id("money_facts")[facts.GOAL_FACT], lang)
    assert ("تقدير" if lang == "ar" else "estimate") in spec.qualifier
    assert "٪" not in spec.key_figure + spec.qualifier and "%" not in spec.key_figure + spec.qualifier, "not our share"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_no_card_cuts_its_words_short(dataset, lang):
    """A card that ends its qualifier or title with an ellipsis says less than its page."""
    specs = [card_for(page, dataset, lang) for page in PAGES]
    specs += [card_for("donors", dataset, lang, actor_id=a) for a in dataset.by_id("actors")]
    for spec in specs:
        drawn = " ".join(box.text for box in layout_card(spec) if box.role in ("title", "qualifier", "key_figure"))
        assert ELLIPSIS not in drawn, (spec.title, spec.qualifier)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_actor_has_a_card_that_draws_and_one_without_an_amount_names_its_camp(dataset, lang):
    """A share link for any name previews its card, so every actor's card must draw (a long role once
    made the key figure too wide to fit)."""
    for actor_id, actor in dataset.by_id("actors").items():
        spec = card_for("donors", dataset, lang, actor_id=actor_id)
        assert render_card(spec).startswith(b"\x89PNG"), actor_id
        if not (dataset.money_facts["payer_id"] == actor_id).any():
            camp = dataset.camps.set_index("camp_id").loc[actor["camp"]][f"label_{lang}"]
            ours = t("card_camp_ours", lang, camp=camp)
            assert spec.key_figure == (ours if actor[f"camp_note_{lang}"] else camp), actor_id
            assert actor[f"role_{lang}"] == spec.qualifier


@pytest.mark.parametrize("camp", CAMPS)
def test_the_donors_card_of_a_camp_filtered_view_is_someone_in_those_camps(dataset, camp):
    spec = card_for("donors", dataset, "en", camps=(camp,))
    assert spec.camp_color == facts.camp_color(dataset, camp)
    names = {row["name_en"]: row["camp"] for row in dataset.by_id("actors").values()}
    assert any(shown_camp == camp for name, shown_camp in names.items() if name in spec.title), spec.title
