"""Code that only tests and benchmarks use: random-weight models, evaluation sets and scorers.

Nothing in the runtime package imports it (an import-linter contract checks); it ships
with the package so that `tests/` and `bench/` share one copy.
"""
