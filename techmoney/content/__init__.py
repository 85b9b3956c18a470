"""What a page shows: charts and their layout, story sections, people, cards, the view models and the
HTML templates. Pure: one view model, two hosts (Streamlit and the HTTP routes)."""
