"""The byte formats of what leaves the station: USB exchange packages (package.py), key files (keys.py) and
password-sealed backups (sealed_backup.py). Pure functions over bytes: no register, no services."""
