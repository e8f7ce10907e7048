"""Use cases shared by the CLI and the TUI, one module per concern.

Functions here take paths and plain values, return plain data, and raise WorkbenchError
subclasses with one-line messages. Long loops accept a ``progress`` callback. Everything
is re-exported here, so callers write ``services.translate_file(...)``.
"""

from __future__ import annotations

from workbench.services.alignment import (
    align_files,
    aligned_units,
    aligner_similarity,
    read_sentences,
    reuse_files,
)
from workbench.services.exchange import Conflict, XliffImport, export_project, import_xliff
from workbench.services.files import check_out_path, write_text
from workbench.services.glossary import (
    BUNDLED_GLOSSARY,
    CheckReport,
    FileNames,
    LookupResult,
    check_files,
    cluster_file,
    default_glossary_path,
    export_glossary,
    find_names_in_document,
    import_glossary,
    lookup_names,
    open_glossary,
    segment_file,
    suggest_for_files,
)
from workbench.services.memory import (
    MemoryEngine,
    load_tmx,
    open_tm,
    tm_add_texts,
    tm_add_units,
    tm_export_tmx,
)
from workbench.services.projects import (
    DocumentScores,
    ProjectStatus,
    ReferenceAdded,
    add_reference,
    open_document,
    project_add,
    project_init,
    project_scores,
    project_status,
    qa_project,
)
from workbench.services.translation import (
    DEFAULT_MODELS,
    TranslateReport,
    machine_translate,
    model_dir,
    mt_sentences,
    open_engine,
    translate_file,
    workbench_home,
)

__all__ = [
    "BUNDLED_GLOSSARY",
    "DEFAULT_MODELS",
    "CheckReport",
    "Conflict",
    "DocumentScores",
    "FileNames",
    "LookupResult",
    "MemoryEngine",
    "ProjectStatus",
    "ReferenceAdded",
    "TranslateReport",
    "XliffImport",
    "add_reference",
    "align_files",
    "aligned_units",
    "aligner_similarity",
    "check_files",
    "check_out_path",
    "cluster_file",
    "default_glossary_path",
    "export_glossary",
    "export_project",
    "find_names_in_document",
    "import_glossary",
    "import_xliff",
    "load_tmx",
    "lookup_names",
    "machine_translate",
    "model_dir",
    "mt_sentences",
    "open_document",
    "open_engine",
    "open_glossary",
    "open_tm",
    "project_add",
    "project_init",
    "project_scores",
    "project_status",
    "qa_project",
    "read_sentences",
    "reuse_files",
    "segment_file",
    "suggest_for_files",
    "tm_add_texts",
    "tm_add_units",
    "tm_export_tmx",
    "translate_file",
    "workbench_home",
    "write_text",
]
