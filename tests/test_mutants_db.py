"""Opening, transactions, savepoints and migrations: the behaviour mutation testing showed
the suite did not pin down (see BENCHMARKS.md, mutation scores of store/db.py)."""

from __future__ import annotations

import errno
import sqlite3
import threading

import pytest

from workbench.store import db
from workbench.store.db import StoreError, _explain, connect, integrity_ok, migrate, transaction


@pytest.fixture
def path(tmp_path):
    return tmp_path / "t.sqlite"


@pytest.fixture
def con(path):
    c = connect(path)
    c.execute("CREATE TABLE t (x TEXT UNIQUE)")
    yield c
    c.close()


def rows(con):
    return [r[0] for r in con.execute("SELECT x FROM t ORDER BY rowid")]


# --- opening -------------------------------------------------------------------------------


def test_a_connection_is_wal_autocommit_with_foreign_keys_and_full_sync(con, path):
    assert con.journal_mode == "wal"
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert con.execute("PRAGMA busy_timeout").fetchone()[0] == db.BUSY_TIMEOUT_S * 1000 == 30000
    assert con.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    con.execute("INSERT INTO t VALUES ('a')")  # autocommit: no transaction left open
    assert not con.in_transaction
    other = sqlite3.connect(path)
    assert other.execute("SELECT x FROM t").fetchall() == [("a",)]
    other.close()


def test_synchronous_can_be_relaxed(path):
    c = connect(path, synchronous="NORMAL")
    assert c.execute("PRAGMA synchronous").fetchone()[0] == 1
    c.close()


def test_no_wal_forces_a_rollback_journal(path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_NO_WAL", "1")
    c = connect(path)
    assert c.journal_mode == "delete"
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    c.close()
    monkeypatch.setenv("WORKBENCH_NO_WAL", "0")  # only "1" turns it off
    c = connect(path)
    assert c.journal_mode == "wal"
    c.close()


def test_a_connection_can_be_used_from_another_thread(con):
    got: list[object] = []
    worker = threading.Thread(target=lambda: got.append(con.execute("SELECT 1").fetchone()[0]))
    worker.start()
    worker.join()
    assert got == [1]


def test_a_folder_that_does_not_exist_is_one_clear_error(tmp_path):
    missing = tmp_path / "missing" / "t.sqlite"
    with pytest.raises(StoreError, match="cannot open the database") as exc:
        connect(missing)
    assert str(exc.value).startswith(f"{missing}: ") and "\n" not in str(exc.value)


def test_a_file_that_is_not_a_database_is_named_as_such(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not an SQLite file at all " * 100)
    with pytest.raises(StoreError, match="not a workbench database, or damaged"):
        connect(bad)


def test_database_closes_on_leaving_with(path):
    class Store(db.Database):
        def __init__(self) -> None:
            self.con = connect(path)

    with Store() as s:
        assert isinstance(s, Store)
        s.con.execute("SELECT 1")
    with pytest.raises(sqlite3.ProgrammingError):
        s.con.execute("SELECT 1")


# --- the one-line reasons --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("exc", "says"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
        (sqlite3.OperationalError("database or disk is full"), "the disk is full"),
        (sqlite3.OperationalError("disk is full"), "the disk is full"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "cannot write here"),
        (sqlite3.OperationalError("the file is read-only"), "cannot write here"),
        (PermissionError(errno.EACCES, "Permission denied"), "cannot write here"),
        (sqlite3.OperationalError("database is locked"), "busy too long"),
        (sqlite3.OperationalError("database table is busy"), "busy too long"),
        (sqlite3.DatabaseError("file is not a database"), "not a workbench database"),
        (sqlite3.DatabaseError("database disk image is malformed"), "or damaged"),
        (sqlite3.OperationalError("unable to open database file"), "cannot open the database"),
        (sqlite3.OperationalError("no such table: t"), "no such table: t"),
    ],
)
def test_each_failure_has_its_own_one_line_reason(exc, says, tmp_path):
    msg = _explain(exc, tmp_path / "x.sqlite")
    assert msg.startswith(f"{tmp_path / 'x.sqlite'}: ") and says in msg and "\n" not in msg
    assert StoreError(msg).disk_full == (says == "the disk is full")


def test_another_oserror_is_not_a_full_disk(tmp_path):
    msg = _explain(OSError(errno.EIO, "Input/output error"), tmp_path)
    assert "disk is full" not in msg and "Input/output error" in msg


# --- transactions ---------------------------------------------------------------------------


