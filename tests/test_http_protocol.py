"""The HTTP protocol `facts serve` runs turns Nagle's algorithm off on every connection, including
those accepted from a listening socket bound the way uvicorn binds it for several workers."""

import asyncio
import socket

import pytest
from uvicorn.config import Config
from uvicorn.server import ServerState

from app.server import NoDelayHttpProtocol

pytestmark = pytest.mark.anyio


async def nagle_off_on_accepted(bound: socket.socket) -> bool:
    """Serve `bound` with the protocol, connect once, and read TCP_NODELAY on the server's side."""
    config = Config(app=lambda scope, receive, send: None, lifespan="off")
    config.load()
    state = ServerState()
    made = asyncio.get_running_loop().create_future()

    def protocol() -> NoDelayHttpProtocol:
        instance = NoDelayHttpProtocol(config=config, server_state=state, app_state={})
        original = instance.connection_made

        def connection_made(transport: asyncio.Transport) -> None:
            try:
                original(transport)
                sock = transport.get_extra_info("socket")
                made.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            except BaseException as error:
                made.set_exception(error)
                raise

        instance.connection_made = connection_made  # type: ignore[method-assign]
        return instance

    server = await asyncio.get_running_loop().create_server(protocol, sock=bound)
    try:
        _, writer = await asyncio.open_connection(*bound.getsockname())
        nodelay = await asyncio.wait_for(made, 10)
        writer.close()
    finally:
        server.close()
    return bool(nodelay)


@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_nagle_is_off_on_a_socket_bound_with_protocol_zero() -> None:
    # As uvicorn's Config.bind_socket makes it: `proto` left at 0, so asyncio leaves Nagle on.
    bound = socket.socket(family=socket.AF_INET)
    bound.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    bound.bind(("127.0.0.1", 0))
    assert bound.proto == 0
    assert await nagle_off_on_accepted(bound)
