"""Story: key figures, then each narrative section beside the chart that carries its figures.

Its layout: techmoney/content/layouts.py (story).
"""

from techmoney.ui.layout import show_page

show_page("story")
