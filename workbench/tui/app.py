"""The translators' app: English beside Arabic and Kurdish, edited in place, saved at once.

Enter edits the current segment's target in the line below the table; Enter there
confirms it (status translated, committed to the project at once) and jumps to the next
unconfirmed segment; Ctrl+S keeps it as a draft; Esc cancels. Tab switches the target
language. Ctrl+Enter (F8 where the terminal cannot send Ctrl+Enter) confirms the current
target as it is. No edit waits for a "save".
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Vertical
from textual.notifications import SeverityLevel
from textual.widgets import Footer, ProgressBar, Static

from workbench.core.errors import WorkbenchError
from workbench.store.project import Project, Provenance
from workbench.tui.context import ContextMixin
from workbench.tui.edit_line import EditLine
from workbench.tui.editing import HINT, EditingMixin
from workbench.tui.filters import FILTERS, FilterMixin
from workbench.tui.glossary_actions import GlossaryMixin
from workbench.tui.help_screen import HelpScreen
from workbench.tui.history_actions import HistoryMixin
from workbench.tui.mt_worker import SCOPES, MTMixin
from workbench.tui.navigate import NavigateMixin
from workbench.tui.odd_articles import opening_notes
from workbench.tui.replace_actions import ReplaceMixin
from workbench.tui.rtl import detect
from workbench.tui.rtl_edit import RtlInput
from workbench.tui.segment_view import Row, SegmentView, collector_paused, origin_label
from workbench.tui.spellings import SpellingsMixin
from workbench.tui.tm_tools import TMToolsMixin
from workbench.tui.widgets.name_picker import NamePicker
from workbench.tui.workflow import WorkflowMixin

FIRST_RUN = (
    "Enter edits the highlighted target, Enter again confirms it. t machine-translates the "
    "rest, Tab switches language, ? lists every key. Every edit is saved at once."
)


def taken_first(bindings: list[Binding]) -> list[Binding]:
    """The app's keys, each taken by the app before any widget sees it (priority).

    So a key acts in the order typed, even in a burst: Textual would otherwise hand it to
    the focused widget's queue first, behind which an Enter that opens the edit line acts
    too late for the letters typed after it; and its screen would take Tab for "focus
    next". ``check_action`` lets a key through to the edit, find or help line it belongs to.
    """
    return [replace(b, priority=True) for b in bindings]


class WorkbenchApp(
    ReplaceMixin,
    TMToolsMixin,
    GlossaryMixin,
    WorkflowMixin,
    HistoryMixin,
    EditingMixin,
    ContextMixin,
    SpellingsMixin,
    FilterMixin,
    MTMixin,
    NavigateMixin,
    App[None],
):
    """The main screen over one project."""

    CSS = """
    SegmentView { height: 1fr; }
    #qa { height: 1; color: $warning; }
    /* notifications at the bottom right, over the right end of the panels under the
       table (their lines start at the left), just above the edit line: never over the
       English of the segments, the edit line or the hint under it */
    ToastRack { dock: bottom; align: right bottom; margin-bottom: 5; margin-right: 1; }
    ToastHolder { align-horizontal: right; }
    Toast { max-width: 40%; }
    #hint { height: 1; color: $text-muted; }
    #edit { display: none; }
    #find { display: none; }
    #find.open { display: block; }
    #mt { display: none; height: 1; }
    #mt.running { display: block; }
    #edit.editing { display: block; }
    #help-scroll { width: 84; height: auto; max-height: 100%; background: $panel; }
    #help { padding: 1 2; width: auto; height: auto; }
    HelpScreen { align: center middle; }
    """
    BINDINGS: ClassVar = taken_first(
        [
            Binding("down,j", "move(1)", "Next", id="next", priority=True),
            Binding("up,k", "move(-1)", "Previous", id="previous", priority=True),
            Binding("pagedown", "move(10)", "Page down", show=False, id="page_down", priority=True),
            Binding("pageup", "move(-10)", "Page up", show=False, id="page_up", priority=True),
            Binding("enter", "edit", "Edit", id="edit"),
            Binding("ctrl+enter,f8", "confirm", "Confirm", id="confirm"),
            # (the hint line names Tab; in the footer it would push Search and Go to off)
            Binding("tab", "switch_lang", "Language", show=False, id="language"),
            Binding(
                "shift+tab", "switch_lang(-1)", "Previous language", show=False, id="lang_back"
            ),
            Binding("n", "next_untranslated", "Next untranslated", id="next_untranslated"),
            Binding(
                "N", "next_untranslated(-1)", "Previous untranslated", show=False, id="prev_untr"
            ),
            Binding("w", "next_warning", "Next QA warning", show=False, id="next_warning"),
            Binding("v", "mark('reviewed')", "Reviewed", id="reviewed"),
            Binding("V", "mark('final')", "Final", show=False, id="final"),
            Binding("u", "undo", "Undo", id="undo"),
            Binding("r", "redo", "Redo", show=False, id="redo"),
            Binding("U", "undo_segment", "Undo in this segment", show=False, id="undo_segment"),
            Binding("R", "redo_segment", "Redo in this segment", show=False, id="redo_segment"),
            Binding("t", "translate('document')", "MT rest", id="translate"),
            Binding("T", "translate('segment')", "MT segment", show=False, id="translate_segment"),
            Binding("ctrl+t", "translate('all')", "MT everything", show=False, id="translate_all"),
            Binding("f", "cycle_filter", "Filter", id="filter"),
            Binding("F", "show('all')", "Show all", show=False, id="filter_off"),
            Binding("slash", "find('search')", "Search", id="search"),
            Binding("g", "find('goto')", "Go to", id="goto"),
            Binding("f3", "find_next", "Find next", show=False, id="find_next"),
            Binding("ctrl+r", "replace", "Find and replace in targets", show=False, id="replace"),
            Binding("1", "insert_match(0)", "TM 1", show=False, id="tm1"),
            Binding("2", "insert_match(1)", "TM 2", show=False, id="tm2"),
            Binding("3", "insert_match(2)", "TM 3", show=False, id="tm3"),
            Binding("ctrl+s", "keep_draft", "Keep as draft", show=False, id="keep_draft"),
            Binding("ctrl+g", "insert_name", "Glossary name", show=False, id="insert_name"),
            Binding(
                "ctrl+n", "choose_name", "Choose a glossary name", show=False, id="choose_name"
            ),
            Binding("ctrl+l", "add_name", "Add a name to the glossary", show=False, id="add_name"),
            Binding("c", "concordance", "Concordance", show=False, id="concordance"),
            Binding("A", "analysis", "Analysis", show=False, id="analysis"),
            Binding("question_mark", "help", "Help", id="help"),
            Binding("q", "exit_app", "Quit", id="quit"),
        ]
    )

    def __init__(
        self,
        project_dir: str | Path,
        langs: list[str],
        rtl: str = "auto",
        finder=None,
        tm=None,
        engine_for=None,
        keymap: dict[str, str] | None = None,
        first_run: bool = False,
        settings=None,
        home: Path | None = None,
    ) -> None:
        """Open the project in ``project_dir`` showing the ``langs`` targets.

        ``settings`` (translator, propagate; see workbench.services.settings) turn on the
        TM learning, propagation and reopening where the translator left off; ``home``
        keeps that position.
        """
        super().__init__()
        self.project = Project.open(project_dir)
        self.langs = langs
        self.lang = langs[0]
        self.rtl_mode = detect(rtl)
        self.finder = finder
        self.tm = tm  # a TranslationMemory, or None
        self.engine_for = engine_for  # lang -> MT engine (raises WorkbenchError if none)
        self.keymap = keymap or {}
        self.edit_row: Row | None = None  # what the edit line was opened on
        self.edit_lang = self.lang
        self.first_run = first_run
        self.init_history()  # u / r: this session's actions, wherever they were
        self.unsaved: tuple[str, str] | None = None  # (why, text) of an edit quit could not save
        if keymap:
            self.set_keymap(keymap)  # binding id -> keys, from keys.toml
        self.all_rows = self._load()
        self.rows = list(self.all_rows)  # the rows shown (all, or those a filter keeps)
        self.init_spellings()
        self.init_workflow(settings, home)  # TMs learn, repetitions, other writers

    def _load(self) -> list[Row]:
        rows = []
        with collector_paused():  # 100,000 rows of small dicts: see collector_paused
            for r in self.project.grid(self.langs):
                row = Row(r[0], r[1], r[2], r[3])
                for n, lang in enumerate(self.langs):
                    target, status, origin, engine, model, match = r[4 + 6 * n : 10 + 6 * n]
                    row.targets[lang], row.status[lang] = target, status
                    row.origin[lang] = origin_label(origin, engine, model, match)
                rows.append(row)
        self.src_lang = {name: src for _, name, src, _ in self.project.documents()}
        return rows

    def compose(self) -> ComposeResult:
        """The table, QA line, edit line, hint and footer."""
        self.compose_panels()  # the header, QA and score lines and the context panel
        with Vertical():
            yield self.header_bar
            yield SegmentView(self.rows, self.langs, self.rtl_mode, id="segments")
            yield self.qa_line
            yield self.score_line
            yield self.context_panel
            yield ProgressBar(id="mt", show_eta=False)
            yield EditLine(placeholder="translation", id="edit")
            yield EditLine(id="find")
            yield Static(HINT, id="hint")
        yield Footer()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A toast, always as plain text.

        Segment labels say "[ar]", and names and typed text may hold brackets, which
        Textual would read as markup (they vanished from the toast).
        """
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def on_mount(self) -> None:
        """Focus the table and show the first segment's QA."""
        self.title = f"workbench — {self.project.folder.name}"
        self.view.focus()
        self._edit_line = self.query_one("#edit", RtlInput)
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop = asyncio.get_running_loop()  # a closed terminal or a kill: quit cleanly,
            for sig in (signal.SIGHUP, signal.SIGTERM):  # so an open edit is kept as a draft
                loop.add_signal_handler(sig, self.exit)
        self._show_qa()
        self.start_workflow()
        # background work starts once the first screen is drawn (it shares the GIL)
        self.call_after_refresh(self.start_spelling_index)
        if self.tm is not None and getattr(self.tm, "stale", False):
            self.notify(
                "your translation memory was indexed with another glossary; "
                "run: workbench tm reindex",
                severity="warning",
                timeout=15,
            )
        if self.first_run:
            self.notify(FIRST_RUN, title="Welcome to workbench", timeout=20)
            self._greeting = True
        for note in opening_notes(self.project, self.lang, self.opened_article):
            self.notify(note, title="What is here", severity="warning", timeout=30)

    _greeting = False
    #: The article file `workbench open` was given (its front matter is checked), if any.
    opened_article: Path | None = None

    def dismiss_greeting(self) -> None:
        """The first-run greeting goes once the translator starts (it sits over the English)."""
        if self._greeting:
            self._greeting = False
            self.clear_notifications()

    @property
    def view(self) -> SegmentView:
        """The segment table."""
        return self.query_one(SegmentView)

    @property
    def row(self) -> Row | None:
        """The current segment."""
        return self.rows[self.view.current] if self.rows else None

    # --- actions ------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        """Keys for an open edit or find line are typed into it here, in the app's turn.

        Textual would hand such a key to the line's own queue, to be typed later, while the
        app goes on with the keys behind it: an Enter that closes the line and opens the
        next one could then act before letters typed ahead of it (in a burst from tmux or a
        busy machine those letters reached the table and were lost). Typed here, every key
        takes effect in the order it was typed, whatever closes or opens in between.
        The name picker (Ctrl+N) takes its keys here too, even before it is drawn: the pick
        is inserted before the next key is typed; any other key closes it and is typed.
        """
        typed = isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded
        if typed and isinstance(picker := self.screen, NamePicker) and picker.open:
            if isinstance(event, events.Key) and picker.take(event.key):
                return
            picker.choose(None)  # not the picker's key: it closes, the key acts in the line
        if typed and len(self.screen_stack) == 1 and isinstance(line := self.focused, EditLine):
            if isinstance(event, events.Paste) or not await self._check_bindings(
                event.key, priority=True
            ):
                await line.type_now(event)
            return
        await super().on_event(event)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Whether one of the app's keys acts now.

        On the main screen with the table focused, all do; while the edit line is open only
        its own (no moving away or switching language mid-edit); under the help, none.
        Those keys not taken go on to the line (or help) focused. Ctrl+Q always quits: an
        open edit is kept as a draft.
        """
        if action not in _OWN_ACTIONS:
            return True  # Textual's own (Ctrl+Q, palette ...)
        if len(self.screen_stack) > 1:
            return False  # the help: its keys scroll it
        if self.focused is self.query_one("#edit", EditLine):
            return action in ("keep_draft", "insert_name", "confirm", "choose_name", "add_name")
        return self.focused is not self.query_one("#find", EditLine)

    def action_move(self, delta: int) -> None:
        """Move the current segment."""
        self.dismiss_greeting()
        self.view.move(delta)

    def on_segment_view_moved(self, _: SegmentView.Moved) -> None:
        """Show the new segment's QA."""
        self._show_qa()

    def action_switch_lang(self, step: int = 1) -> None:
        """Edit the next target language (``step`` -1: the previous one)."""
        self.lang = self.langs[(self.langs.index(self.lang) + step) % len(self.langs)]
        self.sub_title = f"editing {self.lang}"
        if self.filter_name != "all":
            self.apply_filter(self.filter_name)  # statuses and warnings are per language
        self._show_qa()

    def line_submitted(self, line: EditLine) -> None:
        """Enter in the edit line (confirm, go to the next unconfirmed) or the find line."""
        if line.id == "find":
            self.run_find(line.value)
        else:
            self.confirm_edit()

    def line_cancelled(self, line: EditLine) -> None:
        """Esc in the edit line (asks first about typed changes) or the find line."""
        if line.id == "find":
            self.close_find()
        else:
            self.cancel_edit()

    def on_key(self, event) -> None:
        """Esc on the table cancels MT (in the edit and find lines it closes them)."""
        if event.key == "escape" and self.mt_running and self.focused is self.view:
            self.action_cancel_mt()
            event.stop()

    async def action_quit(self) -> None:
        """Ctrl+Q: quit, keeping an open edit as a draft (once the keys before it are in)."""
        if self._edit_line.is_focused:
            self._edit_line.run_in_turn(self.exit)
        else:
            self.exit()

    def action_exit_app(self) -> None:
        """Quit (the q key, on the table)."""
        self.exit()

    def target_changed(self, index: int, lang: str = "") -> None:
        """Redraw row ``index`` after its target changed; QA now, document scores soon."""
        self.view.update_row(index)
        self.spelling_changed(self.rows[index], lang or self.lang)
        self._show_qa()
        self.scores_changed()

    def action_next_unconfirmed(self) -> None:
        """Go to the next segment still new or draft in this language."""
        n = len(self.rows)
        for k in range(1, n + 1):
            i = (self.view.current + k) % n
            if self.rows[i].status.get(self.lang, "new") in ("new", "draft"):
                self.view.current = i
                return

    def action_next_untranslated(self, step: int = 1) -> None:
        """Go to the next (step 1) or previous (step -1) segment without a target here."""
        n = len(self.rows)
        for k in range(1, n + 1):
            i = (self.view.current + step * k) % n
            if not self.rows[i].targets.get(self.lang):
                self.view.current = i
                return

    def get_system_commands(self, screen):
        """The command palette (Ctrl+P): the app's main actions beside Textual's own."""
        yield from super().get_system_commands(screen)
        for scope, what in SCOPES.items():
            yield SystemCommand(
                f"MT: {what}",
                "Machine drafts, in the background",
                partial(self.action_translate, scope),
            )
        yield SystemCommand(
            "Mark reviewed", "Review the current target (v)", partial(self.action_mark, "reviewed")
        )
        yield SystemCommand(
            "Mark final", "Sign off the current target (V)", partial(self.action_mark, "final")
        )
        for name, (label, _) in FILTERS.items():
            yield SystemCommand(
                f"Show {label}", "Filter the rows (f cycles)", partial(self.apply_filter, name)
            )
        yield SystemCommand(
            "Search", "Search source and targets", lambda: self.action_find("search")
        )
        yield SystemCommand("Go to segment", "By number or id", lambda: self.action_find("goto"))
        yield SystemCommand(
            "Find and replace",
            "In the targets of the language edited (Ctrl+R)",
            self.action_replace,
        )
        yield SystemCommand("Find next", "The last search again (F3)", self.action_find_next)
        yield SystemCommand(
            "Next untranslated", "Next segment with no target", self.action_next_untranslated
        )
        yield SystemCommand(
            "Next QA warning", "Next translated segment with a warning", self.action_next_warning
        )
        yield SystemCommand(
            "Switch language", "Edit the next target language", self.action_switch_lang
        )
        yield SystemCommand("Undo", "The last action, wherever it was (u)", self.action_undo)
        yield SystemCommand("Redo", "The action undone last (r)", self.action_redo)
        yield SystemCommand(
            "Undo in this segment",
            "This segment's last edit, in any session (U)",
            self.action_undo_segment,
        )
        yield SystemCommand(
            "Redo in this segment",
            "This segment's edit undone last (R)",
            self.action_redo_segment,
        )
        yield SystemCommand(
            "Concordance", "Search the TM for a word or phrase (c)", self.action_concordance
        )
        yield SystemCommand(
            "Analysis",
            "Words and segments per match band, per language (A)",
            self.action_analysis,
        )
        yield SystemCommand("Keys", "Every key binding", self.action_help)

    def action_help(self) -> None:
        """Show every key."""
        keys = [
            (self.keymap.get(b.id, b.key) if b.id else b.key, b.description, b.id or "")
            for b in self.BINDINGS
        ]
        self.push_screen(HelpScreen(keys))

    def on_unmount(self) -> None:
        """Keep an edit still open as a draft (quitting loses no typing), close the project."""
        edit = self._edit_line  # (no longer in the DOM here)
        row, lang = self.edit_row, self.edit_lang
        if edit.has_class("editing") and row is not None:
            if edit.value != row.targets.get(lang, ""):
                status = "draft" if edit.value.strip() else "new"
                try:
                    self.project.set_translation(
                        row.segment_id, lang, edit.value, status, Provenance("human")
                    )
                    self.learn(row.segment_id, lang)  # (a confirm made a draft: out of the TMs)
                    self.last_edit = (row.key, lang)  # reopening comes back here
                except WorkbenchError as e:  # (a full disk): the CLI prints the text
                    why = f"{e}; this edit of {row.key} [{lang}] was not saved"
                    self.unsaved = (why, edit.value)
        self.stop_workflow()
        self.project.close()


_OWN_ACTIONS = {b.action.split("(")[0] for b in WorkbenchApp.BINDINGS}


def binding_ids() -> list[str]:
    """The ids that keys.toml may remap."""
    return [b.id for b in WorkbenchApp.BINDINGS if b.id]
