"""Imported by the local engine's fork server (srccompare/engine.py) before it forks any worker.

Everything a worker needs is imported here once, and the semantic model (nlp/semantic.py) is loaded
here once: each worker forked afterwards shares those pages with the fork server instead of loading
its own copy (about 90 MB and half a second of CPU per worker). Loading only reads the weights;
nothing is encoded, so no tokenizer thread pool exists when the fork server forks.
"""

from __future__ import annotations

from . import ingest  # noqa: F401
from .compare import classify, report  # noqa: F401
from .ingest import text  # noqa: F401
from .nlp import semantic

semantic.available()
