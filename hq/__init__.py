"""HQ: the authoritative loyalty ledger, the sync endpoints and the online channel.

Nothing is built at import: `hq.app.create_app(db_url)` makes the web app,
`hq.cli.main()` the admin commands.
"""
