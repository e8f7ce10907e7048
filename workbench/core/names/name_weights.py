"""Learnt weights of the name-match confidence. Written by ``python bench/calibrate_names.py``."""

# Feature order (workbench.core.names.name_confidence.FEATURES):
#   0: exact
#   1: key
#   2: respelling
#   3: abjad
#   4: fuzzy
#   5: key_ratio
#   6: light_ratio
#   7: skeleton_ratio
#   8: consonants
#   9: first_same
#   10: final_same
#   11: margin
#   12: tied
#   13: rivals
#   14: fuzzy_key_ratio
#   15: fuzzy_light_ratio
#   16: key_ratio_sq
#   17: light_ratio_sq
#   18: length_ratio
#   19: vowel_slot_only
#   20: rule_s_cedilla
#   21: rule_nisba
#   22: rule_j_as_y
#   23: rule_j_as_g
#   24: rule_kh_as_h
#   25: rule_t_as_d
#   26: rule_z_as_d
#   27: rule_german_j
#   28: rule_t_marbuta
#   29: alternative_key
#   30: word_count_diff
#   31: rival_key
#   32: rival_respelling
#   33: strong_rivals
#   34: key_edits
#   35: one_edit_fuzzy
#   36: light_jaro_winkler
#   37: consonant_diff
#   38: abjad_ending_agrees
#   39: abjad_ending_differs
#   40: first_letter_same
#   41: first_two_same
#   42: fuzzy_margin
#   43: fuzzy_consonants
#   44: fuzzy_light_ratio_cubed
WEIGHTS: dict[str, tuple[tuple[float, ...], float]] = {
    "Latn": (
        (
            -1.0832,  # exact
            1.6094,  # key
            0.5145,  # respelling
            0.1145,  # abjad
            -1.1552,  # fuzzy
            0.6112,  # key_ratio
            1.6854,  # light_ratio
            3.6785,  # skeleton_ratio
            1.6274,  # consonants
            0.3125,  # first_same
            -0.0785,  # final_same
            0.9139,  # margin
            -2.0123,  # tied
            -0.2323,  # rivals
            -0.1855,  # fuzzy_key_ratio
            0.6405,  # fuzzy_light_ratio
            1.0019,  # key_ratio_sq
            2.1214,  # light_ratio_sq
            -0.0711,  # length_ratio
            1.2127,  # vowel_slot_only
            1.5493,  # rule_s_cedilla
            0.3337,  # rule_nisba
            0.0000,  # rule_j_as_y
            -1.3046,  # rule_j_as_g
            0.3902,  # rule_kh_as_h
            -0.0240,  # rule_t_as_d
            -1.1880,  # rule_z_as_d
            0.2346,  # rule_german_j
            0.5235,  # rule_t_marbuta
            0.4035,  # alternative_key
            -0.4635,  # word_count_diff
            -2.0488,  # rival_key
            -0.8548,  # rival_respelling
            -0.5626,  # strong_rivals
            -0.3487,  # key_edits
            1.0186,  # one_edit_fuzzy
            0.6394,  # light_jaro_winkler
            0.9045,  # consonant_diff
            1.0383,  # abjad_ending_agrees
            -0.9238,  # abjad_ending_differs
            0.4915,  # first_letter_same
            -0.4773,  # first_two_same
            -0.0519,  # fuzzy_margin
            -0.0554,  # fuzzy_consonants
            1.3379,  # fuzzy_light_ratio_cubed
        ),
        -7.7211,
    ),
    "Arab": (
        (
            -2.4960,  # exact
            1.9341,  # key
            0.0000,  # respelling
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
        ),
        -4.3060,
    ),
}
#: (raw score, confidence) breakpoints, raw ascending.
CALIBRATION: dict[str, list[tuple[float, float]]] = {
    "Latn": [
        (0.0025, 0.8741),
        (0.0314, 0.8834),
        (0.0542, 0.8945),
        (0.0863, 0.9048),
        (0.1222, 0.9135),
        (0.1576, 0.9222),
        (0.206, 0.9314),
        (0.2421, 0.9383),
        (0.2979, 0.9418),
        (0.3479, 0.9479),
        (0.4143, 0.9563),
        (0.478, 0.9606),
        (0.5232, 0.9656),
        (0.5791, 0.97),
        (0.6229, 0.9728),
        (0.6782, 0.9779),
        (0.7266, 0.9787),
        (0.7596, 0.9799),
        (0.8061, 0.9814),
        (0.8305, 0.9842),
        (0.8633, 0.9851),
        (0.8805, 0.9852),
        (0.8945, 0.9852),
        (0.9066, 0.987),
        (0.9181, 0.9885),
        (0.9293, 0.9891),
        (0.9397, 0.9906),
        (0.9473, 0.9909),
        (0.9552, 0.9918),
        (0.9614, 0.9918),
        (0.9662, 0.9927),
        (0.9704, 0.9927),
        (0.974, 0.9948),
        (0.9783, 0.9948),
        (0.9816, 0.9949),
        (0.9849, 0.9949),
        (0.9882, 0.9966),
        (0.9914, 1.0),
        (0.9945, 1.0),
        (0.9985, 1.0),
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
