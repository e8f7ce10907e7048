"""Model use cases: what a model folder is (``models info``) and which to use (``recommend``).

Both read files only: no model is loaded, and torch is never imported.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from workbench.core.errors import InputError, WorkbenchError
from workbench.core.languages import LANGUAGES, get_language

#: Licences that allow commercial use.
COMMERCIAL = ("apache-2.0", "mit", "cc-by-4.0", "cc-by-sa-4.0", "bsd-3-clause")


def registry() -> dict:
    """workbench/data/models.json: per target language, the default and the candidates."""
    path = Path(__file__).parents[1] / "data" / "models.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@dataclass
class TargetDrive:
    """How a model is driven into one target language, or why it cannot be."""

    lang: str
    ok: bool
    prefix: str = ""  # source prefix token ('>>ara<<', '<2ar>')
    src_lang: str = ""  # tokenizer src_lang
    forced_bos: str = ""  # forced first target token
    says: str = ""  # the human line, or the refusal


@dataclass
class ModelReport:
    """What ``workbench models info`` says about a model."""

    path: str
    backend: str
    model_type: str
    family: str
    family_name: str
    repo: str
    revision: str
    licence: str
    size_bytes: int
    checksum: str
    source_lang: str
    targets: list[TargetDrive] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        """The report as plain data (the keys of ``models info --json``)."""
        return asdict(self)


def model_report(folder: Path, src: str = "en") -> ModelReport:
    """Family, per-target driving, licence, size and checksum of the model in ``folder``."""
    from workbench.engines.families import FAMILY_NAMES, detect

    info = detect(folder)
    if info.backend == "ct2":
        from workbench.engines.ct2 import model_checksum

        checksum = model_checksum(folder)
    else:
        from workbench.engines.hf import file_checksum

        checksum = file_checksum(folder)
    repo = info.meta.get("repo") or info.meta.get("source_model") or folder.name
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    report = ModelReport(
        str(folder),
        info.backend,
        info.model_type,
        info.family,
        FAMILY_NAMES.get(info.family, info.family),
        str(repo),
        info.meta.get("revision", "local"),
        licence_of(info.meta, str(repo)),
        sum(p.stat().st_size for p in files),
        checksum,
        get_language(src).tag,
        files=[str(p.relative_to(folder)) for p in files],
    )
    for tag in LANGUAGES:
        if tag == report.source_lang:
            continue
        try:
            d = info.drive(src, tag)
        except WorkbenchError as e:
            report.targets.append(TargetDrive(tag, False, says=str(e)))
            continue
        report.targets.append(
            TargetDrive(
                tag,
                True,
                d.source_prefix.strip(),
                d.src_lang or "",
                d.target_bos or "",
                d.describe(),
            )
        )
    return report


def licence_of(meta: dict, repo: str) -> str:
    """A model's licence: recorded at pull (its model card), else the registry's, else '?'."""
    if meta.get("licence"):
        return str(meta["licence"])
    name = repo.replace("--", "/")
    for entry in registry().values():
        for c in entry.get("candidates", []):
            if c["model"] == name or c["model"].split("/")[-1] == name.split("/")[-1]:
                return c["licence"]
    return "unknown (see its model card)"


@dataclass
class Recommendation:
    """The model to use for a target language, and why."""

    lang: str
    model: str
    licence: str
    chrf: float | None
    why: str
    others: list[dict] = field(default_factory=list)


def recommend(lang: str, commercial: bool = False) -> Recommendation:
    """The best model for ``lang`` by published FLORES-200 chrF++, and the reason.

    With ``commercial``, only models whose licence allows commercial use count.
    """
    tag = get_language(lang).tag
    entry = registry().get(tag)
    if not entry:
        raise InputError(f"no recommendation for {tag} (known: {', '.join(registry())})")
    cands = [c for c in entry["candidates"] if c.get("drivable", True)]
    allowed = [c for c in cands if not commercial or c["licence"].lower() in COMMERCIAL]
    if not allowed:
        raise InputError(f"no model for {tag} whose licence allows commercial use is known")
    scored = sorted(allowed, key=lambda c: (c.get("chrf") is None, -(c.get("chrf") or 0.0)))
    best = scored[0]
    if best.get("chrf") is not None:
        why = f"highest published FLORES-200 devtest chrF++ for en-{tag}: {best['chrf']}"
    else:
        why = f"no published en-{tag} FLORES-200 score: chosen for coverage"
    why += f"; licence {best['licence']}"
    if best["licence"].lower().startswith("cc-by-nc"):
        why += " (non-commercial use only; --commercial for a model that allows it)"
    skipped = [c for c in entry["candidates"] if c not in allowed or c is not best]
    return Recommendation(tag, best["model"], best["licence"], best.get("chrf"), why, skipped)
