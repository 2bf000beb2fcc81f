"""``python -m station_app.cli``: the command line, as ``station-app``."""

from station_app.cli import main

if __name__ == "__main__":  # a spawned worker process imports this module too (as __mp_main__)
    raise SystemExit(main())
