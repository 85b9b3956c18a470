"""Donors & camps: one actor's records, amounts by camp, and everyone the article names in the camps shown.

Its layout: techmoney/content/layouts.py (donors).
"""

from techmoney.ui.layout import show_page

show_page("donors")
