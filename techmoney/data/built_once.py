"""A cache whose concurrent first calls of a key wait for one build (single flight), for the shared caches.

``functools.lru_cache`` lets every caller that misses build the value: after a deploy, 200 readers
opening 50 page contents each built theirs at once, and each waited for all the others (first render
p95 11.5 s). cachetools' ``cached`` with a condition makes the first caller of a key build it while
later callers of that key wait for its result; callers of other keys are not held up, and a failed
build is tried again by the next caller. Values are shared between threads (Streamlit's sessions):
never mutate one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import cachetools


def built_once(maxsize: int) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator: ``@built_once(maxsize=256)``; the least recently used results make room. The wrapped
    function has ``cache_clear()``."""
    lock = threading.Lock()
    return cachetools.cached(cachetools.LRUCache(maxsize), lock=lock, condition=threading.Condition(lock))
