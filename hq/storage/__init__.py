"""Storage: tables and SQL helpers for HQ features, kept apart from HTTP and use cases."""
