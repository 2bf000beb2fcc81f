"""Pure rules of the register: no Qt, no SQL, no clock (``today`` is always an argument)."""
