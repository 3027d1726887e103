"""The loyalty rules as plain Python: no Qt, no SQLAlchemy, no HTTP.

Money is integer minor units (cents); points are integers. Every module here
can be read and tested on its own.
"""
