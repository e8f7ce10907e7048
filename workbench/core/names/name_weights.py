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
#   47: arabic_vowel_clash
#   48: arabic_semivowel_missing
WEIGHTS: dict[str, tuple[tuple[float, ...], float]] = {
    "Latn": (
        (
            -1.4700,  # exact
            1.5065,  # key
            0.3009,  # respelling
            1.1841,  # arabic
            -0.0719,  # abjad
            -1.4496,  # fuzzy
            0.1271,  # key_ratio
            1.2080,  # light_ratio
            3.8429,  # skeleton_ratio
            1.5779,  # consonants
            0.4215,  # first_same
            -0.1347,  # final_same
            1.4474,  # margin
            -2.0305,  # tied
            0.0529,  # rivals
            -0.0460,  # fuzzy_key_ratio
            0.8312,  # fuzzy_light_ratio
            0.6546,  # key_ratio_sq
            2.1326,  # light_ratio_sq
            0.1342,  # length_ratio
            1.0356,  # vowel_slot_only
            1.5786,  # rule_s_cedilla
            0.2793,  # rule_nisba
            0.0000,  # rule_j_as_y
            -1.4001,  # rule_j_as_g
            0.3147,  # rule_kh_as_h
            -0.0208,  # rule_t_as_d
            -1.3438,  # rule_z_as_d
            0.1767,  # rule_german_j
            0.4827,  # rule_t_marbuta
            0.2335,  # rule_imala
            0.4343,  # alternative_key
            -0.3961,  # word_count_diff
            -1.7858,  # rival_key
            -0.9874,  # rival_respelling
            -0.4615,  # strong_rivals
            -0.4347,  # key_edits
            0.8678,  # one_edit_fuzzy
            0.2281,  # light_jaro_winkler
            0.9947,  # consonant_diff
            1.0891,  # abjad_ending_agrees
            -1.1610,  # abjad_ending_differs
            0.3770,  # first_letter_same
            -0.4636,  # first_two_same
            -0.2522,  # fuzzy_margin
            -0.0999,  # fuzzy_consonants
            1.5388,  # fuzzy_light_ratio_cubed
            0.0000,  # arabic_vowel_clash
            -1.2317,  # arabic_semivowel_missing
        ),
        -6.7838,
    ),
    "Arab": (
        (
            -2.4960,  # exact
            1.9341,  # key
            0.0000,  # respelling
            0.0000,  # arabic
            0.0000,  # abjad
            -1.1995,  # fuzzy
            0.2287,  # key_ratio
            1.4408,  # light_ratio
            0.2287,  # skeleton_ratio
            0.5226,  # consonants
            -0.0730,  # first_same
            -0.1311,  # final_same
            0.6169,  # margin
            -2.1546,  # tied
            -0.0175,  # rivals
            0.7906,  # fuzzy_key_ratio
            2.7460,  # fuzzy_light_ratio
            1.3946,  # key_ratio_sq
            2.3422,  # light_ratio_sq
            -1.5582,  # length_ratio
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
            0.0000,  # arabic_vowel_clash
            0.0000,  # arabic_semivowel_missing
        ),
        -4.3060,
    ),
}
#: (raw score, confidence) breakpoints, raw ascending.
CALIBRATION: dict[str, list[tuple[float, float]]] = {
    "Latn": [
        (0.003, 0.8826),
        (0.0442, 0.8917),
        (0.0702, 0.9007),
        (0.1031, 0.9107),
        (0.1521, 0.9204),
        (0.2037, 0.9293),
        (0.2375, 0.9379),
        (0.2922, 0.9426),
        (0.3486, 0.9469),
        (0.4147, 0.954),
        (0.4817, 0.9606),
        (0.5294, 0.9652),
        (0.5677, 0.9696),
        (0.6218, 0.9729),
        (0.6746, 0.9769),
        (0.7187, 0.9797),
        (0.7597, 0.9802),
        (0.8026, 0.9817),
        (0.8308, 0.9841),
        (0.8497, 0.9857),
        (0.8703, 0.9864),
        (0.8839, 0.9876),
        (0.8935, 0.9876),
        (0.9099, 0.9876),
        (0.9215, 0.9898),
        (0.9315, 0.9905),
        (0.9421, 0.9917),
        (0.9502, 0.9919),
        (0.9554, 0.9931),
        (0.9603, 0.9934),
        (0.9649, 0.9942),
        (0.9699, 0.9945),
        (0.9738, 0.9945),
        (0.9774, 0.9945),
        (0.9807, 0.9949),
        (0.9842, 0.9952),
        (0.9876, 0.9964),
        (0.991, 0.9964),
        (0.9943, 1.0),
        (0.9983, 1.0),
    ],
    "Arab": [
        (0.0141, 0.5),
        (0.0284, 0.5105),
        (0.0321, 0.5177),
        (0.0582, 0.5214),
        (0.0811, 0.5368),
        (0.1075, 0.5407),
        (0.1269, 0.5703),
        (0.1477, 0.584),
        (0.1519, 0.5887),
        (0.1596, 0.6033),
        (0.1696, 0.6134),
        (0.1891, 0.6348),
        (0.2027, 0.6404),
        (0.2162, 0.6577),
        (0.2473, 0.6697),
        (0.2878, 0.6827),
        (0.3001, 0.6893),
        (0.3079, 0.69),
        (0.3126, 0.7113),
        (0.3177, 0.7241),
        (0.3252, 0.7241),
        (0.3356, 0.7241),
        (0.3544, 0.7241),
        (0.4069, 0.7241),
        (0.4311, 0.7241),
        (0.4548, 0.7241),
        (0.5441, 0.7241),
        (0.5889, 0.7241),
        (0.6642, 0.7241),
        (0.7168, 0.7241),
        (0.7373, 0.7241),
        (0.7484, 0.7241),
        (0.7659, 0.7241),
        (0.8058, 0.7241),
        (0.8252, 0.7241),
        (0.8334, 0.7241),
        (0.8405, 0.7241),
        (0.8552, 0.8),
        (0.8699, 1.0),
        (0.8723, 1.0),
    ],
}
THRESHOLD = 0.98
