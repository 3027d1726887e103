"""HQ use cases: each function runs inside one writing (or reading) transaction handed to it, changes
what it must together with its audit entry and feed rows, and raises DomainError for bad input.
HTTP (hq/api, hq/console) and the CLI call these; they never speak HTTP themselves."""
