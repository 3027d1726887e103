"""HTTP routers under /api/v1; each module is one area of the API."""
