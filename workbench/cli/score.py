"""``workbench score``: BLEU, chrF++ and TER of a translation against a reference."""

from __future__ import annotations

import click

from workbench.cli.output import echo_table, json_option, print_json
from workbench.core.plural import counted


@click.command()
@click.argument("hyp", type=click.Path())
@click.argument("ref", type=click.Path())
@click.option("--lang", required=True, help="Language of HYP and REF (chooses the BLEU tokenizer).")
@click.option(
    "--segment",
    is_flag=True,
    help="Compare sentence by sentence (automatic when both are articles with front matter).",
)
@json_option(
    '{"corpus": {metric: {"score", "signature"}}, "paired_by", "segments": [{"index", "id" '
    '(articles only), "BLEU", "chrF++", "TER"}], "unpaired": {"hyp": [...], "ref": [...]}}.'
)
def score(hyp: str, ref: str, lang: str, segment: bool, as_json: bool) -> None:
    """Score HYP against REF: one segment per line, or two articles segment by segment.

    Two articles (such as what 'translate --out' wrote and the published translation) are
    paired by segment id when segmented alike, else through the sentence aligner; each
    row is named by its segment id.
    """
    from workbench.core.scoring import score as run_score
    from workbench.services.scoring import pair_for_scoring

    pairs = pair_for_scoring(hyp, ref, lang, segment)
    report = run_score(pairs.hyps, pairs.refs, lang)
    by_id = pairs.how != "lines"
    if as_json:
        print_json(
            {
                "corpus": {
                    s.name: {"score": s.score, "signature": s.signature} for s in report.corpus
                },
                "paired_by": pairs.how,
                "segments": [  # segments of articles carry their id
                    {"index": i, **({"id": sid} if by_id else {}), **seg}
                    for i, (sid, seg) in enumerate(zip(pairs.ids, report.segments, strict=True))
                ],
                "unpaired": {"hyp": pairs.unpaired_hyp, "ref": pairs.unpaired_ref},
            }
        )
        return
    for s in report.corpus:
        click.echo(f"{s.name:<7} {s.score:6.2f}   {s.signature}")
    if by_id:
        click.echo(f"({counted(len(pairs.hyps), 'segment')} paired by {pairs.how})")
    if pairs.unpaired_hyp or pairs.unpaired_ref:
        click.echo(
            f"(not scored: {len(pairs.unpaired_hyp)} hypothesis and "
            f"{len(pairs.unpaired_ref)} reference sentences without a counterpart)"
        )
    ids = pairs.ids if by_id else [str(i) for i in range(len(pairs.ids))]
    click.echo("")
    echo_table(
        [
            [sid, *(f"{seg[m]:6.2f}" for m in ("BLEU", "chrF++", "TER"))]
            for sid, seg in zip(ids, report.segments, strict=True)
        ],
        header=["segment", "BLEU", "chrF++", "TER"],
        align=">>>>",
    )
