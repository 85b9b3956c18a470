"""Tech Money 2024's building blocks, one folder per layer; each imports only the layers below it
(pyproject.toml's import-linter contracts, run by ``make test``):

* ``ui``      the Streamlit layer: the only code that imports Streamlit (with app.py and app_pages/);
* ``web``     the HTTP side beside Streamlit: page HTML with link previews, downloads, the link's parser;
* ``content`` what a page shows: charts and their layout, sections, cards, the page contents, templates;
* ``words``   the story's words: facts, strings in both languages, formatting, the site's pages and addresses;
* ``data``    rows, loading and validation, derived amounts, the cap's arithmetic, export.
"""
