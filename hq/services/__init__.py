"""HQ use cases: what an operator or a job does, one module per area, below HTTP and CLI and above storage."""
