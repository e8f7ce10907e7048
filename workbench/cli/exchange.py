"""``workbench export`` and ``workbench import``: exchanging a project with other tools."""

from __future__ import annotations

import click

from workbench.cli.output import FORCE_OPTION, json_option, print_json
from workbench.core.plural import counted


@click.command("export")
@click.argument("project", type=click.Path())
@click.option(
    "--format", "fmt", type=click.Choice(["xliff", "tmx", "txt", "article"]), required=True
)
@click.option(
    "--xliff-version",
    type=click.Choice(["2.1", "1.2"]),
    default="2.1",
    show_default=True,
    help="XLIFF 1.2 for older CAT tools.",
)
@click.option("--lang", required=True, help="Target language to export.")
@click.option(
    "--out",
    type=click.Path(),
    help="File to write (default: stdout); for article, the folder the documents go to.",
)
@click.option(
    "--include-drafts",
    is_flag=True,
    help="TMX: add the drafts too (marked with an x-status prop); default confirmed only.",
)
@click.option(
    "--allow-drafts",
    is_flag=True,
    help="article: use drafts where a segment is not confirmed (listed in the front matter).",
)
@click.option(
    "--allow-missing",
    is_flag=True,
    help="article: keep the source where a segment has no translation (listed).",
)
@FORCE_OPTION
@json_option(
    '{"project", "lang", "format", "out", "documents": [{"doc", "path", "segments", "confirmed", '
    '"drafts": [ids], "untranslated": [ids]}] (article only)} (needs --out).'
)
def export_cmd(
    project: str,
    fmt: str,
    xliff_version: str,
    lang: str,
    out: str | None,
    include_drafts: bool,
    allow_drafts: bool,
    allow_missing: bool,
    force: bool,
    as_json: bool,
) -> None:
    """Export PROJECT's translations into LANG as XLIFF, TMX or plain text.

    XLIFF carries every segment with its status and note, for other CAT tools and for
    'workbench import' (docs/exchange.md says which export suits which tool). TMX holds the
    confirmed translations with their notes, status and context. In plain text,
    untranslated segments keep their source text. As article: each document in its own
    format (front matter, headings, captions, paragraphs) with the confirmed targets, into
    the folder --out; a segment not confirmed stops it unless --allow-drafts or
    --allow-missing.
    """
    from workbench import services

    if as_json and not out:
        raise click.UsageError("--json needs --out (without it the export itself is printed)")
    if fmt == "article":
        _export_articles(project, lang, out, allow_drafts, allow_missing, force, as_json)
        return

    if fmt == "xliff" and xliff_version == "1.2":
        fmt = "xliff12"
    if out:
        services.check_out_path(out, force)  # before any work
    text = services.export_project(project, fmt, lang, None, include_drafts=include_drafts)
    if out:
        services.write_text(out, text, force=force)
        if as_json:
            print_json({"project": project, "lang": lang, "format": fmt, "out": out})
        else:
            click.echo(f"wrote {out}", err=True)
    else:
        click.echo(text, nl=False)


def _export_articles(
    project: str,
    lang: str,
    out: str | None,
    drafts: bool,
    missing: bool,
    force: bool,
    as_json: bool = False,
) -> None:
    """``export --format article``: every document into the folder ``out``."""
    from workbench.core.errors import InputError
    from workbench.services.article_export import export_articles

    if not out:
        raise InputError("--format article needs --out FOLDER (the documents are written there)")
    written = export_articles(
        project, lang, out, allow_drafts=drafts, allow_missing=missing, force=force
    )
    if as_json:
        print_json(
            {
                "project": project,
                "lang": lang,
                "format": "article",
                "out": out,
                "documents": [
                    {
                        "doc": w.doc,
                        "path": str(w.path),
                        "segments": w.segments,
                        "confirmed": w.confirmed,
                        "drafts": list(w.drafts),
                        "untranslated": list(w.untranslated),
                    }
                    for w in written
                ],
            }
        )
        return
    for w in written:
        parts = [f"{w.confirmed} confirmed"]
        parts += [counted(len(w.drafts), "draft")] if w.drafts else []
        parts += [f"{len(w.untranslated)} kept in the source"] if w.untranslated else []
        click.echo(f"wrote {w.path} ({counted(w.segments, 'segment')}: {', '.join(parts)})")
        if w.untranslated:
            click.echo("  untranslated: " + ", ".join(w.untranslated))


