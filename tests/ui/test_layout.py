"""One layout, two hosts (techmoney/content/layouts.py): the elements the Streamlit page draws (techmoney/ui/
layout.py, read through AppTest) are the elements of the server's first screen (techmoney/content/html/first_paint.py,
its HTML parsed), in the same order, with the same words, for every page in both languages and for all
camps, one camp and none; the first screen's camp filter shows the camps the app's filter then shows, and
its hand-over waits for as many charts as the app draws.

Each element is compared as the reader sees it: its kind (title, fragment, notice, chart, header, caption,
code, select box, disclosure, columns, box) and its text (a chart by its title, a select box by the choice
it shows, the citation and the links to copy as the app shows them at its root address). No browser: the
browser tests measure where the elements land (tests/e2e/test_handover.py).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import ClassVar

import pytest

from techmoney.content.html import first_paint, previews
from techmoney.data.dataset import shared_dataset
from techmoney.words import facts
from techmoney.words.i18n import LANGS
from tests.conftest import PAGES

# The address AppTest's app prints (its default host and port): both hosts link from it.
ROOT = "http://localhost:8501/"
# All camps, one camp (whose view empties some charts into notices), none.
SELECTIONS = {"all": None, "one camp": ["skeptic"], "none": [""]}
ISOLATES = re.compile("[\u2066-\u2069\u200e\u200f]")


def _words(text: str) -> str:
    return " ".join(ISOLATES.sub("", html.unescape(text)).split())


def _markdown_shown(text: str) -> str:
    """A Markdown string (st.info, st.caption, ...) as its reader sees it: backslash escapes removed."""
    return _words(re.sub(r"\\(.)", r"\1", text))


# --------------------------------------------------------------------------- the first screen, parsed


@dataclass
class Node:
    tag: str
    attrs: dict
    children: list = field(default_factory=list)
    text: list = field(default_factory=list)  # every text inside, in order

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def words(self) -> str:
        return _words("".join(self.text))

    def find(self, tag: str | None = None, cls: str | None = None):
        for child in self.children:
            if (tag is None or child.tag == tag) and (cls is None or cls in child.classes):
                return child
            found = child.find(tag, cls)
            if found is not None:
                return found
        return None


class _Tree(HTMLParser):
    VOID: ClassVar[set[str]] = {"input", "br", "img", "link", "meta", "hr", "source", "col", "wbr"}

    def __init__(self, document: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.open = [self.root]
        self.feed(document)
        self.close()

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self.open[-1].children.append(node)
        if tag not in self.VOID:
            self.open.append(node)

    def handle_endtag(self, tag):
        while len(self.open) > 1:
            if self.open.pop().tag == tag:
                break

    def handle_data(self, data):
        for node in self.open:
            node.text.append(data)


@dataclass(frozen=True)
class DrawnChart:
    """A chart drawn as an image: equal to a title that is one of the texts it draws (its lines one after another,
    unspaced, as the image breaks them)."""

    text: str

    def __eq__(self, title: object) -> bool:
        return isinstance(title, str) and bool(title) and "".join(title.split()) in self.text

    def __hash__(self) -> int:
        return hash(self.text)


def _first_screen_item(node: Node):
    """What a child of the first screen's main column (or of a column, a box) stands for."""
    if node.tag == "h1":
        return ("title", node.words())
    if "tm-fp-html" in node.classes:
        return ("html", node.words())
    if "tm-fp-notice" in node.classes:
        return ("notice", node.words())
    if "tm-fp-drawn" in node.classes:
        return ("chart", DrawnChart("".join(node.find("svg").words().split())))
    if "tm-fp-chart" in node.classes:
        return ("chart", node.find(cls="tm-fp-chart-title").words())
    if "tm-fp-header" in node.classes:
        return ("header", node.words())
    if "tm-fp-caption" in node.classes:
        return ("caption", node.words())
    if "tm-fp-code" in node.classes:
        return ("code", node.words())
    if "tm-fp-select" in node.classes:
        return ("select box", node.words())
    if "tm-fp-picker" in node.classes:
        select = node.find("select")
        chosen = next((o for o in select.children if "selected" in o.attrs), select.children[0])
        return ("select box", chosen.words())
    if "tm-fp-grid" in node.classes:
        return ("grid", len(node.find("tbody").children))
    if "tm-fp-disclosure" in node.classes:
        return ("disclosure", node.find("summary").words())
    if "tm-fp-columns" in node.classes:
        return ("columns", [_first_screen_items(column.children) for column in node.children])
    if "tm-fp-stack" in node.classes:
        return ("box", _first_screen_items(node.children))
    raise AssertionError(f"the first screen draws an element no block stands for: <{node.tag} {node.attrs}>")


def _first_screen_items(nodes: list[Node]) -> list:
    return [_first_screen_item(node) for node in nodes]


@dataclass
class FirstScreen:
    items: list
    charts: int  # how many charts the hand-over waits for
    camps: list[str]  # the camp filter's chips: the camps shown
    pills: list[str]  # the camp pills at the top of the page that are on


