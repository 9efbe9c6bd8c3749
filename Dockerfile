FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    FACTS_HOST=0.0.0.0 \
    FACTS_PORT=8000 \
    FACTS_WORKERS=2

WORKDIR /srv/facts

# Dependencies in their own layer: rebuilt only when pyproject.toml changes.
COPY pyproject.toml README.md ./
RUN mkdir app && touch app/__init__.py \
    && pip install . \
    && pip uninstall -y article-facts

COPY app ./app
COPY migrations ./migrations
COPY data ./data
RUN pip install --no-deps -e . \
    && useradd --system --uid 10001 --home-dir /srv/facts facts \
    && chown -R facts:facts /srv/facts/data

USER facts
EXPOSE 8000
# Healthy once the database answers and the schema is at the newest migration.
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s \
    CMD python -c "import urllib.request, os; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"FACTS_PORT\"]}/ready')"

CMD ["sh", "-c", "facts db upgrade && facts seed && exec facts serve"]
