"""A snapshot of the test database with the demo content loaded, taken once
per test process (tests/conftest.py, `django_db_setup`). A transactional
test (the browser tests) ends by putting it back (`install()`), in well
under a second, where Django would flush the database and the next test
would run `load_demo` again (about 11 s of CPU each time: most of the
suite's time went on it).

The snapshot is exact: every table's rows as `load_demo` left them, and on
PostgreSQL each sequence's value, so ids and content are those of the first
load. SQLite copies the whole database with its backup API (the search
index's virtual tables included); PostgreSQL copies each table with COPY.
Files (images, documents) stay on disk across a flush, so their rows may
come back alone."""

import sqlite3

from django.contrib.contenttypes.models import ContentType
from django.db import connections, transaction
from django.test import TransactionTestCase

#: alias -> the snapshot of that database (a sqlite3 connection, or the
#: PostgreSQL tables' COPY data and sequences).
_SNAPSHOTS = {}
#: Tables no flush empties, so never copied back.
_KEPT = {"django_migrations"}


def take(alias="default"):
    """Records the database `alias` as it is now."""
    connection = connections[alias]
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        _SNAPSHOTS[alias] = copy
    elif connection.vendor == "postgresql":
        _SNAPSHOTS[alias] = _pg_take(connection)


def restore(alias="default"):
    """Puts the database `alias` back as `take()` recorded it and returns
    True, or returns False if there is no snapshot of it (or it cannot be
    restored here: inside a transaction on SQLite)."""
    snapshot = _SNAPSHOTS.get(alias)
    connection = connections[alias]
    if snapshot is None:
        return False
    if connection.vendor == "sqlite":
        if connection.in_atomic_block:
            return False
        connection.ensure_connection()
        snapshot.backup(connection.connection)
    else:
        _pg_restore(connection, snapshot)
    ContentType.objects.clear_cache()
    return True


def _tables(connection):
    with connection.cursor() as cursor:
        names = connection.introspection.table_names(cursor, include_views=False)
    return sorted(set(names) - _KEPT)


def _pg_take(connection):
    tables = {}
    with connection.connection.cursor() as cursor:
        for table in _tables(connection):
            with cursor.copy(f'COPY "{table}" TO STDOUT') as copy:
                tables[table] = b"".join(bytes(block) for block in copy)
        cursor.execute(
            "SELECT format('%I.%I', schemaname, sequencename), last_value "
            "FROM pg_sequences WHERE schemaname = current_schema()"
        )
        sequences = cursor.fetchall()
    return tables, sequences


def _pg_restore(connection, snapshot):
    tables, sequences = snapshot
    with transaction.atomic(using=connection.alias):
        with connection.connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            names = ", ".join(f'"{table}"' for table in _tables(connection))
            cursor.execute(f"TRUNCATE {names} CASCADE")
            for table, data in tables.items():
                if data:
                    with cursor.copy(f'COPY "{table}" FROM STDIN') as copy:
                        copy.write(data)
            for sequence, value in sequences:
                if value is None:
                    cursor.execute("SELECT setval(%s, 1, false)", [sequence])
                else:
                    cursor.execute("SELECT setval(%s, %s, true)", [sequence, value])


_flush = TransactionTestCase._fixture_teardown


def _fixture_teardown(test_case):
    """Ends a transactional test by putting back the snapshot of each of its
    databases (which empties every table first, as Django's flush does),
    instead of flushing them (and recreating content types and permissions
    for an empty database) and loading the demo content again; without a
    snapshot, flushes as Django does."""
    aliases = test_case._databases_names(include_mirrors=False)
    if not all(alias in _SNAPSHOTS for alias in aliases):
        _flush(test_case)
        return
    for alias in aliases:
        if not restore(alias):
            _flush(test_case)
            return


def install():
    """Makes transactional tests end with the snapshot (see `_fixture_teardown`)."""
    assert callable(_flush), "Django's TransactionTestCase._fixture_teardown is gone"
    TransactionTestCase._fixture_teardown = _fixture_teardown
