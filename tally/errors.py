"""Errors tally raises: each message names the input, the problem and what to try."""


class TallyError(Exception):
    """Base class of every error tally raises on purpose."""


class InputError(TallyError):
    """A document or file that cannot be read as given."""


class StoreError(TallyError):
    """The database cannot be opened, read or written."""
