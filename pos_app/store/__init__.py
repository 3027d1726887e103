"""SQLite storage: schema, migrations, repositories and the unit of work."""
