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
            -1.4642,  # exact
            1.2726,  # key
            0.0642,  # respelling
            1.5034,  # letters
            0.5738,  # arabic
            -0.0201,  # abjad
            -1.9296,  # fuzzy
            -0.2638,  # key_ratio
            1.2967,  # light_ratio
            3.6094,  # skeleton_ratio
            1.9015,  # consonants
            0.4845,  # first_same
            -0.1624,  # final_same
            1.1876,  # margin
            -2.1566,  # tied
            0.0103,  # rivals
            -0.3519,  # fuzzy_key_ratio
            0.6170,  # fuzzy_light_ratio
            0.1230,  # key_ratio_sq
            2.3727,  # light_ratio_sq
            0.1106,  # length_ratio
            1.2352,  # vowel_slot_only
            1.2487,  # rule_s_cedilla
            0.2662,  # rule_nisba
            0.0000,  # rule_j_as_y
            -1.3735,  # rule_j_as_g
            0.3692,  # rule_kh_as_h
            -0.0266,  # rule_t_as_d
            -1.3013,  # rule_z_as_d
            0.1780,  # rule_german_j
            0.4827,  # rule_t_marbuta
            0.2208,  # rule_imala
            0.0825,  # rule_arabic_one_off
            0.3735,  # alternative_key
            -0.5285,  # word_count_diff
            -2.1627,  # rival_key
            -1.0342,  # rival_respelling
            -0.1723,  # strong_rivals
            -0.4750,  # key_edits
            0.9978,  # one_edit_fuzzy
            -0.0489,  # light_jaro_winkler
            0.6078,  # consonant_diff
            0.8622,  # abjad_ending_agrees
            -0.8823,  # abjad_ending_differs
            0.4208,  # first_letter_same
            -0.4430,  # first_two_same
            -0.1172,  # fuzzy_margin
            -0.2222,  # fuzzy_consonants
            1.8001,  # fuzzy_light_ratio_cubed
            -0.8190,  # arabic_semivowel_missing
            0.4748,  # arabic_ratio
            0.1205,  # fuzzy_arabic_ratio
            0.0533,  # no_arabic_form
        ),
        -5.4132,
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
        (0.0029, 0.8955),
        (0.0171, 0.8985),
        (0.0305, 0.9019),
        (0.0437, 0.9051),
        (0.0522, 0.9092),
        (0.0648, 0.9134),
        (0.0767, 0.917),
        (0.0936, 0.9211),
        (0.1112, 0.925),
        (0.1299, 0.9291),
        (0.1497, 0.9318),
        (0.1718, 0.9344),
        (0.1887, 0.9375),
        (0.2076, 0.9413),
        (0.2231, 0.9435),
        (0.2376, 0.9458),
        (0.258, 0.9488),
        (0.2845, 0.9519),
        (0.3064, 0.9536),
        (0.3333, 0.9558),
        (0.3685, 0.9577),
        (0.3912, 0.9603),
        (0.4163, 0.9626),
        (0.4374, 0.9641),
        (0.4763, 0.9659),
        (0.5022, 0.9692),
        (0.5303, 0.9716),
        (0.5524, 0.9728),
        (0.5775, 0.9743),
        (0.6004, 0.9752),
        (0.6276, 0.9773),
        (0.6554, 0.9785),
        (0.6781, 0.9803),
        (0.7007, 0.9807),
        (0.7164, 0.9813),
        (0.745, 0.9823),
        (0.7658, 0.983),
        (0.7825, 0.9838),
        (0.7994, 0.9843),
        (0.8153, 0.9851),
        (0.8322, 0.9859),
        (0.8454, 0.9865),
        (0.8532, 0.9868),
        (0.8636, 0.9869),
        (0.8713, 0.9877),
        (0.8783, 0.988),
        (0.8873, 0.9883),
        (0.8946, 0.9884),
        (0.9006, 0.9885),
        (0.9054, 0.989),
        (0.9121, 0.9891),
        (0.9175, 0.9891),
        (0.922, 0.9891),
        (0.9288, 0.9894),
        (0.9322, 0.9899),
        (0.9366, 0.9899),
        (0.9405, 0.99),
        (0.9451, 0.9903),
        (0.9487, 0.991),
        (0.9519, 0.9912),
        (0.9545, 0.9917),
        (0.957, 0.9922),
        (0.9601, 0.9926),
        (0.9627, 0.9931),
        (0.9655, 0.9937),
        (0.9679, 0.994),
        (0.9703, 0.994),
        (0.9725, 0.9952),
        (0.9749, 0.9957),
        (0.9773, 0.9957),
        (0.9795, 0.9959),
        (0.9817, 0.9959),
        (0.9838, 0.9959),
        (0.9859, 0.9959),
        (0.9881, 0.9962),
        (0.9902, 0.9972),
        (0.9923, 0.9979),
        (0.9945, 0.9994),
        (0.9966, 1.0),
        (0.9988, 1.0),
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
