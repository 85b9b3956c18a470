"""``python -m techmoney.bake [DATA_DIR]``: bake the release (techmoney/bake/build.py)."""

from techmoney.bake.build import main

main()
