"""`facts serve --workers N` as a real server: many writers at once, shared rate limits, a SIGKILL
in the middle of writes that loses no acknowledged write, connections spread over the workers, and
the app module it serves. SQLite or PostgreSQL, per run."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from app import server as server_module
from app.db import Database
from app.services import keys, migrations
from app.services.seed import seed

FACTS = Path(sys.executable).parent / "facts"
# Fixed windows start at multiples of their length: one this long will not roll over mid-test.
LONG_WINDOW = str(10**9)


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]

    def kill(self) -> None:
        # The whole group: the supervisor and every worker, with no chance to clean up.
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(database_url: str, log: Path, workers: int = 2, **env: str) -> Server:
    port = free_port()
    environment = {
        **os.environ,
        "FACTS_DATABASE_URL": database_url,
        "FACTS_LOG_LEVEL": "WARNING",
        **{f"FACTS_{name.upper()}": value for name, value in env.items()},
    }
    environment.pop("PROMETHEUS_MULTIPROC_DIR", None)
    with log.open("ab") as stderr:
        process = subprocess.Popen(
            [str(FACTS), "serve", "--port", str(port), "--workers", str(workers)],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,
        )
    server = Server(f"http://127.0.0.1:{port}", process)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{server.url}/ready", timeout=1).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    server.kill()
    raise AssertionError(f"server did not become ready: {log.read_text()[-2000:]}")


@pytest.fixture
def prepared(make_database) -> Iterator[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """A migrated, seeded database and a key for it."""
    url = make_database()
    migrations.upgrade(url)
    database = Database(url)
    try:
        with database.session(write=True) as session:
            seed(session)
            _, key = keys.create_key(session, "server tests")
            session.commit()
    finally:
        database.dispose()
    yield url, key


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[list[Server]]:
    started: list[Server] = []
    yield started
    for server in started:
        if server.process.poll() is None:
            server.kill()


def amounts_in_history(server: Server) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for pledge_id in (1, 2, 3):
        events = httpx.get(f"{server.url}/v1/pledges/{pledge_id}/history?limit=500").json()["items"]
        found[pledge_id] = [event["after"]["amount"] for event in events]
    return found


def test_many_workers_many_writers(prepared: tuple[str, str], servers: list[Server], tmp_path: Path) -> None:
    url, key = prepared
    server = start(url, tmp_path / "server.log", workers=3)
    servers.append(server)
    answers: list[tuple[int, int, str]] = []
    lock = threading.Lock()

    def writer(worker: int) -> None:
        with httpx.Client(base_url=server.url, headers={"X-API-Key": key}, timeout=60) as client:
            for n in range(25):
                amount = worker * 1000 + n
                response = client.patch(f"/v1/pledges/{n % 3 + 1}", json={"amount": amount})
                with lock:
                    answers.append((amount, response.status_code, response.text))

    threads = [threading.Thread(target=writer, args=(worker,)) for worker in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    failures = [(status, text) for _, status, text in answers if status != 200]
    assert failures == []
    stored = sorted(a for amounts in amounts_in_history(server).values() for a in amounts)
    assert stored == sorted(amount for amount, _, _ in answers)
    assert "database is locked" not in (tmp_path / "server.log").read_text()


def test_rate_limits_are_shared_by_the_workers(
    prepared: tuple[str, str], servers: list[Server], tmp_path: Path
) -> None:
    url, key = prepared
    server = start(
        url, tmp_path / "server.log", workers=3, rate_limit_per_key="5", rate_limit_window_seconds=LONG_WINDOW
    )
    servers.append(server)
    statuses = []
    for n in range(12):
        # A new connection each time, so that the requests spread over the workers.
        response = httpx.patch(f"{server.url}/v1/pledges/1", json={"amount": n}, headers={"X-API-Key": key})
        statuses.append(response.status_code)
    assert statuses.count(200) == 5 and statuses.count(429) == 7


def test_metrics_sum_the_workers(prepared: tuple[str, str], servers: list[Server], tmp_path: Path) -> None:
    url, _ = prepared
    server = start(url, tmp_path / "server.log", workers=2)
    servers.append(server)
    for _ in range(20):
        assert httpx.get(f"{server.url}/v1/quotes/1").status_code == 200
    metrics = httpx.get(f"{server.url}/metrics").text
    line = next(
        line
        for line in metrics.splitlines()
        if line.startswith("facts_http_requests_total{") and 'route="/v1/quotes/{quote_id}"' in line
    )
    assert float(line.rsplit(" ", 1)[1]) == 20


def test_sigkill_loses_no_acknowledged_write(
    prepared: tuple[str, str], servers: list[Server], tmp_path: Path
) -> None:
    url, key = prepared
    server = start(url, tmp_path / "server.log", workers=2)
    servers.append(server)
    acknowledged: list[int] = []
    lock = threading.Lock()
    stop = threading.Event()
    bad: list[Any] = []

    def writer(worker: int) -> None:
        with httpx.Client(base_url=server.url, headers={"X-API-Key": key}, timeout=10) as client:
            n = 0
            while not stop.is_set():
                amount = worker * 100_000 + n
                n += 1
                try:
                    response = client.patch(f"/v1/pledges/{amount % 3 + 1}", json={"amount": amount})
                except httpx.TransportError:
                    return  # the server is gone; this write was never acknowledged
                if response.status_code == 200:
                    with lock:
                        acknowledged.append(amount)
                else:
                    bad.append((response.status_code, response.text))

    threads = [threading.Thread(target=writer, args=(worker,)) for worker in range(6)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 30
    while len(acknowledged) < 60 and time.monotonic() < deadline:
        time.sleep(0.01)
    server.kill()  # in the middle of writes: the writers are still sending
    stop.set()
    for thread in threads:
        thread.join()
    assert bad == []
    assert len(acknowledged) >= 60

    restarted = start(url, tmp_path / "restarted.log", workers=1)
    servers.append(restarted)
    stored = {a for amounts in amounts_in_history(restarted).values() for a in amounts}
    assert set(acknowledged) <= stored


def tcp_sockets(port: int) -> dict[int, str]:
    """Inode to state ('0A' listening, '01' established) of the IPv4 sockets on local `port`."""
    found = {}
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[1].split(":")[1], 16) == port:
            found[int(fields[9])] = fields[3]
    return found


def sockets_of(pid: int) -> set[int]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(FileNotFoundError):
            target = os.readlink(fd)
            if target.startswith("socket:["):
                inodes.add(int(target[8:-1]))
    return inodes


@pytest.mark.skipif(not server_module.BALANCED, reason="SO_REUSEPORT balances connections on Linux only")
def test_each_worker_listens_on_its_own_socket(
    prepared: tuple[str, str], servers: list[Server], tmp_path: Path
) -> None:
    """A burst of keep-alive connections opened at once is spread over the workers: with one shared
    socket, the worker that woke first usually accepted them all."""
    url, _ = prepared
    server = start(url, tmp_path / "server.log", workers=2)
    servers.append(server)
    port = int(server.url.rsplit(":", 1)[1])
    deadline = time.monotonic() + 30  # `start` waits for one worker; the other may still be starting
    while list(tcp_sockets(port).values()).count("0A") < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(32)]
    try:
        for client in clients:
            client.sendall(b"GET /health HTTP/1.1\r\nHost: test\r\n\r\n")
        for client in clients:
            assert client.makefile("rb").readline().startswith(b"HTTP/1.1 200")
        on_port = tcp_sockets(port)
        children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children").read_text()
        held = {pid: sockets_of(int(pid)) & on_port.keys() for pid in children.split()}
        workers = {pid: inodes for pid, inodes in held.items() if inodes}
        listening = [{i for i in inodes if on_port[i] == "0A"} for inodes in workers.values()]
        connected = [sum(on_port[i] == "01" for i in inodes) for inodes in workers.values()]
    finally:
        for client in clients:
            client.close()
    assert len(workers) == 2
    [first, second] = listening
    assert len(first) == len(second) == 1 and first != second
    # Each connection goes to either worker by a hash of its address: all 32 on one would happen
    # once in two billion runs.
    assert sorted(connected)[0] > 0 and sum(connected) == 32


def test_the_served_app_leaves_its_startup_heap_out_of_collections(tmp_path: Path) -> None:
    """The module servers import freezes what startup made (gc.freeze): the collector's full passes
    then walk only what requests made, not the app's own 140,000 objects, a walk that paused every
    request in flight."""
    code = "import gc, app.asgi; print(gc.get_freeze_count())"
    env = {**os.environ, "FACTS_DATABASE_URL": f"sqlite:///{tmp_path / 'facts.db'}"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert int(done.stdout) > 50_000
