"""How much of the machine other processes used while we measured.

The benchmark shares its cores with whatever else runs (on the project's machine: other people's
test suites). Load averages move too slowly to say which measurement was hit; this counts, over one
measurement, the CPU time of the whole machine (/proc/stat) minus that of the benchmark and its
servers (/proc/PID/stat, all threads), in cores.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

TICKS_PER_S = os.sysconf("SC_CLK_TCK")
# Above this many cores used by others on average, a measurement is flagged as disturbed.
DISTURBED_CORES = 0.25
# /proc/stat counts in ticks (10 ms) per core: a much shorter window is mostly rounding.
MIN_WINDOW_S = 1.0


def machine_busy_s() -> float:
    """CPU seconds all cores spent on anything but idle and I/O wait, since boot."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / TICKS_PER_S


def process_busy_s(pid: int) -> float:
    """CPU seconds of one process (all its threads), 0 if it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat.rsplit(")", 1)[1].split()  # the command name may hold spaces
    return (int(fields[11]) + int(fields[12])) / TICKS_PER_S  # utime, stime


@dataclass
class OthersMeter:
    cores: float = float("nan")  # average cores used by other processes during the block


@contextmanager
def others_cpu(our_pids: Callable[[], Iterable[int]], min_window_s: float = MIN_WINDOW_S) -> Iterator[OthersMeter]:
    """Measure, over the block, the cores other processes used (ours: `our_pids()`, read at both ends).
    A block shorter than `min_window_s` is followed by an idle wait that completes the window."""
    meter = OthersMeter()

    def ours() -> float:
        return sum(process_busy_s(pid) for pid in {os.getpid(), *our_pids()})

    wall0, machine0, ours0 = time.monotonic(), machine_busy_s(), ours()
    yield meter
    time.sleep(max(0.0, min_window_s - (time.monotonic() - wall0)))
    wall = time.monotonic() - wall0
    meter.cores = max(0.0, (machine_busy_s() - machine0) - (ours() - ours0)) / wall
