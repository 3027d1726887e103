"""The benches' shared helper: the phone numbers it makes are distinct, valid mobiles; the probe times work."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from loyalty_core.phones import normalize_mobile

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import benchkit  # noqa: E402


def test_every_generated_number_is_a_distinct_valid_taiwanese_mobile() -> None:
    picks = [0, 1, benchkit.MOBILES - 1, *random.Random(21).sample(range(benchkit.MOBILES), 3_000)]
    national = [benchkit.mobile(i) for i in picks]

    assert len(set(national)) == len(picks)
    assert [normalize_mobile(n, "TW") for n in national] == [benchkit.mobile(i, e164=True) for i in picks]


def test_neighbouring_indexes_give_numbers_far_apart_and_none_past_the_range() -> None:
    assert benchkit.mobile(0) == "0900000000"
    assert benchkit.mobile(1) != "0900000001"  # spread over every prefix, not one block
    assert {benchkit.mobile(i)[:4] for i in range(2_000)} == {f"09{d}{e}" for d in range(9) for e in range(10)}
    with pytest.raises(ValueError):
        benchkit.mobile(benchkit.MOBILES)


def test_the_noise_probe_reports_each_run_and_their_spread() -> None:
    probe = benchkit.noise_probe(runs=3)

    assert len(probe.runs_ms) == 3 and all(ms > 0 for ms in probe.runs_ms)
    assert min(probe.runs_ms) <= probe.median_ms <= max(probe.runs_ms)
    assert benchkit.noise_line(probe).startswith("noise probe       fixed CPU loop (50,000 steps) x3: median")


def test_small_sizes_are_defaults_an_explicit_option_still_wins() -> None:
    import argparse

    def parse(argv: list[str]) -> argparse.Namespace:
        parser = argparse.ArgumentParser()
        parser.add_argument("--events", type=int, default=100_000)
        return benchkit.parse_args(parser, argv, events=1_000)

    assert parse([]).events == 100_000
    assert parse(["--small"]).events == 1_000
    assert parse(["--small", "--events", "50"]).events == 50
