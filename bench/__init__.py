"""Benchmarks (not tests): `make bench DATA=../shared/bench` runs them and writes BENCHMARKS.md."""
