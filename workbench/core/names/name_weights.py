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
            -1.5366,  # exact
            1.1723,  # key
            0.4480,  # respelling
            1.4663,  # letters
            0.5083,  # arabic
            -0.0887,  # abjad
            -1.9697,  # fuzzy
            -0.2271,  # key_ratio
            1.2948,  # light_ratio
            3.6340,  # skeleton_ratio
            1.8029,  # consonants
            0.5236,  # first_same
            -0.1626,  # final_same
            1.1908,  # margin
            -2.1557,  # tied
            -0.0452,  # rivals
            -0.4236,  # fuzzy_key_ratio
            0.6396,  # fuzzy_light_ratio
            0.2029,  # key_ratio_sq
            2.3237,  # light_ratio_sq
            0.0988,  # length_ratio
            1.2091,  # vowel_slot_only
            0.9129,  # rule_s_cedilla
            0.1756,  # rule_nisba
            0.0000,  # rule_j_as_y
            0.0476,  # rule_j_as_g
            0.2468,  # rule_kh_as_h
            -0.0405,  # rule_t_as_d
            -1.5042,  # rule_z_as_d
            0.1161,  # rule_german_j
            0.3473,  # rule_t_marbuta
            0.1465,  # rule_imala
            0.0814,  # rule_arabic_one_off
            0.3812,  # alternative_key
            -0.5228,  # word_count_diff
            -2.1764,  # rival_key
            -1.0554,  # rival_respelling
            -0.1739,  # strong_rivals
            -0.4932,  # key_edits
            0.9819,  # one_edit_fuzzy
            -0.0423,  # light_jaro_winkler
            0.5839,  # consonant_diff
            0.8243,  # abjad_ending_agrees
            -0.9130,  # abjad_ending_differs
            0.3709,  # first_letter_same
            -0.4439,  # first_two_same
            -0.1497,  # fuzzy_margin
            -0.1429,  # fuzzy_consonants
            1.8345,  # fuzzy_light_ratio_cubed
            -0.8199,  # arabic_semivowel_missing
            0.5097,  # arabic_ratio
            0.0928,  # fuzzy_arabic_ratio
            0.0563,  # no_arabic_form
        ),
        -5.3395,
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
        (0.0029, 0.8967),
        (0.0171, 0.8996),
        (0.031, 0.9027),
        (0.0445, 0.9062),
        (0.0518, 0.9103),
        (0.0634, 0.9138),
        (0.073, 0.9176),
        (0.09, 0.9218),
        (0.1076, 0.9259),
        (0.1192, 0.9294),
        (0.1467, 0.9326),
        (0.1656, 0.935),
        (0.1839, 0.9381),
        (0.2035, 0.9413),
        (0.2181, 0.9435),
        (0.2318, 0.9469),
        (0.2529, 0.9492),
        (0.2777, 0.9521),
        (0.2956, 0.9545),
        (0.3235, 0.9569),
        (0.3635, 0.9585),
        (0.3841, 0.9611),
        (0.4061, 0.9636),
        (0.4302, 0.9651),
        (0.464, 0.9666),
        (0.4957, 0.9697),
        (0.5203, 0.9717),
        (0.5465, 0.9738),
        (0.5695, 0.9748),
        (0.595, 0.9761),
        (0.6193, 0.9776),
        (0.6456, 0.9789),
        (0.6751, 0.98),
        (0.6948, 0.9809),
        (0.71, 0.981),
        (0.738, 0.9814),
        (0.756, 0.9826),
        (0.781, 0.9833),
        (0.7987, 0.984),
        (0.815, 0.9851),
        (0.8267, 0.9857),
        (0.8413, 0.9862),
        (0.8495, 0.9865),
        (0.8612, 0.9869),
        (0.8673, 0.9878),
        (0.8755, 0.9881),
        (0.8835, 0.9882),
        (0.8917, 0.9885),
        (0.898, 0.9885),
        (0.9038, 0.989),
        (0.91, 0.989),
        (0.9162, 0.989),
        (0.9205, 0.9891),
        (0.9268, 0.9891),
        (0.9316, 0.9898),
        (0.9355, 0.9898),
        (0.9398, 0.9898),
        (0.9437, 0.9904),
        (0.9479, 0.9907),
        (0.9514, 0.991),
        (0.9542, 0.9916),
        (0.957, 0.9919),
        (0.9598, 0.9924),
        (0.9625, 0.9932),
        (0.965, 0.9933),
        (0.9676, 0.9937),
        (0.9698, 0.994),
        (0.9724, 0.9942),
        (0.9749, 0.9954),
        (0.9771, 0.9958),
        (0.9793, 0.9959),
        (0.9814, 0.9961),
        (0.9836, 0.9961),
        (0.9857, 0.9961),
        (0.9879, 0.9963),
        (0.99, 0.9973),
        (0.9922, 0.9979),
        (0.9943, 0.9994),
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
