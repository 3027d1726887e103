"""The operators' web console: server-rendered pages under /console/ (Jinja2, assets in the package)."""
