"""Parsing XML from other tools safely.

defusedxml refuses entity declarations (billion laughs, external entities) instead of
expanding them or, as lxml's resolve_entities=False does, silently dropping their text.
A bare ``<!DOCTYPE tmx SYSTEM "tmx14.dtd">`` line, which OmegaT, Trados and others write,
is allowed: the DTD it names is never fetched. Nothing here touches the network.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from workbench.core.errors import InputError


def parse_xml(data: bytes, source: str, kind: str) -> ET.Element:
    """The root element of an XML document; one-line InputError for anything unsafe or broken."""
    if not data.strip():
        raise InputError(f"{source}: empty file, not {kind}")
    try:
        return SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise InputError(
            f"{source}: refusing {kind} with entity declarations (they could expand or hide text)"
        ) from None
    except (LookupError, ValueError) as exc:  # an encoding Python does not know or support
        reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise InputError(
            f"{source}: cannot read this {kind} ({reason}); save it as UTF-8"
        ) from None
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else "?"
        reason = str(exc).split(":", 1)[0]
        raise InputError(f"{source}:{line}: malformed XML ({reason}), not valid {kind}") from None


def local(tag: str) -> str:
    """An element's name without its namespace."""
    return tag.rsplit("}", 1)[-1]


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
