"""HQ's database: engines and transactions (db), the tables (schema), bulk reads/writes, the
change feed, row mappings (members, views, privacy), the published rules documents, the unit of
work a writing transaction collects its changes in, and migrations (`migrate` runs the Alembic
scripts, which stay in hq/migrations).

Layer rule: storage imports only itself and `loyalty_core`; never `hq.services`, the HTTP layers,
the CLI or `hq.app`. Everything above it may import it.
"""
