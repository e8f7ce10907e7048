"""``workbench align`` and ``workbench reuse``: sentence alignment and reuse detection."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from workbench.cli.options import BEAMS_OPTION, GLOSSARY_OPTION, MAX_LENGTH_OPTION
from workbench.cli.output import FORCE_OPTION, json_option, print_json

if TYPE_CHECKING:
    from workbench.engines.base import DecodeOptions


@click.command()
@click.argument("src", type=click.Path())
@click.argument("tgt", type=click.Path())
@click.option("--src-lang", required=True, help="Language of SRC (en, ar, ckb, kmr).")
@click.option("--tgt-lang", required=True, help="Language of TGT.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["vecalign", "tsv", "tmx"]),
    default="vecalign",
    show_default=True,
)
@click.option(
    "--segment", is_flag=True, help="SRC and TGT are documents: split them into sentences."
)
@click.option("--no-lexicon", is_flag=True, help="Do not use the shipped bilingual lexicon.")
@click.option(
    "--engine",
    type=click.Choice(["hf", "ct2", "memory"]),
    help="Also compare the source's machine translation with the target (chrF).",
)
@click.option("--model", help="Model folder for --engine (default: the pulled default model).")
@click.option("--tm", "tm_path", type=click.Path(), help="TM for --engine memory.")
@BEAMS_OPTION
@MAX_LENGTH_OPTION
@click.option("--out", type=click.Path(), help="Write here instead of stdout.")
@FORCE_OPTION
@json_option(
    '{"src", "tgt", "src_lang", "tgt_lang", "out", "sentences": {"src", "tgt"}, '
    '"is_translation", "anchor_agreement", "kinds": {kind: count}, "beads": [{"src": [i], '
    '"tgt": [j], "score", "kind", "source", "target"}]} (0-based; --out is still written).'
)
def align(
    src: str,
    tgt: str,
    src_lang: str,
    tgt_lang: str,
    fmt: str,
    segment: bool,
    no_lexicon: bool,
    engine: str | None,
    model: str | None,
    tm_path: str | None,
    beams: int,
    max_length: int,
    out: str | None,
    force: bool,
    as_json: bool,
) -> None:
    """Align SRC with its translation TGT (one sentence per line, or --segment).

    vecalign: one bead per line, [src]:[tgt]:score, 0-based, covering every sentence of
    both sides in order. tsv: source TAB target TAB score. tmx: the 1-1 beads as TMX.
    With --engine, the source is machine-translated first (cached) and chrF of its MT
    against each target sentence joins the other signals.
    """
    from workbench import services
    from workbench.engines.base import DecodeOptions
    from workbench.formats.tmx import units_to_tmx

    inputs = [src, tgt] + ([tm_path] if tm_path else [])
    if out:
        services.check_out_path(out, force, keep=inputs)  # before any work
    decode = DecodeOptions(beams=beams, max_length=max_length)
    mt_of = source_mt(engine, model, tm_path, src, src_lang, tgt_lang, segment, decode)
    s, t, al = services.align_files(src, tgt, src_lang, tgt_lang, segment, not no_lexicon, mt_of)
    if fmt == "vecalign":
        text = "".join(b.vecalign() + "\n" for b in al.beads)
    elif fmt == "tsv":
        text = "".join(
            " ".join(s[i] for i in b.src)
            + "\t"
            + " ".join(t[j] for j in b.tgt)
            + f"\t{b.score:.3f}\n"
            for b in al.beads
        )
    else:
        units = services.aligned_units(s, t, al, src_lang, tgt_lang, origin=src)
        text = units_to_tmx(units, src_lang)
    if out:
        services.write_text(out, text, force=force, keep=inputs)
    elif not as_json:
        click.echo(text, nl=False)
    if not al.is_translation:
        click.echo(
            f"workbench: warning: {tgt} does not look like a translation of {src} "
            f"(anchor agreement {al.anchor_agreement:.2f}); bead scores are low",
            err=True,
        )
    kinds: dict[str, int] = {}
    for b in al.beads:
        kinds[b.kind] = kinds.get(b.kind, 0) + 1
    if as_json:
        print_json(
            {
                "src": src,
                "tgt": tgt,
                "src_lang": src_lang,
                "tgt_lang": tgt_lang,
                "out": out,
                "sentences": {"src": len(s), "tgt": len(t)},
                "is_translation": al.is_translation,
                "anchor_agreement": al.anchor_agreement,
                "kinds": kinds,
                "beads": [
                    {
                        "src": list(b.src),
                        "tgt": list(b.tgt),
                        "score": b.score,
                        "kind": b.kind,
                        "source": " ".join(s[i] for i in b.src),
                        "target": " ".join(t[j] for j in b.tgt),
                    }
                    for b in al.beads
                ],
            }
        )
    elif out or not sys.stdout.isatty():
        summary = ", ".join(f"{k} ×{v}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1]))
        click.echo(f"{len(s)} + {len(t)} sentences: {summary}", err=True)


def source_mt(
    engine: str | None,
    model: str | None,
    tm_path: str | None,
    src: str,
    src_lang: str,
    tgt_lang: str,
    segment: bool,
    decode: DecodeOptions | None = None,
) -> dict[str, str] | None:
    """The MT of each source sentence for the aligner (None without --engine), with a bar.

    ``decode``: how the model decodes (default: greedy, 256 tokens at most).
    """
    if not engine:
        return None
    from workbench import services
    from workbench.cli.output import progress_bar

    mt = services.open_engine(engine, tgt_lang, model, tm_path)
    sentences = services.read_sentences(src, src_lang, segment)
    with progress_bar(len(set(sentences)), f"{src}: machine translation") as bar:
        return services.mt_sentences(mt, sentences, src_lang, tgt_lang, bar.update, options=decode)


@click.command()
@click.argument("derived", type=click.Path())
@click.argument("original", type=click.Path())
@click.option("--lang", help="Language of both texts (default: front matter, name, guess).")
@click.option(
    "--threshold",
    default=60.0,
    show_default=True,
    type=click.FloatRange(0, 100),
    help="Lowest similarity (0-100) that counts as reuse.",
)
@GLOSSARY_OPTION
@json_option(
    '{"derived", "original", "sentences": [{"derived_id", "derived", "original_ids", '
    '"original", "similarity", "plain", "reused", "edits": [{"type", "original", "derived", '
    '"entry"}]}], "paragraphs": [{"derived_para", "original_paras"}], "reused", "total"}.'
)
def reuse(
    derived: str,
    original: str,
    lang: str | None,
    threshold: float,
    glossary_path: str | None,
    as_json: bool,
) -> None:
    """Which sentences of DERIVED come from ORIGINAL (reordered, cut, merged or respelled)."""
    from workbench import services

    matches = services.reuse_files(derived, original, lang, glossary_path, threshold)
    paras: dict[int, set[int]] = {}
    for m in matches:
        paras.setdefault(m.derived.para, set()).update(o.para for o in m.originals)
    if as_json:
        print_json(
            {
                "derived": derived,
                "original": original,
                "sentences": [
                    {
                        "derived_id": m.derived.id,
                        "derived": m.derived.text,
                        "original_ids": [o.id for o in m.originals],
                        "original": " ".join(o.text for o in m.originals),
                        "similarity": m.similarity,
                        "plain": m.plain,
                        "reused": bool(m.originals),
                        "edits": [
                            {
                                "type": e.type,
                                "original": e.original,
                                "derived": e.derived,
                                "entry": e.entry,
                            }
                            for e in m.edits
                        ],
                    }
                    for m in matches
                ],
                "paragraphs": [
                    {"derived_para": p, "original_paras": sorted(o)}
                    for p, o in sorted(paras.items())
                ],
                "reused": sum(1 for m in matches if m.originals),
                "total": len(matches),
            }
        )
        return
    reused = sum(1 for m in matches if m.originals)
    click.echo(f"{reused} of {len(matches)} sentences of {derived} come from {original}")
    for m in matches:
        if not m.originals:
            click.echo(f"  {m.derived.id}: new")
            continue
        src = "+".join(o.id.split(":", 1)[1] for o in m.originals)
        click.echo(f"  {m.derived.id} <- {src}  {m.similarity:.0f}% (plain {m.plain:.0f}%)")
        for e in m.edits:
            if e.type == "respelling":
                click.echo(f"      respelled: {e.original} -> {e.derived}")
            else:
                click.echo(f"      {e.type}: {e.original!r} -> {e.derived!r}")
