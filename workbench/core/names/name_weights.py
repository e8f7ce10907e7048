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
            -1.4284,  # exact
            1.5301,  # key
            0.2965,  # respelling
            1.0615,  # arabic
            0.0033,  # abjad
            -1.4630,  # fuzzy
            0.0782,  # key_ratio
            1.2299,  # light_ratio
            3.4976,  # skeleton_ratio
            1.5065,  # consonants
            0.4395,  # first_same
            -0.0853,  # final_same
            1.3078,  # margin
            -2.1772,  # tied
            0.0182,  # rivals
            -0.0726,  # fuzzy_key_ratio
            0.8049,  # fuzzy_light_ratio
            0.6495,  # key_ratio_sq
            2.2458,  # light_ratio_sq
            0.1429,  # length_ratio
            1.1613,  # vowel_slot_only
            1.4606,  # rule_s_cedilla
            0.2904,  # rule_nisba
            0.0000,  # rule_j_as_y
            -1.3922,  # rule_j_as_g
            0.3489,  # rule_kh_as_h
            -0.0193,  # rule_t_as_d
            -1.3179,  # rule_z_as_d
            0.1952,  # rule_german_j
            0.4825,  # rule_t_marbuta
            0.2482,  # rule_imala
            0.1038,  # rule_arabic_one_off
            0.4280,  # alternative_key
            -0.3685,  # word_count_diff
            -1.7992,  # rival_key
            -0.9173,  # rival_respelling
            -0.4423,  # strong_rivals
            -0.3479,  # key_edits
            0.8758,  # one_edit_fuzzy
            0.1232,  # light_jaro_winkler
            1.0001,  # consonant_diff
            1.0718,  # abjad_ending_agrees
            -1.0685,  # abjad_ending_differs
            0.3726,  # first_letter_same
            -0.4499,  # first_two_same
            -0.1063,  # fuzzy_margin
            -0.3582,  # fuzzy_consonants
            1.5576,  # fuzzy_light_ratio_cubed
            -1.0995,  # arabic_semivowel_missing
            0.9495,  # arabic_ratio
            0.4473,  # fuzzy_arabic_ratio
            0.5403,  # no_arabic_form
        ),
        -7.0015,
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
        (0.0026, 0.8862),
        (0.0197, 0.889),
        (0.034, 0.8921),
        (0.0474, 0.8959),
        (0.0583, 0.9003),
        (0.0719, 0.9048),
        (0.0861, 0.9087),
        (0.1081, 0.912),
        (0.1203, 0.9165),
        (0.1355, 0.92),
        (0.1532, 0.9238),
        (0.1826, 0.9266),
        (0.1978, 0.9292),
        (0.2109, 0.9326),
        (0.2393, 0.9356),
        (0.2603, 0.9386),
        (0.2774, 0.9408),
        (0.297, 0.9436),
        (0.3215, 0.9464),
        (0.343, 0.9485),
        (0.3714, 0.9504),
        (0.3946, 0.954),
        (0.4226, 0.9561),
        (0.4526, 0.9583),
        (0.4765, 0.9601),
        (0.4947, 0.9637),
        (0.5131, 0.9649),
        (0.5378, 0.9667),
        (0.5627, 0.9687),
        (0.5916, 0.9705),
        (0.6112, 0.9712),
        (0.6283, 0.9735),
        (0.6567, 0.9747),
        (0.6712, 0.9763),
        (0.6931, 0.9771),
        (0.7165, 0.9791),
        (0.7343, 0.98),
        (0.757, 0.9803),
        (0.7719, 0.9807),
        (0.7893, 0.9815),
        (0.8063, 0.9823),
        (0.8197, 0.9831),
        (0.8289, 0.9843),
        (0.8424, 0.9846),
        (0.8495, 0.9852),
        (0.8585, 0.9855),
        (0.8676, 0.9856),
        (0.8737, 0.986),
        (0.8802, 0.9865),
        (0.8873, 0.9868),
        (0.8965, 0.9871),
        (0.9034, 0.9871),
        (0.9091, 0.9878),
        (0.9143, 0.9885),
        (0.9197, 0.9893),
        (0.9246, 0.9893),
        (0.9301, 0.9893),
        (0.9364, 0.9898),
        (0.9406, 0.9899),
        (0.945, 0.9907),
        (0.9486, 0.9915),
        (0.9521, 0.9916),
        (0.9554, 0.9918),
        (0.9583, 0.9918),
        (0.9615, 0.9922),
        (0.9646, 0.9927),
        (0.9675, 0.9928),
        (0.9699, 0.9929),
        (0.9724, 0.9946),
        (0.9747, 0.9946),
        (0.9771, 0.9946),
        (0.9794, 0.9946),
        (0.9818, 0.9952),
        (0.9842, 0.9955),
        (0.9865, 0.9964),
        (0.9889, 0.9967),
        (0.9913, 0.9972),
        (0.9936, 1.0),
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
