"""One exception family for everything newsaudit refuses or fails to do.

    NewsauditError            base: the CLI prints its message on one line, exit code 1
    ├── UsageError            the request itself is wrong (bad option, bad setting); exit 2
    ├── IngestError           the input cannot be read as an article (empty, binary, ...)
    │   └── FetchError        a URL could not be fetched (unreachable, refused, too big)
    ├── ModelError            a model is missing, unreadable or the wrong version
    └── StoreError            the database cannot be opened or written

Messages say what went wrong and what to do next, in one line.
"""

from __future__ import annotations


class NewsauditError(Exception):
    """Base of every error newsaudit raises on purpose."""

    exit_code = 1


class UsageError(NewsauditError):
    """The request is malformed: an unknown option value or an invalid setting."""

    exit_code = 2


class IngestError(NewsauditError):
    """The input cannot be turned into an article."""


class FetchError(IngestError):
    """A URL could not be fetched, or fetching it was refused."""


class ModelError(NewsauditError):
    """A model could not be loaded or does not fit."""


class StoreError(NewsauditError):
    """The store could not be opened, migrated or written."""
