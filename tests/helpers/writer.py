"""A writer process for the kill test: edits segments forever, printing each committed edit."""

import sys

from workbench.store.project import Project, Provenance


def main() -> None:
    folder, lang, start = sys.argv[1], sys.argv[2], int(sys.argv[3])
    project = Project.open(folder)
    ids = [r.segment_id for r in project.rows(lang)]
    n = start
    while True:
        sid = ids[n % len(ids)]
        text = f"edit {n} ترجمة {n}"
        project.set_translation(sid, lang, text, "translated", Provenance("human"))
        print(f"{sid}\t{text}", flush=True)  # printed only after the commit returned
        n += 1


if __name__ == "__main__":
    main()
