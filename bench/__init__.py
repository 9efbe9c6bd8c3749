"""Benchmark-only code: the synthetic corpus and the load-test harness (`make bench`)."""
