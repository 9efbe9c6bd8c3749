"""The ASGI application that servers import: `uvicorn app.asgi:app`."""

from app.main import create_app
from app.observability import lean_log_records

lean_log_records()
app = create_app()
