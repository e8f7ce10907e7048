"""``workbench score``: BLEU, chrF++ and TER of a translation against a reference."""

from __future__ import annotations

import click

from workbench.cli.output import print_json


@click.command()
@click.argument("hyp", type=click.Path())
@click.argument("ref", type=click.Path())
@click.option("--lang", required=True, help="Language of HYP and REF (chooses the BLEU tokenizer).")
@click.option(
    "--segment", is_flag=True, help="HYP and REF are documents: compare sentence by sentence."
)
@click.option("--json", "as_json", is_flag=True, help="Corpus and per-segment scores as JSON.")
def score(hyp: str, ref: str, lang: str, segment: bool, as_json: bool) -> None:
    """Score HYP against REF (one segment per line, or --segment for documents)."""
    from workbench import services
    from workbench.core.scoring import score as run_score

    hyps = services.read_sentences(hyp, lang, segment)
    refs = services.read_sentences(ref, lang, segment)
    report = run_score(hyps, refs, lang)
    if as_json:
        print_json(
            {
                "corpus": {
                    s.name: {"score": s.score, "signature": s.signature} for s in report.corpus
                },
                "segments": [{"index": i, **seg} for i, seg in enumerate(report.segments)],
            }
        )
        return
    for s in report.corpus:
        click.echo(f"{s.name:<7} {s.score:6.2f}   {s.signature}")
    click.echo(f"\n{'segment':>7}  {'BLEU':>6}  {'chrF++':>6}  {'TER':>6}")
    for i, seg in enumerate(report.segments):
        click.echo(f"{i:>7}  {seg['BLEU']:6.2f}  {seg['chrF++']:6.2f}  {seg['TER']:6.2f}")
