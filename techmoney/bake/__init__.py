"""The bake: every answer a reader can be sent (each page's HTML, each download), made once per release,
and what both hosts need to serve one (``downloads``, ``answers``). ``python -m techmoney.ui.bake`` builds it:
the Streamlit host hands the bake the frontend it bakes for."""