@click.command("import")
@click.argument("xliff_file", type=click.Path())
@click.option(
    "--project",
    "folder",
    default=".",
    show_default=True,
    type=click.Path(),
    help="The project the XLIFF file was exported from.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Also apply units whose target the project changed since the file was exported.",
)
@click.option("--lang", help="Target language, where the file names none (po2xliff output).")
@json_option(
    '{"file", "project", "lang", "applied": {"updated": [ids], "forced": [ids]}, "unchanged", '
    '"not_applied": {"conflicts": [{"id", "project_status", "file_status", "edited_in_file"}], '
    '"empty_target": [ids], "source_changed": [ids], "unknown": [ids]}, '
    '"units_with_revision", "matched": [{"file_id", "id", "by"}]}.'
)
def import_cmd(xliff_file: str, folder: str, force: bool, lang: str | None, as_json: bool) -> None:
    """Bring a translated XLIFF file (2.x, 1.2 or 1.1) back into the project.

    A segment the project changed since the file was exported is a conflict: listed and not
    applied unless --force. An empty target never replaces a translation. Units whose ids
    the project does not have (a file from another tool) are matched by their source text,
    and counted.
    """
    from workbench import services

    r = services.import_xliff(xliff_file, folder, force=force, lang=lang)
    if as_json:
        print_json({"file": xliff_file, "project": folder, **r.as_json()})
        return
    head = f"{xliff_file} -> {folder} ({r.lang})"
    forced = f" ({len(r.forced)} forced over newer project work)" if r.forced else ""
    click.echo(f"{head}: applied: {r.updated} updated{forced}, {r.unchanged} unchanged")
    click.echo(f"{head}: not applied: " + (", ".join(_not_applied(r)) or "nothing"))
    if r.matched:
        by_text = r.matched_by_source
        by_place = len(r.matched) - by_text
        parts = [f"{by_text} by source text"] if by_text else []
        parts += [f"{by_place} by the location they name"] if by_place else []
        click.echo(
            f"  matched: {counted(len(r.matched), 'unit')} whose ids the project does not have "
            f"({', '.join(parts)})"
        )
    for c in r.conflicts:
        how = "edited in the file too" if c.edited_in_file else "the file holds the old target"
        click.echo(
            f"  conflict {c.id}: changed in the project since the export "
            f"(project {c.project_status}, file {c.file_status}; {how})"
        )
    if r.learned:
        click.echo(f"  learned: {r.learned} confirmed targets into the project's TM and yours")
    if r.with_revision == 0 and r.updated:
        click.echo(
            f"  note: {xliff_file} carries no workbench revisions (made elsewhere or by an older "
            "workbench): changes made in the project since its export could not be detected"
        )


def _not_applied(r) -> list[str]:  # type: ignore[no-untyped-def]
    """The parts of the 'not applied' line, each with its reason."""
    parts = []
    if r.conflicts:
        n = len(r.conflicts)
        parts.append(
            f"{counted(n, 'conflict', thousands=False)} (changed in the project since the export; "
            "--force applies them)"
        )
    if r.empty_kept:
        parts.append(f"{len(r.empty_kept)} empty targets (the project's translation kept)")
    if r.source_changed:
        parts.append(f"{r.source_changed} skipped (source changed since export)")
    if r.unknown:
        parts.append(f"{r.unknown} unknown ids (matched by neither id nor source text)")
    return parts
