"""The bake: every answer a reader can be sent (each page's HTML, each download), made once per release,
and what both hosts need to serve one (``downloads``, ``answers``). ``python -m techmoney.bake`` builds it."""
