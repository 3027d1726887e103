"""Use cases: what an HQ operator or a till asks HQ to do, free of HTTP and of page layout."""
