"""One exception root for the project; the CLI turns these into clear messages."""

__all__ = ["KGError", "InputError", "StoreError", "QueryError", "ReadOnlyError"]


class KGError(Exception):
    """Root of every error this project raises on purpose."""


class InputError(KGError):
    """An article could not be read. ``source`` and ``line`` say where; the message says how to fix it."""

    def __init__(self, message: str, source: str | None = None, line: int | None = None):
        self.source, self.line, self.reason = source, line, message
        where = f"{source}:{line}" if source and line else (source or "")
        super().__init__(f"{where}: {message}" if where else message)


class StoreError(KGError):
    """The store could not be opened or written (path, server, credentials, database)."""


class QueryError(KGError):
    """A query is unknown, malformed or misses a parameter."""


class ReadOnlyError(QueryError):
    """A write clause in a query that was not run with --write."""
