"""The view a session shows (language, camps, actor), held in the session and mirrored in the link.

The link is read when a session starts (bad values fall back to defaults with a notice: the parser is
techmoney/site/url_state.py) and, for an embed, on every run; afterwards the widgets lead, and the link
is rewritten whenever the view changes. The link only seeds a new reader: a page that reconnects to a
new session (a deploy, a crash, a failover) sends the values its widgets show, and the click that
made it rerun; on that first run those lead over the link, so the reader's choice is not undone.
Streamlit's own ``bind="query-params"`` is not used: it writes a widget's displayed label into the URL,
which would change with the language; our links hold stable ids.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from techmoney.data.dataset import Dataset, shared_dataset
from techmoney.site import addresses, links, url_state
from techmoney.site.addresses import ViewState
from techmoney.site.url_state import Notice

VIEW_KEY = "view"
NOTICES_KEY = "url_notices"
SEEDED_KEY = "view_from_link"  # True on the run that took the view from the link
_UNSET = object()


def raw_query_params() -> dict[str, list[str]]:
    """Every value of every key (``st.query_params[key]`` returns only the last one)."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def start(dataset: Dataset) -> None:
    """Take the view from the link on a session's first run, and on every run of an embed."""
    if VIEW_KEY in st.session_state and not st.context.is_embedded:
        st.session_state[SEEDED_KEY] = False
        return
    st.session_state[SEEDED_KEY] = VIEW_KEY not in st.session_state
    view, notices = links.parse_view(dataset, raw_query_params())
    st.session_state[VIEW_KEY] = view
    st.session_state[NOTICES_KEY] = notices


def current() -> ViewState:
    return st.session_state.get(VIEW_KEY) or ViewState()


def notices() -> tuple[Notice, ...]:
    """What the link asked for that could not be shown (kept for the session, shown on every page)."""
    return st.session_state.get(NOTICES_KEY, ())


def _update(**changes: object) -> None:
    """Change the view; a camp taken away takes the actor in it away too (from the page and the link)."""
    st.session_state[VIEW_KEY] = links.fit_view(shared_dataset(), replace(current(), **changes))


def bound_widget(make, field: str, lang_specific: bool, value: object = _UNSET, name: str = "", **kwargs):
    """A widget that shows and edits one field of the view (``value`` when the field's own value is not
    among the widget's options; ``name`` tells apart two widgets of one field, each showing the view).

    Streamlit keeps a widget's state under its key and resets it when its labels change, so a widget
    whose labels change with the language gets one key per language; the view, not the widget, holds
    the value.
    """
    key = f"w_{name or field}_{current().lang}" if lang_specific else f"w_{name or field}"
    shown = getattr(current(), field) if value is _UNSET else value
    wanted = list(shown) if isinstance(shown, tuple) else shown

    def value_of(new: object) -> object:
        return tuple(c for c in url_state.CAMPS if c in new) if field == "camps" else new

    def changed() -> None:
        _update(**{field: value_of(st.session_state[key])})

    if st.session_state.get(SEEDED_KEY):
        # The link's value is only the default: a widget value the page sent (a reconnect) wins.
        # (A fragment's rerun comes here too, harmlessly: its callback has already updated the view.)
        chosen = make(key=key, on_change=changed, **{**kwargs, **_default(wanted, kwargs)})
        if value_of(chosen) != value_of(wanted):
            changed()
            st.rerun()  # the run so far showed the link's view
        return chosen
    # Always, not only when it differs: after a first run that seeded the widget's default, a client
    # that sends no widget values (a script, a bare websocket) would otherwise get the widget's empty
    # default while st.session_state still reads the seeded value.
    st.session_state[key] = wanted
    return make(key=key, on_change=changed, **kwargs)


def _default(wanted: object, kwargs: dict) -> dict:
    """The keyword that makes ``wanted`` a widget's default (a selectbox takes its option's index)."""
    if "index" in kwargs:
        options = list(kwargs["options"])
        return {"index": options.index(wanted) if wanted in options else None}
    return {"default": wanted}


def sync_url(view: ViewState) -> None:
    """Write the view into the link when it differs (each write is a message to the browser)."""
    wanted = addresses.to_query_params(view)
    if raw_query_params() != {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}:
        st.query_params.from_dict(wanted)
