"""HTTP only: the operators' web console — server-rendered pages under /console/ (Jinja2;
templates/ and static/ ship as package data).

Layer rule: the console may import `hq.services` and `hq.storage`; it never imports the CLI.
Nothing below the HTTP layers (services, storage) may import this package.
"""
