"""Sources & data: how to cite and embed, downloads, the article with cited sentences highlighted, and
the data dictionary and changelog.

Its layout: techmoney/content/layouts.py (sources).
"""

from techmoney.ui.layout import show_page

show_page("sources")
