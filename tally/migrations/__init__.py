"""Alembic migrations of the claims database, run by tally.store.open_store."""
