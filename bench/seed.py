"""Bulk-load a till database with a realistic member base, for benchmarks.

    python bench/seed.py --data-dir DIR --members 1000000 --ledger 10000000
    python bench/seed.py --small          # 1,000 members / 5,000 entries in a temporary directory (CI smoke)

What it makes (deterministic for a given --rng-seed):

- an initialized till (`config.init_terminal(DIR, "S001", "T01")`, then `bootstrap.build_app`
  once so the Alembic migrations create exactly the schema and indexes the app uses);
- `members`: codes from `loyalty_core.ids.member_code`, unique Taiwanese mobile numbers,
  Chinese and English names, birthdays, consent flags, enrollment spread over two years,
  home stores, referrers, a few merged cards; the tier follows the last 365 days of spend;
- `ledger`: exactly --ledger entries, about ledger/members per member with a long tail
  (a signup bonus each, then earn entries and earn+redeem pairs), dated over two years,
  lots expiring at the end of the 12th month; stored as HQ sends them (confirmed, `ref` =
  HQ's event id), in time order, so a member's entries are scattered over the table as
  in a real till;
- `spend`: one row per sale in that history.

How it is fast: raw `sqlite3` executemany in big transactions; during the load only the
database is in a rollback journal in memory with `synchronous=OFF`, the secondary indexes
are dropped and then rebuilt from the very SQL the migrations stored (one sort each instead
of millions of random B-tree inserts), and the keys that cannot be dropped (member code,
ledger entry id) are inserted in ascending order. At the end the database is back in WAL
mode; the app's own connections use `synchronous=FULL` as always.

It refuses a database that already holds members, ledger entries or spend.

As a library (the UI benchmark imports it):

    from seed import seed, sample_members, qr_payloads     # with bench/ on sys.path
    info = seed(data_dir, members=10_000, ledger=100_000)
    picks = sample_members(data_dir, 100)                  # [{"member_code", "phone", "qr"}, ...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import queue
import random
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

import benchkit  # first: puts this checkout ahead of any installed copy on sys.path

from loyalty_core import ids, qr
from loyalty_core.ledger import lot_expiry
from loyalty_core.personal_data import mask_name, mask_phone, phone_hash
from pos_app import bootstrap, config, privacy

STORE_ID = "S001"
TERMINAL_ID = "T01"
SEED_INFO = "seed.json"  # written into the data directory once a seed has finished
DAYS = 730  # two years of history, ending on the day of the seed
TZ = dt.timezone(dt.timedelta(hours=8))  # the stores' local time
SEEDED_TABLES = ("members", "ledger", "spend")

# The default program's tier thresholds (resources/default_rules.json), spend in the last 365 days.
_TIERS = ((5_000_000, "diamond"), (2_000_000, "gold"), (500_000, "silver"), (0, "basic"))
SIGNUP_POINTS = 100
REDEEM_SHARE = 0.2  # share of sales (with points available) that also pay with points

_SURNAMES = "王李張劉陳楊黃趙吳周徐孫馬朱胡郭何高林羅鄭梁謝宋唐許韓馮鄧曹彭曾蕭田董潘袁蔡蔣余于杜葉程蘇魏呂丁任沈姚盧姜崔鍾譚陸汪范金石廖賈夏韋傅方白鄒孟熊秦邱江尹薛閻段雷侯龍史陶黎賀顧毛郝龔邵萬錢嚴覃武戴莫孔向湯"
_GIVEN = "偉芳娜秀英敏靜麗強磊軍洋勇艷傑娟濤明超秀蘭霞平剛桂英華玉萍紅娥玲芬燕彬鑫斌宇浩凱健俊帆帥旭寧龍林歡佳瑤怡婷雪琳晨曦欣妍涵雅琪思穎詩"
_FIRST = (
    "Alice", "Amy", "Andy", "Ben", "Bruce", "Cathy", "Chris", "Daniel", "David", "Eric", "Emma", "Frank",
    "Grace", "Helen", "Henry", "Ivy", "Jack", "James", "Jason", "Jenny", "Joe", "Kevin", "Kelly", "Leo",
    "Lily", "Linda", "Lucy", "Mark", "Mary", "Michael", "Nancy", "Nick", "Olivia", "Peter", "Queenie",
    "Rachel", "Ray", "Sam", "Sandy", "Sophia", "Steven", "Tina", "Tom", "Vicky", "Vincent", "Wendy", "William",
    "Yvonne", "Zoe",
)  # fmt: skip
_LAST = (
    "Chen", "Lin", "Huang", "Chang", "Li", "Wang", "Wu", "Liu", "Tsai", "Yang", "Hsu", "Cheng", "Hsieh", "Kuo",
    "Hung", "Tseng", "Chiu", "Liao", "Lai", "Chou", "Yeh", "Su", "Chuang", "Lu", "Chiang", "Ho", "Lo", "Kao",
    "Hsiao", "Pan", "Chien", "Tu", "Ma", "Smith", "Brown", "Tan", "Ng", "Wong", "Lee", "Kim",
)  # fmt: skip


class SeedError(RuntimeError):
    pass


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- generated values -----------------------------------------------------------------------------


def _uuid7(ms_prefix: str, bits: int) -> str:
    """A UUIDv7 string (like `ids.uuid7`) from its millisecond part, already as 'xxxxxxxx-xxxx',
    and 74 random bits."""
    return f"{ms_prefix}-7{bits >> 62:03x}-{0x8000 | (bits >> 48) & 0x3FFF:04x}-{bits & 0xFFFFFFFFFFFF:012x}"


def _member_codes(n: int, rng: random.Random) -> list[str]:
    """n distinct member codes in ascending order (the primary key then only ever appends)."""
    codes: set[str] = set()
    while len(codes) < n:
        codes.add(ids.member_code(rng.getrandbits(56).to_bytes(7, "big")))
    return sorted(codes)


def _name(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.6:  # 王小明, 陳芳
        given = rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.8 else "")
        return rng.choice(_SURNAMES) + given
    if r < 0.95:
        return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    return f"{rng.choice(_LAST)} {rng.choice(_FIRST)} {rng.choice(_SURNAMES)}{rng.choice(_GIVEN)}"[:60]


def _entry_counts(members: int, ledger: int, rng: random.Random) -> list[int]:
    """Entries per member: a signup each (as far as the ledger goes), the rest spread with a long tail."""
    if members == 0:
        return []
    counts = [1 if i < ledger else 0 for i in range(members)]
    extra = ledger - sum(counts)
    if extra <= 0:
        return counts
    mean = extra / members
    if mean > 2000:
        raise SeedError("at most about 2,000 ledger entries per member")
    for i in range(members):
        counts[i] += min(60_000, int(rng.expovariate(1 / mean))) if counts[i] else 0
    diff = ledger - sum(counts)
    while diff > 0:
        counts[rng.randrange(members)] += 1
        diff -= 1
    while diff < 0:
        i = rng.randrange(members)
        if counts[i] > 1:
            counts[i] -= 1
            diff += 1
    return counts


def _tier_for(spend_cents: int) -> str:
    for threshold, code in _TIERS:
        if spend_cents >= threshold:
            return code
    return "basic"


class _Plan:
    """Everything to insert, in compact form: member rows, and ledger/spend rows packed into ints
    whose order is the time order (day, member, sequence) — sorting them gives the insert order."""

    def __init__(self, members: int, ledger: int, rng: random.Random, as_of: dt.date) -> None:
        self.as_of = as_of
        first = as_of - dt.timedelta(days=DAYS - 1)
        days = [first + dt.timedelta(days=d) for d in range(DAYS)]
        self.day_iso = [d.isoformat() for d in days]
        self.expiry_iso = [lot_expiry(d, 12).isoformat() for d in days]
        self.day_ms = [int(dt.datetime(d.year, d.month, d.day, 10, tzinfo=TZ).timestamp() * 1000) for d in days]

        t = time.perf_counter()
        self.codes = _member_codes(members, rng)
        phones = rng.sample(range(benchkit.MOBILES), members)  # distinct valid mobiles (benchkit.mobile)
        counts = _entry_counts(members, ledger, rng)
        log(f"  codes, phones, entry counts: {time.perf_counter() - t:.1f} s")

        # Sale amounts (cents): log-normal around 600.00, capped to fit 24 bits.
        amounts = [min(16_000_000, max(500, int(rng.lognormvariate(11.0, 0.9)))) for _ in range(4096)]
        window = DAYS - 365  # days from here on count for the tier
        self.member_rows: list[tuple] = []
        self.ledger_keys: list[int] = []
        self.spend_keys: list[int] = []
        lkeys, skeys, mrows = self.ledger_keys, self.spend_keys, self.member_rows
        rand, randrange, getrandbits = rng.random, rng.randrange, rng.getrandbits
        t = time.perf_counter()
        for i, code in enumerate(self.codes):
            enrolled = randrange(DAYS)
            n = counts[i]
            seq = 0
            balance = spend365 = sales = 0
            if n:
                # signup: kind 0, +100, on the enrollment day
                lkeys.append((((enrolled << 25 | i) << 16 | seq) << 2 | 0) << 24 | SIGNUP_POINTS)
                balance, seq = SIGNUP_POINTS, 1
                sale_days = sorted([randrange(enrolled, DAYS) for _ in range(n - 1)])
                j = 0
                while j < len(sale_days):
                    d = sale_days[j]
                    paid = amounts[getrandbits(12)]
                    redeem = 0
                    if balance >= 100 and j + 1 < len(sale_days) and rand() < REDEEM_SHARE:
                        cap = min(balance, paid // 2) // 100
                        if cap:
                            redeem = 100 * (1 + randrange(cap))
                            sale_days.pop(randrange(j + 1, len(sale_days)))  # the pair takes two entries
                    key = (d << 25 | i) << 16
                    if redeem:
                        lkeys.append(((key | seq) << 2 | 2) << 24 | redeem)  # kind 2: redeem
                        seq += 1
                        paid -= redeem
                        balance -= redeem
                    earned = paid // 100
                    balance += earned
                    # kind 1: earn with its own event, kind 3: earn of the same sale as the redeem before it
                    lkeys.append(((key | seq) << 2 | (3 if redeem else 1)) << 24 | earned)
                    skeys.append((key | seq) << 24 | paid)
                    seq += 1
                    sales += 1
                    if d >= window:
                        spend365 += paid
                    j += 1
            name = _name(rng)
            birthday = None
            if rand() < 0.75:
                birthday = dt.date(1950 + randrange(57), 1 + randrange(12), 1 + randrange(28)).isoformat()
            minute = randrange(9 * 60, 21 * 60)
            enrolled_at = f"{self.day_iso[enrolled]}T{minute // 60:02d}:{minute % 60:02d}:{randrange(60):02d}" \
                          f".{randrange(1_000_000):06d}+08:00"  # fmt: skip
            home = STORE_ID if rand() < 0.15 else f"S{2 + randrange(39):03d}"
            referrer = self.codes[randrange(members)] if rand() < 0.05 else None
            mrows.append([code, benchkit.mobile(phones[i], e164=True), name, name.casefold(), birthday, 1, int(rand() < 0.5),
                          _tier_for(spend365), enrolled_at, home, referrer, "active", None, sales])  # fmt: skip
        self._merge_a_few(rng)
        log(f"  members and history planned: {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        lkeys.sort()
        skeys.sort()
        log(f"  sorted {len(lkeys):,} ledger and {len(skeys):,} spend rows into time order: "
            f"{time.perf_counter() - t:.1f} s")  # fmt: skip

    def _merge_a_few(self, rng: random.Random) -> None:
        """A few cards merged into another member (scanning them finds the survivor)."""
        members, mrows = len(self.codes), self.member_rows
        for _ in range(members // 500):
            a, b = rng.randrange(members), rng.randrange(members)
            if a != b and mrows[b][11] == "active":
                mrows[a][11], mrows[a][12] = "merged", self.codes[b]

    def ledger_rows(self, rng: random.Random):
        """(entry_id, member_code, kind, points, on_date, expires_on, ref) in time order, entry ids ascending."""
        codes, day_iso, expiry_iso, day_ms = self.codes, self.day_iso, self.expiry_iso, self.day_ms
        getrandbits = rng.getrandbits
        prev_day, ms, ref = -1, 0, None
        for key in self.ledger_keys:
            points = key & 0xFFFFFF
            key >>= 24
            kind = key & 3
            key >>= 18  # kind and sequence
            i, d = key & 0x1FFFFFF, key >> 25
            if d != prev_day:
                prev_day, ms = d, day_ms[d]
            ms += 1
            h = f"{ms:012x}"
            prefix = f"{h[:8]}-{h[8:]}"
            if kind != 3:  # a new event at HQ (kind 3 shares the redeem's event)
                ref = _uuid7(prefix, getrandbits(74))
            entry_id = _uuid7(prefix, getrandbits(74))
            if kind == 2:
                yield entry_id, codes[i], "redeem", -points, day_iso[d], None, ref
            else:
                yield entry_id, codes[i], ("signup" if kind == 0 else "earn"), points, day_iso[d], expiry_iso[d], ref

    def spend_rows(self, rng: random.Random):
        """(member_code, on_date, cents, ref=receipt number) in time order."""
        codes, day_iso = self.codes, self.day_iso
        getrandbits = rng.getrandbits
        for receipt, key in enumerate(self.spend_keys, 1):
            cents = key & 0xFFFFFF
            key >>= 40  # cents and sequence
            r = getrandbits(8)
            yield (
                codes[key & 0x1FFFFFF],
                day_iso[key >> 25],
                cents,
                f"R-S{1 + (r >> 2):03d}-T0{1 + (r & 3)}-{receipt:07d}",
            )


# -- loading --------------------------------------------------------------------------------------


def _batched(rows, size: int):
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _load(con: sqlite3.Connection, sql: str, rows, total: int, what: str, batch: int = 100_000) -> float:
    """executemany in big transactions; a thread makes the next batch meanwhile (sqlite3 lets go of
    the GIL while SQLite works)."""
    t = time.perf_counter()
    batches: queue.Queue = queue.Queue(maxsize=4)
    failed: list[BaseException] = []

    def produce() -> None:
        try:
            for part in _batched(rows, batch):
                batches.put(part)
        except BaseException as exc:  # handed to the loading thread
            failed.append(exc)
        finally:
            batches.put(None)

    threading.Thread(target=produce, name=f"seed-{what}", daemon=True).start()
    done = 0
    con.execute("BEGIN")
    while (part := batches.get()) is not None:
        con.executemany(sql, part)
        done += len(part)
        if done % 1_000_000 < batch:
            con.execute("COMMIT")
            con.execute("BEGIN")
            if total >= 2_000_000 and done % 2_000_000 < batch:
                log(f"    {what}: {done:,}/{total:,} ({time.perf_counter() - t:.0f} s)")
    con.execute("COMMIT")
    if failed:
        raise failed[0]
    elapsed = time.perf_counter() - t
    log(f"  {what}: {done:,} rows in {elapsed:.1f} s ({done / max(elapsed, 1e-9):,.0f} rows/s)")
    return elapsed


def db_bytes(data_dir: Path) -> int:
    """The database on disk: the main file plus its WAL (if any)."""
    path = config.db_path(data_dir)
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def _count_rows(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"SELECT count(*) FROM (SELECT 1 FROM {t} LIMIT 1)").fetchone()[0]
                for t in SEEDED_TABLES}  # fmt: skip
    finally:
        con.close()


def _check_request(data_dir: Path, members: int, ledger: int) -> None:
    if members < 0 or ledger < 0:
        raise SeedError("members and ledger must be >= 0")
    if members == 0 and ledger:
        raise SeedError("ledger entries need members")
    if members >= 1 << 25:
        raise SeedError("at most 33 million members")
    if (data_dir / SEED_INFO).exists():
        raise SeedError(f"{data_dir} was already seeded ({SEED_INFO} exists)")


def seed(data_dir: Path | str, members: int, ledger: int, *, rng_seed: int = 20261124,
         as_of: dt.date | None = None) -> dict:  # fmt: skip
    """Initialize a till in `data_dir` (unless it is) and bulk-load it; returns what was done.

    Raises SeedError if its database already holds members, ledger entries or spend.
    """
    data_dir = Path(data_dir)
    _check_request(data_dir, members, ledger)
    started = time.perf_counter()
    phases: dict[str, float] = {}
    if not config.is_initialized(data_dir):
        config.init_terminal(data_dir, STORE_ID, TERMINAL_ID)
    db = config.db_path(data_dir)
    if db.exists() and any(_count_rows(db).values()):
        raise SeedError(f"refusing to seed a database that already has data: {db}")
    app = bootstrap.build_app(data_dir)  # runs the migrations, registers the till's own key
    app.close()
    phases["init_and_migrate"] = time.perf_counter() - started

    as_of = as_of or dt.date.today()
    rng = random.Random(rng_seed)
    log(f"seeding {db}: {members:,} members, {ledger:,} ledger entries (history up to {as_of})")
    t = time.perf_counter()
    plan = _Plan(members, ledger, rng, as_of)
    phases["generate"] = time.perf_counter() - t

    con = sqlite3.connect(db, isolation_level=None)
    try:
        if con.execute("PRAGMA journal_mode=MEMORY").fetchone()[0].lower() != "memory":
            raise SeedError("could not take the database out of WAL mode (is a till running on it?)")
        con.execute("PRAGMA synchronous=OFF")  # the load only; the app's connections use FULL
        con.execute("PRAGMA cache_size=-1048576")  # 1 GiB of page cache for the index builds
        con.execute("PRAGMA temp_store=MEMORY")
        con.execute("PRAGMA threads=2")
        indexes = con.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN "
            f"({','.join('?' * len(SEEDED_TABLES))}) ORDER BY name",
            SEEDED_TABLES,
        ).fetchall()
        for name, _ in indexes:
            con.execute(f'DROP INDEX "{name}"')

        _save_phones(data_dir, plan.member_rows)
        phases["load_members"] = _load(
            con,
            "INSERT INTO members (member_code, phone, name, name_key, birthday, consent_terms, consent_marketing,"
            " tier_code, enrolled_at, home_store, referrer_code, status, merged_into, purchases, phone_hash,"
            " birth_month, reduced) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)",
            _reduced_rows(plan.member_rows, privacy.load_key(data_dir)[1]),
            members,
            "members",
        )
        phases["load_ledger"] = _load(
            con,
            "INSERT INTO ledger (entry_id, member_code, kind, points, on_date, expires_on, ref, event_id, confirmed)"
            " VALUES (?,?,?,?,?,?,?,NULL,1)",
            plan.ledger_rows(rng),
            len(plan.ledger_keys),
            "ledger",
        )
        phases["load_spend"] = _load(
            con,
            "INSERT INTO spend (member_code, on_date, cents, ref) VALUES (?,?,?,?)",
            plan.spend_rows(rng),
            len(plan.spend_keys),
            "spend",
        )
        spend_rows = len(plan.spend_keys)
        del plan

        t = time.perf_counter()
        for name, sql in indexes:
            ti = time.perf_counter()
            con.execute(sql)
            log(f"  index {name}: {time.perf_counter() - ti:.1f} s")
        phases["indexes"] = time.perf_counter() - t
        if con.execute("PRAGMA journal_mode=WAL").fetchone()[0].lower() != "wal":
            raise SeedError("could not put the database back in WAL mode")
    finally:
        con.close()

    info = {
        "members": members,
        "ledger": ledger,
        "spend": spend_rows,
        "rng_seed": rng_seed,
        "as_of": as_of.isoformat(),
        "seconds": round(time.perf_counter() - started, 1),
        "phases": {k: round(v, 1) for k, v in phases.items()},
        "db_bytes": db_bytes(data_dir),
    }
    (data_dir / SEED_INFO).write_text(json.dumps(info, indent=2), encoding="utf-8")
    return info


def seed_info(data_dir: Path | str) -> dict | None:
    """What `seed` recorded for this data directory, or None if it was never (fully) seeded."""
    path = Path(data_dir) / SEED_INFO
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


# -- samples for benchmarks -----------------------------------------------------------------------


def qr_payloads(data_dir: Path | str, member_codes: list[str]) -> list[str]:
    """Static QR card payloads, signed with this till's own key (what its printer puts on a card)."""
    data_dir = Path(data_dir)
    signer = config.load_signer(data_dir, config.load(data_dir))
    return [qr.static_payload(code, signer) for code in member_codes]


