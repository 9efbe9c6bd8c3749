"""HEAD over a real server: the head of the GET answer, and not one byte of its body."""

import socket
from urllib.parse import urlsplit

import httpx


def raw_exchange(base_url: str, request: bytes) -> bytes:
    """Everything the server sends for `request` on a connection it is asked to close."""
    url = urlsplit(base_url)
    with socket.create_connection((url.hostname, url.port), timeout=5) as sock:
        sock.sendall(request)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    return received


def test_head_sends_the_get_head_without_a_body(live_server: str) -> None:
    got = httpx.get(f"{live_server}/v1/quotes/1")
    assert got.status_code == 200
    answer = raw_exchange(live_server, b"HEAD /v1/quotes/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200 ")
    assert f"content-length: {len(got.content)}".encode() in head.lower()
    assert got.headers["etag"].encode() in head
    assert body == b""
