"""Command line check of data/: ``python -m techmoney.data.validate [DATA_DIR]``.

Prints every problem as ``file:row:column: message`` and exits 1, or prints a one-line summary
and exits 0. The test command runs it before the tests, and so can a journalist after an edit.
"""

from __future__ import annotations

import sys
from pathlib import Path

from techmoney.data.dataset import DATA_DIR, DatasetError, load_dataset


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    data_dir = Path(args[0]) if args else DATA_DIR
    try:
        dataset = load_dataset(data_dir)
    except DatasetError as err:
        for problem in err.problems:
            print(problem)
        print(f"{len(err.problems)} problem(s) in {data_dir}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{name} {len(frame)}" for name, frame in dataset.tables.items())
    print(f"data OK (version {dataset.version}): {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
