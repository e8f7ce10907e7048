"""Validating XLIFF against the official schemas in ../shared/schemas (lxml).

* XLIFF 2.x: the 2.1 core XSD (``xliff_core_2.0.xsd``, the core namespace of 2.0 and 2.1)
  together with the metadata module's XSD (our revisions live in ``mda:metadata``), plus
  the core constraints no XSD can express (:func:`core_constraint_errors`);
* XLIFF 1.2: the strict XSD.

Where the schemas are missing, the check skips, and fails under
``WORKBENCH_REQUIRE_SCHEMAS=1`` (CI), as the TMX DTD does. :func:`install` wraps the XLIFF
writer so that every XLIFF any test writes is validated (the ``validate_every_xliff``
plugin fixture, registered in conftest.py).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest

from tests.conftest import SHARED, require

SCHEMAS = SHARED / "schemas"
NS2 = "urn:oasis:names:tc:xliff:document:2.0"
NS12 = "urn:oasis:names:tc:xliff:document:1.2"
FLAG = "WORKBENCH_REQUIRE_SCHEMAS"
_FILES = (
    "xliff-2.1/xliff_core_2.0.xsd",
    "xliff-2.1/metadata.xsd",
    "xliff-2.1/informativeCopiesOf3rdPartySchemas/w3c/xml.xsd",
    "xliff-1.2/xliff-core-1.2-strict.xsd",
    "xliff-1.2/xml.xsd",
)


def schemas_present() -> bool:
    """Whether every schema file the checks need is there."""
    return all((SCHEMAS / f).is_file() for f in _FILES)


def require_schemas() -> None:
    """Skip without the schemas; fail in CI (WORKBENCH_REQUIRE_SCHEMAS=1)."""
    missing = [f for f in _FILES if not (SCHEMAS / f).is_file()]
    require(not missing, FLAG, f"{SCHEMAS}: official XLIFF schemas missing: {', '.join(missing)}")


@functools.cache
def schema(version: str):  # type: ignore[no-untyped-def]
    """The lxml XMLSchema for XLIFF ``2`` (core + metadata module) or ``1.2`` (strict)."""
    from lxml import etree

    if version == "1.2":
        return etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-1.2/xliff-core-1.2-strict.xsd")))
    core = (SCHEMAS / "xliff-2.1/xliff_core_2.0.xsd").as_uri()
    mda = (SCHEMAS / "xliff-2.1/metadata.xsd").as_uri()
    driver = (
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        f'<xs:import namespace="{NS2}" schemaLocation="{core}"/>'
        f'<xs:import namespace="urn:oasis:names:tc:xliff:metadata:2.0" schemaLocation="{mda}"/>'
        "</xs:schema>"
    )
    return etree.XMLSchema(etree.fromstring(driver.encode(), base_url=str(SCHEMAS) + "/"))


def core_constraint_errors(doc) -> list[str]:  # type: ignore[no-untyped-def]
    """XLIFF 2.1 core constraints the XSD cannot check, as messages (empty when none).

    From the 2.1 specification: ``file`` ids unique in the document; ``group`` and ``unit``
    ids unique among the groups and units of a ``file``; ``segment``/``ignorable`` ids and
    ``note`` ids unique within a ``unit``; ``subState`` only where ``state`` is given, and
    ``subState`` / ``subType`` values of the form ``prefix:value``; ``trgLang`` present
    when any ``target`` is.
    """
    errors: list[str] = []

    def q(tag: str) -> str:
        return f"{{{NS2}}}{tag}"

    root = doc.getroot() if hasattr(doc, "getroot") else doc
    file_ids = [f.get("id") for f in root.iter(q("file"))]
    errors += [f"file id {i!r} not unique" for i in _dupes(file_ids)]
    for f in root.iter(q("file")):
        ids = [e.get("id") for e in f.iter(q("group"), q("unit"))]
        errors += [f"file {f.get('id')}: group/unit id {i!r} not unique" for i in _dupes(ids)]
        for unit in f.iter(q("unit")):
            parts = [e.get("id") for e in unit if e.tag in (q("segment"), q("ignorable"))]
            parts = [i for i in parts if i is not None]
            errors += [f"unit {unit.get('id')}: segment id {i!r} not unique" for i in _dupes(parts)]
            notes = [n.get("id") for n in unit.iter(q("note")) if n.get("id") is not None]
            errors += [f"unit {unit.get('id')}: note id {i!r} not unique" for i in _dupes(notes)]
            for seg in unit.iter(q("segment")):
                sub = seg.get("subState")
                if sub is not None and seg.get("state") is None:
                    errors.append(f"unit {unit.get('id')}: subState {sub!r} without state")
                if sub is not None and ":" not in sub:
                    errors.append(f"unit {unit.get('id')}: subState {sub!r} has no prefix")
    if root.get("trgLang") is None and next(root.iter(q("target")), None) is not None:
        errors.append("targets without trgLang")
    return errors


def _dupes(ids: list[str | None]) -> list[str | None]:
    seen: set[str | None] = set()
    out = []
    for i in ids:
        if i in seen and i not in out:
            out.append(i)
        seen.add(i)
    return out


def validation_errors(text: str | bytes) -> list[str]:
    """Why an XLIFF document (2.x or 1.2) is not valid; empty when it is."""
    from lxml import etree

    data = text.encode("utf-8") if isinstance(text, str) else text
    doc = etree.fromstring(data)
    ns = doc.tag.rsplit("}", 1)[0].lstrip("{")
    if ns == NS2:
        sch = schema("2")
        errors = [] if sch.validate(doc) else [str(e) for e in sch.error_log]
        return errors + core_constraint_errors(doc)
    if ns == NS12:
        sch = schema("1.2")
        return [] if sch.validate(doc) else [str(e) for e in sch.error_log]
    return [f"not XLIFF 2 or 1.2 (namespace {ns!r})"]


def assert_valid_xliff(text: str | bytes | Path) -> None:
    """Fail with the schema's messages unless the XLIFF is valid (skip without schemas)."""
    require_schemas()
    if isinstance(text, Path):
        text = text.read_bytes()
    errors = validation_errors(text)
    assert not errors, "invalid XLIFF:\n" + "\n".join(errors[:20])


def install(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Wrap the XLIFF writer (where it is defined and where it is imported) to validate.

    Without the schemas this does nothing, unless CI requires them (then it fails).
    """
    if not schemas_present():
        if os.environ.get(FLAG) == "1":
            require_schemas()
        return
    import workbench.formats.xliff as xliff
    import workbench.services.exchange as exchange

    original = xliff.segments_to_xliff

    @functools.wraps(original)
    def checked(*args, **kwargs):  # type: ignore[no-untyped-def]
        text = original(*args, **kwargs)
        errors = validation_errors(text)
        assert not errors, "workbench wrote invalid XLIFF:\n" + "\n".join(errors[:20])
        return text

    for module in (xliff, exchange):
        monkeypatch.setattr(module, "segments_to_xliff", checked)


WRITER_MODULES = ("workbench.formats.xliff", "workbench.services.exchange")


@pytest.fixture(autouse=True)
def validate_every_xliff(monkeypatch):  # type: ignore[no-untyped-def]
    """Every XLIFF workbench writes in any test is checked against the official schemas."""
    install(monkeypatch)
