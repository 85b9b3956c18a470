"""techmoney/data/allocation.py: the $844,600 cap recomputed from the public-record table, and a twin's gift
filled into the committee's members step by step.

Expected figures are recomputed here from data/context_facts.csv and data/money_facts.csv, read with
the csv module (not through the loader), so a number changed in either file without the others
following fails a test.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from techmoney.content import cap_explainer
from techmoney.content.charts import TWIN_FACTS
from techmoney.data import allocation
from techmoney.data.dataset import load_dataset
from tests.conftest import DATA, csv_rows_by_id

DATASET = load_dataset(DATA)


CONTEXT = csv_rows_by_id("context_facts.csv")
FACTS = csv_rows_by_id("money_facts.csv")


def value(context_id: str) -> int:
    return int(CONTEXT[context_id]["value"])


def amount(fact_id: str) -> int:
    return int(FACTS[fact_id]["amount"])


def allocate(gift_id: str = cap_explainer.GIFT_FACT) -> allocation.Allocation:
    return allocation.allocate(
        DATASET.by_id("context_facts"), DATASET.by_id("money_facts"), gift_id, cap_explainer.CAP_FACT
    )


# --------------------------------------------------------------------------- the real data


def test_the_cap_the_article_names_is_the_sum_of_the_fec_limits_and_a_whole_number_of_state_parties():
    """$3,300 + $3,300 + $5,000 + ($41,300 + 3 × $123,900) + n × $10,000 = the article's cap, n whole."""
    candidate, pac, state = value("fec_candidate_per_election"), value("fec_pac"), value("fec_state_party_federal")
    rnc = value("fec_national_party_main") + value("fec_national_party_special_accounts") * value(
        "fec_national_party_special_account"
    )
    before_states = 2 * candidate + pac + rnc
    cap = amount(cap_explainer.CAP_FACT)
    parties, left_over = divmod(cap - before_states, state)
    assert left_over == 0, f"{cap} − {before_states} is not a whole number of state parties' limits"
    assert before_states + parties * state == cap

    got = allocate()
    assert [s.amount for s in got.members] == [candidate, candidate, pac, rnc, parties * state]
    assert sum(s.amount for s in got.members) == got.cap == cap
    loaded = DATASET.by_id("context_facts")
    assert loaded["t47_state_party_count"]["value"] == parties
    assert loaded["t47_before_states"]["value"] == before_states
    assert loaded["rnc_max_year"]["value"] == rnc


def test_computed_values_were_left_blank_in_the_file_and_are_filled_in_on_load():
    for context_id, row in CONTEXT.items():
        loaded = DATASET.by_id("context_facts")[context_id]
        if row["derivation"]:
            assert row["value"] == "" and int(loaded["value"]) >= 0, context_id
        elif row["value"]:
            assert loaded["value"] == int(row["value"]), context_id


def test_the_steps_follow_one_another_in_the_reported_order_from_the_first_dollar():
    got = allocate()
    assert [s.position for s in got.steps] == list(range(1, len(got.steps) + 1))
    assert got.steps[0].start == 0
    for before, after in zip(got.steps, got.steps[1:], strict=False):
        assert after.start == before.end
    assert got.steps[-1].end == got.gift
    assert [s.step_id for s in got.members] == sorted(
        (i for i, r in CONTEXT.items() if r["step"]), key=lambda i: int(CONTEXT[i]["step"])
    )


def test_the_part_over_the_cap_is_the_articles_derived_refund_a_minimum_and_ours():
    got = allocate()
    over = got.over_cap
    assert over.over_cap and over.amount == amount(cap_explainer.GIFT_FACT) - amount(cap_explainer.CAP_FACT)
    assert over.bound == "at_least", "a gift of at least $1M minus an exact cap is at least the difference"
    assert over.confidence == "our_derivation"
    refund = DATASET.by_id("money_facts")[over.step_id]
    assert refund["kind"] == "refund" and refund["amount"] == over.amount
    assert {cap_explainer.GIFT_FACT, cap_explainer.CAP_FACT} <= set(over.record_ids)


def test_both_twins_gifts_allocate_the_same_so_the_chart_may_say_each():
    first, second = (allocate(gift) for gift, _ in TWIN_FACTS.values())
    assert [(s.amount, s.bound) for s in first.steps] == [(s.amount, s.bound) for s in second.steps]
    assert second.over_cap.step_id == TWIN_FACTS["winklevoss_tyler"][1]


def test_each_step_names_its_fec_limits_and_the_inferred_step_says_so():
    got = allocate()
    for step in got.members:
        assert step.limit_ids, step.step_id
        for limit in step.limit_ids:
            assert CONTEXT[limit]["kind"] in ("contribution_limit", "limit_count")
            assert CONTEXT[limit]["confidence"] == "certain" and "FEC" in CONTEXT[limit]["publisher_en"]
        assert step.confidence == CONTEXT[step.step_id]["confidence"]
    inferred = [s.step_id for s in got.members if s.confidence == "our_inference"]
    assert inferred == ["t47_step_state_parties"]
    assert CONTEXT["t47_state_party_count"]["confidence"] == "our_inference"


