"""A reader process for the concurrency test: reads a project until it has seen writes land."""

import sys
import time

from workbench.store.project import Project


def main() -> None:
    """Read until the history grew by three edits (or the deadline passed); print what was seen."""
    folder, lang, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    project = Project.open(folder)
    counts = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        rows = project.rows(lang)
        counts.append(len(project.history(rows[0].segment_id, lang)))
        if len(counts) >= 3 and counts[-1] - counts[0] >= 3:
            break  # it read while the writer kept writing: no count of reads per second needed
        # a breath between reads, as an app refreshing its screen takes: a reader that
        # never lets go starves the writer of a rollback journal (WAL does not care)
        time.sleep(0.005)
    print(len(counts), counts[0], counts[-1])


if __name__ == "__main__":
    main()
