"""The desktop windows: the only package that imports Qt widgets."""
