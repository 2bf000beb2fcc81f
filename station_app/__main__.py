import multiprocessing

from station_app.cli import main

if __name__ == "__main__":
    # A big county import reads packages in worker processes (spawned): in the bundled app a worker starts as
    # this same program, and freeze_support turns it into the worker instead of a second app.
    multiprocessing.freeze_support()
    raise SystemExit(main())
