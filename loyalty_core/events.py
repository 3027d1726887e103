"""The events a till records and HQ applies (see docs/SYNC_PROTOCOL.md).

Each event carries the ledger entries it creates, with their own ids, so HQ
applies exactly what the till showed the customer, once.
"""

MEMBER_ENROLLED = "member.enrolled"
MEMBER_UPDATED = "member.updated"
SALE_CONFIRMED = "sale.confirmed"
SALE_RETURNED = "sale.returned"
POINTS_ADJUSTED = "points.adjusted"
COUPON_ISSUED = "coupon.issued"
TYPES = {MEMBER_ENROLLED, MEMBER_UPDATED, SALE_CONFIRMED, SALE_RETURNED, POINTS_ADJUSTED, COUPON_ISSUED}
