"""The app's tools over the translation memory and the project: concordance and analysis.

``c`` opens the concordance (:mod:`workbench.tui.widgets.concordance_screen`) for the
current segment's language pair; ``A`` (or "Analysis" in the palette) shows the project's
words and segments in the CAT bands, from the TM and the project's repetitions, worked
out in a thread (:mod:`workbench.tui.widgets.analysis_screen`).
"""

from __future__ import annotations

from workbench.tui.widgets.analysis_screen import AnalysisScreen
from workbench.tui.widgets.concordance_screen import ConcordanceScreen


class TMToolsMixin:
    """Concordance and analysis actions of WorkbenchApp."""

    def action_concordance(self) -> None:
        """Open the concordance for the current language pair."""
        row = self.row
        src = self.src_lang.get(row.key.split(":")[0], "en") if row is not None else "en"
        path = getattr(self.tm, "path", None)
        self.push_screen(ConcordanceScreen(path, src, self.lang, self.rtl_mode))

    def action_analysis(self) -> None:
        """Show the project's analysis (words and segments per band, per language)."""
        path = getattr(self.tm, "path", None)
        glossary = getattr(self.tm, "glossary", None)
        self.push_screen(
            AnalysisScreen(self.project.folder, list(self.langs), path, glossary, self.finder)
        )
