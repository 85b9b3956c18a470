"""Derived figures: the arithmetic and how certainty (bounds) carries through it."""

import pytest

from techmoney.data.derive import derived_bound, derived_value


def test_difference_and_ratio_compute_exactly():
    assert derived_value("difference", [1_000_000, 844_600]) == 155_400
    assert derived_value("ratio", [7_000_000, 100_000_000]) == pytest.approx(0.07)


def test_a_minimum_minus_an_exact_figure_is_a_minimum():
    assert derived_bound("difference", ["at_least", "exact"]) == "at_least"


def test_dividing_by_a_more_than_figure_gives_a_maximum():
    assert derived_bound("ratio", ["exact", "more_than"]) == "at_most"


def test_exact_inputs_give_an_exact_result_and_conflicting_bounds_are_unknown():
    assert derived_bound("difference", ["exact", "exact"]) == "exact"
    assert derived_bound("difference", ["at_least", "at_least"]) == "unknown"


@pytest.mark.parametrize(
    "derivation, inputs",
    [("power", [1, 2]), ("ratio", [1, 0]), ("difference", [1]), ("difference", [1, 2, 3])],
)
def test_bad_derivations_raise_value_error(derivation, inputs):
    with pytest.raises(ValueError):
        derived_value(derivation, inputs)
