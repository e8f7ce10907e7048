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
WEIGHTS: dict[str, tuple[tuple[float, ...], float]] = {
    "Latn": (
        (
            -1.4705,  # exact
            1.4875,  # key
            0.2714,  # respelling
            1.2499,  # arabic
            -0.0328,  # abjad
            -1.5055,  # fuzzy
            0.0592,  # key_ratio
            1.2387,  # light_ratio
            3.6960,  # skeleton_ratio
            1.5036,  # consonants
            0.4450,  # first_same
            -0.1017,  # final_same
            1.2964,  # margin
            -2.1679,  # tied
            0.0455,  # rivals
            -0.0555,  # fuzzy_key_ratio
            0.8168,  # fuzzy_light_ratio
            0.6190,  # key_ratio_sq
            2.2675,  # light_ratio_sq
            0.1304,  # length_ratio
            1.0820,  # vowel_slot_only
            1.4915,  # rule_s_cedilla
            0.2895,  # rule_nisba
            0.0000,  # rule_j_as_y
            -1.3790,  # rule_j_as_g
            0.3219,  # rule_kh_as_h
            -0.0214,  # rule_t_as_d
            -1.3250,  # rule_z_as_d
            0.1838,  # rule_german_j
            0.4698,  # rule_t_marbuta
            0.2403,  # rule_imala
            0.0409,  # rule_arabic_one_off
            0.4267,  # alternative_key
            -0.3539,  # word_count_diff
            -1.7880,  # rival_key
            -0.9107,  # rival_respelling
            -0.4674,  # strong_rivals
            -0.4028,  # key_edits
            0.8774,  # one_edit_fuzzy
            0.1086,  # light_jaro_winkler
            1.0328,  # consonant_diff
            1.0450,  # abjad_ending_agrees
            -1.0778,  # abjad_ending_differs
            0.3700,  # first_letter_same
            -0.4653,  # first_two_same
            -0.1525,  # fuzzy_margin
            -0.3571,  # fuzzy_consonants
            1.5871,  # fuzzy_light_ratio_cubed
            -1.1117,  # arabic_semivowel_missing
        ),
        -6.4166,
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
        ),
        -4.2710,
    ),
}
#: (raw score, confidence) breakpoints, raw ascending.
CALIBRATION: dict[str, list[tuple[float, float]]] = {
    "Latn": [
        (0.0029, 0.8848),
        (0.0242, 0.8891),
        (0.0427, 0.8929),
        (0.055, 0.8979),
        (0.0685, 0.9028),
        (0.0844, 0.9073),
        (0.1014, 0.912),
        (0.1219, 0.9176),
        (0.1401, 0.9206),
        (0.1571, 0.9251),
        (0.1994, 0.9293),
        (0.2107, 0.9349),
        (0.2228, 0.9375),
        (0.2599, 0.9406),
        (0.2867, 0.944),
        (0.3148, 0.9457),
        (0.3407, 0.9481),
        (0.3624, 0.9515),
        (0.4036, 0.9564),
        (0.4306, 0.9585),
        (0.4662, 0.9606),
        (0.4923, 0.963),
        (0.516, 0.9641),
        (0.5326, 0.966),
        (0.5546, 0.9685),
        (0.5799, 0.9708),
        (0.6002, 0.9716),
        (0.6293, 0.9734),
        (0.652, 0.9762),
        (0.6743, 0.9776),
        (0.7044, 0.9794),
        (0.7243, 0.98),
        (0.7461, 0.9808),
        (0.7691, 0.9812),
        (0.7928, 0.9818),
        (0.8044, 0.9828),
        (0.8196, 0.9838),
        (0.8351, 0.9842),
        (0.8457, 0.985),
        (0.8551, 0.9861),
        (0.865, 0.9864),
        (0.8712, 0.9864),
        (0.8779, 0.9867),
        (0.8879, 0.987),
        (0.894, 0.9873),
        (0.8997, 0.9875),
        (0.9047, 0.9879),
        (0.9087, 0.9879),
        (0.9152, 0.988),
        (0.9212, 0.9895),
        (0.9265, 0.9895),
        (0.9307, 0.9902),
        (0.9379, 0.9902),
        (0.942, 0.9903),
        (0.9454, 0.9906),
        (0.9491, 0.9912),
        (0.9523, 0.9921),
        (0.9559, 0.9921),
        (0.9583, 0.9925),
        (0.9612, 0.9926),
        (0.9638, 0.9929),
        (0.9658, 0.9938),
        (0.968, 0.9941),
        (0.9701, 0.9941),
        (0.972, 0.9943),
        (0.9738, 0.9943),
        (0.9756, 0.9948),
        (0.9773, 0.9948),
        (0.9791, 0.9948),
        (0.9808, 0.9948),
        (0.9826, 0.9948),
        (0.9844, 0.9951),
        (0.9861, 0.9954),
        (0.9878, 0.996),
        (0.9894, 0.996),
        (0.991, 0.9964),
        (0.9927, 0.9988),
        (0.9943, 1.0),
        (0.9959, 1.0),
        (0.998, 1.0),
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