def test_a_transaction_commits_once_and_holds_the_write_lock_from_the_start(con, path):
    other = connect(path)
    other.execute("PRAGMA busy_timeout = 0")
    with transaction(con) as inside:
        assert inside is con and con.in_transaction
        # BEGIN IMMEDIATE: the write lock is taken before the first write
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        con.execute("INSERT INTO t VALUES ('a')")
        assert other.execute("SELECT count(*) FROM t").fetchone()[0] == 0
    assert not con.in_transaction
    assert other.execute("SELECT x FROM t").fetchall() == [("a",)]
    other.close()


def test_a_failure_rolls_back_the_whole_transaction_and_keeps_its_exception(con):
    con.execute("INSERT INTO t VALUES ('kept')")
    with pytest.raises(KeyError), transaction(con):
        con.execute("INSERT INTO t VALUES ('gone')")
        raise KeyError("not a database error")
    assert rows(con) == ["kept"] and not con.in_transaction


def test_a_sqlite_error_inside_becomes_one_store_error_naming_the_file(con, path):
    with pytest.raises(StoreError) as exc, transaction(con, path):
        con.execute("INSERT INTO t VALUES ('a')")
        con.execute("INSERT INTO t VALUES ('a')")
    assert str(exc.value).startswith(f"{path}: ") and "UNIQUE" in str(exc.value)
    assert rows(con) == [] and not con.in_transaction


def test_a_busy_database_is_retried_until_the_other_writer_commits(con, path, monkeypatch):
    """The lock is freed during the first back-off; the write then goes through."""
    con.execute("PRAGMA busy_timeout = 0")  # SQLite itself does not wait: the retry loop does
    other = connect(path)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO t VALUES ('theirs')")
    waits: list[float] = []

    def sleep(s: float) -> None:
        waits.append(s)
        if other.in_transaction:
            other.execute("COMMIT")

    monkeypatch.setattr(db.time, "sleep", sleep)
    with transaction(con, path):
        con.execute("INSERT INTO t VALUES ('mine')")
    assert rows(con) == ["theirs", "mine"]
    assert waits == [pytest.approx(0.05)]  # one short back-off
    other.close()


def test_a_lock_that_outlasts_the_retries_is_one_clear_error(con, path, monkeypatch):
    con.execute("PRAGMA busy_timeout = 0")
    other = connect(path)
    other.execute("BEGIN IMMEDIATE")
    waits: list[float] = []
    monkeypatch.setattr(db.time, "sleep", waits.append)
    with pytest.raises(StoreError, match="busy too long") as exc, transaction(con, path):
        pytest.fail("the body must not run without the lock")
    assert str(exc.value).startswith(f"{path}: ")
    # it backs off, growing, each wait short, for some twenty seconds in all
    assert waits[0] == pytest.approx(0.05) and all(0 < w <= 0.5 for w in waits)
    assert waits == sorted(waits) and waits[-1] == 0.5
    assert 15 < sum(waits) < 30
    assert not con.in_transaction
    other.execute("ROLLBACK")
    other.close()


def test_a_read_only_database_is_refused_at_begin_without_retrying(path, monkeypatch):
    c = connect(path)
    c.execute("CREATE TABLE t (x)")
    c.close()
    ro = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    waits: list[float] = []
    monkeypatch.setattr(db.time, "sleep", waits.append)
    with pytest.raises(StoreError, match="read-only"), transaction(ro, path):
        ro.execute("INSERT INTO t VALUES (1)")
    assert waits == []
    ro.close()


def test_savepoints_nest_three_deep_and_each_rolls_back_alone(con, path):
    with transaction(con):
        con.execute("INSERT INTO t VALUES ('1')")
        with transaction(con):
            con.execute("INSERT INTO t VALUES ('2')")
            with pytest.raises(ValueError), transaction(con):
                con.execute("INSERT INTO t VALUES ('3')")
                raise ValueError
            with transaction(con):
                con.execute("INSERT INTO t VALUES ('4')")
        with pytest.raises(StoreError, match="UNIQUE") as exc, transaction(con, path):
            con.execute("INSERT INTO t VALUES ('5')")
            con.execute("INSERT INTO t VALUES ('1')")  # UNIQUE fails: this part goes
        assert str(exc.value).startswith(f"{path}: ")
    assert rows(con) == ["1", "2", "4"]
    assert not con.in_transaction


def test_an_inner_failure_the_caller_ignores_leaves_no_savepoint_open(con):
    for n in range(3):
        with transaction(con):
            with pytest.raises(ValueError), transaction(con):
                con.execute("INSERT INTO t VALUES (?)", (f"gone{n}",))
                raise ValueError
            con.execute("INSERT INTO t VALUES (?)", (f"kept{n}",))
        assert not con.in_transaction
    assert rows(con) == ["kept0", "kept1", "kept2"]


# --- migrations ------------------------------------------------------------------------------


