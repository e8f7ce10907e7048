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
#   31: rule_arabic_one_off
#   32: alternative_key
#   33: word_count_diff
#   34: rival_key
#   35: rival_respelling
#   36: strong_rivals
#   37: key_edits
#   38: one_edit_fuzzy
#   39: light_jaro_winkler
#   40: consonant_diff
#   41: abjad_ending_agrees
#   42: abjad_ending_differs
#   43: first_letter_same
#   44: first_two_same
#   45: fuzzy_margin
#   46: fuzzy_consonants
#   47: fuzzy_light_ratio_cubed
#   48: arabic_semivowel_missing
#   49: arabic_ratio
#   50: fuzzy_arabic_ratio
#   51: no_arabic_form
WEIGHTS: dict[str, tuple[tuple[float, ...], float]] = {
    "Latn": (
        (
            -1.4289,  # exact
            1.5274,  # key
            0.2965,  # respelling
            1.0649,  # arabic
            0.0058,  # abjad
            -1.4656,  # fuzzy
            0.0765,  # key_ratio
            1.2308,  # light_ratio
            3.5023,  # skeleton_ratio
            1.5133,  # consonants
            0.4395,  # first_same
            -0.0877,  # final_same
            1.3095,  # margin
            -2.1736,  # tied
            0.0156,  # rivals
            -0.0721,  # fuzzy_key_ratio
            0.8093,  # fuzzy_light_ratio
            0.6475,  # key_ratio_sq
            2.2483,  # light_ratio_sq
            0.1586,  # length_ratio
            1.1604,  # vowel_slot_only
            1.4609,  # rule_s_cedilla
            0.2898,  # rule_nisba
            0.0000,  # rule_j_as_y
            -1.3923,  # rule_j_as_g
            0.3476,  # rule_kh_as_h
            -0.0192,  # rule_t_as_d
            -1.3179,  # rule_z_as_d
            0.1949,  # rule_german_j
            0.4841,  # rule_t_marbuta
            0.2485,  # rule_imala
            0.1058,  # rule_arabic_one_off
            0.4282,  # alternative_key
            -0.3799,  # word_count_diff
            -1.7993,  # rival_key
            -0.9166,  # rival_respelling
            -0.4420,  # strong_rivals
            -0.3621,  # key_edits
            0.8726,  # one_edit_fuzzy
            0.1272,  # light_jaro_winkler
            1.0025,  # consonant_diff
            1.0730,  # abjad_ending_agrees
            -1.0672,  # abjad_ending_differs
            0.3691,  # first_letter_same
            -0.4553,  # first_two_same
            -0.1081,  # fuzzy_margin
            -0.3499,  # fuzzy_consonants
            1.5624,  # fuzzy_light_ratio_cubed
            -1.0971,  # arabic_semivowel_missing
            0.9508,  # arabic_ratio
            0.4444,  # fuzzy_arabic_ratio
            0.5416,  # no_arabic_form
        ),
        -7.0172,
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
        (0.0026, 0.8854),
        (0.0202, 0.8885),
        (0.0357, 0.8916),
        (0.0482, 0.8955),
        (0.0594, 0.8998),
        (0.0708, 0.9038),
        (0.0838, 0.9075),
        (0.1027, 0.911),
        (0.1163, 0.9154),
        (0.1348, 0.9199),
        (0.1512, 0.9229),
        (0.1813, 0.9263),
        (0.1964, 0.9291),
        (0.2051, 0.9321),
        (0.2292, 0.9347),
        (0.254, 0.9377),
        (0.2699, 0.9403),
        (0.2893, 0.9427),
        (0.3142, 0.9464),
        (0.3338, 0.9486),
        (0.3561, 0.9498),
        (0.39, 0.9529),
        (0.4097, 0.9555),
        (0.4461, 0.9579),
        (0.4633, 0.9592),
        (0.4894, 0.9623),
        (0.5014, 0.9646),
        (0.5273, 0.9659),
        (0.5542, 0.9685),
        (0.5772, 0.9693),
        (0.5972, 0.9711),
        (0.617, 0.9721),
        (0.6418, 0.9744),
        (0.6618, 0.9757),
        (0.6804, 0.9766),
        (0.7034, 0.977),
        (0.7243, 0.9792),
        (0.7412, 0.9802),
        (0.7609, 0.9806),
        (0.778, 0.9812),
        (0.7964, 0.9822),
        (0.8126, 0.9824),
        (0.8259, 0.9838),
        (0.8341, 0.9844),
        (0.8466, 0.9845),
        (0.8557, 0.9855),
        (0.8636, 0.9856),
        (0.8721, 0.9861),
        (0.8781, 0.9862),
        (0.8859, 0.9868),
        (0.8944, 0.9869),
        (0.9007, 0.9872),
        (0.907, 0.9879),
        (0.9116, 0.9886),
        (0.9164, 0.9889),
        (0.9211, 0.9893),
        (0.9283, 0.9893),
        (0.9343, 0.9898),
        (0.9392, 0.9899),
        (0.9443, 0.9899),
        (0.9482, 0.9915),
        (0.9515, 0.9916),
        (0.9549, 0.9917),
        (0.958, 0.9918),
        (0.9615, 0.9922),
        (0.965, 0.9927),
        (0.9676, 0.9928),
        (0.97, 0.9929),
        (0.9724, 0.9946),
        (0.9749, 0.9946),
        (0.9773, 0.9946),
        (0.9796, 0.9946),
        (0.982, 0.9952),
        (0.9843, 0.9954),
        (0.9867, 0.9963),
        (0.989, 0.9967),
        (0.9913, 0.9972),
        (0.9937, 1.0),
        (0.996, 1.0),
        (0.9984, 1.0),
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
