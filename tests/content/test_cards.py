"""Share cards for every page in both languages, from the data; written to test-artifacts/cards/."""

import io
from pathlib import Path

import pytest
from PIL import Image

from techmoney.words import facts
from techmoney.content.cards import card_for
from techmoney.words.site import PAGE_IDS as PAGES
from techmoney.data.dataset import load_dataset
from techmoney.words.formatting import usd
from techmoney.words.i18n import t
from techmoney.content.share_card import render_card

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
    assert spec.title == "تايلر وينكليفوس"
    assert spec.camp_color == camp["color"]
    assert spec.key_figure.endswith(t("qualifier_at_least", "ar")), "«… على الأقل», not a ≥ that flips"


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
