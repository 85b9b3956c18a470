"""Timeline: dated events on a time axis, approximate dates marked; undated events listed apart."""

import streamlit as st

from components import charts, ui
from components.i18n import t

view = ui.current()
lang = view.lang

st.title(t("page_timeline", lang))
ui.prose(t("timeline_intro", lang), lang)
ui.show_chart("timeline", view)

undated = charts.timeline_events(ui.dataset(), lang, view.camps).query("when.isna()", engine="python")
if len(undated):
    st.subheader(t("undated", lang))
    for _, event in undated.iterrows():
        ui.prose(f"{event['label']} — {event['date_reasoning']}", lang)
ui.share_card_button("timeline", view)
