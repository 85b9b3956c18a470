"""A Streamlit client that speaks the browser's websocket protocol (Streamlit 1.67).

What a browser tab does, and what `Session` repeats:

1. GET the page (``/`` or ``/money``). With ``server.enableXsrfProtection`` the response sets the
   ``_streamlit_xsrf`` cookie; a proxy in front may set its own affinity cookie too.
2. Open ``ws://HOST:PORT/_stcore/stream``. The ``Sec-WebSocket-Protocol`` header is repurposed
   (see ``streamlit/web/server/starlette/starlette_websocket.py``: ``_parse_subprotocols``):
   entry 1 is the subprotocol ``streamlit``, entry 2 the XSRF token (the cookie value), entry 3 an
   existing session id (reconnects only). In 1.67 the token is only checked before reading the
   auth cookie, so a connection without it still works; we send it anyway, like the frontend.
3. Send a ``BackMsg`` with ``rerun_script`` = ``ClientState``: ``query_string``, and on the first
   run ``page_name`` = the URL path (``"money"``; ``""`` is the default page) which
   ``st.navigation`` resolves. Later reruns send ``page_script_hash`` learned from the
   ``navigation`` (or ``new_session``) message, plus ``cached_message_hashes``: the frontend keeps
   big elements (``metadata.cacheable``) and the server then sends only a ``ref_hash`` for them.
4. Read ``ForwardMsg`` frames (one protobuf per binary frame) until ``script_finished``.
   Every run starts with ``new_session``; frames that arrive after ``script_finished`` but before
   the next ``new_session`` (e.g. ``session_status_changed``) are still counted for the run that
   produced them.

Every socket read has a timeout and every rerun a deadline, so nothing here can hang.
"""

from __future__ import annotations

import http.client
import time
from dataclasses import dataclass, field

import websocket  # websocket-client
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ContextInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

XSRF_COOKIE = "_streamlit_xsrf"
STREAM_PATH = "/_stcore/stream"
# Header the benchmark sends on every request of a session; the bench nginx config may hash on it
# and answers with the replica that served the request (harness/servers.py).
CLIENT_HEADER = "X-Bench-Client"
UPSTREAM_HEADER = "X-Bench-Upstream"

_FINISHED = ForwardMsg.ScriptFinishedStatus


class ProtocolError(Exception):
    """The server did something a browser would not accept (or did not answer in time)."""


@dataclass
class PageInfo:
    """One page of an st.navigation app, as the server announces it."""

    url_pathname: str
    page_name: str
    page_script_hash: str
    is_default: bool


@dataclass
class RerunResult:
    """One script run, seen from the client."""

    latency_s: float  # send of rerun_script -> script_finished received
    bytes: int = 0  # websocket payload bytes of all ForwardMsgs of this run
    messages: int = 0
    exceptions: int = 0  # exception elements / compile errors the run produced
    status: str = ""  # ScriptFinishedStatus name
    element_types: set[str] = field(default_factory=set)
    headings: list[str] = field(default_factory=list)  # the texts of st.title/st.header/...
    selections: list[tuple[str, ...]] = field(default_factory=list)  # each multiselect's chosen labels


def _context_info(url: str) -> ContextInfo:
    """What the frontend reports about the tab (st.context)."""
    return ContextInfo(
        timezone="UTC",
        timezone_offset=0,
        locale="en-US",
        url=url,
        is_embedded=False,
        color_scheme="light",
    )


