"""Exchanging a project with other tools: export (XLIFF, TMX, text) and XLIFF import.

Every XLIFF export records the revision of each target (a checksum of its text, status and
note, see :func:`workbench.formats.xliff.target_revision`). An import compares it with the
project as it is now: a segment the project changed since the export is a **conflict**,
listed and not applied unless ``force``, so an older file never overwrites newer work. An
empty target in a file never replaces a non-empty one, forced or not.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from workbench.core.errors import InputError
from workbench.core.languages import get_language
from workbench.core.plural import counted
from workbench.core.textio import read_input_bytes
from workbench.core.unit_match import Matched, match_units
from workbench.core.units import ExchangeSegment, Unit
from workbench.formats.tmx import units_to_tmx
from workbench.formats.xliff import read_xliff, segments_to_xliff, target_revision
from workbench.services.files import write_text
from workbench.store.project import Project

CONFIRMED = ("translated", "reviewed", "final")


def export_project(
    folder: str, fmt: str, lang: str, out: str | None, include_drafts: bool = False
) -> str:
    """A project's translations into ``lang`` as XLIFF, TMX or text; returns the text.

    XLIFF units carry the revision of their target, for the import's stale check. TMX holds
    the confirmed translations (translated, reviewed, final) with their notes, status
    (``x-status`` prop) and context; ``include_drafts`` adds the drafts, marked
    ``x-status`` ``draft``.
    """
    get_language(lang)
    with Project.open(folder, readonly=True) as project:
        rows = project.rows(lang)
        docs = {name: src for _, name, src, _ in project.documents()}
    if fmt in ("xliff", "xliff12"):
        src = next(iter(docs.values()), "en")
        segs = [ExchangeSegment(r.key, r.source, r.target, r.status, r.note, r.doc) for r in rows]
        if not segs:
            raise InputError(f"{folder}: the project has no segments")
        revs = {r.key: target_revision(r.target, r.status, r.note) for r in rows}
        text = segments_to_xliff(segs, src, lang, "1.2" if fmt == "xliff12" else "2.1", revs)
    elif fmt == "tmx":
        wanted = CONFIRMED + (("draft",) if include_drafts else ())
        units = []
        for i, r in enumerate(rows):
            if not r.target.strip() or r.status not in wanted:
                continue
            prev = rows[i - 1].source if i and rows[i - 1].doc == r.doc else ""
            nxt = rows[i + 1].source if i + 1 < len(rows) and rows[i + 1].doc == r.doc else ""
            units.append(
                Unit(
                    r.source,
                    r.target,
                    docs[r.doc],
                    lang,
                    prev,
                    nxt,
                    origin=r.doc,
                    note=r.note,
                    props=(("x-status", r.status),),
                )
            )
        if not units:
            drafts = sum(1 for r in rows if r.status == "draft" and r.target.strip())
            hint = f" ({counted(drafts, 'draft')}: --include-drafts exports them)" if drafts else ""
            raise InputError(f"{folder}: no confirmed translations into {lang} to export{hint}")
        text = units_to_tmx(units, units[0].src_lang)
    elif fmt == "txt":
        paras: dict[tuple[str, int], list[str]] = {}
        for r in rows:
            paras.setdefault((r.doc, r.para), []).append(r.target or r.source)
        text = "\n\n".join(" ".join(p) for p in paras.values()) + "\n"
    else:
        raise InputError(f"unknown export format {fmt!r}")
    if out:
        write_text(out, text)
    return text


@dataclass
class Conflict:
    """A unit not applied: the project's target changed since the file was exported."""

    id: str
    project_status: str
    file_status: str
    edited_in_file: bool  # the file's unit differs from what was exported, too

    def as_json(self) -> dict[str, object]:
        """The conflict as a JSON object."""
        return dict(self.__dict__)


