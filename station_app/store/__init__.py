"""The only package that writes SQL: the register database, its migrations and queries."""
