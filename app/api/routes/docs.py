"""The documentation pages, Swagger UI and ReDoc, with every asset served locally from /static."""

from fastapi import Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse

from app.api import routing
from app.settings import PROJECT_DIR

STATIC_DIR = PROJECT_DIR / "app" / "static"
STATIC_URL = "/static"
TITLE = "Article Facts API"

router = routing.router(include_in_schema=False)


# The pages may load nothing from elsewhere: the browser refuses it even if a bundle tries. FastAPI's
# templates start the UI from an inline script, and ReDoc styles itself inline and searches in a worker.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "worker-src 'self' blob:",
        "connect-src 'self'",
    ]
)


def _local_page(page: HTMLResponse, stylesheet: str) -> HTMLResponse:
    """FastAPI's page templates take no extra stylesheet; ours makes Arabic read right to left."""
    html = bytes(page.body).decode("utf-8")
    html = html.replace("</head>", f'<link rel="stylesheet" href="{stylesheet}">\n</head>', 1)
    return HTMLResponse(html, headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY})


@router.get("/docs")
def swagger_ui(request: Request) -> HTMLResponse:
    """Swagger UI: read the API and try every operation against this server."""
    root = request.scope.get("root_path", "")
    page = get_swagger_ui_html(
        openapi_url=f"{root}{request.app.openapi_url}",
        title=f"{TITLE} — Swagger UI",
        swagger_js_url=f"{root}{STATIC_URL}/swagger-ui/swagger-ui-bundle.js",
        swagger_css_url=f"{root}{STATIC_URL}/swagger-ui/swagger-ui.css",
        swagger_favicon_url=f"{root}{STATIC_URL}/favicon.png",
        swagger_ui_parameters={"docExpansion": "list", "persistAuthorization": True},
    )
    return _local_page(page, f"{root}{STATIC_URL}/docs.css")


@router.get("/redoc")
def redoc(request: Request) -> HTMLResponse:
    """ReDoc: the API reference on one page."""
    root = request.scope.get("root_path", "")
    page = get_redoc_html(
        openapi_url=f"{root}{request.app.openapi_url}",
        title=f"{TITLE} — ReDoc",
        redoc_js_url=f"{root}{STATIC_URL}/redoc/redoc.standalone.js",
        redoc_favicon_url=f"{root}{STATIC_URL}/favicon.png",
        with_google_fonts=False,
    )
    return _local_page(page, f"{root}{STATIC_URL}/docs.css")
