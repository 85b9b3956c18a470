"""Donors & camps: one actor's records, amounts by camp, and everyone the article names in the camps shown."""

import streamlit as st

from techmoney.ui import ui, ui_state
from techmoney.words.i18n import t


@st.fragment
def actor_picker(page) -> None:
    """Picking a name reruns only this part: the actor's card and its share card."""
    actor = ui_state.current().actor
    selected = ui_state.bound_widget(st.selectbox, "actor", True, value=actor if actor in page.names else None,
                                     label=t("actor_select", page.lang), options=list(page.names),
                                     format_func=page.names.get, placeholder=t("actor_none", page.lang), index=None)
    if selected:
        ui.html(page.actor_cards[selected])
    ui.html(page.actor_card_link_html(selected))
    ui_state.sync_url(ui_state.current())


page = ui.page_content("donors", ui_state.current())
if ui.show_head(page):
    actor_picker(page)
    ui.show_chart(page.camps_chart)
    ui.html(page.actors_heading_html)
    ui.show_table(page.actors_frame, page.actors_links, page.lang, t("actors_grid", page.lang))
    ui.html(page.actors_text_html)
