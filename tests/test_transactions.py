"""Transactions that nest (savepoints), roll back whole, and migrations split by SQLite itself."""

import pytest

from workbench.store.db import StoreError, _statements, connect, migrate, transaction


@pytest.fixture
def con(tmp_path):
    c = connect(tmp_path / "t.sqlite")
    c.execute("CREATE TABLE t (x TEXT UNIQUE)")
    yield c
    c.close()


def rows(con):
    return [r[0] for r in con.execute("SELECT x FROM t ORDER BY rowid")]


def test_an_inner_failure_rolls_back_only_the_inner_part(con):
    with transaction(con):
        con.execute("INSERT INTO t VALUES ('outer')")
        with pytest.raises(RuntimeError), transaction(con):
            con.execute("INSERT INTO t VALUES ('inner')")
            raise RuntimeError("inner fails")
        assert con.in_transaction  # the outer one goes on
        con.execute("INSERT INTO t VALUES ('after')")
    assert rows(con) == ["outer", "after"]
    assert not con.in_transaction


def test_an_inner_sqlite_error_is_one_store_error_and_the_outer_goes_on(con):
    with transaction(con):
        con.execute("INSERT INTO t VALUES ('a')")
        with pytest.raises(StoreError), transaction(con):
            con.execute("INSERT INTO t VALUES ('b')")
            con.execute("INSERT INTO t VALUES ('a')")  # UNIQUE fails
        con.execute("INSERT INTO t VALUES ('c')")
    assert rows(con) == ["a", "c"]


def test_an_outer_failure_rolls_back_what_the_inner_one_released(con):
    with pytest.raises(RuntimeError), transaction(con):
        with transaction(con):
            con.execute("INSERT INTO t VALUES ('inner')")
        con.execute("INSERT INTO t VALUES ('outer')")
        raise RuntimeError("outer fails")
    assert rows(con) == []
    assert not con.in_transaction


def test_nothing_is_visible_to_another_connection_before_the_outer_commit(con, tmp_path):
    other = connect(tmp_path / "t.sqlite")
    with transaction(con):
        with transaction(con):
            con.execute("INSERT INTO t VALUES ('x')")
        assert other.execute("SELECT count(*) FROM t").fetchone()[0] == 0
    assert other.execute("SELECT count(*) FROM t").fetchone()[0] == 1
    other.close()


def test_migrations_split_where_sqlite_says_a_statement_ends():
    sql = """
    CREATE TABLE a (x TEXT DEFAULT 'one; two');
    -- a comment; with a semicolon
    CREATE TRIGGER a_t AFTER INSERT ON a BEGIN
        UPDATE a SET x = x || ';' WHERE rowid = new.rowid;
    END;
    """
    parts = _statements(sql)
    assert len(parts) == 2  # a split on ";" gives 6 broken pieces
    assert parts[0] == "CREATE TABLE a (x TEXT DEFAULT 'one; two');"
    assert "CREATE TRIGGER a_t" in parts[1] and parts[1].endswith("END;")


def test_a_migration_with_a_trigger_and_quoted_semicolons_applies(tmp_path):
    con = connect(tmp_path / "m.sqlite")
    migrate(
        con,
        [
            "CREATE TABLE a (x TEXT DEFAULT 'one; two');"
            "CREATE TRIGGER a_t AFTER INSERT ON a BEGIN"
            " UPDATE a SET x = x || ';!' WHERE rowid = new.rowid; END;",
        ],
    )
    con.execute("INSERT INTO a DEFAULT VALUES")
    assert con.execute("SELECT x FROM a").fetchone()[0] == "one; two;!"
    assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    con.close()


def test_an_incomplete_migration_is_refused():
    with pytest.raises(ValueError, match="incomplete"):
        _statements("CREATE TABLE a (x TEXT DEFAULT 'unterminated;")


def test_a_migration_another_process_applied_meanwhile_is_not_applied_again(tmp_path, monkeypatch):
    """Two Ray workers opened a new MT cache at once: both read schema 0, the second one's
    CREATE TABLE failed ("table translations already exists") and the batch stopped. The
    version is read again under the write lock."""
    import workbench.store.db as db

    path = tmp_path / "shared.sqlite"
    mine, other = connect(path), connect(path)
    migrations = ["CREATE TABLE t (x INTEGER)", "ALTER TABLE t ADD COLUMN y TEXT"]
    real = db.transaction
    raced: list[bool] = []

    def other_wins_the_race(con, p=""):
        if not raced:  # between our version read and our BEGIN, the other process migrates
            raced.append(True)
            migrate(other, migrations, path)
        return real(con, p)

    monkeypatch.setattr(db, "transaction", other_wins_the_race)
    assert migrate(mine, migrations, path) == 2
    assert raced
    assert mine.execute("PRAGMA user_version").fetchone()[0] == 2
    assert [r[1] for r in mine.execute("PRAGMA table_info(t)")] == ["x", "y"]
