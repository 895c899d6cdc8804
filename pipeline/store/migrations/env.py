"""Alembic environment for the claims store: run from `pipeline.store.schema.upgrade`, which passes the
connection in `config.attributes["connection"]`."""
from alembic import context

from pipeline.store.tables import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
