"""Filtered views: only the segments in one status, or those with a QA warning.

f cycles through the filters, F shows everything again; the command palette offers
each one. A filter applies to the language being edited and is applied again when Tab
switches language. Rows do not vanish under the cursor: a segment confirmed while the
"untranslated" filter is on stays until the filter is applied again. QA checks run in a
worker thread, so a large project is filtered (or searched for its next warning with w)
without freezing the screen.
"""

from __future__ import annotations

from textual.worker import get_current_worker

from workbench.core.plural import counted
from workbench.core.qa import check_segment
from workbench.tui.segment_view import Row

#: Filter name -> (label, statuses it keeps; None: rows with a QA warning; () all).
FILTERS: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "all": ("every segment", ()),
    "new": ("untranslated", ("new",)),
    "draft": ("drafts", ("draft",)),
    "confirmed": ("confirmed", ("translated", "reviewed", "final")),
    "qa": ("with a QA warning", None),
}


class FilterMixin:
    """Actions of WorkbenchApp: f / F and the palette's filters; w runs off the UI thread."""

    filter_name: str = "all"

    def action_cycle_filter(self) -> None:
        """Show the next filter's rows (all -> untranslated -> drafts -> confirmed -> QA)."""
        names = list(FILTERS)
        self.apply_filter(names[(names.index(self.filter_name) + 1) % len(names)])

    def action_show(self, name: str) -> None:
        """Show the rows of filter ``name`` ('all' shows every row)."""
        self.apply_filter(name)

    def apply_filter(self, name: str) -> None:
        """Show only the rows of filter ``name`` in the language being edited."""
        statuses = FILTERS[name][1]
        lang = self.lang
        if statuses is None:
            rows = list(self.all_rows)
            self.run_worker(
                lambda: self._qa_filter_job(rows, lang), thread=True, group="qa", exclusive=True
            )
            self.notify(f"checking {counted(len(rows), 'segment')} in {lang}…")
            return
        rows = [r for r in self.all_rows if not statuses or r.status.get(lang, "new") in statuses]
        self._show_filtered(name, rows)

    def _show_filtered(self, name: str, rows: list[Row]) -> None:
        label = FILTERS[name][0]
        if not rows:
            self.notify(f"no segment is {label} in {self.lang}", severity="warning")
            return
        current = self.row
        self.filter_name = name
        self.rows = rows
        at = next((i for i, r in enumerate(rows) if current and r is current), None)
        if at is None and current is not None:  # the nearest shown row after the current one
            after = self.all_rows.index(current)
            shown = {id(r) for r in rows}
            later = next((r for r in self.all_rows[after:] if id(r) in shown), None)
            at = rows.index(later) if later is not None else len(rows) - 1
        self.view.set_rows(rows, at or 0)
        self.filter_shown(self.filter_label())

    def filter_label(self) -> str:
        """'' when every segment is shown, else what the filter keeps and how many."""
        if self.filter_name == "all":
            return ""
        label = FILTERS[self.filter_name][0]
        return f"showing {len(self.rows)} of {len(self.all_rows)}: {label} in {self.lang} (F: all)"

    def _qa_filter_job(self, rows: list[Row], lang: str) -> None:
        worker = get_current_worker()
        keep = []
        for row in rows:
            if worker.is_cancelled:
                return
            if self.has_warning(row, lang):
                keep.append(row)
        self.call_from_thread(self._show_filtered, "qa", keep)

    def has_warning(self, row: Row, lang: str) -> bool:
        """Whether a translated row has a QA warning in ``lang``."""
        target = row.targets.get(lang, "")
        if not target:
            return False
        src = self.src_lang.get(row.key.split(":")[0], "en")
        return bool(
            check_segment(row.source, target, src, lang, self.finder)
            or self.spelling_warnings(row, lang)
        )

    def action_next_warning(self) -> None:
        """Go to the next translated row (of those shown) with a QA warning, found off-thread."""
        rows, start, lang = list(self.rows), self.view.current, self.lang
        self.run_worker(
            lambda: self._next_warning_job(rows, start, lang),
            thread=True,
            group="qa",
            exclusive=True,
        )

    def _next_warning_job(self, rows: list[Row], start: int, lang: str) -> None:
        worker = get_current_worker()
        n = len(rows)
        for k in range(1, n + 1):
            if worker.is_cancelled:
                return
            row = rows[(start + k) % n]
            if self.has_warning(row, lang):
                self.call_from_thread(self._go_to_row, row)
                return
        self.call_from_thread(self.notify, f"no QA warning in {lang}")

    def _go_to_row(self, row: Row) -> None:
        at = next((i for i, r in enumerate(self.rows) if r is row), None)
        if at is not None:  # (unless a filter changed meanwhile)
            self.view.current = at
