"""Request body size limit, as ASGI middleware: checked on Content-Length, then counted as read."""

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import problem_response


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _detail(self) -> str:
        return f"The request body exceeds {self.max_bytes} bytes."

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            response = problem_response(Request(scope), 413, self._detail())
            await response(scope, receive, send)
            return
        received = 0

        async def counting_receive() -> Message:
            # A chunked body has no Content-Length: count it while it arrives.
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # An HTTPException, because FastAPI turns any other error raised while it
                    # reads a body into a 400.
                    raise HTTPException(413, self._detail())
            return message

        await self.app(scope, counting_receive, send)
