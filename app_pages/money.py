"""Money: the $100M+ estimate with Hastings's gift beside it, the twins' gifts and the cap, where each
twin's gift went under the cap (public record, explained beside the chart), where the money goes, and
the legal limits.

Its layout: techmoney/content/layouts.py (money).
"""

from techmoney.ui.layout import show_page

show_page("money")
