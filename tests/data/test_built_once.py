"""techmoney/data/built_once.py: concurrent first calls of a key wait for one build; other keys do not wait."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from techmoney.data.built_once import built_once


def test_concurrent_first_callers_of_one_key_share_one_build():
    calls = []
    release = threading.Event()

    @built_once(maxsize=8)
    def slow(key):
        calls.append(key)
        release.wait(5)
        return object()

    with ThreadPoolExecutor(max_workers=20) as pool:
        futures = [pool.submit(slow, "view") for _ in range(20)]
        threading.Timer(0.3, release.set).start()
        results = {id(f.result(timeout=10)) for f in futures}
    assert calls == ["view"] and len(results) == 1


def test_a_key_being_built_holds_up_no_other_key():
    started, release = threading.Event(), threading.Event()

    @built_once(maxsize=8)
    def build(key):
        if key == "slow":
            started.set()
            release.wait(5)
        return key

    with ThreadPoolExecutor(max_workers=2) as pool:
        slow = pool.submit(build, "slow")
        assert started.wait(5)
        assert pool.submit(build, "quick").result(timeout=1) == "quick" and not slow.done()
        release.set()
        assert slow.result(timeout=5) == "slow"


def test_a_failed_build_is_tried_again_and_the_oldest_results_make_room():
    attempts = []

    @built_once(maxsize=2)
    def flaky(key):
        attempts.append(key)
        if attempts.count(key) == 1 and key == "bad":
            raise ValueError("first try fails")
        return key

    with pytest.raises(ValueError):
        flaky("bad")
    assert flaky("bad") == "bad" and flaky("bad") == "bad" and attempts == ["bad", "bad"]
    flaky("a"), flaky("b")  # holds two: "bad" made room
    flaky("b"), flaky("bad")
    assert attempts.count("bad") == 3 and attempts.count("b") == 1
