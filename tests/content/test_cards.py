"""Share cards for every page in both languages, from the data; written to test-artifacts/cards/."""

import io
from pathlib import Path

import pytest
from PIL import Image

from techmoney.words import facts
from techmoney.content.cards import card_for
from techmoney.words.site import PAGE_IDS as PAGES
from techmoney.data.dataset import load_dataset
from techmoney.data.schema import CAMPS
from techmoney.words.formatting import date_words, usd
from techmoney.words.i18n import t
from techmoney.content.share_card import ELLIPSIS, layout_card, render_card

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "cards"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_a_card_in_both_languages(dataset, page, lang):
    png = render_card(card_for(page, dataset, lang))
    image = Image.open(io.BytesIO(png))
    assert image.size == (1200, 630)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"page-{page}-{lang}.png").write_bytes(png)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_money_card_shows_the_part_over_the_cap_as_a_minimum_with_its_assumption(dataset, lang):
    gift = facts.fact(dataset, "gift_cameron_btc")["amount"]
    limit = facts.fact(dataset, "limit_trump47_person")["amount"]
    spec = card_for("money", dataset, lang)
    assert spec.key_figure == t("cap_at_least", lang, amount=usd(gift - limit, lang))
    assert spec.qualifier == t("allocation_card_qualifier", lang)
    assert "≥" not in spec.key_figure


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
def test_a_super_pac_gift_card_says_where_super_pac_comes_from(dataset, lang):
    for spec in (card_for("donors", dataset, lang), card_for("donors", dataset, lang, actor_id="hastings")):
        assert t("super_pac_source", lang).lower() in spec.qualifier.lower()
        assert t("qualifier_exact", lang) not in spec.qualifier
        assert spec.title.count("ذا إنفورميشن" if lang == "ar" else "The Information") == 0, "said once, below"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_timeline_card_shows_a_timeline_item_with_its_source(dataset, lang):
    event = dataset.by_id("events")[facts.TIMELINE_CARD_EVENT]
    spec = card_for("timeline", dataset, lang)
    assert spec.title == event[f"label_{lang}"]
    assert spec.key_figure == date_words(event["date"], event["date_precision"], lang)
    assert ("X" in spec.qualifier) and ("سجل عام" in spec.qualifier if lang == "ar" else "public record" in spec.qualifier)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_sources_card_shows_the_shares_working_and_assumption(dataset, lang):
    spec = card_for("sources", dataset, lang)
    gift = usd(facts.fact(dataset, facts.HASTINGS_FACT)["amount"], lang, compact=True)
    assert f"{gift} ÷ " in spec.qualifier
    assert facts.fact_text(facts.fact(dataset, facts.GOAL_FACT), lang) in spec.qualifier
    assert ("يُحتسب ضمن هذا التقدير" if lang == "ar" else "counts toward that estimate") in spec.qualifier


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
            camp = dataset.camps.set_index("camp_id").loc[actor["camp"]]
            assert spec.key_figure == camp[f"label_{lang}"] and actor[f"role_{lang}"] == spec.qualifier


@pytest.mark.parametrize("camp", CAMPS)
def test_the_donors_card_of_a_camp_filtered_view_is_someone_in_those_camps(dataset, camp):
    spec = card_for("donors", dataset, "en", camps=(camp,))
    assert spec.camp_color == facts.camp_color(dataset, camp)
    names = {row["name_en"]: row["camp"] for row in dataset.by_id("actors").values()}
    assert any(shown_camp == camp for name, shown_camp in names.items() if name in spec.title), spec.title
