"""A cache whose concurrent first calls wait for one build (single flight), for the shared caches.

``functools.lru_cache`` lets every caller that misses build the value: after a deploy, 200 readers
opening 50 views each built their view at once, and each waited for all the others (first render p95
11.5 s). Here the first caller of a key builds it while later callers of that key wait for its result;
callers of other keys are not held up. Values are shared between threads (Streamlit's sessions):
never mutate one.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class BuiltOnce:
    """``func``'s results by positional arguments, at most ``maxsize`` of them (least recently used go)."""

    def __init__(self, func: Callable[..., Any], maxsize: int) -> None:
        functools.update_wrapper(self, func)
        self._func = func
        self._maxsize = maxsize
        self._results: OrderedDict[Hashable, Any] = OrderedDict()
        self._building: dict[Hashable, threading.Lock] = {}
        self._guard = threading.Lock()

    def __call__(self, *args: Hashable) -> Any:
        with self._guard:
            if args in self._results:
                self._results.move_to_end(args)
                return self._results[args]
            lock = self._building.setdefault(args, threading.Lock())
        with lock:  # the first caller builds; the others wait here, then find the result
            with self._guard:
                if args in self._results:
                    return self._results[args]
            try:
                value = self._func(*args)
            except BaseException:
                with self._guard:
                    self._building.pop(args, None)  # the next caller tries again
                raise
            with self._guard:
                self._results[args] = value
                self._building.pop(args, None)
                while len(self._results) > self._maxsize:
                    self._results.popitem(last=False)
            return value

    def __len__(self) -> int:
        return len(self._results)

    def cache_clear(self) -> None:
        with self._guard:
            self._results.clear()


def built_once(maxsize: int) -> Callable[[Callable[..., Any]], BuiltOnce]:
    """Decorator: ``@built_once(maxsize=256)``."""
    return lambda func: BuiltOnce(func, maxsize)
