"""Timeline: dated events on a time axis, approximate dates marked; undated events listed apart."""

from techmoney.ui import ui, ui_state

page = ui.page_content("timeline", ui_state.current())
if ui.show_head(page):
    ui.show_chart(page.chart)
    if page.undated_html:
        ui.html(page.undated_html)
