"""Use cases: each runs in one unit of work and commits its outbox event with it."""
