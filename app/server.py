"""The HTTP protocol `facts serve` gives uvicorn: its httptools protocol with Nagle's algorithm off.

asyncio turns Nagle off only on connections whose listening socket reports IPPROTO_TCP, and the
socket uvicorn binds for several workers reports 0 (Kludex/uvicorn#3149). There, an answer's head
and body went out as two small segments, the body waited for the client's delayed ACK, and every
keep-alive request after the first took about 40 ms: two workers answered fewer requests than one."""

import socket

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

PROTOCOL = f"{__name__}:NoDelayHttpProtocol"


class NoDelayHttpProtocol(HttpToolsProtocol):
    def connection_made(self, transport) -> None:  # type: ignore[no-untyped-def]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