def test_the_earlier_caps_split_into_whole_state_parties_and_the_first_matches_the_posts_count():
    loaded = DATASET.by_id("context_facts")
    before_states = loaded["t47_before_states"]["value"]
    state = value("fec_state_party_federal")
    for cap, count in (("t47_cap_wapo", "t47_state_party_count_wapo"), ("t47_cap_hill", "t47_state_party_count_hill")):
        parties, left_over = divmod(value(cap) - before_states, state)
        assert left_over == 0 and loaded[count]["value"] == parties, cap
    assert loaded["t47_state_party_count_wapo"]["value"] == value("t47_state_committees_wapo")
    assert value("t47_cap_wapo") < value("t47_cap_hill") < amount(cap_explainer.CAP_FACT), "the cap grew"


def test_formula_writes_out_sums_and_products_of_limits_but_not_an_inferred_count():
    context = DATASET.by_id("context_facts")

    def term(row):
        return str(int(row["value"]))

    rnc = allocation.formula(context, "t47_step_rnc", term)
    special = f"{value('fec_national_party_special_accounts')} × {value('fec_national_party_special_account')}"
    assert rnc == f"{value('fec_national_party_main')} + {special}"
    states = allocation.formula(context, "t47_step_state_parties", term)
    assert states == f"{context['t47_state_party_count']['value']} × {value('fec_state_party_federal')}"
    assert allocation.formula_terms(context, "t47_step_save_america") == ["fec_pac"]


# --------------------------------------------------------------------------- the arithmetic itself


def _row(context_id: str, **cells) -> dict:
    return {
        "context_id": context_id,
        "kind": "subtotal",
        "value": None,
        "unit": "usd",
        "derivation": None,
        "inputs": None,
        **cells,
    }


def test_evaluate_refuses_what_does_not_add_up_and_says_where():
    rows = [
        _row("a", value=10),
        _row("b", value=3),
        _row("half", unit="count", derivation="quotient", inputs="a;b"),  # 10 ÷ 3: not whole
        _row("dollars_squared", derivation="product", inputs="a;a"),
        _row("loop_1", derivation="sum", inputs="loop_2"),
        _row("loop_2", derivation="sum", inputs="loop_1"),
        _row("rule", unit=None),
        _row("uses_rule", derivation="sum", inputs="rule"),
        _row("uses_minimum", derivation="difference", inputs="gift;a"),
        _row("downstream", derivation="sum", inputs="half"),
        _row("wrong_unit", unit="count", derivation="sum", inputs="a"),
    ]
    external = {"gift": allocation.Operand(Fraction(1_000_000), "usd", exact=False)}
    values, problems = allocation.evaluate(rows, external)
    by_row = {(i, column): message for i, column, message in problems}
    assert "not a whole number" in by_row["half", "inputs"]
    assert "multiplies usd by usd" in by_row["dollars_squared", "inputs"]
    assert any(i.startswith("loop") and "circular" in m for (i, _), m in by_row.items())
    assert "'rule' has no value" in by_row["uses_rule", "inputs"]
    assert "not an exact figure" in by_row["uses_minimum", "inputs"]
    assert "value in usd" in by_row["wrong_unit", "unit"]
    assert not any(i == "downstream" for i, _ in by_row), "reported once, where it fails"
    assert values == {"a": 10, "b": 3}


@given(
    limits=st.lists(st.integers(min_value=0, max_value=10**7), min_size=1, max_size=6),
    count=st.integers(min_value=0, max_value=60),
    per_party=st.integers(min_value=1, max_value=10**5),
)
def test_a_cap_built_from_any_limits_splits_back_into_the_same_count(limits, count, per_party):
    steps = [_row(f"limit_{i}", value=v) for i, v in enumerate(limits)]
    rows = [
        *steps,
        _row("per_party", value=per_party),
        _row("before", derivation="sum", inputs=";".join(r["context_id"] for r in steps)),
        _row("share", derivation="difference", inputs="cap;before"),
        _row("parties", unit="count", derivation="quotient", inputs="share;per_party"),
        _row("last_step", derivation="product", inputs="parties;per_party"),
        _row("total", derivation="sum", inputs="before;last_step"),
    ]
    cap = sum(limits) + count * per_party
    values, problems = allocation.evaluate(rows, {"cap": allocation.Operand(Fraction(cap), "usd")})
    assert not problems
    assert values["parties"] == count and values["total"] == cap


@pytest.mark.parametrize(
    ("derivation", "units", "expected"),
    [
        ("sum", ["usd", "usd"], "usd"),
        ("product", ["count", "usd"], "usd"),
        ("quotient", ["usd", "usd"], "count"),
        ("quotient", ["usd", "count"], "usd"),
        ("difference", ["days", "days"], "days"),
    ],
)
def test_units_combine_as_arithmetic_says(derivation, units, expected):
    assert allocation.result_unit(derivation, units) == expected


@pytest.mark.parametrize(
    ("derivation", "units"), [("sum", ["usd", "count"]), ("product", ["usd", "usd"]), ("quotient", ["count", "usd"])]
)
def test_units_that_mean_nothing_together_are_refused(derivation, units):
    with pytest.raises(ValueError):
        allocation.result_unit(derivation, units)


def test_allocate_refuses_steps_that_miss_the_cap():
    context = {k: dict(v) for k, v in DATASET.by_id("context_facts").items()}
    context["t47_step_save_america"]["value"] = context["t47_step_save_america"]["value"] + 1
    with pytest.raises(allocation.AllocationError, match="not the cap"):
        allocation.allocate(context, DATASET.by_id("money_facts"), cap_explainer.GIFT_FACT, cap_explainer.CAP_FACT)
