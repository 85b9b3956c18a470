"""Tech Money 2024's building blocks, one folder per layer; each imports only the layers below it, and the
two hosts not each other (pyproject.toml's import-linter contracts, run by ``make test``):

* ``server``  the composition root: the Streamlit app and the HTTP routes in one st.App (serve.py runs it);
* ``ui``      the Streamlit host: the only code that imports Streamlit (app.py and app_pages/ call into it);
* ``web``     the HTTP host beside it: routes, oEmbed endpoint, caching, compression, headers, readiness;
* ``bake``    every answer a reader can be sent (page HTML, downloads), made once per release;
* ``content`` what a page shows: charts, sections, cards, the page contents and layouts, and their HTML;
* ``site``    the site model: the view a link names, its parsing, the site map, addresses, links;
* ``words``   the story's words: facts, strings in both languages, formatting;
* ``data``    rows, loading and validation, derived amounts, the cap's arithmetic, export.
"""
