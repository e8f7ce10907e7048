"""Learnt weights of the name-match confidence. Written by ``python bench/calibrate_names.py``."""

# Feature order (workbench.core.names.name_confidence.FEATURES):
#   0: exact
#   1: key
#   2: respelling
#   3: letters
#   4: arabic
#   5: abjad
#   6: fuzzy
#   7: key_ratio
#   8: light_ratio
#   9: skeleton_ratio
#   10: consonants
#   11: first_same
#   12: final_same
#   13: margin
#   14: tied
#   15: rivals
#   16: fuzzy_key_ratio
#   17: fuzzy_light_ratio
#   18: key_ratio_sq
#   19: light_ratio_sq
#   20: length_ratio
#   21: vowel_slot_only
#   22: rule_s_cedilla
#   23: rule_nisba
#   24: rule_j_as_y
#   25: rule_j_as_g
#   26: rule_kh_as_h
#   27: rule_t_as_d
#   28: rule_z_as_d
#   29: rule_german_j
#   30: rule_t_marbuta
#   31: rule_imala
#   32: rule_arabic_one_off
#   33: alternative_key
#   34: word_count_diff
#   35: rival_key
#   36: rival_respelling
#   37: strong_rivals
#   38: key_edits
#   39: one_edit_fuzzy
#   40: light_jaro_winkler
#   41: consonant_diff
#   42: abjad_ending_agrees
#   43: abjad_ending_differs
#   44: first_letter_same
#   45: first_two_same
#   46: fuzzy_margin
#   47: fuzzy_consonants
#   48: fuzzy_light_ratio_cubed
#   49: arabic_semivowel_missing
#   50: arabic_ratio
#   51: fuzzy_arabic_ratio
#   52: no_arabic_form
WEIGHTS: dict[str, tuple[tuple[float, ...], float]] = {
    "Latn": (
        (
            -1.5302,  # exact
            1.1515,  # key
            0.3804,  # respelling
            1.5499,  # letters
            0.6021,  # arabic
            -0.0541,  # abjad
            -2.0995,  # fuzzy
            -0.2229,  # key_ratio
            1.2423,  # light_ratio
            3.3509,  # skeleton_ratio
            1.8297,  # consonants
            0.5194,  # first_same
            -0.2368,  # final_same
            1.1958,  # margin
            -2.1328,  # tied
            -0.0026,  # rivals
            -0.2882,  # fuzzy_key_ratio
            0.5509,  # fuzzy_light_ratio
            0.2403,  # key_ratio_sq
            2.2769,  # light_ratio_sq
            0.0622,  # length_ratio
            1.3059,  # vowel_slot_only
            0.9936,  # rule_s_cedilla
            0.1861,  # rule_nisba
            0.0000,  # rule_j_as_y
            0.0521,  # rule_j_as_g
            0.2625,  # rule_kh_as_h
            -0.0406,  # rule_t_as_d
            -1.4805,  # rule_z_as_d
            0.1218,  # rule_german_j
            0.3809,  # rule_t_marbuta
            0.1560,  # rule_imala
            0.0695,  # rule_arabic_one_off
            0.3780,  # alternative_key
            -0.3971,  # word_count_diff
            -2.1712,  # rival_key
            -1.0586,  # rival_respelling
            -0.1858,  # strong_rivals
            -0.7198,  # key_edits
            0.9770,  # one_edit_fuzzy
            -0.0742,  # light_jaro_winkler
            0.6602,  # consonant_diff
            1.0050,  # abjad_ending_agrees
            -1.0591,  # abjad_ending_differs
            0.2888,  # first_letter_same
            -0.3446,  # first_two_same
            -0.1591,  # fuzzy_margin
            -0.1740,  # fuzzy_consonants
            1.8237,  # fuzzy_light_ratio_cubed
            -0.8196,  # arabic_semivowel_missing
            0.5545,  # arabic_ratio
            0.1482,  # fuzzy_arabic_ratio
            0.1050,  # no_arabic_form
        ),
        -4.9217,
    ),
    "Arab": (
        (
            -2.4862,  # exact
            1.9501,  # key
            0.0000,  # respelling
            0.0000,  # letters
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
            0.0000,  # rule_arabic_one_off
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
            0.0000,  # arabic_ratio
            0.0000,  # fuzzy_arabic_ratio
            0.0000,  # no_arabic_form
        ),
        -4.2710,
    ),
}
#: (raw score, confidence) breakpoints, raw ascending.
CALIBRATION: dict[str, list[tuple[float, float]]] = {
    "Latn": [
        (0.0029, 0.897),
        (0.018, 0.8996),
        (0.0294, 0.9029),
        (0.0425, 0.9065),
        (0.0509, 0.9097),
        (0.0627, 0.913),
        (0.072, 0.9169),
        (0.0844, 0.9206),
        (0.1006, 0.9253),
        (0.116, 0.9288),
        (0.1333, 0.9319),
        (0.1531, 0.9348),
        (0.1729, 0.9375),
        (0.1922, 0.94),
        (0.2045, 0.9426),
        (0.2224, 0.9454),
        (0.2404, 0.948),
        (0.2674, 0.9506),
        (0.2846, 0.954),
        (0.3114, 0.956),
        (0.3437, 0.9581),
        (0.3748, 0.9605),
        (0.3892, 0.9628),
        (0.4133, 0.9645),
        (0.4512, 0.9663),
        (0.4803, 0.9686),
        (0.5042, 0.9717),
        (0.5332, 0.9728),
        (0.5552, 0.9753),
        (0.5778, 0.9754),
        (0.6062, 0.9771),
        (0.6297, 0.978),
        (0.6515, 0.9793),
        (0.6773, 0.9802),
        (0.6972, 0.9811),
        (0.7224, 0.9812),
        (0.7486, 0.9825),
        (0.7679, 0.9833),
        (0.7901, 0.9842),
        (0.8138, 0.9852),
        (0.8264, 0.9859),
        (0.8377, 0.9867),
        (0.8462, 0.9873),
        (0.8594, 0.9874),
        (0.8678, 0.9877),
        (0.8757, 0.9883),
        (0.8815, 0.9883),
        (0.8894, 0.9885),
        (0.8972, 0.9885),
        (0.9031, 0.9887),
        (0.9101, 0.9892),
        (0.9143, 0.9892),
        (0.9206, 0.9892),
        (0.9257, 0.9892),
        (0.931, 0.9895),
        (0.9348, 0.99),
        (0.9388, 0.99),
        (0.9429, 0.99),
        (0.946, 0.99),
        (0.9508, 0.9911),
        (0.9547, 0.9917),
        (0.9576, 0.992),
        (0.9603, 0.9921),
        (0.9628, 0.9931),
        (0.9655, 0.9934),
        (0.9682, 0.9936),
        (0.9707, 0.9936),
        (0.9732, 0.9944),
        (0.9756, 0.9957),
        (0.9777, 0.9957),
        (0.9799, 0.9957),
        (0.982, 0.9957),
        (0.9841, 0.9957),
        (0.9861, 0.9957),
        (0.9882, 0.9957),
        (0.9903, 0.9979),
        (0.9923, 0.9979),
        (0.9944, 0.9994),
        (0.9965, 1.0),
        (0.9987, 1.0),
    ],
    "Arab": [
        (0.0143, 0.5068),
        (0.0177, 0.5068),
        (0.0275, 0.5139),
        (0.0306, 0.5175),
        (0.0326, 0.5211),
        (0.0533, 0.5211),
        (0.0603, 0.5324),
        (0.0618, 0.5362),
        (0.0826, 0.5362),
        (0.0995, 0.5441),
        (0.1091, 0.5481),
        (0.1137, 0.5481),
        (0.1255, 0.5736),
        (0.1351, 0.5736),
        (0.1479, 0.5827),
        (0.151, 0.5873),
        (0.1554, 0.5968),
        (0.1633, 0.6016),
        (0.1635, 0.6016),
        (0.1648, 0.6066),
        (0.1726, 0.6167),
        (0.1766, 0.6167),
        (0.1886, 0.6271),
        (0.1915, 0.6435),
        (0.2017, 0.6491),
        (0.2063, 0.6491),
        (0.2084, 0.6549),
        (0.2508, 0.6667),
        (0.254, 0.6789),
        (0.2644, 0.6857),
        (0.2902, 0.6857),
        (0.2935, 0.6857),
        (0.2998, 0.6863),
        (0.3039, 0.6931),
        (0.3093, 0.7),
        (0.3121, 0.7071),
        (0.3127, 0.7143),
        (0.314, 0.7216),
        (0.3141, 0.7292),
        (0.3188, 0.7333),
        (0.3258, 0.7333),
        (0.3346, 0.7333),
        (0.341, 0.7333),
        (0.3573, 0.7333),
        (0.3609, 0.7333),
        (0.3672, 0.7333),
        (0.4064, 0.7333),
        (0.4325, 0.7333),
        (0.434, 0.7333),
        (0.4359, 0.7333),
        (0.4525, 0.7333),
        (0.4639, 0.7333),
        (0.4668, 0.7333),
        (0.5437, 0.7333),
        (0.5907, 0.7333),
        (0.6323, 0.7333),
        (0.6613, 0.7333),
        (0.6654, 0.7333),
        (0.7221, 0.7333),
        (0.7223, 0.7333),
        (0.7316, 0.7333),
        (0.7367, 0.7333),
        (0.7527, 0.7333),
        (0.7581, 0.7333),
        (0.7589, 0.7333),
        (0.7767, 0.7333),
        (0.8047, 0.7333),
        (0.8087, 0.7333),
        (0.8119, 0.7333),
        (0.8226, 0.7333),
        (0.8301, 0.7333),
        (0.8358, 0.7333),
        (0.8362, 0.7333),
        (0.8467, 0.7692),
        (0.8526, 0.7692),
        (0.8604, 0.7778),
        (0.8659, 0.7778),
        (0.87, 1.0),
        (0.8703, 1.0),
        (0.8746, 1.0),
    ],
}
THRESHOLD = 0.98
