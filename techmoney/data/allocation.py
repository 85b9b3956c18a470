"""How the Trump 47 cap adds up, and where a twin's gift went: exact arithmetic over context_facts.csv.

The article gives the $844,600 cap and each twin's gift of at least $1,000,000; public record
(data/context_facts.csv) gives the FEC limits and the order in which the committee fills its members.
This module is the only place the context table's derived values and the allocation of a gift are
computed, so the loader, the chart, the explainer and the tests agree on one set of numbers.

Like techmoney/data/derive.py it works in exact fractions; unlike it, a context derivation takes any
number of inputs, which may be rows of context_facts.csv or (exact, in dollars) of money_facts.csv.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from math import prod

import pandas as pd

from techmoney.data import derive

SEPARATOR = ";"
PUBLIC_RECORD = ("certain", "reported")  # confidences of facts we take from a source as they are
DERIVED = ("our_derivation", "our_inference")


class AllocationError(ValueError):
    """The data do not allocate: the members' steps miss the cap, or the gift is below it."""


@dataclass(frozen=True)
class Operand:
    """What a derivation needs to know of an input: its value and unit (None if it has no value)."""

    value: Fraction | None
    unit: str | None
    exact: bool = True


def _sum(values: list[Fraction]) -> Fraction:
    return sum(values, Fraction(0))


def _difference(values: list[Fraction]) -> Fraction:
    return values[0] - values[1]


def _quotient(values: list[Fraction]) -> Fraction:
    return values[0] / values[1]


# derivation -> (function, fewest inputs, most inputs)
DERIVATIONS: dict[str, tuple[Callable[[list[Fraction]], Fraction], int, int | None]] = {
    "sum": (_sum, 1, None),
    "product": (lambda values: prod(values, start=Fraction(1)), 2, None),
    "difference": (_difference, 2, 2),
    "quotient": (_quotient, 2, 2),
}
_SYMBOLS = {"sum": " + ", "product": " × ", "difference": " − ", "quotient": " ÷ "}


def input_ids(row: Mapping) -> list[str]:
    return [part for part in (row.get("inputs") or "").split(SEPARATOR) if part]


def result_unit(derivation: str, units: list[str]) -> str:
    """The unit a derivation gives: dollars + dollars are dollars, a count × dollars is dollars,
    dollars ÷ dollars is a count. Raises ValueError for mixes that mean nothing (dollars × dollars)."""
    if derivation in ("sum", "difference"):
        if len(set(units)) != 1:
            raise ValueError(f"adds or subtracts different units: {', '.join(units)}")
        return units[0]
    if derivation == "product":
        measures = [u for u in units if u != "count"]
        if len(measures) > 1:
            raise ValueError(f"multiplies {' by '.join(measures)}: at most one input may be other than a count")
        return measures[0] if measures else "count"
    numerator, denominator = units
    if numerator == denominator:
        return "count"
    if denominator == "count":
        return numerator
    raise ValueError(f"divides {numerator} by {denominator}")


def evaluate(
    rows: Sequence[Mapping], external: Mapping[str, Operand]
) -> tuple[dict[str, Fraction], list[tuple[str, str, str]]]:
    """Every value of the context table: typed ones as they are, derived ones computed from their inputs.

    ``external`` holds the money facts a derivation may use. Returns the values by context id and the
    problems found, each ``(context_id, column, message)``: an input without a value,
    an input that is not exact, the wrong number of inputs, units that do not mix, a cycle, or a
    result that is not a whole number (the table holds whole dollars and counts).
    """
    by_id = {row["context_id"]: row for row in rows}
    values: dict[str, Fraction] = {}
    problems: list[tuple[str, str, str]] = []
    failed: set[str] = set()

    def operand(ref: str, visiting: tuple[str, ...]) -> Operand | None:
        if ref in by_id:
            value = resolve(ref, visiting)
            if value is None and by_id[ref].get("derivation"):
                return _UPSTREAM  # reported where it failed; rows computed from it are skipped
            return None if value is None else Operand(value, by_id[ref]["unit"])
        return external.get(ref)

    def resolve(context_id: str, visiting: tuple[str, ...] = ()) -> Fraction | None:
        if context_id in values:
            return values[context_id]
        if context_id in failed:
            return None
        row = by_id[context_id]
        if not row.get("derivation"):
            if row.get("value") is not None:
                values[context_id] = Fraction(row["value"])
                return values[context_id]
            failed.add(context_id)
            return None
        if context_id in visiting:
            problems.append((context_id, "inputs", f"circular: {' → '.join((*visiting, context_id))}"))
            failed.add(context_id)
            return None
        value = _derive(row, lambda ref: operand(ref, (*visiting, context_id)))
        if not isinstance(value, Fraction):
            if value is not _UPSTREAM:
                problems.append((context_id, *value))
            failed.add(context_id)
            return None
        values[context_id] = value
        return value

    for context_id in by_id:
        resolve(context_id)
    return values, problems