def first_screen(page: str, query: dict) -> FirstScreen:
    dataset = shared_dataset()
    view = previews.read_view(dataset, query)
    tree = _Tree(first_paint.first_paint(page, view, ROOT, dataset)).root
    block = tree.find("div", "tm-fp")
    main = block.find("main", "tm-fp-main")
    assert [child.classes for child in main.children[:2]] == [{"tm-fp-lang"}, {"tm-fp-pills"}], (
        "the language control and the camp pills, then the page"
    )
    chips = block.find("ul", "tm-fp-chips")
    pills = [a.words() for a in main.children[1].find("div").children if "tm-fp-on" in a.classes]
    return FirstScreen(
        items=_first_screen_items(main.children[2:]),
        charts=int(block.attrs["data-charts"]),
        camps=[li.find("a").words().removesuffix(" ×") for li in chips.children if li.find("a")],
        pills=pills,
    )


# --------------------------------------------------------------------------- the app, through AppTest


def _plotly_title(element) -> str:
    title = json.loads(element.proto.spec)["layout"]["title"]["text"]
    return _words(re.sub(r"<[^>]+>", " ", title.replace("<br>", " ")))


def _html_words(fragment: str) -> str:
    """A fragment's text, read by the parser that reads the first screen (a panel's snippet is escaped twice)."""
    return _Tree(fragment).root.words()


def _app_item(node):
    kind = node.type
    if kind == "title":
        return ("title", _markdown_shown(node.value))
    if kind == "html":
        return ("html", _html_words(node.value))
    if kind == "alert" or kind == "info":
        return ("notice", _markdown_shown(node.value))
    if kind == "plotly_chart":
        return ("chart", _plotly_title(node))
    if kind == "header":
        return ("header", _markdown_shown(node.value))
    if kind == "caption":
        return ("caption", _markdown_shown(node.value))
    if kind == "code":
        return ("code", _words(node.value))
    if kind == "selectbox":
        shown = node.placeholder if node.index is None else node.options[node.index]
        return ("select box", _words(shown))
    if kind == "dataframe":
        return ("grid", len(node.value))
    if kind == "expander":
        return ("disclosure", _markdown_shown(node.label))
    children = list(node.children.values())
    if kind == "flex_container" and children and all(child.type == "column" for child in children):
        return ("columns", [_app_items(list(column.children.values())) for column in children])
    if kind == "flex_container":
        return ("box", _app_items(children))
    raise AssertionError(f"the app draws an element the test does not know: {kind}")


def _app_items(nodes: list) -> list:
    # The marker the hand-over waits for is the app's, drawn after every page (shell.show_rendered).
    return [_app_item(node) for node in nodes if not (node.type == "html" and first_paint.RENDERED_CLASS in node.value)]


def app_items(at) -> list:
    """The page's elements: what the app draws after its frame (the language control, the camp pills, the
    link's notices), from the kicker above the page's title."""
    nodes = list(at.main.children.values())
    start = next(i for i, node in enumerate(nodes) if node.type == "title") - 1
    assert nodes[start].type == "html" and "tm-kicker" in nodes[start].value, "the kicker, then the title"
    return _app_items(nodes[start:])


def _charts(items: list) -> int:
    count = 0
    for item in items:
        if item[0] == "chart":
            count += 1
        elif item[0] in ("columns", "box"):
            count += sum(_charts(inner) for inner in (item[1] if item[0] == "columns" else [item[1]]))
    return count


# --------------------------------------------------------------------------- the comparison


CASES = [
    pytest.param(page, lang, camps, id=f"{page}-{lang}-{name}")
    for page in PAGES
    for lang in LANGS
    for name, camps in SELECTIONS.items()
]


@pytest.mark.parametrize(("page", "lang", "camps"), CASES)
def test_the_first_screen_draws_the_elements_the_app_draws(app_test, page, lang, camps):
    query = {"lang": [lang], **({"camp": camps} if camps is not None else {})}
    at = app_test(query={"lang": lang, **({"camp": camps} if camps is not None else {})}, page=page).run()
    assert not at.exception
    app, screen = app_items(at), first_screen(page, query)
    assert screen.items == app
    assert screen.charts == _charts(app), "the hand-over waits for every chart the app draws"
    labels = {camp: facts.camp_label(shared_dataset(), camp, lang) for camp in at.sidebar.multiselect[0].value}
    assert screen.camps == [_words(label) for label in labels.values()], "the camp filter shows the app's choice"
    assert screen.pills == screen.camps, "the pills at the top show the same choice"


@pytest.mark.parametrize("lang", LANGS)
def test_the_first_screen_shows_the_name_in_the_link_as_the_app_does(app_test, lang):
    at = app_test(query={"lang": lang, "actor": "hastings"}, page="donors").run()
    assert not at.exception
    app = app_items(at)
    assert app == first_screen("donors", {"lang": [lang], "actor": ["hastings"]}).items
    (picker,) = [item for item in app if item[0] == "select box"]
    assert picker == ("select box", _words(facts.actor_name(shared_dataset(), "hastings", lang)))
