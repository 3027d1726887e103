"""HQ operators: accounts and roles, console sessions, and the audit log of what they did."""
