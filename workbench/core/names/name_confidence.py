"""How sure a name match is: evidence features, a learnt weighting and a calibrated confidence.

A candidate (query, glossary form) is described by a few numbers (how it was found, how
close the transliteration keys and the spellings are, how long the key is, and how far it
stands ahead of the next entry; for Latin script also which respelling rule found it, how
the rival entries were found, edit distances and the abjad ending). A logistic weighting
gives a raw score (boosted trees where the weights file has them; measured, not shipped:
with the finer features they recall less at the same precision); a table
learnt on the GeoNames dev set maps the raw score to a *confidence*: of the answers given
at that confidence or more on the dev set, the share that was right. An answer is given
only at ``THRESHOLD`` or more; below it the candidates are listed instead.

The weights, the table and the threshold live in ``name_weights.py``, written by
``python bench/calibrate_names.py`` (which also prints the precision/recall curve on the
fold it held apart).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence

from workbench.core.names import name_weights

#: How a candidate was found, from the strongest evidence to the weakest.
HOWS = ("exact", "key", "respelling", "letters", "arabic", "abjad", "fuzzy")

#: The feature names, in the order of a feature vector.
FEATURES = (
    "exact",
    "key",
    "respelling",
    "letters",
    "arabic",
    "abjad",
    "fuzzy",
    "key_ratio",
    "light_ratio",
    "skeleton_ratio",
    "consonants",
    "first_same",
    "final_same",
    "margin",
    "tied",
    "rivals",
    "fuzzy_key_ratio",
    "fuzzy_light_ratio",
    "key_ratio_sq",
    "light_ratio_sq",
    "length_ratio",
    "vowel_slot_only",
    # which respelling convention found it (each has its own reliability)
    "rule_s_cedilla",
    "rule_nisba",
    "rule_j_as_y",
    "rule_j_as_g",
    "rule_kh_as_h",
    "rule_t_as_d",
    "rule_z_as_d",
    "rule_german_j",
    "rule_t_marbuta",
    "rule_imala",
    "rule_arabic_one_off",
    "alternative_key",
    "word_count_diff",
    "rival_key",
    "rival_respelling",
    "strong_rivals",
    "key_edits",
    "one_edit_fuzzy",
    "light_jaro_winkler",
    "consonant_diff",
    "abjad_ending_agrees",
    "abjad_ending_differs",
    "first_letter_same",
    "first_two_same",
    "fuzzy_margin",
    "fuzzy_consonants",
    "fuzzy_light_ratio_cubed",
    # a Latin reading of an Arabic-script form ("arabic"): a y or w it has no letter for
    "arabic_semivowel_missing",
    # the query's consonant skeleton against the entry's Arabic-script readings
    "arabic_ratio",
    "fuzzy_arabic_ratio",
    "no_arabic_form",
)

#: The respelling rules with a feature of their own (``latin_key.respelling_keys``).
RULES = (
    "s-cedilla",
    "nisba",
    "j-as-y",
    "j-as-g",
    "kh-as-h",
    "t-as-d",
    "z-as-d",
    "german-j",
    "t-marbuta",
    "imala",
    "arabic-one-off",
)


def feature_vector(
    how: str,
    key_ratio: float,
    light_ratio: float,
    skeleton_ratio: float,
    consonants: int,
    first_same: bool,
    final_same: bool,
    margin: float,
    rivals: int,
    length_ratio: float = 1.0,
    vowel_slot_only: bool = False,
    evidence: dict[str, float] | None = None,
) -> tuple[float, ...]:
    """The features of one candidate (ratios 0-1, ``margin`` over the best other entry).

    ``evidence`` holds the finer features (Latin script; absent ones are 0): ``rule`` (the
    respelling convention), ``alternative_key`` (found through the mute -e key),
    ``word_count_diff`` (0-2), ``rival_key`` / ``rival_respelling`` (the best other entry
    was found that way), ``strong_rivals`` (other entries found exactly or by key),
    ``key_edits`` (Levenshtein distance of the plain keys), ``light_jaro_winkler``,
    ``consonant_diff``, ``abjad_ending`` (1 agrees, -1 differs: a final t/h of a vowel-less
    spelling and a name-final -a), ``first_letters`` (how many of the first two letters of
    the light keys agree) and ``arabic_semivowel_missing`` (the query's consonantal y or w
    has no letter in the Arabic-script form it was read from).
    """
    fuzzy = how == "fuzzy"
    clipped_margin = max(-1.0, min(1.0, margin))
    if evidence is None:  # Arabic script: the finer features are not used
        finer: tuple[float, ...] = _NO_FINER
    else:
        finer = _finer(evidence, fuzzy, clipped_margin, consonants, light_ratio)
    return (
        *(1.0 if how == h else 0.0 for h in HOWS),
        key_ratio,
        light_ratio,
        skeleton_ratio,
        min(consonants, 8) / 8.0,
        1.0 if first_same else 0.0,
        1.0 if final_same else 0.0,
        clipped_margin,
        1.0 if margin <= 0.0 else 0.0,
        min(rivals, 5) / 5.0,
        key_ratio if fuzzy else 0.0,
        light_ratio if fuzzy else 0.0,
        key_ratio * key_ratio,
        light_ratio * light_ratio,
        length_ratio,
        1.0 if vowel_slot_only and fuzzy else 0.0,
        *finer,
    )


#: The finer features (and their interactions) of a candidate with no evidence: all 0.
_NO_FINER = (0.0,) * (len(FEATURES) - FEATURES.index("rule_s_cedilla"))


def _finer(
    ev: dict[str, float], fuzzy: bool, clipped_margin: float, consonants: int, light_ratio: float
) -> tuple[float, ...]:
    """The finer features of :func:`feature_vector` from ``evidence``, then the interactions."""
    rule = ev.get("rule", "")
    edits = float(ev.get("key_edits", 0.0))
    ending = float(ev.get("abjad_ending", 0.0))
    first = float(ev.get("first_letters", 0.0))
    arabic = float(ev.get("arabic_ratio", -1.0))
    return (
        *(1.0 if rule == r else 0.0 for r in RULES),
        float(ev.get("alternative_key", 0.0)),
        min(float(ev.get("word_count_diff", 0.0)), 2.0) / 2.0,
        float(ev.get("rival_key", 0.0)),
        float(ev.get("rival_respelling", 0.0)),
        min(float(ev.get("strong_rivals", 0.0)), 3.0) / 3.0,
        min(edits, 4.0) / 4.0,
        1.0 if fuzzy and edits == 1 else 0.0,
        float(ev.get("light_jaro_winkler", 0.0)),
        min(float(ev.get("consonant_diff", 0.0)), 3.0) / 3.0,
        1.0 if ending > 0 else 0.0,
        1.0 if ending < 0 else 0.0,
        1.0 if first >= 1 else 0.0,
        1.0 if first >= 2 else 0.0,
        # interactions
        (clipped_margin if fuzzy else 0.0),
        (min(consonants, 8) / 8.0 if fuzzy else 0.0),
        (light_ratio**3 if fuzzy else 0.0),
        float(ev.get("arabic_semivowel_missing", 0.0)),
        max(arabic, 0.0),
        max(arabic, 0.0) if fuzzy else 0.0,
        1.0 if arabic < 0 else 0.0,
    )


def _leaf(tree: object, features: Sequence[float]) -> float:
    """The leaf of one tree (``(feature, threshold, left, right)``, x < threshold: left)."""
    while isinstance(tree, tuple):
        j, thr, left, right = tree
        tree = left if features[j] < thr else right
    return float(tree)  # type: ignore[arg-type]


def raw_score(features: Sequence[float], script: str) -> float:
    """The raw score (0-1) of a feature vector under what was learnt for ``script``.

    The boosted trees where there are some for the script (Latin), else the logistic
    weighting.
    """
    trees = getattr(name_weights, "TREES", {}).get(script)
    if trees is not None:
        bias, ensemble = trees
        z = bias + sum(_leaf(t, features) for t in ensemble)
    else:
        weights, bias = name_weights.WEIGHTS.get(script, name_weights.WEIGHTS["Latn"])
        # a weights file older than FEATURES (while bench/calibrate_names.py rebuilds it)
        # weighs the features it lacks 0; tests check the shipped file is the rebuilt one
        z = bias + sum(w * x for w, x in zip(weights, features, strict=False))
    if z < -40:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def calibrate(raw: float, script: str) -> float:
    """The confidence of a raw score: dev-set precision of answers at that score or more.

    The table is a step function (raw score, confidence), raw ascending; a raw score below
    every step scales the first step down.
    """
    table = name_weights.CALIBRATION.get(script, name_weights.CALIBRATION["Latn"])
    if not table:
        return raw
    i = bisect_right([x for x, _ in table], raw) - 1
    if i < 0:
        return table[0][1] * raw
    return table[i][1]


def confidence(features: Sequence[float], script: str) -> float:
    """The calibrated confidence (0-1) of one candidate."""
    return round(calibrate(raw_score(features, script), script), 3)


def threshold() -> float:
    """The confidence an answer needs (chosen on the dev set for precision)."""
    return name_weights.THRESHOLD
