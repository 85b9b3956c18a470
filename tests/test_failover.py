"""Two replicas of serve.py behind the project's nginx recipe (deploy/nginx.conf, rendered by
harness/servers.py): readers under load, the busier replica killed, and what each reader sees counted;
then the killed replica restarted, and new readers kept off it until it is warm; and a stranger's
Host header, which nginx refuses and the app never repeats.

Readers are harness/protocol.py sessions (the browser's websocket protocol); a reader whose replica dies
does what the page does: it reconnects with its cookies and the link it last showed.
"""

from __future__ import annotations

import http.client
import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from harness.protocol import ProtocolError, Session, http_get
from harness.servers import HOST, find_nginx, replicas_behind_nginx
from tests.conftest import SECTIONS
from tests.hostile_inputs import HOSTILE_HOSTS

pytestmark = [
    pytest.mark.timeout(900),
    pytest.mark.skipif(find_nginx() is None, reason="nginx is not installed (make test installs it)"),
]

PAGES = ("", "money", "donors", "timeline", "sources")
QUERIES = ("lang=en", "", "lang=en&camp=pro_trump", "camp=skeptic&camp=context", "lang=en&camp=", "camp=pro_harris")
READERS = 24
EVIL = "evil.example"


def _reader(session: Session, stop: threading.Event, gaps: list[float]) -> tuple[list, int, str]:
    """Rerun until stopped; on a lost connection, reconnect like the page. Returns the views seen
    (first heading, multiselect choices), the reconnects, and the last error if it never recovered;
    adds to ``gaps`` the seconds from each lost run to the next shown one."""
    seen, reconnects, lost_at = [], 0, None
    while not stop.is_set():
        try:
            run = session.rerun(deadline_s=60)
        except ProtocolError:
            session.close()
            reconnects += 1
            lost_at = lost_at or time.monotonic()
            seen.append("reconnect")
            deadline = time.monotonic() + 60
            while True:
                try:
                    session.connect()
                    break
                except ProtocolError as err:
                    if time.monotonic() > deadline:
                        return seen, reconnects, str(err)
                    time.sleep(0.5)
            continue
        seen.append((run.headings[:1], run.selections, run.exceptions, run.status))
        if lost_at is not None:
            gaps.append(time.monotonic() - lost_at)
            lost_at = None
    return seen, reconnects, ""


def _ready_time(server) -> float:
    """When (time.perf_counter) the server first says it is ready, polled every 50 ms."""
    while True:
        try:
            if http_get(HOST, server.port, "/_stcore/health", timeout=5)[0] == 200:
                return time.perf_counter()
        except OSError:
            pass
        time.sleep(0.05)


