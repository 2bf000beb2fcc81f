"""Bringing a county's search index up to date (store/county_search.py), in chunks, after an import.

Each chunk is one transaction: a build stopped half-way (the window closed, the power cut) keeps what it did and
the next one goes on from there. The searches are right at any moment (the register answers for what the index
does not know yet); the build only makes them fast. It runs in a process of its own beside the window
(``start_in_background``): making the words of a million cases is Python work that would hold the window's thread.

The same build first makes the complaints' indexes a big import left pending (store/pending_indexes.py), one per
transaction, on any register (a station's too: it may import a folder of packages as big as itself).
"""

from __future__ import annotations

import multiprocessing
import sqlite3
from collections.abc import Callable
from pathlib import Path

from station_app.domain import roles, search_grams
from station_app.services import station
from station_app.services.session import Session
from station_app.store import county_search as store
from station_app.store import pending_indexes

# Cases per transaction: about half a second of work, so the window's own writes never wait long behind a chunk.
CHUNK = 5_000
# Fewer cases than this unknown to the index are read from the register in a few milliseconds: no build is
# started for them (a county's small import, a test's register); they are taken in with the next big one.
BACKGROUND_FROM = 5_000


def wanted(session: Session) -> bool:
    """Does this register keep the county's index (a county's or a city's)?"""
    return station.mode(session) in station.OFFICES


def waiting(session: Session) -> int:
    """How many cases the index does not know as they are now (0 on a station's register; every case when the
    index is not there yet: a county's register made before it, or after personal data was erased)."""
    if not wanted(session):
        return 0
    if not store.present(session.db):
        return store.cases(session.db)
    return store.waiting(session.db)


def indexes_waiting(session: Session) -> int:
    """How many of the complaints' indexes a big import left to be built (on any register)."""
    return len(pending_indexes.pending(session.db))


def build_indexes(session: Session, *, cancelled: Callable[[], bool] | None = None) -> int:
    """Build the pending indexes, one transaction each; how many were built. ``cancelled()`` is asked between them."""
    built = 0
    while not (cancelled is not None and cancelled()) and pending_indexes.build_one(session.db):
        built += 1
    return built


def _words(values: tuple[str | None, ...]) -> str:
    """The words of a case from its indexed values (store.INDEXED: the short fields, then the facts)."""
    return search_grams.case_words(values[:-1], values[-1])


def build(
    session: Session,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    chunk: int = CHUNK,
) -> int:
    """Build the pending indexes, then index every case the index does not know as it is now; how many cases were
    indexed. ``progress(done, total)`` after each chunk; ``cancelled()`` is asked between indexes and chunks (what
    is done stays done)."""
    db = session.db
    if wanted(session):
        with db.atomic():
            store.create(db)
            # A county made before its index of words: now it has one (and never builds the station's index again).
            store.keep_short_text_index(db, False)
    build_indexes(session, cancelled=cancelled)
    if not wanted(session):
        return 0
    total, done = store.waiting(db), 0
    while not (cancelled is not None and cancelled()):
        with db.atomic():
            changed = store.stale(db, chunk)
            if changed:
                store.write(
                    db,
                    [(c["pk"], _words(c["old"])) for c in changed if c["old"] is not None],
                    [(c["pk"], _words(c["now"])) for c in changed if c["now"] is not None],
                    [c["pk"] for c in changed],
                    None,
                )
                done += len(changed)
            else:
                rows, last = store.new_cases(db, store.upto(db), chunk)
                if last == store.upto(db):
                    break
                store.write(db, [], [(pk, _words(values)) for pk, *values in rows], [], last)
                done += len(rows)
        if progress is not None:
            progress(min(done, total), total)
    return done


def bring_up_to_date(
    session: Session, *, only_status: bool = False, progress: Callable[[int, int], None] | None = None
) -> dict[str, int]:
    """The command line's ``search-index``: how many cases were waiting, and how many this call indexed; how many
    indexes an import left pending, and how many this call built."""
    session.require(roles.READ)
    before, indexes = waiting(session), indexes_waiting(session)
    built = 0 if only_status else build_indexes(session)
    indexed = 0 if only_status or not before else build(session, progress=progress)
    return {"waiting": before, "indexed": indexed, "indexes_pending": indexes, "indexes_built": built}


def _build_at(path: str) -> int:
    """The build in a process of its own (as the register's set-up user: the index holds no record)."""
    session = Session.open(Path(path), create=False)
    try:
        return build(session)
    except sqlite3.OperationalError:  # the register busy past the wait (a long import): the next build goes on
        return 0
    finally:
        session.close()


def start_in_background(session: Session) -> multiprocessing.process.BaseProcess | None:
    """Start the build in a process of its own when an import left indexes pending or the index of words is
    ``BACKGROUND_FROM`` cases behind or more; None when there is nothing worth doing.

    A daemon: it ends with the program (a chunk cut short is rolled back; the next build goes on from there)."""
    if session.path is None or not (indexes_waiting(session) or waiting(session) >= max(1, BACKGROUND_FROM)):
        return None
    process = multiprocessing.get_context("spawn").Process(
        target=_build_at, args=(str(session.path),), name="county-search-index", daemon=True
    )
    process.start()
    return process
