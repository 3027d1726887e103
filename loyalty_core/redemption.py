"""How many points a sale may take as payment."""

from .errors import DomainError
from .rules import RedeemPolicy


def share_cap_points(policy: RedeemPolicy, due_cents: int) -> int:
    """Points worth at most the allowed share of the amount due, in whole steps."""
    cap_cents = due_cents * policy.max_share_bp // 10_000
    return cap_cents // policy.cents_per_step * policy.points_per_step


def max_redeem_points(policy: RedeemPolicy, due_cents: int, balance: int, allowance: int | None = None) -> int:
    """The most points this sale accepts, in whole steps.

    Capped by the share of the amount due, by the balance, and (while HQ is
    unreachable) by the offline allowance HQ set for each member.
    """
    limits = [share_cap_points(policy, due_cents), max(0, balance)]
    if allowance is not None:
        limits.append(max(0, allowance))
    best = min(limits)
    return best - best % policy.points_per_step


def check_redeem(policy: RedeemPolicy, points: int, due_cents: int, balance: int, allowance: int | None = None) -> int:
    """Returns the cents the points pay, or refuses with the reason."""
    if not isinstance(points, int) or isinstance(points, bool) or points < 0:
        raise DomainError("invalid_points", f"Impossible number of points: {points}", value=str(points)[:20])
    if points == 0:
        return 0
    if points % policy.points_per_step:
        raise DomainError(
            "redeem_step", f"Points are redeemed in steps of {policy.points_per_step}", step=policy.points_per_step
        )
    by_share = share_cap_points(policy, due_cents)
    if points > by_share:
        raise DomainError(
            "redeem_over_cap",
            f"At most {by_share} points on this sale ({policy.max_share_bp // 100}% of the amount due)",
            max=by_share,
        )
    if points > balance:
        raise DomainError("insufficient_points", f"Only {max(0, balance)} points available", available=max(0, balance))
    if allowance is not None and points > allowance:
        raise DomainError(
            "redeem_offline_limit",
            f"Offline, at most {max(0, allowance)} points can be redeemed for this member",
            max=max(0, allowance),
        )
    return points // policy.points_per_step * policy.cents_per_step


OVER_MAX = "redeem_clamped_max"  # more than the sale accepts: the most it accepts
OFF_STEP = "redeem_clamped_step"  # between two steps: the step below


def clamp(policy: RedeemPolicy, points: int, most: int) -> tuple[int, str | None]:
    """Points a cashier typed -> (points the sale takes, why they differ or None).

    50000 with at most 36500 -> (36500, OVER_MAX); 250 in steps of 100 -> (200, OFF_STEP)."""
    wanted = max(0, points)
    if wanted > most:
        return most, OVER_MAX
    stepped = wanted - wanted % policy.points_per_step
    return stepped, (OFF_STEP if stepped != wanted else None)