def _reduced_rows(rows, key: bytes):
    """Members as a till holds them once HQ has them (loyalty_core.personal_data): masked name and
    phone, the birth month, the keyed phone hash the look-up uses."""
    for r in rows:
        code, phone, name, _, birthday, *rest = r
        masked = mask_name(name)
        yield (code, mask_phone(phone), masked, masked.casefold(), None, *rest, phone_hash(key, phone),
               int(birthday[5:7]) if birthday else None)  # fmt: skip


def phones_path(data_dir: Path) -> Path:
    """The seeded members' phones, for the benchmarks to type: beside the till's folder, not in it."""
    return Path(data_dir).parent / f"{Path(data_dir).name}.bench-phones.sqlite3"


def _save_phones(data_dir: Path, rows) -> None:
    path = phones_path(data_dir)
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("CREATE TABLE phones (member_code TEXT PRIMARY KEY, phone TEXT NOT NULL) WITHOUT ROWID")
        con.execute("BEGIN")
        con.executemany("INSERT INTO phones VALUES (?, ?)", ((r[0], r[1]) for r in rows))
        con.execute("COMMIT")
    finally:
        con.close()


def sample_members(data_dir: Path | str, n: int, *, rng_seed: int = 1, where: str = "status = 'active'",
                   min_balance: int | None = None) -> list[dict]:  # fmt: skip
    """n distinct random members (uniform over the table) with their phone and a valid QR payload.

    `where` filters on members columns; `min_balance` keeps only members with at least that many points.
    """
    db = config.db_path(Path(data_dir))
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        top = con.execute("SELECT max(rowid) FROM members").fetchone()[0] or 0
        rng = random.Random(rng_seed)
        picked: dict[str, str] = {}
        tries = 0
        while len(picked) < n and tries < 50 * n + 1000:
            tries += 1
            row = con.execute(
                f"SELECT member_code, phone FROM members WHERE rowid = ? AND {where}", (1 + rng.randrange(top),)
            ).fetchone() if top else None  # fmt: skip
            if row is None or row[0] in picked:
                continue
            if min_balance is not None:
                (balance,) = con.execute(
                    "SELECT coalesce(sum(points), 0) FROM ledger WHERE member_code = ?", (row[0],)
                ).fetchone()
                if balance < min_balance:
                    continue
            picked[row[0]] = row[1]
    finally:
        con.close()
    phones = sqlite3.connect(f"file:{phones_path(Path(data_dir))}?mode=ro", uri=True)
    try:  # the till holds only masked phones: the real ones the benchmark types come from the seed's list
        picked = {c: phones.execute("SELECT phone FROM phones WHERE member_code = ?", (c,)).fetchone()[0]
                  for c in picked}  # fmt: skip
    finally:
        phones.close()
    if len(picked) < n:
        raise SeedError(f"only found {len(picked)} of {n} members matching {where!r}")
    codes = list(picked)
    return [{"member_code": c, "phone": picked[c], "qr": q} for c, q in zip(codes, qr_payloads(data_dir, codes),
                                                                            strict=True)]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, help="required, except with --small (then a temporary one)")
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--ledger", type=int, default=10_000_000)
    parser.add_argument("--rng-seed", type=int, default=20261124)
    args = benchkit.parse_args(parser, argv, members=1_000, ledger=5_000)
    if args.data_dir is None and not args.small:
        parser.error("--data-dir is required (or --small)")
    if args.data_dir is None:
        with tempfile.TemporaryDirectory(prefix="bench-seed-") as tmp:
            args.data_dir = Path(tmp) / "till"
            return seed_and_report(args)
    return seed_and_report(args)


def seed_and_report(args: argparse.Namespace) -> int:
    try:
        info = seed(args.data_dir, args.members, args.ledger, rng_seed=args.rng_seed)
    except SeedError as exc:
        print(f"seed: {exc}", file=sys.stderr)
        return 2
    rows = info["members"] + info["ledger"] + info["spend"]
    print(
        f"seeded {args.data_dir}: {info['members']:,} members, {info['ledger']:,} ledger entries, "
        f"{info['spend']:,} spend rows in {info['seconds']:.1f} s; "
        f"database {info['db_bytes'] / 1e6:,.1f} MB ({info['db_bytes']:,} bytes)"
    )
    print("phases (s): " + ", ".join(f"{k} {v:.1f}" for k, v in info["phases"].items()))
    print(f"rate              {rows / info['seconds']:,.0f} rows/s (members, ledger and spend; the whole seed)")
    print(benchkit.noise_line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
