"""RFM quintile scores: the one-pass scoring of every distinct value gives each member the score the
rank definition gives them."""

import random

from hq.services.reports.rfm import quintile, quintiles


def test_scoring_every_distinct_value_at_once_matches_scoring_each_member():
    rng = random.Random(7)
    for values in ([1] * 10, [1, 2, 3, 4, 5], [rng.randrange(40) for _ in range(1_000)],
                   [rng.choice([1, 1, 1, 2, 9]) for _ in range(333)]):  # fmt: skip
        ordered = sorted(values)
        assert quintiles(values) == {v: quintile(ordered, v) for v in set(values)}


def test_a_value_most_members_share_scores_in_the_middle():
    assert quintiles([1] * 80 + [2] * 15 + [5] * 5) == {1: 3, 2: 5, 5: 5}