MIGRATIONS = [
    "CREATE TABLE a (x TEXT);\nINSERT INTO a VALUES ('one');",
    "INSERT INTO a VALUES ('two')",
    "ALTER TABLE a ADD COLUMN y TEXT DEFAULT 'y;z';\nINSERT INTO a (x) VALUES ('three');\n",
]


def test_migrations_apply_in_order_once_and_record_the_version(path):
    c = connect(path)
    assert migrate(c, MIGRATIONS[:1]) == 1
    assert c.execute("PRAGMA user_version").fetchone()[0] == 1
    assert migrate(c, MIGRATIONS) == 3  # only 2 and 3 run now
    assert c.execute("PRAGMA user_version").fetchone()[0] == 3
    assert c.execute("SELECT x, y FROM a ORDER BY rowid").fetchall() == [
        ("one", "y;z"),
        ("two", "y;z"),
        ("three", "y;z"),
    ]
    assert migrate(c, MIGRATIONS) == 3  # nothing again
    assert c.execute("SELECT count(*) FROM a").fetchone()[0] == 3
    c.close()


def test_a_failing_migration_keeps_the_ones_before_it_and_none_of_itself(path):
    c = connect(path)
    broken = [*MIGRATIONS[:2], "INSERT INTO a VALUES ('half');\nINSERT INTO nowhere VALUES (1);"]
    with pytest.raises(StoreError, match="no such table: nowhere") as exc:
        migrate(c, broken, path)
    assert str(exc.value).startswith(f"{path}: ")
    assert c.execute("PRAGMA user_version").fetchone()[0] == 2
    assert [r[0] for r in c.execute("SELECT x FROM a ORDER BY rowid")] == ["one", "two"]
    c.close()


def test_a_database_from_a_newer_workbench_is_refused(path):
    c = connect(path)
    c.execute("PRAGMA user_version = 4")
    with pytest.raises(StoreError, match=r"newer workbench \(schema 4\)"):
        migrate(c, MIGRATIONS, path)
    assert migrate(c, [*MIGRATIONS, "CREATE TABLE b (x)"]) == 4  # the current one opens
    c.close()


def test_statements_skip_empty_ones_and_keep_each_whole():
    sql = "\n  CREATE TABLE a (x);;\n\t;\n  INSERT INTO a VALUES ('p;q')  \n"
    assert db._statements(sql) == ["CREATE TABLE a (x);", "INSERT INTO a VALUES ('p;q')  \n;"]
    assert db._statements("  \n ") == []
    assert db._statements("VACUUM") == ["VACUUM;"]


def test_a_migration_may_end_with_a_comment(path):
    """A comment after the last statement is not an unfinished statement."""
    sql = "CREATE TABLE a (x TEXT);\n-- done; nothing more"
    parts = db._statements(sql)
    assert parts[0] == "CREATE TABLE a (x TEXT);"
    c = connect(path)
    assert migrate(c, [sql]) == 1
    assert c.execute("SELECT name FROM sqlite_master").fetchall() == [("a",)]
    c.close()
    with pytest.raises(ValueError, match="incomplete"):
        db._statements("CREATE TABLE b (x);\nINSERT INTO b VALUES ('open;")
    long = "INSERT INTO b VALUES ('" + "x" * 100
    with pytest.raises(ValueError) as exc:  # the message quotes its first 60 characters
        db._statements(long)
    assert str(exc.value) == f"incomplete SQL statement in a migration: {long[:60]!r}"


def test_integrity_ok_on_a_sound_database(con):
    assert integrity_ok(con) is True


def test_an_inner_failure_that_ends_the_whole_transaction_writes_nothing_of_it(con, path):
    """A trigger's RAISE(ROLLBACK) (or an I/O error) inside a savepoint rolls back the outer
    transaction too: what the caller writes after it must not be committed on its own."""
    con.execute(
        "CREATE TRIGGER stop BEFORE INSERT ON t WHEN new.x = 'stop' "
        "BEGIN SELECT RAISE(ROLLBACK, 'stopped by a trigger'); END"
    )
    with pytest.raises(StoreError, match="rolled back the whole transaction"):
        with transaction(con, path):
            con.execute("INSERT INTO t VALUES ('outer')")
            with pytest.raises(StoreError, match="stopped by a trigger") as inner:
                with transaction(con, path):
                    con.execute("INSERT INTO t VALUES ('stop')")
            assert str(inner.value).startswith(f"{path}: ")
            con.execute("INSERT INTO t VALUES ('after')")  # the caller goes on
    assert rows(con) == [] and not con.in_transaction
    with transaction(con, path):  # the next transaction is a fresh one
        con.execute("INSERT INTO t VALUES ('next')")
    assert rows(con) == ["next"]