_UPSTREAM = Operand(None, None)  # an input that could not be computed itself


def _derive(row: Mapping, operand: Callable[[str], Operand | None]) -> Fraction | Operand | tuple[str, str]:
    """The row's value; or ``(column, message)`` saying why it cannot be computed; or _UPSTREAM if an
    input could not be computed (that input's row carries the problem)."""
    derivation = row["derivation"]
    refs = input_ids(row)
    function, fewest, most = DERIVATIONS[derivation]
    if len(refs) < fewest or (most is not None and len(refs) > most):
        wanted = f"{fewest}" if fewest == most else f"at least {fewest}"
        return "inputs", f"{derivation} takes {wanted} inputs, got {len(refs)}"
    operands = []
    for ref in refs:
        found = operand(ref)
        if found is _UPSTREAM:
            return _UPSTREAM
        if found is None:
            return (
                "inputs",
                f"{ref!r} has no value to compute with (an id of context_facts.csv or money_facts.csv with a value)",
            )
        if not found.exact:
            return "inputs", f"{ref!r} is not an exact figure: a context value is computed from exact figures only"
        operands.append(found)
    try:
        unit = result_unit(derivation, [o.unit for o in operands])
    except ValueError as err:
        return "inputs", str(err)
    if unit != row["unit"]:
        return "unit", f"the inputs give a value in {unit}, but unit is {row['unit']!r}"
    if derivation == "quotient" and operands[1].value == 0:
        return "inputs", "quotient with a zero denominator"
    value = function([o.value for o in operands])
    if value.denominator != 1 or value < 0:
        shown = _SYMBOLS[derivation].join(shown_number(o.value) for o in operands)
        return "inputs", f"{shown} = {shown_number(value)}, not a whole number ≥ 0: the inputs disagree"
    return value


def shown_number(value: Fraction | float) -> str:
    """A figure for a message: "424,600", or "41.99" when it is not whole."""
    return f"{int(value):,}" if value == int(value) else f"{float(value):,.4g}"


def money_operands(money_facts: Sequence[Mapping]) -> dict[str, Operand]:
    """The money facts a context derivation may name, as operands (in dollars; exact or not)."""
    return {
        row["fact_id"]: Operand(
            None if _missing(row["amount"]) else Fraction(row["amount"]).limit_denominator(),
            row["unit"],
            exact=row["bound"] == "exact",
        )
        for row in money_facts
    }


# --------------------------------------------------------------------------- a gift, step by step


@dataclass(frozen=True)
class Step:
    """One part of a gift: a member's share in the reported order, or the part over the cap."""

    step_id: str  # a context_id, or the refund fact's id for the part over the cap
    position: int  # 1.. in the order the committee fills its members; the part over the cap is last
    start: Fraction  # where the part begins, counted from the gift's first dollar
    amount: Fraction
    bound: str  # "exact", or "at_least" for the part over the cap of an at-least gift
    confidence: str  # certain / reported / our_derivation / our_inference
    limit_ids: tuple[str, ...]  # the FEC limits (context rows with a value and a source) it rests on
    record_ids: tuple[str, ...]  # every record the figure rests on, itself first
    over_cap: bool = False

    @property
    def end(self) -> Fraction:
        return self.start + self.amount


@dataclass(frozen=True)
class Allocation:
    gift_id: str
    cap_id: str
    gift: Fraction
    gift_bound: str
    cap: Fraction
    steps: tuple[Step, ...]  # the members' steps in order, then the part over the cap

    @property
    def members(self) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if not s.over_cap)

    @property
    def over_cap(self) -> Step:
        return self.steps[-1]


