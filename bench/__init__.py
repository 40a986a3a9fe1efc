"""Benchmarks for `make bench`. Each module exposes ``run() -> list[Row]``."""
