"""HTTP only: the JSON API under /api/v1 — FastAPI routers (one module per area), request and
response models, auth dependencies, error handlers and the access-log filter.

Layer rule: the API may import `hq.services` (the use cases) and `hq.storage` (transactions via
`hq.storage.db`); it never imports the CLI. Nothing below the HTTP layers (services, storage)
may import this package.
"""