class Session:
    """A browser tab: one websocket, any number of reruns of one page."""

    def __init__(
        self,
        host: str,
        port: int,
        *,
        page: str = "",
        query_string: str = "",
        client_id: str = "bench",
        timeout: float = 30.0,
        send_cached_hashes: bool = True,
    ) -> None:
        self.host = host
        self.port = port
        self.page = page.strip("/")
        self.query_string = query_string
        self.client_id = client_id
        self.timeout = timeout
        self.send_cached_hashes = send_cached_hashes
        self.cookies: dict[str, str] = {}
        self.upstream: str | None = None
        self.page_script_hash = ""
        self.pages: list[PageInfo] = []
        self._cache: dict[str, ForwardMsg] = {}  # hash -> cacheable message, like the frontend
        self._ws: websocket.WebSocket | None = None
        self._pending: RerunResult | None = None  # last run, still collecting trailing frames

    # -- connection ---------------------------------------------------------------------------

    @property
    def origin(self) -> str:
        return f"http://{self.host}:{self.port}"

    def _cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def _load_page(self) -> None:
        """What the browser does before the websocket: GET the page (index.html; a proxy may set
        its affinity cookie), then GET /_stcore/health, which sets the `_streamlit_xsrf` cookie."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            for path in ("/" + self.page, "/_stcore/health"):
                headers = {CLIENT_HEADER: self.client_id}
                if self.cookies:
                    headers["Cookie"] = self._cookie_header()
                conn.request("GET", path, headers=headers)
                resp = conn.getresponse()
                resp.read()
                if resp.status != 200:
                    raise ProtocolError(f"GET {path}: HTTP {resp.status}")
                for raw in resp.headers.get_all("Set-Cookie") or []:
                    name, _, rest = raw.partition("=")
                    self.cookies[name.strip()] = rest.split(";", 1)[0].strip()
                self.upstream = resp.headers.get(UPSTREAM_HEADER) or self.upstream
        except OSError as exc:
            raise ProtocolError(f"HTTP before websocket: {exc!r}") from exc
        finally:
            conn.close()

    def connect(self) -> None:
        self._load_page()
        protocols = ["streamlit"]
        if XSRF_COOKIE in self.cookies:
            protocols.append(self.cookies[XSRF_COOKIE])
        cookie = self._cookie_header() or None
        try:
            self._ws = websocket.create_connection(
                f"ws://{self.host}:{self.port}{STREAM_PATH}",
                timeout=self.timeout,
                subprotocols=protocols,
                header=[f"{CLIENT_HEADER}: {self.client_id}"],
                cookie=cookie,
                origin=self.origin,
                enable_multithread=False,
            )
        except (OSError, websocket.WebSocketException) as exc:
            raise ProtocolError(f"websocket connect: {exc!r}") from exc
        ws_upstream = (self._ws.getheaders() or {}).get(UPSTREAM_HEADER.lower())
        if ws_upstream:
            self.upstream = ws_upstream

    def close(self) -> None:
        if self._ws is not None:
            try:
                self._ws.close(timeout=2)
            except (OSError, websocket.WebSocketException):
                pass
            self._ws = None

    def __enter__(self) -> Session:
        self.connect()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- one rerun ----------------------------------------------------------------------------

    def _rerun_msg(self) -> bytes:
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = self.query_string
        if self.page_script_hash:
            cs.page_script_hash = self.page_script_hash
        else:
            cs.page_name = self.page
        if self.send_cached_hashes:
            cs.cached_message_hashes.extend(sorted(self._cache))
        cs.context_info.CopyFrom(_context_info(f"{self.origin}/{self.page}"))
        return msg.SerializeToString()

    def _recv(self, deadline: float) -> bytes:
        assert self._ws is not None
        left = deadline - time.monotonic()
        if left <= 0:
            raise ProtocolError("rerun deadline exceeded")
        self._ws.settimeout(min(left, self.timeout))
        try:
            opcode, data = self._ws.recv_data()
        except websocket.WebSocketTimeoutException as exc:
            raise ProtocolError(f"no message within {min(left, self.timeout):.0f}s") from exc
        except (OSError, websocket.WebSocketException) as exc:
            raise ProtocolError(f"websocket recv: {exc!r}") from exc
        if opcode == websocket.ABNF.OPCODE_CLOSE:
            raise ProtocolError("server closed the websocket")
        if opcode != websocket.ABNF.OPCODE_BINARY:
            raise ProtocolError(f"unexpected websocket opcode {opcode}")
        return data

    def rerun(self, deadline_s: float | None = None) -> RerunResult:
        """Ask for a script run and read until it finishes. Raises ProtocolError."""
        if self._ws is None:
            raise ProtocolError("not connected")
        deadline = time.monotonic() + (deadline_s or self.timeout)
        start = time.perf_counter()
        try:
            self._ws.send_binary(self._rerun_msg())
        except (OSError, websocket.WebSocketException) as exc:
            raise ProtocolError(f"websocket send: {exc!r}") from exc

        run: RerunResult | None = None  # becomes this run's result at its new_session
        while True:
            data = self._recv(deadline)
            fmsg = ForwardMsg()
            try:
                fmsg.ParseFromString(data)
            except Exception as exc:  # protobuf raises its own DecodeError
                raise ProtocolError(f"undecodable ForwardMsg: {exc!r}") from exc
            kind = fmsg.WhichOneof("type")
            if kind == "new_session":
                run = RerunResult(latency_s=0.0)
                self._pending = None
                if fmsg.new_session.page_script_hash and not self.pages:
                    self.page_script_hash = fmsg.new_session.page_script_hash
            target = run if run is not None else self._pending
            if target is not None:
                target.bytes += len(data)
                target.messages += 1
            if kind == "ref_hash":
                if fmsg.ref_hash not in self._cache:
                    raise ProtocolError(f"ref_hash {fmsg.ref_hash[:8]} not in client cache")
                fmsg = self._cache[fmsg.ref_hash]
                kind = fmsg.WhichOneof("type")
            elif fmsg.metadata.cacheable and fmsg.hash:
                self._cache[fmsg.hash] = fmsg
            if run is None:
                continue  # trailing frames of the previous run
            if kind == "delta":
                delta = fmsg.delta
                if delta.WhichOneof("type") == "new_element":
                    etype = delta.new_element.WhichOneof("type") or ""
                    run.element_types.add(etype)
                    _read_element(run, delta.new_element, etype)
                    if etype == "exception":
                        run.exceptions += 1
            elif kind == "session_event":
                if fmsg.session_event.HasField("script_compilation_exception"):
                    run.exceptions += 1
            elif kind == "navigation":
                nav = fmsg.navigation
                if nav.page_script_hash:
                    self.page_script_hash = nav.page_script_hash
                self.pages = [
                    PageInfo(p.url_pathname, p.page_name, p.page_script_hash, p.is_default)
                    for p in nav.app_pages
                    if not p.external_url
                ]
            elif kind == "page_not_found":
                raise ProtocolError(f"page not found: {self.page!r}")
            elif kind == "script_finished":
                status = fmsg.script_finished
                if status == _FINISHED.FINISHED_EARLY_FOR_RERUN:
                    run = None  # superseded; the run we asked for comes next
                    continue
                run.latency_s = time.perf_counter() - start
                run.status = _FINISHED.Name(status)
                if status == _FINISHED.FINISHED_WITH_COMPILE_ERROR:
                    run.exceptions = max(run.exceptions, 1)
                self._pending = run
                return run


def _read_element(run: RerunResult, element, etype: str) -> None:
    """What a reader sees of the view: headings, and the options each multiselect shows chosen."""
    if etype == "heading":
        run.headings.append(element.heading.body)
    elif etype == "multiselect":
        box = element.multiselect
        chosen = box.raw_values if box.set_value else [box.options[i] for i in box.default]
        run.selections.append(tuple(chosen))


def http_get(host: str, port: int, path: str, timeout: float = 5.0) -> tuple[int, bytes]:
    """A plain GET (health checks)."""
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()
