"""What a page shows: charts and their layout, story sections, people, cards, the page contents and the
HTML templates. Pure: one page content, two hosts (Streamlit and the HTTP routes)."""
