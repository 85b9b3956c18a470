"""Donors & camps: everyone the article names, filtered by camp; one actor's records; amounts by camp."""

import streamlit as st

from components import people, ui
from components.html_blocks import actor_card, markdown_literal
from components.i18n import pick, t

view = ui.current()
lang = view.lang
data = ui.dataset()

# The head (stylesheet, title, language link), the intro and the share-card link: one element.
ui.html(ui.head_html("page_donors", view) + ui.intro_html("donors", view, "donors_intro"))

names = ui.labels("actors", "name", lang)
in_camps = list(ui.actors_table(lang, view.camps).index)  # ids of the names the camp filter keeps
selected = ui.bound_widget(st.selectbox, "actor", True, label=t("actor_select", lang), options=in_camps,
                           format_func=names.get, placeholder=t("actor_none", lang), index=None)
if selected:
    actor = data.actors.loc[data.actors["actor_id"] == selected].iloc[0]
    camp = data.camps.loc[data.camps["camp_id"] == actor["camp"]].iloc[0]
    records = people.actor_records(data, selected, lang)
    lines = [f"{t(kind, lang)}: {line}" for kind, items in records.items() for line in items]
    st.header(t("actor_records", lang, name=markdown_literal(names[selected])))
    ui.html(actor_card(names[selected], pick(actor, "role", lang), pick(camp, "label", lang), camp["color"], lang,
                       lines or [t("actor_none_records", lang)]))

ui.show_chart("camps", view)

if ui.actors_table(lang, view.camps).empty:
    st.header(t("actors_table", lang))
    st.info(t("empty_filter", lang))
else:
    ui.html(ui.actors_section_html(lang, view.camps, selected))  # heading and table, the actor highlighted