def sources_of(context: Mapping[str, Mapping], context_id: str) -> tuple[str, ...]:
    """The row and every row it is computed from (depth first, each once), ids of money_facts included."""
    seen: list[str] = []

    def walk(ref: str) -> None:
        if ref in seen:
            return
        seen.append(ref)
        row = context.get(ref)
        if row is not None:
            for child in input_ids(row):
                walk(child)

    walk(context_id)
    return tuple(seen)


def step_rows(context: Mapping[str, Mapping]) -> list[Mapping]:
    """The allocation steps of the context table, in order."""
    return sorted((r for r in context.values() if not _missing(r.get("step"))), key=lambda r: r["step"])


def _missing(value: object) -> bool:
    return value is None or bool(pd.isna(value))


def allocate(context: Mapping[str, Mapping], money: Mapping[str, Mapping], gift_id: str, cap_id: str) -> Allocation:
    """A gift (a money fact) filled into the committee's members in the reported order, up to the cap
    (a money fact), the rest over the cap. ``context`` and ``money`` are rows by id with values filled
    in (``Dataset.by_id``). Raises AllocationError if the members' steps do not add up to the cap or the
    gift is below it."""
    gift_row, cap_row = money[gift_id], money[cap_id]
    gift, cap = Fraction(gift_row["amount"]).limit_denominator(), Fraction(cap_row["amount"]).limit_denominator()
    steps: list[Step] = []
    start = Fraction(0)
    for row in step_rows(context):
        records = sources_of(context, row["context_id"])
        limits = tuple(r for r in dict.fromkeys(formula_terms(context, row["context_id"])) if _is_fec_limit(context[r]))
        amount = Fraction(int(row["value"]))
        steps.append(
            Step(row["context_id"], int(row["step"]), start, amount, "exact", row["confidence"], limits, records)
        )
        start += amount
    if start != cap:
        raise AllocationError(f"the steps add up to {shown_number(start)}, not the cap {shown_number(cap)} ({cap_id})")
    if gift < cap:
        raise AllocationError(f"the gift {shown_number(gift)} ({gift_id}) is below the cap {shown_number(cap)}")
    refund = _refund_fact(money, gift_id, cap_id)
    over = gift - cap
    bound = derive.derived_bound("difference", [gift_row["bound"], cap_row["bound"]])
    records = tuple(dict.fromkeys([*(x for x in [refund] if x), gift_id, cap_id]))
    steps.append(
        Step(
            refund or f"{gift_id}_over_cap",
            len(steps) + 1,
            cap,
            over,
            bound,
            "our_derivation",
            (),
            records,
            over_cap=True,
        )
    )
    return Allocation(gift_id, cap_id, gift, gift_row["bound"], cap, tuple(steps))


def _is_fec_limit(row: Mapping) -> bool:
    return row["kind"] in ("contribution_limit", "limit_count") and row["confidence"] in PUBLIC_RECORD


def _refund_fact(money: Mapping[str, Mapping], gift_id: str, cap_id: str) -> str | None:
    """The article's refund row computed as this gift minus this cap, if the data have one."""
    wanted = f"{gift_id}{SEPARATOR}{cap_id}"
    return next((i for i, r in money.items() if r["kind"] == "refund" and r["inputs"] == wanted), None)


def _expands(context: Mapping[str, Mapping], row: Mapping) -> bool:
    """Sums and products of limits are written out; a count we infer (42 state parties) is not."""
    refs = input_ids(row)
    return bool(row.get("derivation")) and row["kind"] != "member_count" and all(r in context for r in refs)


def formula_terms(context: Mapping[str, Mapping], context_id: str) -> list[str]:
    """The rows a step's formula names, left to right (see :func:`formula`)."""
    row = context[context_id]
    if not _expands(context, row):
        return [context_id]
    return [term for ref in input_ids(row) for term in formula_terms(context, ref)]


def formula(context: Mapping[str, Mapping], context_id: str, term: Callable[[Mapping], str]) -> str:
    """How a step's value is built from the FEC limits, e.g. "$41,300 + 3 × $123,900" or "42 × $10,000",
    each figure written by ``term(row)``."""
    row = context[context_id]
    if not _expands(context, row):
        return term(row)
    parts = [formula(context, ref, term) for ref in input_ids(row)]
    return parts[0] if len(parts) == 1 else _SYMBOLS[row["derivation"]].join(parts)
