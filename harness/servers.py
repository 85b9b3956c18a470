"""Start and stop the processes the benchmark measures: Streamlit servers and an nginx proxy.

Every server listens on 127.0.0.1 on a free port, logs into a temporary directory and is stopped
by us (SIGTERM, then SIGKILL of its own process group after a grace period).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from harness.protocol import UPSTREAM_HEADER, http_get

ROOT = Path(__file__).resolve().parent.parent  # the project: cwd of every server
HOST = "127.0.0.1"
NGINX_TEMPLATE = ROOT / "deploy" / "nginx.conf"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def rss_kb(pid: int) -> int | None:
    """Resident set size of one process (VmRSS from /proc/PID/status), in kB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def _tail(path: Path, n: int = 25) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-n:])
    except OSError:
        return ""


class _Process:
    """A child in its own process group, so stopping it also stops anything it forked."""

    name = "process"

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self.proc: subprocess.Popen[bytes] | None = None

    def _spawn(self, argv: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> None:
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(
                list(argv),
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def rss_kb(self) -> int | None:
        return rss_kb(self.pid) if self.proc is not None else None

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self, grace: float = 10.0) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(grace)
            except subprocess.TimeoutExpired:
                pass
        # Kill leftovers in the group we created (start_new_session: pgid == our child's pid).
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            pass

    def wait_http(self, port: int, path: str, timeout: float, expect: bytes | None = None) -> None:
        deadline = time.monotonic() + timeout
        last = ""
        while time.monotonic() < deadline:
            if not self.alive():
                raise RuntimeError(
                    f"{self.name} exited (code {self.proc.returncode if self.proc else '?'}):\n" + _tail(self.log_path)
                )
            try:
                status, body = http_get(HOST, port, path, timeout=2.0)
                if status == 200 and (expect is None or body.strip() == expect):
                    return
                last = f"HTTP {status}"
            except OSError as exc:
                last = repr(exc)
            time.sleep(0.2)
        raise TimeoutError(f"{self.name} not healthy after {timeout:.0f}s ({last}):\n" + _tail(self.log_path))


class StreamlitServer(_Process):
    """`streamlit run SCRIPT` from `cwd` (the project by default, so it reads .streamlit/config.toml)."""

    def __init__(
        self,
        script: str | Path,
        log_dir: Path,
        *,
        name: str = "",
        cwd: Path = ROOT,
        env: dict[str, str] | None = None,
    ) -> None:
        self.script = str(script)
        self.port = free_port()
        self.name = name or f"streamlit {self.script}:{self.port}"
        self.cwd = cwd
        self.env = dict(os.environ) if env is None else env
        self.started_at = 0.0
        self.healthy_after_s = float("nan")  # from spawn to the first healthy answer
        super().__init__(log_dir / f"streamlit-{Path(self.script).stem}-{self.port}.log")

    def spawn(self) -> StreamlitServer:
        argv = [
            sys.executable, "-m", "streamlit", "run", self.script,
            "--server.port", str(self.port),
            "--server.address", HOST,
            "--server.headless", "true",
        ]  # fmt: skip
        self.started_at = time.monotonic()
        self._spawn(argv, cwd=self.cwd, env=dict(self.env, PYTHONUNBUFFERED="1"))
        return self

    def wait_ready(self, timeout: float = 240.0) -> StreamlitServer:
        self.wait_http(self.port, "/_stcore/health", timeout, expect=b"ok")
        self.healthy_after_s = time.monotonic() - self.started_at
        return self

    def start(self, timeout: float = 240.0) -> StreamlitServer:
        return self.spawn().wait_ready(timeout)

    def extensions(self) -> list[str]:
        """Which of uvicorn's standard extras the running server has loaded."""
        return loaded_extensions(self.pid) if self.proc is not None else []


def default_config_server(script: Path, log_dir: Path, name: str) -> StreamlitServer:
    """`script` on Streamlit's default config: run from a fresh directory that has no
    .streamlit/config.toml, with HOME there too (no ~/.streamlit) and no STREAMLIT_* variables."""
    project = log_dir / "default-config"
    (project / "home").mkdir(parents=True, exist_ok=True)
    shutil.copy(script, project / script.name)
    env = {k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")}
    env["HOME"] = str(project / "home")
    return StreamlitServer(script.name, log_dir, name=name, cwd=project, env=env)


def start_together(servers: Sequence[StreamlitServer], timeout: float = 240.0) -> None:
    """Start several servers at once (their imports overlap), then wait until each answers."""
    for server in servers:
        server.spawn()
    for server in servers:
        server.wait_ready(timeout)


def loaded_extensions(pid: int) -> list[str]:
    """uvloop and httptools, if their compiled modules are mapped into the process (uvicorn picks
    them by itself when they can be imported)."""
    try:
        maps = Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return []
    return [name for name in ("uvloop", "httptools") if f"/{name}/" in maps]


def render_nginx_conf(template: str, listen_port: int, upstream_ports: Sequence[int], tmp: Path) -> str:
    """Turn deploy/nginx.conf into a config runnable as root from `tmp`, on 127.0.0.1 only.

    Kept from the template: maps, sticky cookie, upstream options, locations, the cache. Replaced: listen,
    the upstream servers, worker_processes, the cache's folder; added: paths inside `tmp` and a response header naming
    the replica that answered (so the benchmark can report how sessions were spread).
    """

    def sub_once(pattern: str, repl: str, text: str) -> str:
        new, n = re.subn(pattern, lambda _m: repl, text, count=1, flags=re.M)
        if n != 1:
            raise ValueError(f"deploy/nginx.conf: expected a line matching {pattern!r}")
        return new

    conf = template
    conf = sub_once(r"^[ \t]*worker_processes\s+[^;]+;", "worker_processes 1;", conf)
    # Every server block listens on our port (the catch-all one keeps its default_server).
    conf, listens = re.subn(
        r"^[ \t]*listen\s+[^\s;]+(\s+default_server)?[^;\n]*;",
        lambda m: f"        listen {HOST}:{listen_port}{m.group(1) or ''};",
        conf,
        flags=re.M,
    )
    if not listens:
        raise ValueError("deploy/nginx.conf: expected a `listen ...;` line")
    # Upstream servers: keep the options of the first `server 127.0.0.1:PORT ...;` line.
    server_re = r"^[ \t]*server\s+127\.0\.0\.1:\d+([^;]*);[ \t]*\n"
    first = re.search(server_re, conf, flags=re.M)
    if first is None:
        raise ValueError("deploy/nginx.conf: no `server 127.0.0.1:PORT ...;` line in the upstream")
    servers = "".join(f"        server {HOST}:{p}{first.group(1)};\n" for p in upstream_ports)
    conf = conf[: first.start()] + servers + re.sub(server_re, "", conf[first.start() :], flags=re.M)
    server_name = re.search(r"^[ \t]*server_name\s+(?!_;)[^;]+;", conf, flags=re.M)
    if server_name is None:
        raise ValueError("deploy/nginx.conf: expected the app's `server_name ...;` line")
    header = f"\n        add_header {UPSTREAM_HEADER} $upstream_addr always;"
    conf = conf[: server_name.end()] + header + conf[server_name.end() :]
    paths = "\n".join(f"    {d}_temp_path {tmp / d};" for d in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf = sub_once(r"^http\s*\{", f"http {{\n    access_log off;\n{paths}\n", conf)
    conf = sub_once(r"proxy_cache_path\s+\S+", f"proxy_cache_path {tmp / 'cache'}", conf)
    head = [f"pid {tmp / 'nginx.pid'};", f"error_log {tmp / 'error.log'} warn;"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # As root, workers would drop to `nobody`, which cannot use our 0700 temp dir.
        head.insert(0, "user root;")
    return "# Generated by harness/servers.py from deploy/nginx.conf\n" + "\n".join(head) + "\n" + conf


def find_nginx() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None
    )


class NginxProxy(_Process):
    name = "nginx"

    def __init__(self, upstream_ports: Sequence[int], tmp: Path, port: int | None = None) -> None:
        self.port = port or free_port()
        self.upstream_ports = list(upstream_ports)
        self.tmp = tmp
        super().__init__(tmp / "nginx.out")
        self.conf_path = tmp / "nginx.conf"

    def start(self, timeout: float = 20.0) -> NginxProxy:
        nginx = find_nginx()
        if nginx is None:
            raise RuntimeError("nginx not found (apt-get install nginx; `make bench` does it)")
        for d in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.tmp / d).mkdir(exist_ok=True)
        self.conf_path.write_text(
            render_nginx_conf(NGINX_TEMPLATE.read_text(), self.port, self.upstream_ports, self.tmp)
        )
        base = [nginx, "-p", str(self.tmp), "-e", str(self.tmp / "error.log"), "-c", str(self.conf_path)]
        check = subprocess.run([*base, "-t", "-q"], capture_output=True, text=True, timeout=30, check=False)
        if check.returncode != 0:
            raise RuntimeError(f"nginx -t failed:\n{check.stderr}\n{self.conf_path.read_text()}")
        self._spawn([*base, "-g", "daemon off;"], cwd=self.tmp)
        self.wait_http(self.port, "/_stcore/health", timeout, expect=b"ok")
        return self


@contextmanager
def temp_dir(prefix: str = "tm-bench-") -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@contextmanager
def running(servers: Sequence[StreamlitServer]) -> Iterator[Sequence[StreamlitServer]]:
    """The servers, started together, and stopped however the block ends."""
    try:
        start_together(servers)
        yield servers
    finally:
        for server in servers:
            server.stop()


@contextmanager
def replicas_behind_nginx(
    script: str | Path, log_dir: Path, n: int = 2
) -> Iterator[tuple[NginxProxy, list[StreamlitServer]]]:
    """n Streamlit replicas of `script` plus nginx in front (deploy/nginx.conf, rendered)."""
    servers = [StreamlitServer(script, log_dir, name=f"replica {i + 1}") for i in range(n)]
    with running(servers):
        proxy = NginxProxy([s.port for s in servers], log_dir)
        try:
            proxy.start()
            yield proxy, servers
        finally:
            proxy.stop()
