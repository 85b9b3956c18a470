"""A dataset's words in one language: a money fact as a reader sees it, with what must travel with it."""

from dataclasses import replace

import pytest

from techmoney.data.dataset import load_dataset
from techmoney.words import facts
from techmoney.words.bound import Words
from techmoney.words.i18n import LANGS, t
from tests.conftest import DATA

DATASET = load_dataset(DATA)


@pytest.mark.parametrize("lang", LANGS)
def test_a_figure_says_its_bound_in_words_and_its_amount_alone_leaves_it_to_the_sentence(lang):
    goal = Words(DATASET, lang).figure(facts.GOAL_FACT)
    assert goal.amount in goal.text
    assert t("qualifier_more_than", lang) in goal.text and t("qualifier_more_than", lang) not in goal.amount
    assert t("qualifier_more_than", lang) in goal.full_text


def test_only_the_full_text_writes_a_whole_million_out_in_english():
    goal = Words(DATASET, "en").figure(facts.GOAL_FACT)
    assert "$100M" in goal.text and "$100,000,000" in goal.full_text


@pytest.mark.parametrize("lang", LANGS)
def test_a_figure_carries_its_caveat_and_links_the_outside_sources_the_caveat_cites(lang):
    limit = Words(DATASET, lang).figure(facts.LIMIT_FACT)
    assert limit.caveat == limit.record[f"caveat_{lang}"] != ""
    assert limit.note == limit.caveat
    context = DATASET.by_id("context_facts")
    cited = limit.record["context_ids"].split(";")
    assert {s.url for s in limit.sources} == {context[i]["source_url"] for i in cited}
    assert all(context[s.record_id]["source_date"][:4] in s.name for s in limit.sources)
    assert len({(s.name, s.url) for s in limit.sources}) == len(limit.sources), "one report, one link"


def test_without_a_caveat_the_note_under_a_figure_is_its_qualifier():
    figure = replace(Words(DATASET, "en").figure(facts.HASTINGS_FACT), caveat="")
    assert figure.note == figure.qualifier != ""


@pytest.mark.parametrize("lang", LANGS)
def test_our_derived_maximum_says_both_that_it_is_ours_and_that_it_is_a_maximum(lang):
    share = Words(DATASET, lang).figure(facts.SHARE_FACT)
    assert t("status_derived", lang) in share.qualifier and t("bound_at_most", lang) in share.qualifier


@pytest.mark.parametrize("lang", LANGS)
def test_only_the_committee_we_read_as_a_super_pac_is_said_to_be_one_with_both_figures(lang):
    words = Words(DATASET, lang)
    assert words.super_pac_inference("trump47") is None
    inference = words.super_pac_inference(facts.SUPER_PAC_BY_INFERENCE)
    gift = facts.gift_to(DATASET, facts.SUPER_PAC_BY_INFERENCE)
    assert words.figure(gift["fact_id"]).full_text in inference.text
    assert inference.records == (facts.PAC_LIMIT, gift["fact_id"])
