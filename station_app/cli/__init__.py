"""The command line, ``station-app``: the same services as the windows, headless (docs/cli.md is the contract).

main.py builds the parser from the command modules and runs one command; base.py holds the exit codes, the
Chinese-speaking parser, ``bind`` (a command and its handler) and ``out`` (text or JSON); inputs.py reads
JSON input and passwords. One module per group of commands: station (init, demo, settings), complaint,
records (consult, report, event, warning), tally, yearly (summary, ledger import), exchange (``exchange …``
and the county's names ``export``, ``keys``, ``import``, ``rollup``), months (``month``, ``answers``),
county (``completeness``, ``duplicates``), printing (``print``), reference (catalog, compensation), users,
trust (backup, restore, check, privacy, audit) and system (selfcheck, gui).

Command modules import the services inside their handlers: building the parser loads none of them, so
``station-app --version`` and the start of the windows pay only for the command that runs (a test checks).
"""

from station_app.cli.main import main

__all__ = ["main"]
