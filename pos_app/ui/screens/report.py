"""The day report: points issued and redeemed, enrollments, sales by tier, a chart, CSV and PDF."""

from __future__ import annotations

import csv
import datetime as dt
import html

from PySide6.QtCore import QDate, QLocale, Qt, QUrl
from PySide6.QtGui import QPainter, QTextDocument
from PySide6.QtWidgets import QDateEdit, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from loyalty_core.money import format_cents

from ...services import DaySummary
from .. import fmt, printing
from ..errors import error_text, message_for
from ..i18n import translate
from ..ops import Op
from ..widgets.common import TOUCH_HEIGHT, Card, FKeyButton, MessageBar, heading
from .base import Screen

FIGURES = ("sales", "paid", "paid_cash", "paid_card", "paid_other", "drawer", "points_issued", "points_redeemed",
           "enrollments", "returns", "refund", "pending")  # fmt: skip


class TierChart(QWidget):
    """Sales by tier as bars (QtCharts, loaded when the report is first opened)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtCharts import QChart, QChartView

        self.chart = QChart()
        self.chart.legend().setVisible(True)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(260)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def set_data(self, tiers: list[tuple[str, int, int]], title: str, sales_label: str, points_label: str) -> None:
        """tiers: (name, paid in whole units, points issued)."""
        from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QValueAxis

        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        paid, points = QBarSet(sales_label), QBarSet(points_label)
        for _name, amount, issued in tiers:
            paid.append(amount)
            points.append(issued)
        series = QBarSeries()
        series.append(paid)
        series.append(points)
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([name for name, _, _ in tiers] or ["—"])
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        values = QValueAxis()
        values.setLabelFormat("%d")
        top = max([4] + [max(a, p) for _, a, p in tiers])  # an empty day still gets whole-number ticks
        values.setRange(0, top * 1.15)
        values.applyNiceNumbers()
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)
        self.chart.setTitle(title)

    def image(self):
        return self.view.grab().toImage()


class ReportScreen(Screen):
    name = "report"

    def __init__(self, session, nav, parent=None) -> None:
        super().__init__(session, nav, parent)
        self.summary: DaySummary | None = None
        self.heading = heading()
        self.date_edit = QDateEdit(QDate.currentDate())
        self._day_chosen = False  # until the supervisor picks a day, the report follows the till's own day
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumHeight(TOUCH_HEIGHT)
        self.date_edit.dateChanged.connect(self._chosen)
        self.refresh_button = QPushButton()
        self.refresh_button.setMinimumHeight(TOUCH_HEIGHT)
        self.refresh_button.clicked.connect(self.load)
        self.titles = {k: QLabel() for k in FIGURES}
        self.values = {k: QLabel() for k in FIGURES}
        figures = Card()
        grid = QGridLayout(figures)
        for row, k in enumerate(FIGURES):
            self.values[k].setObjectName(f"figure_{k}")
            self.values[k].setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(self.titles[k], row, 0)
            grid.addWidget(self.values[k], row, 1)
        grid.setRowStretch(len(FIGURES), 1)
        self.chart = TierChart()
        self.message = MessageBar(timeout_ms=8000)
        self.back_button = FKeyButton(Qt.Key.Key_Escape)
        self.back_button.clicked.connect(lambda: self.nav.go("checkout"))
        self.csv_button = FKeyButton()  # saving a file has no function key (fkeys.py)
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.pdf_button = FKeyButton()
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.date_edit)
        top.addWidget(self.refresh_button)
        body = QHBoxLayout()
        body.addWidget(figures, 2)
        body.addWidget(self.chart, 3)
        bottom = QHBoxLayout()
        for b in (self.back_button, self.csv_button, self.pdf_button):
            bottom.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        session.runner.changed.connect(lambda changes: self.load() if changes.sales and self.isVisible() else None)
        self.retranslate()

    def title(self) -> str:
        return translate("Report", "Day report")

    def figure_titles(self) -> dict[str, str]:
        return {
            "sales": translate("Report", "Sales"),
            "paid": translate("Report", "Takings"),
            "paid_cash": translate("Report", "Paid in cash"),
            "paid_card": translate("Report", "Paid by card"),
            "paid_other": translate("Report", "Paid otherwise"),
            "drawer": translate("Report", "Expected cash in the drawer"),
            "points_issued": translate("Report", "Points issued"),
            "points_redeemed": translate("Report", "Points redeemed"),
            "enrollments": translate("Report", "New members"),
            "returns": translate("Report", "Returns"),
            "refund": translate("Report", "Refunds"),
            "pending": translate("Report", "Events not yet sent to HQ"),
        }

    def retranslate(self) -> None:
        self.heading.setText(translate("Report", "Day report"))
        self.refresh_button.setText(translate("Report", "Refresh"))
        for k, text in self.figure_titles().items():
            self.titles[k].setText(text)
        self.back_button.set_label(translate("Report", "Back to the sale"))
        self.csv_button.set_label(translate("Report", "Export CSV"))
        self.pdf_button.set_label(translate("Report", "Export PDF"))
        self.date_edit.setLocale(QLocale())  # built before a language switch: follow the one in force now
        self.date_edit.setDisplayFormat(fmt.date_format())
        self._render()

    def activate(self, **_kwargs) -> None:
        if self.session.ready and not self._day_chosen:
            today = self.session.services.ctx.today()  # the till's clock, not this PC's calendar widget
            self.date_edit.blockSignals(True)
            self.date_edit.setDate(QDate(today.year, today.month, today.day))
            self.date_edit.blockSignals(False)
        self.load()
        self.date_edit.setFocus()

    def _chosen(self, _date: QDate) -> None:
        self._day_chosen = True
        self.load()

    def day(self) -> dt.date:
        d = self.date_edit.date()
        return dt.date(d.year(), d.month(), d.day())

    def load(self) -> None:
        if not self.session.ready:
            return
        pos, day = self.session.pos, self.day()

        def shown(summary) -> None:
            self.summary = summary
            self._render()

        op = Op(lambda: pos.day_summary(day), key="day-report", parent=self)
        self.session.run(op.success(shown).failure(lambda e: self.message.show_error(error_text(e))))

    def figure_values(self, s: DaySummary) -> dict[str, str]:
        return {
            "sales": fmt.number(s.sales),
            "paid": fmt.money(s.paid_cents),
            **{f"paid_{m}": fmt.money(s.by_tender.get(m, {}).get("paid_cents", 0)) for m in ("cash", "card", "other")},
            "drawer": fmt.money(s.expected_cash_cents),
            "points_issued": fmt.points(s.points_issued),
            "points_redeemed": fmt.points(s.points_redeemed),
            "enrollments": fmt.number(s.enrollments),
            "returns": fmt.number(s.returns),
            "refund": fmt.money(s.refund_cents),
            "pending": fmt.number(s.pending_events),
        }

    def tier_rows(self) -> list[tuple[str, str, dict]]:
        s = self.summary
        if s is None or not self.session.ready:
            return []
        order = [t.code for t in self.session.rules.ladder.tiers]
        codes = sorted(s.by_tier, key=lambda c: order.index(c) if c in order else len(order))
        return [(c, self.session.tier_name(c), s.by_tier[c]) for c in codes]

    def _render(self) -> None:
        if self.summary is None:
            for label in self.values.values():
                label.setText("—")
            return
        for k, text in self.figure_values(self.summary).items():
            self.values[k].setText(text)
        tiers = [(name, row["paid_cents"] // 100, row["points_issued"]) for _c, name, row in self.tier_rows()]
        self.chart.set_data(tiers, translate("Report", "Sales by tier"), translate("Report", "Takings"),
                            translate("Report", "Points issued"))  # fmt: skip

    # -- export -------------------------------------------------------------------------------

    def export(self, kind: str) -> None:
        s = self.summary
        if s is None:
            return
        name = f"day-report-{s.store_id}-{s.date.isoformat()}.{kind}"
        self.session.dialogs.save_path(self, translate("Report", "Export the day report"), name,
                                       "CSV (*.csv)" if kind == "csv" else "PDF (*.pdf)",
                                       lambda path: self._write(kind, path, s))  # fmt: skip

    def _write(self, kind: str, path, s: DaySummary) -> None:
        try:
            if kind == "csv":
                self.write_csv(path, s)
            else:
                printing.save_document_pdf(self.document(s), path, receipt_width_mm=180)
        except OSError as exc:
            self.message.show_error(message_for("export_failed", detail=str(exc)))
            return
        self.message.show_info(translate("Report", "Saved {path}").format(path=str(path)))

    def write_csv(self, path, s: DaySummary) -> None:
        """Plain numbers (150.00, no grouping) so spreadsheets read them in any language."""
        with open(path, "w", newline="", encoding="utf-8-sig") as f:
            w = csv.writer(f)
            w.writerow(["metric", "value"])
            w.writerow(["date", s.date.isoformat()])
            w.writerow(["store", s.store_id])
            for key, value in (("sales", s.sales), ("paid", format_cents(s.paid_cents)),
                               ("discount", format_cents(s.discount_cents)), ("points_issued", s.points_issued),
                               ("points_redeemed", s.points_redeemed), ("redeem_value", format_cents(s.redeem_cents)),
                               ("enrollments", s.enrollments), ("returns", s.returns),
                               ("refund", format_cents(s.refund_cents)), ("adjustments", s.adjustments),
                               ("pending_events", s.pending_events)):  # fmt: skip
                w.writerow([key, value])
            w.writerow([])
            w.writerow(["tier", "sales", "paid", "points_issued"])
            for code, _name, row in self.tier_rows():
                w.writerow([code, row["sales"], format_cents(row["paid_cents"]), row["points_issued"]])

    def document(self, s: DaySummary) -> QTextDocument:
        doc = QTextDocument()
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart"), self.chart.image())
        titles, values = self.figure_titles(), self.figure_values(s)
        rows = "".join(f"<tr><td>{html.escape(titles[k])}</td><td align='right'>{html.escape(values[k])}</td></tr>"
                       for k in FIGURES)  # fmt: skip
        tier_rows = "".join(
            f"<tr><td>{html.escape(name)}</td><td align='right'>{fmt.number(r['sales'])}</td>"
            f"<td align='right'>{fmt.money(r['paid_cents'])}</td><td align='right'>{fmt.points(r['points_issued'])}</td></tr>"
            for _c, name, r in self.tier_rows()
        )
        labels = [translate("Report", "Tier"), translate("Report", "Sales"), translate("Report", "Takings"),
                  translate("Report", "Points issued")]  # fmt: skip
        head = (
            "<tr>"
            + "".join(
                f"<th align='{'left' if i == 0 else 'right'}'>{html.escape(text)}</th>" for i, text in enumerate(labels)
            )
            + "</tr>"
        )
        by_tier = translate("Report", "Sales by tier")
        title = translate("Report", "Day report {date} · store {store}").format(
            date=fmt.date(s.date), store=s.store_id
        )
        doc.setHtml(f"<h2>{html.escape(title)}</h2><table width='100%' cellpadding='3'>{rows}</table>"
                    f"<h3>{html.escape(by_tier)}</h3>"
                    f"<table width='100%' cellpadding='3'>{head}{tier_rows}</table>"
                    f"<p><img src='chart' width='600'></p>")  # fmt: skip
        return doc

    def handle_escape(self) -> bool:
        self.nav.go("checkout")
        return True
