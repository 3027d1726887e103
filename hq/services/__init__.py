"""HQ's use cases: applying pushed events, sales and returns, the online channel, expiry, merges,
held adjustments, tier review, member rights, retention, reconciliation, consents, look-ups,
trust checks, store/terminal admin, operators and reports.

Layer rule: services may import `hq.storage` and each other; they never import the HTTP layers
(`hq.api`, `hq.console`), the CLI or `hq.app`. The API, the console and the CLI import services.
"""
