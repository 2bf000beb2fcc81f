"""Keep None, True and False alive under PySide6 6.12 on Python 3.11.

The PySide6 6.12.0 wheels (abi3) return ``None`` from every void method, and from a null QVariant or
pointer, without taking a reference: from Python 3.12 on that is correct (PEP 683 made ``None``
immortal), on 3.11 each such call takes one reference away for good. ``None`` starts with about 5,000,
so roughly 5,000 ``setText`` calls later the interpreter aborts with "none_dealloc: deallocating
None" — a station PC would crash within minutes of real use (measured: tests/ui/test_refcount_guard.py).

The cure is what Python 3.12 does: give these singletons a reference count no program can use up.
They are never freed by CPython anyway, so nothing else changes. Called before any Qt object exists.
"""

from __future__ import annotations

import ctypes
import sys

# 2**40 leaked references would take years of calls; the field is a signed 64-bit Py_ssize_t.
_RESERVE = 1 << 40
_done = False


def protect_singletons() -> None:
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False):
        # CPython: the object's address is id(); its first field is the reference count.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _RESERVE
    _done = True
