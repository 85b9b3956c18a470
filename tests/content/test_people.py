"""The Donors & camps content: who is in the chosen camps, why, and what is on record for one actor."""

from urllib.parse import parse_qs, urlsplit

import pytest

from techmoney.content.html import render
from techmoney.content.people import actor_records, actors_table, record_column
from techmoney.data.dataset import load_dataset
from techmoney.words.bound import Words
from techmoney.words.formatting import usd
from techmoney.words.i18n import t

DATASET = load_dataset()
ACTORS = DATASET.actors.set_index("actor_id")


def test_the_actors_table_follows_the_camp_filter():
    trump = actors_table(Words(DATASET, "en"), ("pro_trump",))
    harris = actors_table(Words(DATASET, "en"), ("pro_harris",))
    assert "hastings" not in trump.index and "hastings" in harris.index
    assert "musk" in trump.index
    assert actors_table(Words(DATASET, "en"), ()).empty


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_reason_for_a_judgement_call_sits_beside_the_camp_in_the_readers_language(lang):
    table = actors_table(Words(DATASET, lang), tuple(DATASET.camps["camp_id"]))
    column = t("col_camp_note", lang)
    assert list(table.columns).index(column) == list(table.columns).index(t("col_camp", lang)) + 1
    with_reason = ACTORS[ACTORS[f"camp_note_{lang}"] != ""].index
    assert {"biden", "winklevoss_cameron", "winklevoss_tyler", "dark_money_groups", "caller_source"} <= set(with_reason)
    for actor_id in with_reason:
        assert table.loc[actor_id, column] == ACTORS.loc[actor_id, f"camp_note_{lang}"]


def test_an_actors_records_list_amounts_stances_and_quotes():
    records = actor_records(Words(DATASET, "en"), "hastings")
    assert any("$7,000,000" in line for line in records["actor_amounts"])
    assert any("endorsed" in line for line in records["actor_stances"])
    assert len(records["actor_quotes"]) == len(DATASET.quotes[DATASET.quotes["speaker_id"] == "hastings"])


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_figure_carries_its_caveat_and_a_stance_is_said_in_words(lang):
    """The refund says "reportedly" and its assumption wherever it is listed; a stance names its object in
    a sentence, with no arrow pointing back at the subject."""
    records = actor_records(Words(DATASET, lang), "winklevoss_cameron")
    facts = DATASET.money_facts.set_index("fact_id")
    for fact_id in ("gift_cameron_btc", "refund_cameron_min"):
        caveat = facts.loc[fact_id, f"caveat_{lang}"]
        assert caveat and any(caveat in line for line in records["actor_amounts"]), fact_id
    trump = ACTORS.loc["trump", f"name_{lang}"]
    assert records["actor_stances"] == [t("stance_donated", lang, name=trump)]
    assert not any("→" in line for lines in records.values() for line in lines)
    assert records["actor_camp_note"] == [ACTORS.loc["winklevoss_cameron", f"camp_note_{lang}"]]


def test_quotes_are_the_articles_arabic_with_our_translation_in_english():
    quotes = DATASET.quotes.set_index("quote_id")
    (ar_line,) = [line for line in actor_records(Words(DATASET, "ar"), "crypto_adviser")["actor_quotes"]]
    (en_line,) = [line for line in actor_records(Words(DATASET, "en"), "crypto_adviser")["actor_quotes"]]
    assert quotes.loc["q_adviser_doubt", "quote_ar"] in ar_line
    assert quotes.loc["q_adviser_doubt", "quote_ar"] in en_line
    assert quotes.loc["q_adviser_doubt", "translation_en"] in en_line


def test_an_actor_with_no_money_has_no_amount_lines():
    assert actor_records(Words(DATASET, "en"), "fortune")["actor_amounts"] == []


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_super_pac_is_only_our_inference_with_its_figures(lang):
    """The article and CNBC's English report say PAC (issue 31): a record calls the pro-Harris committee a super
    PAC only as our inference, with the FEC's limit for an ordinary PAC and the gift's amount beside it; the
    pro-Trump committee, which got no amount, is never called one."""
    word = "سوبر باك" if lang == "ar" else "super PAC"
    ours = "بقراءتنا" if lang == "ar" else "our inference"
    limit = usd(float(DATASET.by_id("context_facts")["fec_pac"]["value"]), lang)
    seen = []
    for actor_id in ACTORS.index:
        for kind, lines in actor_records(Words(DATASET, lang), actor_id).items():
            for line in lines:
                if word in line:
                    assert ours in line and limit in line, (actor_id, kind, line)
                    assert "pro_trump_pac" not in actor_id
                    seen.append(actor_id)
    assert {"hastings", "pro_harris_pac"} <= set(seen)
    assert word not in actor_records(Words(DATASET, lang), "andreessen")["actor_stances"][-1]


def test_latin_names_inside_the_articles_arabic_are_isolated_and_the_words_kept():
    facebook = actor_records(Words(DATASET, "ar"), "harris")["actor_quotes"]
    quote = next(line for line in facebook if "Facebook breakup" in line)
    assert "\u2066[a Facebook breakup]\u2069" in quote
    table = actors_table(Words(DATASET, "ar"), tuple(DATASET.camps["camp_id"]))
    excerpt = table.loc["abc_news", t("col_excerpt", "ar")]
    assert excerpt == ACTORS.loc["abc_news", "source_excerpt"], "the table and its CSV keep the article's bytes"
    assert '<bdi dir="ltr">ABC News</bdi>' in render.table(table, "ar"), "isolated where it is shown"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_giver_whose_figure_comes_from_filings_links_to_the_public_record_and_no_one_else_does(lang):
    """The article has the twins' gifts "according to FEC filings" (and Hastings's from The Information): only
    the twins get a link, to the FEC's search for their name in the 2024 cycle."""
    table = actors_table(Words(DATASET, lang), tuple(DATASET.camps["camp_id"]))
    linked = table[table[record_column(Words(DATASET, lang))] != ""][record_column(Words(DATASET, lang))]
    gifts = DATASET.money_facts.set_index("fact_id")
    from_filings = {
        gifts.loc[fact_id, "payer_id"]
        for fact_id in gifts.index
        if "FEC filings" in gifts.loc[fact_id, "caveat_en"] and gifts.loc[fact_id, "kind"] == "donation"
    }
    assert set(linked.index) == from_filings and "hastings" not in linked.index
    for actor_id, url in linked.items():
        first, last = ACTORS.loc[actor_id, "name_en"].split(" ", 1)
        query = parse_qs(urlsplit(url).query)
        assert url.startswith("https://www.fec.gov/data/receipts/individual-contributions/")
        assert query["contributor_name"] == [f"{last}, {first}"] and query["two_year_transaction_period"] == ["2024"]
