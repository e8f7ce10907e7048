"""XLIFF 2.1 (and 1.2 for older tools) export and import of one target language.

One ``file`` per document, one ``unit`` (1.2: ``trans-unit``) per segment, its id the
stable segment key (``al-qaem:p3:s2``). Statuses map to XLIFF states:

=========== ============================== ==============================================
workbench   XLIFF 2.1 segment state         XLIFF 1.2 target state, trans-unit approved
=========== ============================== ==============================================
new         initial (no target)             no target
draft       initial, subState wb:draft      needs-review-translation (not approved)
translated  translated                      translated, ``approved="yes"``
reviewed    reviewed                        signed-off, ``approved="yes"``
final       final                           final, ``approved="yes"``
=========== ============================== ==============================================

Why ``translated`` is approved in 1.2: it is a translation the translator confirmed, fit to
publish. 1.2 tools decide "usable or not" by ``approved``: translate-toolkit (and so
Pootle, Virtaal, ``xliff2po``) reads every unit without ``approved="yes"`` as fuzzy, Okapi
Rainbow's "approved entries only" options drop it. The review level stays in ``state``
(translated, signed-off, final), which those tools read too.

Reading back (1.0, 1.1 as translate-toolkit's ``po2xliff`` writes it, and 1.2): an empty
or missing target is new; a target whose state asks for work (``new``,
``needs-translation``, ``needs-adaptation``, ``needs-l10n``, ``needs-review-*``, a
``fuzzy-match``/``mt-suggestion``/``tm-suggestion`` qualifier with no state) is a draft
unless ``approved="yes"`` says the translation is accepted (then translated, as
translate-toolkit reads it); ``translated``, ``signed-off`` and ``final`` are translated,
reviewed and final; a target with no state is translated unless ``approved="no"`` marks
it fuzzy (a draft). translate-toolkit's PO header unit (``restype=
"x-gettext-domain-header"``) is no segment and is skipped.

Notes travel as ``note`` elements (1.2: ``from="translator"``, which translate-toolkit's
``xliff2po`` turns into translator comments). A 1.2 unit also names its segment id as its
location (``<context-group purpose="location"><context context-type="sourcefile">``), so
that the id survives a trip through PO (``#: al-qaem:p3:s2``) and back.

Each unit also carries the **revision** of the project's target when it was exported
(:func:`target_revision`, a checksum of target, status and note), so that an import can
tell a segment the project changed since the export: in XLIFF 2 a metadata module block in
the unit, ``<mda:metadata><mda:metaGroup category="workbench"><mda:meta
type="revision">…``; in 1.2 (whose strict schema has no ``prop-group``) ``<context-group
purpose="information"><context context-type="x-workbench-revision">…`` (a transitional
``<prop-group name="workbench">`` with ``<prop prop-type="revision">`` is read too).

On import, inline elements are flattened to their text (``pc``/``mrk``/``g``/``mrk`` keep
their content; ``ph``/``sc``/``ec``/``x``/``bx``/``ex`` codes are dropped; ``cp`` becomes
its character). Parsing goes through :mod:`workbench.formats.safexml` (no entity
expansion, no network).
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from workbench.core.errors import InputError, WorkbenchError
from workbench.core.languages import get_language
from workbench.core.units import ExchangeSegment
from workbench.formats.safexml import local, parse_xml

NS2 = "urn:oasis:names:tc:xliff:document:2.0"
NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS_MDA = "urn:oasis:names:tc:xliff:metadata:2.0"
VERSIONS1 = ("1.2", "1.1", "1.0")
REVISION_TYPE = "x-workbench-revision"  # 1.2 context-type (XTend values start with x-)
STATE2 = {
    "new": "initial",
    "draft": "initial",
    "translated": "translated",
    "reviewed": "reviewed",
    "final": "final",
}
STATE12 = {
    "new": "needs-translation",  # written only where a new unit has a target element
    "draft": "needs-review-translation",
    "translated": "translated",
    "reviewed": "signed-off",
    "final": "final",
}
APPROVED12 = {"translated", "reviewed", "final"}
FROM12 = {  # state of a target that has text
    "new": "draft",
    "needs-translation": "draft",
    "needs-adaptation": "draft",
    "needs-l10n": "draft",
    "needs-review-translation": "draft",
    "needs-review-adaptation": "draft",
    "needs-review-l10n": "draft",
    "translated": "translated",
    "signed-off": "reviewed",
    "final": "final",
    "x-fuzzy": "draft",
    "fuzzy": "draft",
}
DRAFT_QUALIFIERS = {"fuzzy-match", "mt-suggestion", "tm-suggestion", "leveraged-mt"}
GETTEXT_HEADER = "x-gettext-domain-header"
_DROP = {"ph", "sc", "ec", "x", "bx", "ex", "bpt", "ept", "it"}


def _q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


def target_revision(target: str, status: str, note: str) -> str:
    """The revision of a target as exported: a checksum of its text, status and note.

    The note is compared with its whitespace collapsed, as XLIFF readers may reflow it.
    """
    data = "\x1f".join((target, status, " ".join(note.split())))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def segments_to_xliff(
    segments: Iterable[ExchangeSegment],
    src: str,
    tgt: str,
    version: str = "2.1",
    revisions: Mapping[str, str] | None = None,
) -> str:
    """An XLIFF document for one language pair; segments grouped into files by document.

    ``revisions`` (segment id -> revision) are written into each unit for the import's
    stale check.
    """
    by_doc: dict[str, list[ExchangeSegment]] = {}
    for s in segments:
        by_doc.setdefault(s.doc or s.id.split(":")[0], []).append(s)
    revs = revisions or {}
    if version == "1.2":
        root = _xliff12(by_doc, src, tgt, revs)
    elif version in ("2.0", "2.1"):
        root = _xliff2(by_doc, src, tgt, version, revs)
    else:
        raise InputError(f"unsupported XLIFF version {version!r} (use 2.1 or 1.2)")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _xliff2(
    by_doc: dict[str, list[ExchangeSegment]],
    src: str,
    tgt: str,
    version: str,
    revs: Mapping[str, str],
) -> ET.Element:
    ET.register_namespace("", NS2)
    ET.register_namespace("mda", NS_MDA)
    root = ET.Element(_q(NS2, "xliff"), {"version": version, "srcLang": src, "trgLang": tgt})
    for n, (doc, segs) in enumerate(by_doc.items(), start=1):
        f = ET.SubElement(root, _q(NS2, "file"), {"id": f"f{n}", "original": doc})
        for s in segs:
            unit = ET.SubElement(f, _q(NS2, "unit"), {"id": s.id})
            if s.id in revs:  # module elements come first in a unit
                meta = ET.SubElement(unit, _q(NS_MDA, "metadata"))
                group = ET.SubElement(meta, _q(NS_MDA, "metaGroup"), {"category": "workbench"})
                ET.SubElement(group, _q(NS_MDA, "meta"), {"type": "revision"}).text = revs[s.id]
            if s.note:
                notes = ET.SubElement(unit, _q(NS2, "notes"))
                ET.SubElement(notes, _q(NS2, "note")).text = s.note
            attrs = {"id": "s1", "state": STATE2[s.status]}
            if s.status == "draft":
                attrs["subState"] = "wb:draft"
            seg = ET.SubElement(unit, _q(NS2, "segment"), attrs)
            ET.SubElement(seg, _q(NS2, "source")).text = s.source
            if s.target:
                ET.SubElement(seg, _q(NS2, "target")).text = s.target
    return root


def _xliff12(
    by_doc: dict[str, list[ExchangeSegment]], src: str, tgt: str, revs: Mapping[str, str]
) -> ET.Element:
    ET.register_namespace("", NS12)
    root = ET.Element(_q(NS12, "xliff"), {"version": "1.2"})
    for doc, segs in by_doc.items():
        f = ET.SubElement(
            root,
            _q(NS12, "file"),
            {
                "original": doc,
                "source-language": src,
                "target-language": tgt,
                "datatype": "plaintext",
            },
        )
        body = ET.SubElement(f, _q(NS12, "body"))
        for s in segs:
            attrs = {"id": s.id}
            if s.status in APPROVED12 and s.target:
                attrs["approved"] = "yes"
            tu = ET.SubElement(body, _q(NS12, "trans-unit"), attrs)
            ET.SubElement(tu, _q(NS12, "source")).text = s.source
            if s.target or s.status != "new":
                ET.SubElement(tu, _q(NS12, "target"), {"state": STATE12[s.status]}).text = s.target
            if s.note:
                ET.SubElement(tu, _q(NS12, "note"), {"from": "translator"}).text = s.note
            # the segment id as the unit's location: it survives xliff2po / po2xliff
            where = ET.SubElement(tu, _q(NS12, "context-group"), {"purpose": "location"})
            ET.SubElement(where, _q(NS12, "context"), {"context-type": "sourcefile"}).text = s.id
            if s.id in revs:  # unnamed: context-group names must be unique in a file
                group = ET.SubElement(tu, _q(NS12, "context-group"), {"purpose": "information"})
                context = ET.SubElement(group, _q(NS12, "context"), {"context-type": REVISION_TYPE})
                context.text = revs[s.id]
    return root


def _text(el: ET.Element | None) -> str:
    """Text of a source/target with inline elements flattened."""
    if el is None:
        return ""
    parts = [el.text or ""]
    for child in el:
        name = local(child.tag)
        if name == "cp":
            try:
                parts.append(chr(int(child.get("hex", "0"), 16)))
            except ValueError:
                pass
        elif name not in _DROP:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


@dataclass
class XliffRead:
    """What an XLIFF file holds: languages, version and segments."""

    version: str
    src: str
    tgt: str
    segments: list[ExchangeSegment]
    revisions: dict[str, str] = field(default_factory=dict)  # unit id -> revision exported
    locations: dict[str, str] = field(default_factory=dict)  # 1.x unit id -> its location


def _lang(code: str, path: str, what: str) -> str:
    """Our tag for a file's language ('' where a 1.x file names none)."""
    if not code and what == "target":
        return ""
    try:
        return get_language(code.split("-")[0] if code else code).tag
    except WorkbenchError:
        raise InputError(f"{path}: unsupported {what} language {code!r}") from None


def read_xliff(data: bytes, path: str) -> XliffRead:
    """Parse XLIFF 2.x or 1.2."""
    root = parse_xml(data, path, "XLIFF")
    if local(root.tag) != "xliff":
        raise InputError(f"{path}: not an XLIFF file (root element <{local(root.tag)}>)")
    version = root.get("version", "")
    segs: list[ExchangeSegment] = []
    revisions: dict[str, str] = {}
    locations: dict[str, str] = {}
    if version.startswith("2"):
        src = _lang(root.get("srcLang", ""), path, "source")
        tgt = _lang(root.get("trgLang", ""), path, "target")
        for f in (e for e in root if local(e.tag) == "file"):
            doc = f.get("original", f.get("id", ""))
            for unit in (e for e in f.iter() if local(e.tag) == "unit"):
                note = " ".join(
                    (n.text or "").strip() for n in unit.iter() if local(n.tag) == "note"
                )
                for seg in (e for e in unit if local(e.tag) == "segment"):
                    source = _text(next((e for e in seg if local(e.tag) == "source"), None))
                    target_el = next((e for e in seg if local(e.tag) == "target"), None)
                    target = _text(target_el)
                    state = seg.get("state", "translated" if target else "initial")
                    status = {"initial": "draft" if target else "new"}.get(state, state)
                    if status not in STATE2:
                        raise InputError(f"{path}: unit {unit.get('id')}: unknown state {state!r}")
                    uid = unit.get("id", "")
                    segs.append(ExchangeSegment(uid, source, target, status, note, doc))
                rev = _revision2(unit)
                if rev:
                    revisions[unit.get("id", "")] = rev
    elif version in VERSIONS1:
        src = tgt = ""
        for f in (e for e in root if local(e.tag) == "file"):
            src = _lang(f.get("source-language", ""), path, "source")
            tgt = _lang(f.get("target-language", ""), path, "target") or tgt
            doc = f.get("original", "")
            for tu in (e for e in f.iter() if local(e.tag) == "trans-unit"):
                if tu.get("restype") == GETTEXT_HEADER:
                    continue  # translate-toolkit's PO header, no segment
                source = _text(next((e for e in tu if local(e.tag) == "source"), None))
                target_el = next((e for e in tu if local(e.tag) == "target"), None)
                target = _text(target_el)
                status = status12(target_el, target, tu.get("approved"))
                note = " ".join(
                    (n.text or "").strip() for n in tu if local(n.tag) == "note" and n.text
                )
                uid = tu.get("id", "")
                segs.append(ExchangeSegment(uid, source, target, status, note, doc))
                rev = _revision12(tu)
                if rev:
                    revisions[uid] = rev
                where = _location12(tu)
                if where:
                    locations[uid] = where
    else:
        raise InputError(
            f"{path}: unsupported XLIFF version {version!r} (2.x, or 1.2 and its 1.1 and 1.0)"
        )
    if not segs:
        raise InputError(f"{path}: no units")
    return XliffRead(version, src, tgt, segs, revisions, locations)


def status12(target_el: ET.Element | None, target: str, approved: str | None) -> str:
    """The workbench status of an XLIFF 1.x target (see the module docstring)."""
    if target_el is None or not target:
        return "new"
    state = target_el.get("state")
    if state is None:
        qualifier = target_el.get("state-qualifier")
        if qualifier in DRAFT_QUALIFIERS and approved != "yes":
            return "draft"
        return "draft" if approved == "no" else "translated"
    status = FROM12.get(state, "translated")
    if status == "draft" and approved == "yes":
        return "translated"
    return status


def _location12(tu: ET.Element) -> str:
    """The location a 1.x unit names (``sourcefile[:linenumber]``, as translate-toolkit)."""
    for group in (e for e in tu if local(e.tag) == "context-group"):
        if group.get("purpose") != "location":
            continue
        kinds = {c.get("context-type"): (c.text or "").strip() for c in group}
        if kinds.get("sourcefile"):
            line = kinds.get("linenumber")
            return kinds["sourcefile"] + (f":{line}" if line else "")
    return ""


def _revision2(unit: ET.Element) -> str:
    """The workbench revision in an XLIFF 2 unit's metadata ('' if none)."""
    for meta in (e for e in unit if local(e.tag) == "metadata"):
        for group in (e for e in meta.iter() if local(e.tag) == "metaGroup"):
            if group.get("category") != "workbench":
                continue
            for m in (e for e in group if local(e.tag) == "meta"):
                if m.get("type") == "revision":
                    return (m.text or "").strip()
    return ""


def _revision12(tu: ET.Element) -> str:
    """The workbench revision in an XLIFF 1.2 trans-unit ('' if none)."""
    for group in (e for e in tu if local(e.tag) in ("context-group", "prop-group")):
        for c in group:
            kind = c.get("context-type") or c.get("prop-type")
            if kind == REVISION_TYPE or (kind == "revision" and group.get("name") == "workbench"):
                return (c.text or "").strip()
    return ""
