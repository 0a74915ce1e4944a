"""numpy's BLAS thread pool, held to one thread around many small matrix products.

Parsing an article or embedding a claim multiplies small matrices thousands of times;
waking BLAS threads for each costs more than it saves (much more on a busy machine, where
they spin), and a batch already runs one process per core.
"""

from __future__ import annotations

import functools
from contextlib import AbstractContextManager
from typing import Any

from threadpoolctl import ThreadpoolController


@functools.lru_cache(maxsize=1)
def _controller() -> ThreadpoolController:
    """The BLAS thread pools numpy uses, inspected once."""
    return ThreadpoolController()


def one_thread() -> AbstractContextManager[Any]:
    """A context in which numpy's BLAS runs on one thread."""
    limiter: AbstractContextManager[Any] = _controller().limit(limits=1, user_api="blas")
    return limiter
