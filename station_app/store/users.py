"""The users table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


def count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM users").fetchone()[0]


def get(db: Database, name: str) -> dict[str, Any] | None:
    cursor = db.execute("SELECT * FROM users WHERE name = ?", [name])
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


def insert(db: Database, row: dict[str, Any]) -> None:
    db.execute(
        "INSERT INTO users (name, role, password_hash, created_at, updated_at)"
        " VALUES (:name, :role, :password_hash, :created_at, :updated_at)",
        row,
    )


def update(db: Database, name: str, changes: dict[str, Any]) -> None:
    assignments = ", ".join(f"{column} = :{column}" for column in changes)
    db.execute(f"UPDATE users SET {assignments} WHERE name = :_name", {**changes, "_name": name})


def all_users(db: Database) -> list[dict[str, Any]]:
    cursor = db.execute("SELECT name, role, disabled, locked_until, created_at FROM users ORDER BY name")
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor]
