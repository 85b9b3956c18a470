"""The Story page's content: key figures and sections from data, honouring the camp filter."""

import pytest

from components import charts, facts
from components.dataset import load_dataset
from components.formatting import figure_text
from components.formatting import share as percent
from components.story import key_figures, sections
from components.url_state import CAMPS


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


def test_key_figures_come_from_the_data(dataset):
    figures = {f.label: f for f in key_figures(dataset, "en", CAMPS)}
    limit = facts.fact(dataset, "limit_trump47_person")["amount"]
    assert figures["Legal limit per gift"].value == figure_text(limit, "usd", "exact", "en")
    assert figures["Harris allies' goal (projected)"].value.endswith("+")
    assert all(f.excerpt in dataset.article for f in figures.values())


def test_the_camp_filter_removes_figures_and_sections_of_other_camps(dataset):
    only_trump = key_figures(dataset, "en", ("pro_trump",))
    assert {f.camp for f in only_trump} == {"pro_trump"}
    assert len(only_trump) < len(key_figures(dataset, "en", CAMPS))
    assert sections(dataset, "en", ()) == []


def test_sections_quote_the_article_verbatim_and_fill_figures(dataset):
    for lang in ("ar", "en"):
        for section in sections(dataset, lang, CAMPS):
            assert section.quote in dataset.article
            assert "{" not in section.body
            assert section.chart_id in charts.CHART_IDS


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_each_section_sits_beside_the_chart_that_carries_its_figures(dataset, lang):
    """The goal chart sets Hastings's gift against the projected goal, so his figures are told in the
    goal's section; every section has its own chart."""
    shown = sections(dataset, lang, CAMPS)
    assert len({s.chart_id for s in shown}) == len(shown)
    (goal,) = [s for s in shown if s.chart_id == "goal"]
    gift = facts.fact(dataset, facts.HASTINGS_FACT)
    share = facts.fact(dataset, facts.SHARE_FACT)
    assert facts.fact_text(gift, lang) in goal.body
    assert percent(share["amount"], lang) in goal.body
