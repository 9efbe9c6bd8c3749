"""The ASGI application that servers import: `uvicorn app.asgi:app`."""

from app.main import create_app

app = create_app()