def _get(port: int, path: str, host: str | None = None) -> tuple[int, str, bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        conn.request("GET", path, headers={"Host": host} if host else {})
        answer = conn.getresponse()
        return answer.status, str(answer.headers), answer.read()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def replicas(tmp_path_factory, baked):
    with replicas_behind_nginx("serve.py", tmp_path_factory.mktemp("failover"), n=2) as (proxy, servers):
        yield proxy, servers


def test_a_killed_replica_loses_no_readers_view_and_a_restarting_one_gets_readers_only_when_warm(replicas):
    proxy, servers = replicas
    sessions = [
        Session(
            HOST,
            proxy.port,
            page=PAGES[i % len(PAGES)],
            query_string=QUERIES[i % len(QUERIES)],
            client_id=f"reader-{i}",
            timeout=60,
        )
        for i in range(READERS)
    ]
    for session in sessions:
        session.connect()
    stop, gaps = threading.Event(), []
    with ThreadPoolExecutor(max_workers=READERS) as pool:
        futures = [pool.submit(_reader, session, stop, gaps) for session in sessions]
        time.sleep(3)
        ports = [int(session.upstream.rsplit(":", 1)[1]) for session in sessions]
        victim = max(servers, key=lambda server: ports.count(server.port))
        os.killpg(victim.pid, signal.SIGKILL)
        # Readers go on until each one the kill cut off has shown a view again (a gap closed), and for at least
        # a few seconds, so the survivor's readers are watched while the others arrive.
        killed_at = time.monotonic()
        while time.monotonic() - killed_at < 60 and (
            len(gaps) < ports.count(victim.port) or time.monotonic() - killed_at < 4
        ):
            time.sleep(0.2)
        stop.set()
        results = [future.result(timeout=120) for future in futures]
    for session in sessions:
        session.close()

    moved = [r for r, port in zip(results, ports, strict=True) if port == victim.port]
    stayed = [r for r, port in zip(results, ports, strict=True) if port != victim.port]
    assert moved and all(reconnects >= 1 for _, reconnects, _ in moved)
    assert all(seen[-1] != "reconnect" for seen, _, _ in moved), "a reader the kill cut off never showed a view again"
    assert [error for _, _, error in results if error] == [], "a reader could not get back"
    assert all(reconnects == 0 for _, reconnects, _ in stayed), "readers of the survivor were disturbed"
    for (seen, _, _), session in zip(results, sessions, strict=True):
        runs = [run for run in seen if run != "reconnect"]
        views = {(tuple(headings), tuple(selections)) for headings, selections, _, _ in runs}
        assert len(views) == 1, f"{session.page}?{session.query_string}: the view changed: {seen}"
        assert all(exceptions == 0 for _, _, exceptions, _ in runs)

    # The killed replica comes back on its port; until it is ready, new readers all go to the survivor.
    victim.spawn()
    survivor_port = next(server.port for server in servers if server is not victim)
    ready_at: list[float] = []
    watcher = threading.Thread(target=lambda: ready_at.append(_ready_time(victim)), daemon=True)
    watcher.start()
    landed = []
    while not ready_at:
        with Session(HOST, proxy.port, page="money", query_string="lang=en", timeout=60) as session:
            started = time.perf_counter()
            session.rerun(deadline_s=60)
            landed.append((int(session.upstream.rsplit(":", 1)[1]), started, time.perf_counter() - started))
        time.sleep(0.2)
    watcher.join()
    assert landed, "the restarted replica was never seen starting"
    early = [port for port, started, _ in landed if started < ready_at[0]]
    assert early and set(early) == {survivor_port}, "a new reader reached the replica before it was ready"
    victim.wait_ready()
    SECTIONS["failover (tests/test_failover.py)"] = [
        f"{len(moved)} readers moved off the killed replica, {len(stayed)} stayed undisturbed, 0 views lost; "
        f"back after {min(gaps):.1f}-{max(gaps):.1f} s",
        f"restart: ready after {victim.healthy_after_s:.1f} s; {len(early)} new readers meanwhile, all on the "
        f"survivor, first run {min(t for _, _, t in landed):.2f}-{max(t for _, _, t in landed):.2f} s",
    ]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/money?lang=en",
        "/donors?lang=en&actor=hastings",
        "/money?embed=true&chart=flows",
        "/download/card/donors.png?lang=en",
        "/download/chart/flows.csv",
        "/download/nope",
        "/_stcore/health",
        "/_stcore/host-config",
        "/favicon.png",
        "/wp-login.php",
    ],
)
def test_a_strangers_host_is_refused_by_nginx_and_never_repeated_by_the_app(replicas, path):
    proxy, servers = replicas
    replica = next(server for server in servers if server.alive())
    for host in HOSTILE_HOSTS[:4]:  # the ones http.client can send
        try:
            status, headers, body = _get(proxy.port, path, host)
        except (http.client.RemoteDisconnected, ConnectionResetError):
            pass  # nginx's 444 for a well-formed stranger: no answer at all
        else:  # a malformed Host is nginx's own 400
            assert host not in HOSTILE_HOSTS[:2] and status == 400
            assert EVIL not in headers and EVIL.encode() not in body
        status, headers, body = _get(replica.port, path, host)
        assert status in (200, 404) and EVIL not in headers and EVIL.encode() not in body


@pytest.mark.parametrize(
    "path, embed",
    [
        ("/money?lang=en", False),
        ("/money?embed=true&chart=flows", True),
        ("/download/card/money.png", False),
        ("/nothing-here", False),
    ],
)
def test_through_nginx_only_embeds_may_be_framed_by_other_sites(replicas, path, embed):
    proxy, _ = replicas
    status, headers, _ = _get(proxy.port, path)
    assert status == (404 if path == "/nothing-here" else 200)
    assert ("content-security-policy: frame-ancestors 'self'" in headers.lower()) != embed
    assert ("x-frame-options: sameorigin" in headers.lower()) != embed
    assert "x-content-type-options: nosniff" in headers.lower() and "referrer-policy:" in headers.lower()


def test_a_link_gone_viral_reaches_a_replica_once_and_nginx_answers_every_other_reader(replicas):
    proxy, _ = replicas
    links = ["/timeline?lang=en&camp=pro_harris", "/download/card/timeline.png?lang=en"]
    with ThreadPoolExecutor(max_workers=12) as pool:
        answers = list(pool.map(lambda n: _get(proxy.port, links[n % 2]), range(80)))
    for link in links:
        mine = [(status, headers, body) for n, (status, headers, body) in enumerate(answers) if links[n % 2] == link]
        assert {status for status, _, _ in mine} == {200} and len({body for _, _, body in mine}) == 1
        reached = [headers for _, headers, _ in mine if "x-cache-status: hit" not in headers.lower()]
        assert len(reached) <= 1, f"{link}: {len(reached)} of {len(mine)} readers reached a replica"
    status, headers, _ = _get(proxy.port, links[0])
    assert status == 200 and "x-cache-status: hit" in headers.lower()
