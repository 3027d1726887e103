"""Balance fingerprints that the till and HQ compare every night.

Members fall into buckets by a hash of their code; a bucket's digest covers
the sorted (code, balance) pairs in it. Equal digests mean equal balances,
so only differing buckets need their members compared one by one.
"""

import hashlib

BUCKETS = 1024


def bucket_of(member_code: str, buckets: int = BUCKETS) -> int:
    return int.from_bytes(hashlib.sha256(member_code.encode()).digest()[:4], "big") % buckets


class BucketHasher:
    """Feed (code, balance) pairs in any order; read one digest per bucket."""

    def __init__(self, buckets: int = BUCKETS) -> None:
        self.buckets = buckets
        self._pairs: dict[int, list[tuple[str, int]]] = {}

    def add(self, member_code: str, balance: int) -> None:
        self._pairs.setdefault(bucket_of(member_code, self.buckets), []).append((member_code, balance))

    def digests(self) -> dict[int, str]:
        out = {}
        for bucket, pairs in self._pairs.items():
            h = hashlib.sha256()
            for code, bal in sorted(pairs):
                h.update(f"{code}:{bal}\n".encode())
            out[bucket] = h.hexdigest()
        return out
