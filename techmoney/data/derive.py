"""Derived money figures, computed from their inputs rather than typed into the data.

A derived row in money_facts.csv names a derivation and its input facts; this module is the only
place those numbers are produced, so the data, the charts and the tests agree on one value.
"""

from __future__ import annotations

from fractions import Fraction

# How the certainty of an input carries into the result: a minimum minus an exact figure is a
# minimum; an exact figure divided by a minimum ("more than") is a maximum.
_INVERTED = {"exact": "exact", "at_least": "at_most", "more_than": "at_most", "at_most": "at_least"}


def _difference(a: Fraction, b: Fraction) -> Fraction:
    return a - b


def _ratio(a: Fraction, b: Fraction) -> Fraction:
    return a / b


DERIVATIONS = {"difference": _difference, "ratio": _ratio}


def derived_value(derivation: str, inputs: list[float | int]) -> float:
    """The value of a derivation over its input amounts (exact arithmetic, returned as float)."""
    if derivation not in DERIVATIONS:
        raise ValueError(f"unknown derivation {derivation!r}")
    if len(inputs) != 2:
        raise ValueError(f"{derivation} takes 2 inputs, got {len(inputs)}")
    a, b = (Fraction(x) for x in inputs)
    if derivation == "ratio" and b == 0:
        raise ValueError("ratio with a zero denominator")
    return float(DERIVATIONS[derivation](a, b))


def derived_bound(derivation: str, bounds: list[str]) -> str:
    """The bound (exact / at_least / at_most) a derived value inherits from its inputs."""
    first, second = bounds
    if derivation not in DERIVATIONS:
        raise ValueError(f"unknown derivation {derivation!r}")
    # Both derivations decrease as their second input grows, so its bound flips.
    second_effect = _INVERTED[second]
    effects = {_normal(first), _normal(second_effect)} - {"exact"}
    if not effects:
        return "exact"
    if len(effects) == 1:
        return effects.pop()
    return "unknown"


def _normal(bound: str) -> str:
    return "at_least" if bound == "more_than" else bound
