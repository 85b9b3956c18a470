"""Timeline: dated events on a time axis, approximate dates marked; undated events listed apart.

Its layout: techmoney/content/layouts.py (timeline).
"""

from techmoney.ui.layout import show_page

show_page("timeline")
