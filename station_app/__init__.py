"""station_app: the offline register of a grassroots consumer-rights station (一会两站)."""

__version__ = "0.1.0"
