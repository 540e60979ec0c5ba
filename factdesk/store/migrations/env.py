"""Alembic environment: always handed a live connection by factdesk.store.database."""

from __future__ import annotations

from alembic import context

from factdesk.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the programmatic path is supported
    raise RuntimeError("FactDesk migrations run through factdesk.store.database.open_database")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things; batch mode copies the table instead.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
