"""One module per kind of event; each builds an ``_Event`` for the world."""
