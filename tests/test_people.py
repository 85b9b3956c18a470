"""The Donors & camps content: who is in the chosen camps and what is on record for one actor."""

from components.dataset import load_dataset
from components.people import actor_records, actors_table

DATASET = load_dataset()


def test_the_actors_table_follows_the_camp_filter():
    trump = actors_table(DATASET, "en", ("pro_trump",))
    harris = actors_table(DATASET, "en", ("pro_harris",))
    assert "hastings" not in trump.index and "hastings" in harris.index
    assert "musk" in trump.index
    assert actors_table(DATASET, "en", ()).empty


def test_an_actors_records_list_amounts_stances_and_quotes():
    records = actor_records(DATASET, "hastings", "en")
    assert any("$7,000,000" in line for line in records["actor_amounts"])
    assert any("endorsed" in line for line in records["actor_stances"])
    assert len(records["actor_quotes"]) == len(DATASET.quotes[DATASET.quotes["speaker_id"] == "hastings"])


def test_an_actor_with_no_money_has_no_amount_lines():
    assert actor_records(DATASET, "fortune", "en")["actor_amounts"] == []
