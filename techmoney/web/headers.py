"""The site's header policy, and a plain 404 for paths nobody serves, as one small ASGI middleware.

Streamlit sets no framing, referrer or sniffing policy, and answers any unknown path with its page
shell (200, an empty app). serve.py passes :class:`HeaderPolicy` to st.App, so every response, ours and
Streamlit's, carries:

* framing: only an embed view (``?embed=true``, techmoney/site/links.embed_link) may be framed by any
  page, and it carries no framing policy at all: ``frame-ancestors *`` matches only network schemes, so a
  newsroom's local ``file://`` test page (or a ``data:``/``blob:`` preview in a CMS) could not frame it;
  everything else only by this site (``frame-ancestors 'self'`` and ``X-Frame-Options: SAMEORIGIN`` for
  older browsers);
* ``Referrer-Policy: strict-origin-when-cross-origin`` (another site learns our origin, not the view);
* ``X-Content-Type-Options: nosniff``;
* over TLS (the scheme uvicorn reads from a trusted proxy's ``X-Forwarded-Proto``),
  ``Strict-Transport-Security`` and ``Secure`` on every cookie (Streamlit's XSRF cookie has none);
  deploy/nginx.conf's TLS block sets both too.

A GET for a path that is neither Streamlit's own (under ``streamlit_prefixes``, the composition root's
techmoney.ui.internals.STREAMLIT_PREFIXES, or a file of its frontend), nor one of our routes (pages,
downloads, whatever techmoney/server.py mounts) gets a plain 404.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from urllib.parse import parse_qs

from starlette.routing import Match

from techmoney.site import url_state

REFERRER_POLICY = b"strict-origin-when-cross-origin"
HSTS = b"max-age=31536000"
_NOT_FOUND = b"Not found.\n"


def policy_headers(*, embed: bool, tls: bool) -> list[tuple[bytes, bytes]]:
    headers = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", REFERRER_POLICY)]
    if not embed:
        headers += [(b"content-security-policy", b"frame-ancestors 'self'"), (b"x-frame-options", b"SAMEORIGIN")]
    if tls:
        headers.append((b"strict-transport-security", HSTS))
    return headers


def _secure(cookie: bytes) -> bytes:
    attributes = {part.strip().lower() for part in cookie.split(b";")[1:]}
    return cookie if b"secure" in attributes else cookie + b"; Secure"


class HeaderPolicy:
    """ASGI middleware: the policy headers on every HTTP response, a plain 404 for unknown paths.

    ``routes`` are ours (st.App's ``routes``), ``static_dir`` the folder Streamlit serves its frontend
    from (favicon.png, static/js/..., which it answers with its shell when a file is missing),
    ``base_path`` Streamlit's server.baseUrlPath."""

    def __init__(
        self,
        app,
        routes: Sequence = (),
        static_dir: Path | None = None,
        base_path: str = "",
        streamlit_prefixes: Sequence[str] = (),
    ) -> None:
        self.app = app
        self.streamlit_prefixes = tuple(streamlit_prefixes)
        self.routes = list(routes)
        self.static_dir = static_dir.resolve() if static_dir else None
        base = base_path.strip("/")
        self.root = f"/{base}/" if base else "/"

    def _known(self, scope) -> bool:
        path = scope["path"]
        if not path.startswith(self.root):
            return path == self.root.rstrip("/")
        rest = path[len(self.root) :]
        if rest == "" or rest.startswith(self.streamlit_prefixes) or self._is_static_file(rest):
            return True
        return any(route.matches(scope)[0] != Match.NONE for route in self.routes)

    def _is_static_file(self, rest: str) -> bool:
        if self.static_dir is None or "\x00" in rest:
            return False
        found = (self.static_dir / rest).resolve()
        return found.is_relative_to(self.static_dir) and found.is_file()

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        extra = policy_headers(embed=url_state.is_embed(query), tls=scope.get("scheme") == "https")
        if scope["method"] in ("GET", "HEAD") and not self._known(scope):
            await send(
                {
                    "type": "http.response.start",
                    "status": 404,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8"), *extra],
                }
            )
            await send({"type": "http.response.body", "body": _NOT_FOUND})
            return

        tls = scope.get("scheme") == "https"

        async def send_with_policy(message) -> None:
            if message["type"] == "http.response.start":
                given = [
                    (name, _secure(value) if tls and name.lower() == b"set-cookie" else value)
                    for name, value in message.get("headers", ())
                ]
                names = {name.lower() for name, _ in given}
                message = {**message, "headers": [*given, *(h for h in extra if h[0] not in names)]}
            await send(message)

        await self.app(scope, receive, send_with_policy)
