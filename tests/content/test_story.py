"""The Story page's content: key figures and sections from data, honouring the camp filter."""

import re

import pytest

from techmoney.content.charts import build_chart
from techmoney.content.story import key_figures, sections
from techmoney.data.dataset import load_dataset
from techmoney.site.sitemap import CHART_IDS
from techmoney.site.url_state import CAMPS
from techmoney.words import facts
from techmoney.words.bound import Words
from techmoney.words.formatting import figure_text
from techmoney.words.formatting import share as percent
from techmoney.words.i18n import t
from tests.conftest import section_text


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_key_figures_come_from_the_data(dataset, lang):
    figures = {f.label: f for f in key_figures(Words(dataset, lang), CAMPS)}
    limit = dataset.by_id("money_facts")["limit_trump47_person"]["amount"]
    assert figures[t("kf_limit", lang)].value == figure_text(limit, "usd", "exact", lang)
    # The projected haul keeps its "more than", in words.
    assert t("qualifier_more_than", lang) in figures[t("kf_goal", lang)].value
    assert all(f.excerpt in dataset.article for f in figures.values())


# What each section must keep of the article's own hedges (docs/EDITORIAL.md), in each language.
KEPT = {
    "goal": {
        "en": (
            "one unnamed source",
            "alone",
            "more than",
            "not money raised",
            "according to The Information",
            "a pro-Harris PAC",
        ),
        "ar": (
            "مصدر واحد",
            "وحدها",
            "أكثر من",
            "لا أموال مُحصّلة",
            "بحسب موقع ذا إنفورميشن",
            "للجنة عمل سياسي مؤيدة لهاريس",
        ),
    },
    "twins": {
        "en": (
            "at least",
            "according to FEC filings",
            "reportedly",
            "per donor",
            "If the committee kept no more than the cap",
            "our derivation",
        ),
        "ar": (
            "بما لا يقل عن",
            "بحسب سجلات لجنة الانتخابات الفيدرالية",
            "بحسب ما ورد",
            "السقف القانوني لتبرع الفرد",
            "إن لم تحتفظ اللجنة بأكثر من السقف",
            "من حسابنا",
        ),
    },
    "timeline": {
        "en": ("One unnamed adviser", "The article tells the rest", "Biden signed"),
        "ar": ("مستشار واحد", "لم يُكشف اسمه", "ويروي المقال بقية السجل", "وقّع بايدن"),
    },
}


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_sections_keep_the_articles_hedges_and_attributions(dataset, lang):
    bodies = {s.chart_id: section_text(s) for s in sections(Words(dataset, lang), CAMPS)}
    for chart_id, kept in KEPT.items():
        missing = [words for words in kept[lang] if words.lower() not in bodies[chart_id].lower()]
        assert not missing, f"{chart_id} ({lang}) lost {missing}"
    assert "Skeptics point" not in bodies["timeline"], "one adviser doubts; the record is the article's narrative"


def test_the_camp_filter_removes_figures_and_sections_of_other_camps(dataset):
    only_trump = key_figures(Words(dataset, "en"), ("pro_trump",))
    assert {f.camp for f in only_trump} == {"pro_trump"}
    assert len(only_trump) < len(key_figures(Words(dataset, "en"), CAMPS))
    assert sections(Words(dataset, "en"), ()) == []


# Our own words in guillemets (a term, not a quotation of the article).
OUR_WORDS = {"المال المظلم"}


def test_sections_quote_the_article_verbatim_and_fill_figures(dataset):
    for lang in ("ar", "en"):
        for section in sections(Words(dataset, lang), CAMPS):
            quoted = re.findall(r"«([^«»]+)»", section_text(section))
            assert all(q in dataset.article for q in quoted if q not in OUR_WORDS), f"{section.title}: verbatim"
            assert "{" not in section_text(section)
            assert section.chart_id in CHART_IDS


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_each_section_sits_beside_the_chart_that_carries_its_figures(dataset, lang):
    """The goal chart sets Hastings's gift against the projected goal, so his figures are told in the
    goal's section; every section has its own chart."""
    shown = sections(Words(dataset, lang), CAMPS)
    assert len({s.chart_id for s in shown}) == len(shown)
    (goal,) = [s for s in shown if s.chart_id == "goal"]
    gift = dataset.by_id("money_facts")[facts.HASTINGS_FACT]
    share = dataset.by_id("money_facts")[facts.SHARE_FACT]
    assert figure_text(gift["amount"], gift["unit"], gift["bound"], lang) in section_text(goal)
    # The share and its working are the chart's note, said once (the desk: caveats move to notes and tables).
    assert percent(share["amount"], lang) not in section_text(goal)
    assert percent(share["amount"], lang) in build_chart(Words(dataset, lang), "goal", CAMPS).subtitle