@dataclass
class XliffImport:
    """What importing a translated XLIFF file into a project did, and did not do."""

    lang: str
    updated: int = 0
    unchanged: int = 0
    unknown: int = 0  # unit ids the project does not have
    source_changed: int = 0  # the project's source text changed since the export
    applied: list[str] = field(default_factory=list)  # ids updated
    forced: list[str] = field(default_factory=list)  # of those, conflicts applied by force
    conflicts: list[Conflict] = field(default_factory=list)  # not applied
    empty_kept: list[str] = field(default_factory=list)  # empty in the file; project kept
    skipped_source: list[str] = field(default_factory=list)
    unknown_ids: list[str] = field(default_factory=list)
    with_revision: int = 0  # units whose export revision the file carried
    matched: list[Matched] = field(default_factory=list)  # unknown ids matched by text
    learned: int = 0  # confirmed targets applied, now in the project's TM and the user's TM

    @property
    def matched_by_source(self) -> int:
        """How many units with unknown ids were matched by their source text."""
        return sum(1 for m in self.matched if m.by != "location")

    @property
    def not_applied(self) -> int:
        """How many units with a change were not applied."""
        return len(self.conflicts) + len(self.empty_kept) + self.source_changed + self.unknown

    def as_json(self) -> dict[str, object]:
        """Applied and not applied, as one JSON object."""
        return {
            "lang": self.lang,
            "applied": {"updated": self.applied, "forced": self.forced},
            "unchanged": self.unchanged,
            "not_applied": {
                "conflicts": [c.as_json() for c in self.conflicts],
                "empty_target": self.empty_kept,
                "source_changed": self.skipped_source,
                "unknown": self.unknown_ids,
            },
            "units_with_revision": self.with_revision,
            "matched": [{"file_id": m.file_id, "id": m.id, "by": m.by} for m in self.matched],
        }


def import_xliff(
    path: str, folder: str, force: bool = False, lang: str | None = None
) -> XliffImport:
    """Bring the targets, statuses and notes of a translated XLIFF file into a project.

    Each changed segment is committed on its own (a compare-and-set against the row read),
    so an interrupted import keeps what it did. Units whose ids the project does not have
    (a file from another tool) are matched by the location they name or their source text
    (:mod:`workbench.core.unit_match`), and counted. Not applied, and reported: units whose
    source no longer matches the project, ids matched by nothing, empty targets where the
    project has text, and conflicts, i.e. segments the project changed since the file was
    exported (``force`` applies those). ``lang``: the target language where the file names
    none (translate-toolkit's ``po2xliff`` without a PO ``Language`` header).
    """
    p = Path(path)
    data = read_input_bytes(p)  # regular files only, bounded in size
    read = read_xliff(data, str(p))
    wanted = get_language(lang).tag if lang else None
    if not read.tgt:
        if wanted is None:
            raise InputError(f"{p}: the file names no target language; give it with --lang")
        read.tgt = wanted
    elif wanted is not None and wanted != read.tgt:
        raise InputError(f"{p}: the file's target language is {read.tgt}, not {wanted}")
    report = XliffImport(read.tgt)
    written: list[tuple[int, str]] = []  # (segment id, language) applied: the TMs learn them
    with Project.open(folder) as project:
        ordered = project.rows(read.tgt)
        rows = {r.key: r for r in ordered}
        found = match_units(
            [(s.id, s.source) for s in read.segments],
            [(r.key, r.source) for r in ordered],
            read.locations,
        )
        report.matched = list(found.values())
        for seg in read.segments:
            exported = read.revisions.get(seg.id)
            if seg.id in found:
                seg = replace(seg, id=found[seg.id].id)
            row = rows.get(seg.id)
            if row is None:
                report.unknown += 1
                report.unknown_ids.append(seg.id)
                continue
            if " ".join(row.source.split()) != " ".join(seg.source.split()):
                report.source_changed += 1
                report.skipped_source.append(seg.id)
                continue
            report.with_revision += exported is not None
            if (row.target, row.status, row.note) == (seg.target, seg.status, seg.note):
                report.unchanged += 1
                continue
            if row.target and not seg.target:
                report.empty_kept.append(seg.id)
                continue
            current = target_revision(row.target, row.status, row.note)
            stale = exported is not None and exported != current
            if stale and not force:
                edited = target_revision(seg.target, seg.status, seg.note) != exported
                report.conflicts.append(Conflict(seg.id, row.status, seg.status, edited))
                continue
            wrote = project.set_translation(
                row.segment_id,
                read.tgt,
                seg.target,
                seg.status,
                note=seg.note,
                expect=(row.target, row.status),
            )
            if wrote is None:  # written by someone else while this import ran
                now = project.row(row.segment_id, read.tgt)
                report.conflicts.append(Conflict(seg.id, now.status, seg.status, True))
                continue
            report.updated += 1
            report.applied.append(seg.id)
            written.append((row.segment_id, read.tgt))
            if stale:
                report.forced.append(seg.id)
        if written:
            report.learned = _learn(project, folder, written)
    return report


def _learn(project: Project, folder: str, written: list[tuple[int, str]]) -> int:
    """The memory learns the import's confirmed targets (and forgets demoted ones)."""
    from workbench.services.glossary import open_glossary
    from workbench.services.learning import learn_segments, open_learning_tms
    from workbench.services.settings import load_settings

    tms = open_learning_tms(folder, open_glossary(None))
    try:
        return learn_segments(project, tms, load_settings().translator, written)
    finally:
        for tm in tms:
            tm.close()
