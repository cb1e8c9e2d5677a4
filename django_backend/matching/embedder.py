"""The process's embedding model, sized for the worker it runs in.

A Celery worker of N pool processes runs N embeddings at once, and onnxruntime's threads spin on every core they
are given: each process taking all the cores would run N times as many threads as cores, which only contend.
So unless EMBEDDING_THREADS says otherwise, each pool process gets its share of the cores.
"""

from __future__ import annotations

from typing import Any

from celery import signals
from celery.apps.worker import Worker
from django.conf import settings

from recruitment_core.embeddings import Embedder, default_threads, get_embedder, onnx_model_dir

# The pool processes of the worker this process belongs to (1 outside a worker), set before the pool forks.
_pool_processes = 1


@signals.worker_init.connect
def _remember_pool_size(sender: Any = None, **_: Any) -> None:
    global _pool_processes
    if isinstance(sender, Worker) and isinstance(sender.concurrency, int) and sender.concurrency > 0:
        _pool_processes = sender.concurrency


def embedding_threads() -> int:
    """EMBEDDING_THREADS, else this process's share of its CPUs (at least one)."""
    if settings.EMBEDDING_THREADS > 0:
        return int(settings.EMBEDDING_THREADS)
    return max(1, default_threads() // _pool_processes)


def embedder() -> Embedder:
    """The configured backend, loaded once per process."""
    return get_embedder(
        settings.EMBEDDING_BACKEND, onnx_model_dir(settings.EMBEDDING_MODEL_DIR), threads=embedding_threads()
    )
