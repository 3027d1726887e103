"""SQLite storage: schema, migrations, repositories and the unit of work.

The till's SQL is written here (and in `pos_app/privacy.py`, which rewrites members' rows when HQ has
them), always through a unit of work's connection, so a statement after commit or rollback raises.
Each repository speaks one language: the ones a sale or a look-up runs (members, ledger, outbox,
sales, admin) plain SQL through `engine.statements`; the others (sync, answers, consents)
SQLAlchemy Core, with the sync repository's bulk upserts as SQL strings built once from the column
lists. A members or ledger row becomes a domain object, and back, only in `rows.py`.
"""
