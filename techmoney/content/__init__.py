"""What a page shows: charts and their layout, story sections, people, cards, the page contents and their
layouts, and (``html``) the same as HTML. Pure: one page content, two hosts (Streamlit and the HTTP routes)."""
