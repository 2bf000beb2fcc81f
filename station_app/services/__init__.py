"""Use cases of the register: each public function is one transaction, checked by the domain rules."""
