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
            -1.4564,  # exact
            1.4885,  # key
            0.2758,  # respelling
            1.2412,  # arabic
            -0.0267,  # abjad
            -1.5225,  # fuzzy
            0.0508,  # key_ratio
            1.1783,  # light_ratio
            3.8866,  # skeleton_ratio
            1.6050,  # consonants
            0.4237,  # first_same
            -0.1308,  # final_same
            1.3603,  # margin
            -2.0607,  # tied
            0.0425,  # rivals
            -0.0494,  # fuzzy_key_ratio
            0.8173,  # fuzzy_light_ratio
            0.6078,  # key_ratio_sq
            2.1750,  # light_ratio_sq
            0.1307,  # length_ratio
            1.0325,  # vowel_slot_only
            1.5150,  # rule_s_cedilla
            0.2843,  # rule_nisba
            0.0000,  # rule_j_as_y
            -1.3879,  # rule_j_as_g
            0.3214,  # rule_kh_as_h
            -0.0230,  # rule_t_as_d
            -1.3361,  # rule_z_as_d
            0.1810,  # rule_german_j
            0.4831,  # rule_t_marbuta
            0.2381,  # rule_imala
            0.4267,  # alternative_key
            -0.3908,  # word_count_diff
            -1.8129,  # rival_key
            -0.9418,  # rival_respelling
            -0.4702,  # strong_rivals
            -0.4412,  # key_edits
            0.8716,  # one_edit_fuzzy
            0.1579,  # light_jaro_winkler
            0.9763,  # consonant_diff
            1.0361,  # abjad_ending_agrees
            -1.0628,  # abjad_ending_differs
            0.3729,  # first_letter_same
            -0.4560,  # first_two_same
            -0.1895,  # fuzzy_margin
            -0.1214,  # fuzzy_consonants
            1.5440,  # fuzzy_light_ratio_cubed
            0.0000,  # arabic_vowel_clash
            -1.2246,  # arabic_semivowel_missing
        ),
        -6.5705,
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
            0.0000,  # arabic_vowel_clash
            0.0000,  # arabic_semivowel_missing
        ),
        -4.2710,
    ),
}
#: (raw score, confidence) breakpoints, raw ascending.
CALIBRATION: dict[str, list[tuple[float, float]]] = {
    "Latn": [
        (0.003, 0.8819),
        (0.0422, 0.8899),
        (0.0675, 0.899),
        (0.0999, 0.9086),
        (0.1408, 0.9185),
        (0.1926, 0.9265),
        (0.2236, 0.9349),
        (0.2779, 0.9406),
        (0.3371, 0.9451),
        (0.3967, 0.9509),
        (0.4642, 0.9584),
        (0.519, 0.9639),
        (0.5585, 0.9669),
        (0.6056, 0.9707),
        (0.6555, 0.9767),
        (0.7114, 0.9796),
        (0.7495, 0.9802),
        (0.7994, 0.9816),
        (0.8265, 0.9843),
        (0.8491, 0.9857),
        (0.8699, 0.9861),
        (0.884, 0.9866),
        (0.8949, 0.9872),
        (0.9076, 0.9876),
        (0.9171, 0.9897),
        (0.9278, 0.9897),
        (0.9394, 0.9912),
        (0.9475, 0.9913),
        (0.9545, 0.9925),
        (0.961, 0.993),
        (0.9654, 0.9942),
        (0.9701, 0.9945),
        (0.9739, 0.9948),
        (0.9775, 0.9949),
        (0.981, 0.9949),
        (0.9846, 0.9951),
        (0.9878, 0.9964),
        (0.9911, 0.9964),
        (0.9943, 1.0),
        (0.9982, 1.0),
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
