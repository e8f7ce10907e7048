"""Find and replace in targets, and find-next, for WorkbenchApp.

Ctrl+R opens :class:`~workbench.tui.widgets.replace_dialog.ReplaceDialog` on the language
edited. The plan is worked out over every segment's target in that language (not only
the rows a filter shows); confirmed targets are left out unless the translator includes
them, and the preview says so either way. Replacing writes each changed target as the
translator's edit, its status kept, each a compare-and-set against the text the preview
showed (a target another translator changed meanwhile is left and counted), and pushes
them as one action: ``u`` takes the whole replacement back. The TMs learn the changed
confirmed targets.

F3 goes to the next segment that matches the last query (of the replace dialog, or of
``/``) without retyping it, and the match is marked in the row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.core.errors import WorkbenchError
from workbench.core.find_replace import Finder
from workbench.core.plural import counted
from workbench.store.project import ChangedUnderYou
from workbench.tui.segment_view import Row
from workbench.tui.widgets.replace_dialog import ReplaceDialog

CONFIRMED = ("translated", "reviewed", "final")


@dataclass(frozen=True)
class Change:
    """One target to rewrite."""

    row: Row
    key: str
    old: str
    new: str
    status: str
    matches: int


@dataclass
class Plan:
    """What a replacement will do in one language."""

    lang: str
    finder: Finder
    changes: list[Change] = field(default_factory=list)
    matches: int = 0
    confirmed_left: int = 0  # confirmed targets that match but are left as they are
    confirmed_changed: int = 0


def plan_replacement(
    rows: list[Row], lang: str, finder: Finder, replacement: str, confirmed: bool
) -> Plan:
    """The changes replacing ``finder``'s matches with ``replacement`` in ``lang`` makes."""
    plan = Plan(lang, finder)
    for row in rows:
        old = row.targets.get(lang, "")
        if not old:
            continue
        new, n = finder.replace(old, replacement)
        if not n:
            continue
        status = row.status.get(lang, "new")
        if status in CONFIRMED and not confirmed:
            plan.confirmed_left += 1
            continue
        if new == old:
            continue
        plan.confirmed_changed += status in CONFIRMED
        plan.matches += n
        plan.changes.append(Change(row, row.key, old, new, status, n))
    return plan


class ReplaceMixin:
    """Ctrl+R (find and replace in targets) and F3 (find next) of WorkbenchApp."""

    #: (finder, languages searched) of the last query: what F3 looks for.
    last_find: tuple[Finder, tuple[str, ...]] | None = None

    def action_replace(self) -> None:
        """Open find and replace for the targets of the language edited."""
        lang = self.lang
        query, regex = "", False
        if self.last_find is not None:
            query, regex = self.last_find[0].query, self.last_find[0].regex

        def plan_for(finder: Finder, replacement: str, confirmed: bool) -> Plan:
            return plan_replacement(self.all_rows, lang, finder, replacement, confirmed)

        def done(result) -> None:
            if result is None:
                return
            what, value = result
            if what == "next":
                self.remember_find(value, (lang,))
                self.action_find_next()
            else:
                self.remember_find(value.finder, (lang,))
                self.apply_replacement(value)

        self.push_screen(ReplaceDialog(lang, plan_for, self.rtl_mode, query, regex), done)

    def remember_find(self, finder: Finder | None, langs: tuple[str, ...]) -> None:
        """Keep the query for F3, and mark its matches in the current row."""
        if finder is None:
            return
        self.last_find = (finder, langs)
        self.view.set_marker(finder.spans, set(langs))

    def remember_search(self, query: str) -> None:
        """A ``/`` search: F3 repeats it over the source and the targets shown."""
        try:
            self.remember_find(Finder(query), ("en", *self.langs))
        except WorkbenchError:
            pass  # (an empty query: nothing to repeat)

    def apply_replacement(self, plan: Plan) -> None:
        """Write the plan's changes as one undoable action; say what was done."""
        ids: list[int] = []
        stale = 0
        done: list[Change] = []
        for change in plan.changes:
            try:
                hid = self.project.save_edit(
                    change.row.segment_id,
                    plan.lang,
                    change.new,
                    change.status,
                    expect=(change.old, change.status),
                )
            except ChangedUnderYou:
                stale += 1  # changed meanwhile (another translator): left as it is
                continue
            except WorkbenchError as e:
                self.notify(f"not all replaced: {e}", severity="error", timeout=30)
                break
            if hid is not None:
                ids.append(hid)
                done.append(change)
        if ids:
            self.remember_action(ids)
        for change in done:
            self.show_stored(change.row, plan.lang)
            self.learn(change.row.segment_id, plan.lang)  # a confirmed one: its new text
        n = sum(c.matches for c in done)
        text = f"replaced {n} in {counted(len(done), 'segment', thousands=False)} [{plan.lang}]"
        if plan.confirmed_left:
            text += f"; {plan.confirmed_left} confirmed left as they are"
        if stale:
            text += f"; {stale} changed by someone else meanwhile, left"
        self.notify(text + (" (u undoes it)" if ids else ""))
        if done:
            self.go_to_segment(done[0].row.segment_id, plan.lang)

    def action_find_next(self) -> None:
        """Go to the next segment matching the last query, its match marked in the row."""
        if self.last_find is None:
            self.notify("nothing to find again: search with / or Ctrl+R first")
            return
        finder, langs = self.last_find
        self.view.set_marker(finder.spans, set(langs))

        def hit(row: Row) -> bool:
            texts = [row.source if "en" in langs else ""]
            texts += [row.targets.get(x, "") for x in langs if x != "en"]
            return any(t and finder.spans(t) for t in texts)

        rows, start = self.rows, self.view.current
        n = len(rows)
        for k in range(1, n + 1):
            row = rows[(start + k) % n]
            if hit(row):
                self.view.current = (start + k) % n
                return
        for row in self.all_rows:  # hidden by a filter: lift it
            if hit(row):
                self.go_to_segment(row.segment_id, self.lang)
                self.notify("the filter is off, to show what was found")
                return
        self.notify(f"not found: {finder.query}", severity="warning")
