"""A server-rendered SVG chart (no script, no CDN): cohort retention as lines, one per enrollment month."""

from xml.sax.saxutils import escape

WIDTH, HEIGHT, PAD = 640, 260, 44
COLOURS = ("#2563eb", "#16a34a", "#dc2626", "#9333ea", "#ea580c", "#0891b2")


def month_label(ctx, n: int) -> str:
    """The column of month n after joining: "Joining month", "+1 month", "+2 months" (plural per language)."""
    return ctx.t("dash.month_0") if n == 0 else ctx.tn("dash.month_n", n)


def cohort_svg(cohorts: list[dict], months: list[str], t, fmt) -> str:
    """The markup is built from numbers and escaped labels only, so it is safe to insert as-is. `months` are the
    x axis's labels, the same as the cohort table's columns."""
    span = max(len(months), 1)
    step = (WIDTH - 2 * PAD) / max(span - 1, 1)
    def x(i: int) -> float:
        return PAD + i * step

    def y(bp: int) -> float:
        return HEIGHT - PAD - (HEIGHT - 2 * PAD) * bp / 10_000

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-label="{escape(t("dash.cohorts"))}" class="chart">']
    for bp in (0, 2500, 5000, 7500, 10_000):
        parts.append(f'<line x1="{PAD}" y1="{y(bp):.1f}" x2="{WIDTH - PAD}" y2="{y(bp):.1f}" class="grid"/>')
        parts.append(f'<text x="{PAD - 6}" y="{y(bp) + 4:.1f}" text-anchor="end" class="axis">{escape(fmt.bp(bp))}</text>')
    for i, label in enumerate(months):
        parts.append(f'<text x="{x(i):.1f}" y="{HEIGHT - PAD + 18}" text-anchor="middle" class="axis">'
                     f'{escape(label)}</text>')
    for k, c in enumerate(cohorts):
        if not c["members"]:
            continue
        colour = COLOURS[k % len(COLOURS)]
        points = " ".join(f"{x(i):.1f},{y(bp):.1f}" for i, bp in enumerate(c["retention_bp"]))
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for i, bp in enumerate(c["retention_bp"]):
            parts.append(f'<circle cx="{x(i):.1f}" cy="{y(bp):.1f}" r="3" fill="{colour}">'
                         f'<title>{escape(c["cohort"])}: {escape(fmt.bp(bp))}</title></circle>')
        parts.append(f'<text x="{WIDTH - PAD + 4}" y="{PAD + 14 * k}" class="legend" fill="{colour}">'
                     f'{escape(c["cohort"])}</text>')
    parts.append("</svg>")
    return "".join(parts)
