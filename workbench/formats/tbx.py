"""TBX-Basic (TBX v3, ISO 30042:2019, DCA style) export and import of the glossary.

Each entry is a ``conceptEntry`` whose ``id`` is the glossary id. Per language (en, ar,
ckb, kmr) a ``langSec`` holds one ``termSec`` per form: the preferred form carries
``administrativeStatus = preferredTerm-admn-sts``, variants ``admittedTerm-admn-sts``, or
``deprecatedTerm-admn-sts`` for those the house says are wrong (import also reads
``supersededTerm`` as deprecated, and v2's ``normativeAuthorization``); all
are ``partOfSpeech = noun``, the one TBX-Basic value (adjective, noun, other, verb,
adverb) that fits a name; that a term is a proper name is said in a ``note`` of its
``termSec`` (``proper name``; entries of type ``term`` have none). The entry type is a
``note`` (``type: place``) and the glossary note a ``descrip type="definition"``. Import
reads TBX v3 (``tbx``/``conceptEntry``/``langSec``/``termSec``) and v2 (``martif``/
``termEntry``/``langSet``/``tig`` or ``ntig``), any part of speech. Parsing refuses DTDs
and entity declarations (defusedxml) rather than expanding or silently dropping them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from workbench.core.errors import GlossaryError
from workbench.core.glossary import ENTRY_TYPES, Entry, Glossary
from workbench.core.textio import read_input_bytes

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"
_STATUS_TYPES = ("administrativeStatus", "normativeAuthorization")
LANGS = ("en", "ar", "ckb", "kmr")
#: TBX-Basic's partOfSpeech picklist; a name is a ``noun`` with this note beside it.
PARTS_OF_SPEECH = ("adjective", "noun", "other", "verb", "adverb")
PROPER_NAME = "proper name"


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def glossary_to_tbx(glossary: Glossary) -> str:
    """Serialise a glossary as a TBX-Basic document (UTF-8 XML text)."""
    ET.register_namespace("", NS)
    root = ET.Element(_q("tbx"), {"type": "TBX-Basic", "style": "dca", XML_LANG: "en"})
    header = ET.SubElement(root, _q("tbxHeader"))
    fdesc = ET.SubElement(header, _q("fileDesc"))
    sdesc = ET.SubElement(fdesc, _q("sourceDesc"))
    ET.SubElement(sdesc, _q("p")).text = "workbench transliteration glossary"
    body = ET.SubElement(ET.SubElement(root, _q("text")), _q("body"))
    for e in glossary:
        ce = ET.SubElement(body, _q("conceptEntry"), {"id": e.id})
        if e.note:
            ET.SubElement(ce, _q("descrip"), {"type": "definition"}).text = e.note
        ET.SubElement(ce, _q("note")).text = f"type: {e.type}"
        for lang in LANGS:
            forms = e.forms(lang)
            if not forms:
                continue
            ls = ET.SubElement(ce, _q("langSec"), {XML_LANG: lang})
            for i, form in enumerate(forms):
                ts = ET.SubElement(ls, _q("termSec"))
                ET.SubElement(ts, _q("term")).text = form
                ET.SubElement(ts, _q("termNote"), {"type": "partOfSpeech"}).text = "noun"
                status = (
                    PREFERRED if i == 0 else DEPRECATED if e.is_deprecated(lang, form) else ADMITTED
                )
                ET.SubElement(ts, _q("termNote"), {"type": "administrativeStatus"}).text = status
                if e.type != "term":
                    ET.SubElement(ts, _q("note")).text = PROPER_NAME
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse_tbx(data: bytes, source: str = "<tbx>") -> Glossary:
    """Read a TBX document (v3 DCA, or v2 martif/termEntry/langSet/tig) into a Glossary."""
    try:
        root = SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise GlossaryError(
            source, None, "refusing a TBX with a DTD or entity declarations"
        ) from None
    except (LookupError, ValueError) as exc:  # an encoding Python does not know or support
        raise GlossaryError(
            source, None, f"cannot read this TBX ({exc}); save it as UTF-8"
        ) from None
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise GlossaryError(
            source, line, f"malformed XML ({exc.msg if hasattr(exc, 'msg') else exc})"
        ) from None
    if _local(root.tag) not in ("tbx", "martif"):
        raise GlossaryError(source, None, f"not a TBX document (root element <{_local(root.tag)}>)")
    if not any(_local(el.tag) == "body" for el in root.iter()):
        raise GlossaryError(
            source, None, f"not a TBX document (<{_local(root.tag)}> without <text><body>)"
        )
    glossary = Glossary(source=source)
    for n, ce in enumerate(
        (el for el in root.iter() if _local(el.tag) in ("conceptEntry", "termEntry")), 1
    ):
        entry_id = ce.get("id") or f"entry-{n}"
        etype, note = "term", ""
        forms: dict[str, list[tuple[str, str]]] = {}
        for child in ce:
            tag = _local(child.tag)
            text = (child.text or "").strip()
            if tag == "note" and text.startswith("type:"):
                etype = text.split(":", 1)[1].strip()
            elif tag == "descrip" and child.get("type") == "definition":
                note = text
            elif tag in ("langSec", "langSet"):
                code = (child.get(XML_LANG) or child.get("lang") or "").lower()
                lang = code.replace("_", "-").split("-")[0]  # en-US, ar-IQ: en, ar
                for ts in child:
                    if _local(ts.tag) not in ("termSec", "tig", "ntig"):
                        continue
                    term = next((t for t in ts.iter() if _local(t.tag) == "term"), None)
                    if term is None or not (term.text or "").strip():
                        continue
                    forms.setdefault(lang, []).append((term.text.strip(), _status(ts)))
        if etype not in ENTRY_TYPES:
            etype = "term"

        def ordered(lang: str, forms: dict[str, list[tuple[str, str]]] = forms) -> list[str]:
            """Preferred terms first, then the others in file order."""
            items = forms.get(lang, [])
            return [t for t, st in items if st == "preferred"] + [
                t for t, st in items if st != "preferred"
            ]

        deprecated = tuple(
            (lang, t)
            for lang, items in forms.items()
            if lang in ("en", "ar", "ckb")
            for t, st in items
            if st == "deprecated"
        )
        en = ordered("en")
        if not en:
            raise GlossaryError(source, None, f"entry {entry_id!r} has no English term")
        ar, ckb, kmr = ordered("ar"), ordered("ckb"), ordered("kmr")
        # a language whose every term is deprecated has no preferred form
        ar = ar if not ar or ("ar", ar[0]) not in deprecated else ["", *ar]
        ckb = ckb if not ckb or ("ckb", ckb[0]) not in deprecated else ["", *ckb]
        glossary.add(
            Entry(
                id=entry_id,
                type=etype,
                en=en[0],
                en_variants=tuple(en[1:]),
                ar=ar[0] if ar else "",
                ar_variants=tuple(ar[1:]),
                ckb=ckb[0] if ckb else "",
                ckb_variants=tuple(ckb[1:]),
                kmr=kmr[0] if kmr else "",
                note=note,
                deprecated=deprecated,
            )
        )
    return glossary


def _status(term_sec: ET.Element) -> str:
    """'preferred', 'deprecated' or '' (admitted) from a termSec's administrative status."""
    for t in term_sec.iter():
        if _local(t.tag) == "termNote" and t.get("type") in _STATUS_TYPES:
            value = (t.text or "").strip()
            if value.startswith("preferredTerm"):
                return "preferred"
            if value.startswith(("deprecatedTerm", "supersededTerm")):
                return "deprecated"
    return ""


def load_tbx(path: str | Path) -> Glossary:
    """Read a TBX file."""
    p = Path(path)
    data = read_input_bytes(p)  # regular files only, bounded in size
    return parse_tbx(data, str(p))
