"""Prometheus metrics. Under `facts serve --workers N` every worker writes its samples to
PROMETHEUS_MULTIPROC_DIR and /metrics sums them, so the figures cover the whole server."""

import os

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest, multiprocess

REQUESTS = Counter("facts_http_requests_total", "HTTP requests answered.", ["method", "route", "status"])
LATENCY = Histogram(
    "facts_http_request_duration_seconds",
    "Time to answer an HTTP request.",
    ["method", "route"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
FACTS_EXTRACTED = Counter("facts_extracted_total", "Facts stored with newly ingested articles.", ["kind"])


def exposition() -> bytes:
    """Every metric in the Prometheus text format, summed over the workers when there are several."""
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest(REGISTRY)
