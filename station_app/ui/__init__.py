"""The desktop windows: the only package that imports Qt widgets."""

from station_app.ui.refcount_guard import protect_singletons

protect_singletons()  # before any Qt call: see refcount_guard for the PySide6 6.12 / Python 3.11 bug
