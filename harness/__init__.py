"""What the benchmark and the tests share to drive the app from outside: its servers (Streamlit, nginx in
front of replicas), the browser's websocket protocol, and a first visit in Chromium."""
