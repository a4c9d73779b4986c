"""Copies of one request released at the same moment, each in its own
thread on its own database connection: what a double-click or two browsers
do. Only PostgreSQL makes the second writer wait; SQLite's shared-cache
test database refuses it, so these tests run on PostgreSQL (CI runs them)."""

import threading

from django.db import connection, connections

import pytest

_ONLY_POSTGRESQL = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="two database connections racing: SQLite's shared-cache test database refuses "
    "the second writer instead of making it wait",
)


def racing_connections(test):
    """Marks a test that races database connections: PostgreSQL only, and
    transactional (each thread commits on its own connection)."""
    return _ONLY_POSTGRESQL(pytest.mark.django_db(transaction=True)(test))


def at_once(send, copies=4):
    """Runs `send()` in `copies` threads released together and returns what
    each returned (in the order they finished)."""
    barrier = threading.Barrier(copies)
    results = []

    def one():
        try:
            barrier.wait(timeout=60)
            results.append(send())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one) for _ in range(copies)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results
