"""Learnt weights of the name-match confidence. Written by ``python bench/calibrate_names.py``."""

# Feature order (workbench.core.names.name_confidence.FEATURES):
#   0: exact
#   1: key
#   2: respelling
#   3: arabic
#   4: abjad
#   5: fuzzy
#   6: key_ratio
#   7: light_ratio
#   8: skeleton_ratio
#   9: consonants
#   10: first_same
#   11: final_same
#   12: margin
#   13: tied
#   14: rivals
#   15: fuzzy_key_ratio
#   16: fuzzy_light_ratio
#   17: key_ratio_sq
#   18: light_ratio_sq
#   19: length_ratio
#   20: vowel_slot_only
#   21: rule_s_cedilla
#   22: rule_nisba
#   23: rule_j_as_y
#   24: rule_j_as_g
#   25: rule_kh_as_h
#   26: rule_t_as_d
#   27: rule_z_as_d
#   28: rule_german_j
#   29: rule_t_marbuta
#   30: rule_imala
#   31: alternative_key
#   32: word_count_diff
#   33: rival_key
#   34: rival_respelling
#   35: strong_rivals
#   36: key_edits
#   37: one_edit_fuzzy
#   38: light_jaro_winkler
#   39: consonant_diff
#   40: abjad_ending_agrees
#   41: abjad_ending_differs
#   42: first_letter_same
#   43: first_two_same
#   44: fuzzy_margin
#   45: fuzzy_consonants
#   46: fuzzy_light_ratio_cubed
#   47: arabic_semivowel_missing
WEIGHTS: dict[str, tuple[tuple[float, ...], float]] = {
    "Latn": (
        (
            -1.4643,  # exact
            1.5054,  # key
            0.2774,  # respelling
            1.2230,  # arabic
            -0.0240,  # abjad
            -1.5176,  # fuzzy
            0.0392,  # key_ratio
            1.1764,  # light_ratio
            3.8663,  # skeleton_ratio
            1.5672,  # consonants
            0.4303,  # first_same
            -0.1206,  # final_same
            1.3544,  # margin
            -2.0944,  # tied
            0.0371,  # rivals
            -0.0280,  # fuzzy_key_ratio
            0.8339,  # fuzzy_light_ratio
            0.5658,  # key_ratio_sq
            2.1793,  # light_ratio_sq
            0.1837,  # length_ratio
            1.0461,  # vowel_slot_only
            1.5195,  # rule_s_cedilla
            0.2851,  # rule_nisba
            0.0000,  # rule_j_as_y
            -1.3854,  # rule_j_as_g
            0.3219,  # rule_kh_as_h
            -0.0228,  # rule_t_as_d
            -1.3358,  # rule_z_as_d
            0.1817,  # rule_german_j
            0.4742,  # rule_t_marbuta
            0.2390,  # rule_imala
            0.4282,  # alternative_key
            -0.4113,  # word_count_diff
            -1.7914,  # rival_key
            -0.9190,  # rival_respelling
            -0.4650,  # strong_rivals
            -0.4058,  # key_edits
            0.8749,  # one_edit_fuzzy
            0.1843,  # light_jaro_winkler
            1.0058,  # consonant_diff
            1.0388,  # abjad_ending_agrees
            -1.0628,  # abjad_ending_differs
            0.3474,  # first_letter_same
            -0.4274,  # first_two_same
            -0.1853,  # fuzzy_margin
            -0.2691,  # fuzzy_consonants
            1.5924,  # fuzzy_light_ratio_cubed
            -1.2311,  # arabic_semivowel_missing
        ),
        -6.5802,
    ),
    "Arab": (
        (
            -2.4862,  # exact
            1.9501,  # key
            0.0000,  # respelling
            0.0000,  # arabic
            0.0000,  # abjad
            -1.2120,  # fuzzy
            0.2550,  # key_ratio
            1.3961,  # light_ratio
            0.2550,  # skeleton_ratio
            0.3749,  # consonants
            -0.0665,  # first_same
            -0.1257,  # final_same
            0.6205,  # margin
            -2.1626,  # tied
            -0.0145,  # rivals
            0.7912,  # fuzzy_key_ratio
            2.7664,  # fuzzy_light_ratio
            1.4297,  # key_ratio_sq
            2.2498,  # light_ratio_sq
            -1.4976,  # length_ratio
            0.0000,  # vowel_slot_only
            0.0000,  # rule_s_cedilla
            0.0000,  # rule_nisba
            0.0000,  # rule_j_as_y
            0.0000,  # rule_j_as_g
            0.0000,  # rule_kh_as_h
            0.0000,  # rule_t_as_d
            0.0000,  # rule_z_as_d
            0.0000,  # rule_german_j
            0.0000,  # rule_t_marbuta
            0.0000,  # rule_imala
            0.0000,  # alternative_key
            0.0000,  # word_count_diff
            0.0000,  # rival_key
            0.0000,  # rival_respelling
            0.0000,  # strong_rivals
            0.0000,  # key_edits
            0.0000,  # one_edit_fuzzy
            0.0000,  # light_jaro_winkler
            0.0000,  # consonant_diff
            0.0000,  # abjad_ending_agrees
            0.0000,  # abjad_ending_differs
            0.0000,  # first_letter_same
            0.0000,  # first_two_same
            0.0000,  # fuzzy_margin
            0.0000,  # fuzzy_consonants
            0.0000,  # fuzzy_light_ratio_cubed
            0.0000,  # arabic_semivowel_missing
        ),
        -4.2710,
    ),
}
#: (raw score, confidence) breakpoints, raw ascending.
CALIBRATION: dict[str, list[tuple[float, float]]] = {
    "Latn": [
        (0.0029, 0.8836),
        (0.0437, 0.893),
        (0.0678, 0.9016),
        (0.1015, 0.9109),
        (0.147, 0.9206),
        (0.2008, 0.9292),
        (0.2306, 0.9374),
        (0.2871, 0.9431),
        (0.3493, 0.9474),
        (0.4139, 0.9555),
        (0.4753, 0.9599),
        (0.5237, 0.9648),
        (0.5746, 0.9693),
        (0.6159, 0.9718),
        (0.6645, 0.9765),
        (0.7132, 0.9796),
        (0.7548, 0.9803),
        (0.7999, 0.9818),
        (0.8286, 0.9844),
        (0.8545, 0.986),
        (0.8716, 0.9865),
        (0.8849, 0.9867),
        (0.8982, 0.9872),
        (0.9089, 0.9876),
        (0.9216, 0.9895),
        (0.9303, 0.9901),
        (0.9415, 0.9908),
        (0.9495, 0.9913),
        (0.9556, 0.992),
        (0.9609, 0.9925),
        (0.9651, 0.9938),
        (0.97, 0.9943),
        (0.9736, 0.9943),
        (0.9771, 0.9949),
        (0.9806, 0.9949),
        (0.9841, 0.9952),
        (0.9876, 0.9964),
        (0.9909, 0.9964),
        (0.9943, 1.0),
        (0.9981, 1.0),
    ],
    "Arab": [
        (0.0143, 0.5068),
        (0.0275, 0.5139),
        (0.0326, 0.5211),
        (0.0603, 0.5324),
        (0.0826, 0.5362),
        (0.1091, 0.5481),
        (0.1351, 0.5736),
        (0.1479, 0.5827),
        (0.1554, 0.5968),
        (0.1635, 0.6016),
        (0.1726, 0.6167),
        (0.1886, 0.6271),
        (0.2063, 0.6491),
        (0.2122, 0.6667),
        (0.254, 0.6789),
        (0.2902, 0.6857),
        (0.2998, 0.6863),
        (0.3121, 0.7071),
        (0.314, 0.7216),
        (0.3188, 0.7447),
        (0.3258, 0.75),
        (0.341, 0.75),
        (0.3609, 0.75),
        (0.4325, 0.75),
        (0.4359, 0.75),
        (0.4639, 0.75),
        (0.5417, 0.75),
        (0.5907, 0.75),
        (0.6654, 0.75),
        (0.7223, 0.75),
        (0.7367, 0.75),
        (0.7581, 0.75),
        (0.7767, 0.75),
        (0.8047, 0.75),
        (0.8226, 0.75),
        (0.8358, 0.75),
        (0.8467, 0.7692),
        (0.8604, 0.7778),
        (0.87, 1.0),
        (0.8746, 1.0),
    ],
}
THRESHOLD = 0.98
