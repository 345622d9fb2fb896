"""What the tests share: factories for every model, the canonical example world and the
public addresses derived from it, admin-form helpers, readers' parsers and the people of the
desk. Only tests import it."""
