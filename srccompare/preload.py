"""Imported by the local engine's fork server (srccompare/engine.py) before it forks any worker.

Everything a worker needs is imported here once, and the semantic model (nlp/semantic.py) is loaded
here once: each worker forked afterwards shares those pages with the fork server instead of loading
its own copy (about 90 MB and half a second of CPU per worker). Loading only reads the weights;
nothing is encoded, so no tokenizer thread pool exists when the fork server forks.
"""

from __future__ import annotations

import gc
import os

# The workers are as many as the cores: a tokenizer thread pool of its own in each (the semantic
# model's, as many threads as cores) only competes with the other workers (1,000 articles: 9.19 ->
# 9.03 s with it off). A user's own setting stands.
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from . import ingest  # noqa: F401
from .compare import classify, report  # noqa: F401
from .engine import GC_THRESHOLDS
from .ingest import text  # noqa: F401
from .nlp import semantic

semantic.available()
# What the fork server has loaded stays for the workers' lifetime: out of the collector's sight
# (no worker re-scans it, nor writes to its pages), and the workers collect as rarely as the CLI.
gc.freeze()
gc.set_threshold(*GC_THRESHOLDS)
