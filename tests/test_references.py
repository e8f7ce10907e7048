"""Reference translations: paired with the source by segment id, or by the aligner."""

import pytest

from tests.conftest import TEXTS
from workbench import services
from workbench.core.errors import InputError
from workbench.core.scoring import document_scores, hter, segment_chrf
from workbench.store.project import Project


@pytest.fixture
def folder(tmp_path):
    f = tmp_path / "proj"
    services.project_init(str(f)).close()
    services.project_add(str(f), [str(TEXTS / "al-qaem.en.md")])
    return f


def refs_by_key(folder, lang):
    with Project.open(folder) as p:
        refs = p.references(lang)
        return {r.key: refs.get(r.segment_id) for r in p.rows(lang)}, p


def test_a_reference_segmented_like_its_source_pairs_by_segment_id(folder):
    added = services.add_reference(str(folder), str(TEXTS / "al-qaem.ckb.md"))
    assert (added.doc, added.lang, added.groups, added.paired_by) == (
        "al-qaem",
        "ckb",
        69,
        "segment ids",
    )
    refs, _ = refs_by_key(folder, "ckb")
    assert "قائیم" in refs["al-qaem:p1:s1"][1] and all(v and v[1] for v in refs.values())


def test_a_reference_that_merges_sentences_is_paired_by_the_aligner(folder, tmp_path):
    text = (TEXTS / "al-qaem.ar.md").read_text(encoding="utf-8")
    merged = tmp_path / "al-qaem.ar.md"
    merged.write_text(text.replace("السورية. فهل", "السورية، فهل"), encoding="utf-8")
    added = services.add_reference(str(folder), str(merged))
    assert (added.groups, added.paired_by) == (68, "alignment")
    refs, _ = refs_by_key(folder, "ar")
    head, joined = refs["al-qaem:p2:s1"]
    assert "يتجهون إلى القائم" in joined and "عاصمة المتطرفين الجديدة في العراق" in joined
    assert refs["al-qaem:p2:s2"] == (head, "")  # same group, the text held by its head
    assert refs["al-qaem:p3:s1"][1] == "لافتة تعلن قيام دولة داعش."


def test_a_reference_of_no_document_of_the_project_is_refused(folder, tmp_path):
    other = tmp_path / "elsewhere.ar.md"
    other.write_text("نص آخر.\n", encoding="utf-8")
    with pytest.raises(InputError, match="no document 'elsewhere'"):
        services.add_reference(str(folder), str(other))


def test_scores_are_sacrebleus():
    assert segment_chrf("القائم مدينة", "القائم مدينة") == 100.0
    assert 0 < segment_chrf("القائم مدينة", "مدينة القائم الحدودية") < 100
    bleu, chrf = document_scores(["a b c d e"], ["a b c d e"], "en")
    assert (bleu, chrf) == (100.0, 100.0)
    assert hter("one two three", "one two three") == 0.0
    assert hter("one two three", "one three") == 50.0  # one deletion over 2 reference words
