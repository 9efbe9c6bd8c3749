"""How `facts serve` runs uvicorn: its httptools protocol with Nagle's algorithm off, and with several
workers, a listening socket per worker.

asyncio turns Nagle off only on connections whose listening socket reports IPPROTO_TCP, and the
socket uvicorn binds for several workers reports 0 (Kludex/uvicorn#3149). There, an answer's head
and body went out as two small segments, the body waited for the client's delayed ACK, and every
keep-alive request after the first took about 40 ms: two workers answered fewer requests than one.

uvicorn's workers share the one socket it binds, and asyncio accepts every waiting connection at
once: in four runs of five, the worker that woke first took all 32 connections wrk opened, and the
other sat idle. On Linux each worker binds a socket of its own into the port's SO_REUSEPORT group,
and the kernel spreads new connections over the workers by a hash of their addresses."""

import logging
import socket
import sys
from typing import Any

import uvicorn
from uvicorn.config import STARTUP_FAILURE
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.supervisors import Multiprocess

PROTOCOL = f"{__name__}:NoDelayHttpProtocol"
logger = logging.getLogger("uvicorn.error")
# Elsewhere SO_REUSEPORT may exist without balancing (macOS hands every connection to one socket).
BALANCED = sys.platform == "linux" and hasattr(socket, "SO_REUSEPORT")


class NoDelayHttpProtocol(HttpToolsProtocol):
    def connection_made(self, transport) -> None:  # type: ignore[no-untyped-def]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)


def run(app: str, *, host: str, port: int, workers: int, **options: Any) -> None:
    """`uvicorn.run`, with a listening socket per worker where the kernel balances them."""
    if workers == 1 or not BALANCED:
        uvicorn.run(app, host=host, port=port, workers=workers, **options)
        return
    config = uvicorn.Config(app, host=host, port=port, workers=workers, **options)
    # The supervisor holds the port (and learns it, for port 0) with a socket that never listens,
    # so it takes no connections; a port already taken fails here rather than in every worker.
    try:
        held = _reuse_port_socket(host, port)
    except OSError as error:
        logger.error(error)
        sys.exit(STARTUP_FAILURE)
    port = held.getsockname()[1]
    logger.info(
        "Uvicorn running on http://%s:%d, a listening socket per worker (Press CTRL+C to quit)",
        f"[{host}]" if ":" in host else host, port,
    )
    try:
        Multiprocess(config, sockets=WorkerSockets(host, port)).run()
    finally:
        held.close()


class WorkerSockets(list[socket.socket]):
    """The sockets uvicorn's supervisor hands to each worker it starts (or restarts). It sends them
    pickled, and this list pickles as its address alone: each worker unpickles it into a socket of
    its own, bound to that address, which the worker's server then listens on."""

    def __init__(self, host: str, port: int) -> None:
        super().__init__()
        self.host, self.port = host, port

    def __reduce__(self) -> tuple[Any, ...]:
        return _bound_in_worker, (self.host, self.port)


def _bound_in_worker(host: str, port: int) -> list[socket.socket]:
    return [_reuse_port_socket(host, port)]


def _reuse_port_socket(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock
