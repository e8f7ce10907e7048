"""TMX 1.4b export and import of translation-memory units.

Export writes one ``tu`` per unit with a ``tuv`` per language, the context as
``<prop type="x-context-pre">`` / ``x-context-post``, the origin as ``x-origin``, the
unit's other props (such as a project export's ``x-status``) in their order, and each line
of its note as a ``<note>``; dates in TMX's basic ISO format. Import reads every ``tu``;
each pair of its source-language variant with another supported language becomes a unit
that keeps the ``tu``'s notes (one per line) and its other props (type and text). Inline
codes (``bpt``, ``ept``, ``ph``, ``it``, ``ut``) hold the original document's markup, so
only their surrounding text is kept; ``hi`` and ``sub`` text is kept. Language tags are
matched on their primary subtag (``ar-IQ`` is ``ar``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from workbench import __version__
from workbench.core.errors import InputError, WorkbenchError
from workbench.core.languages import get_language
from workbench.core.textio import read_input_bytes
from workbench.core.units import Unit
from workbench.formats.safexml import XML_LANG, local, parse_xml

_CODES = {"bpt", "ept", "ph", "it", "ut"}
MAPPED_PROPS = ("x-context-pre", "x-context-post", "x-origin")  # Unit fields of their own


def _tmx_date() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def units_to_tmx(units: Iterable[Unit], src_lang: str = "en") -> str:
    """A TMX 1.4b document (text) for the units."""
    root = ET.Element("tmx", {"version": "1.4"})
    ET.SubElement(
        root,
        "header",
        {
            "creationtool": "workbench",
            "creationtoolversion": __version__,
            "segtype": "sentence",
            "o-tmf": "workbench",
            "adminlang": "en",
            "srclang": src_lang,
            "datatype": "plaintext",
            "creationdate": _tmx_date(),
        },
    )
    body = ET.SubElement(root, "body")
    for u in units:
        tu = ET.SubElement(body, "tu")
        for ptype, value in (
            ("x-context-pre", u.prev),
            ("x-context-post", u.next),
            ("x-origin", u.origin),
        ):
            if value:
                ET.SubElement(tu, "prop", {"type": ptype}).text = value
        for ptype, value in u.props:
            ET.SubElement(tu, "prop", {"type": ptype}).text = value
        for line in u.note.split("\n") if u.note else ():
            ET.SubElement(tu, "note").text = line
        for lang, text in ((u.src_lang, u.source), (u.tgt_lang, u.target)):
            tuv = ET.SubElement(tu, "tuv", {XML_LANG: lang})
            ET.SubElement(tuv, "seg").text = text
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _seg_text(seg: ET.Element) -> str:
    """The translatable text of a seg: inline codes dropped, their tails kept."""
    parts = [seg.text or ""]
    for child in seg:
        if local(child.tag) not in _CODES:
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


@dataclass
class TmxRead:
    """Units read from a TMX file, and what was skipped."""

    units: list[Unit]
    tus: int
    skipped_langs: dict[str, int] = field(default_factory=dict)


def _lang(tag: str) -> str | None:
    """Our tag for a TMX language code, or None when unsupported."""
    try:
        return get_language(tag).tag
    except WorkbenchError:
        try:
            return get_language(tag.split("-")[0].split("_")[0]).tag
        except WorkbenchError:
            return None


def read_tmx(path: str | Path, src_lang: str | None = None) -> TmxRead:
    """Units of a TMX file. InputError when it is not TMX or holds no usable unit."""
    p = Path(path)
    data = read_input_bytes(p)  # regular files only, bounded in size
    root = parse_xml(data, str(p), "TMX")
    if local(root.tag) != "tmx":
        raise InputError(f"{p}: not a TMX file (root element <{local(root.tag)}>)")
    header = next((e for e in root if local(e.tag) == "header"), None)
    declared = header.get("srclang", "") if header is not None else ""
    src = (
        _lang(src_lang)
        if src_lang
        else (_lang(declared) if declared and declared != "*all*" else "en")
    )
    if src is None:
        raise InputError(f"{p}: unsupported source language {src_lang or declared!r}")
    out = TmxRead([], 0)
    for tu in root.iter():
        if local(tu.tag) != "tu":
            continue
        out.tus += 1
        pairs = [(e.get("type") or "", e.text or "") for e in tu if local(e.tag) == "prop"]
        props = dict(pairs)
        others = tuple((k, v) for k, v in pairs if k not in MAPPED_PROPS)
        note = "\n".join(
            (e.text or "").strip() for e in tu if local(e.tag) == "note" and (e.text or "").strip()
        )
        variants: dict[str, str] = {}
        for tuv in tu:
            if local(tuv.tag) != "tuv":
                continue
            code = tuv.get(XML_LANG) or tuv.get("lang") or ""
            lang = _lang(code)
            if lang is None:
                out.skipped_langs[code] = out.skipped_langs.get(code, 0) + 1
                continue
            seg = next((e for e in tuv if local(e.tag) == "seg"), None)
            if seg is not None:
                variants[lang] = _seg_text(seg).strip()
        source = variants.pop(src, "")
        for tgt, text in variants.items():
            if source and text:
                out.units.append(
                    Unit(
                        source,
                        text,
                        src,
                        tgt,
                        props.get("x-context-pre", ""),
                        props.get("x-context-post", ""),
                        props.get("x-origin", "") or p.name,
                        note,
                        others,
                    )
                )
    if not out.units:
        what = "no translation units" if out.tus == 0 else f"no usable {src} unit in {out.tus} <tu>"
        raise InputError(f"{p}: {what}")
    return out
