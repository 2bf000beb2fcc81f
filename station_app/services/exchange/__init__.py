"""The USB exchange between the stations and the county, as use cases (format: docs/package-format.md).

At a station: its keys (keys.py), a month's package for the stick (export.py, with what every package
shares in manifest.py), month close and the county's answers (months.py). At the county: reading the
packages (reading.py: verified, inflated, parsed and checked off the merging thread), deciding what each
would do (plan.py, evidence.py), merging them whole or refusing them whole (importing.py), the import
log (log.py) and the county's views of its stations (county.py). The byte formats are in
station_app/formats/; the SQL in store/exchange.py, store/staging.py and store/bulk.py.

The names below are what the command line and the windows call.
"""

from station_app.services.exchange.export import PERSONAL, export_package
from station_app.services.exchange.importing import import_file, import_packages
from station_app.services.exchange.keys import (
    county_key_installed,
    county_key_path,
    county_private_key,
    export_county_key,
    install_county_key,
    signing_key_path,
    station_key,
)
from station_app.services.exchange.log import import_log, open_conflicts

__all__ = [
    "PERSONAL",
    "county_key_installed",
    "county_key_path",
    "county_private_key",
    "export_county_key",
    "export_package",
    "import_file",
    "import_log",
    "import_packages",
    "install_county_key",
    "open_conflicts",
    "signing_key_path",
    "station_key",
]
