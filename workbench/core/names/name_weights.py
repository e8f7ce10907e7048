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
#   29: rule_imala
#   30: alternative_key
#   31: word_count_diff
#   32: rival_key
#   33: rival_respelling
#   34: strong_rivals
#   35: key_edits
#   36: one_edit_fuzzy
#   37: light_jaro_winkler
#   38: consonant_diff
#   39: abjad_ending_agrees
#   40: abjad_ending_differs
#   41: first_letter_same
#   42: first_two_same
#   43: fuzzy_margin
#   44: fuzzy_consonants
#   45: fuzzy_light_ratio_cubed
WEIGHTS: dict[str, tuple[tuple[float, ...], float]] = {
    "Latn": (
        (
            -1.1030,  # exact
            1.5746,  # key
            0.5641,  # respelling
            0.1077,  # abjad
            -1.1434,  # fuzzy
            0.5972,  # key_ratio
            1.6878,  # light_ratio
            3.7274,  # skeleton_ratio
            1.6317,  # consonants
            0.3216,  # first_same
            -0.0895,  # final_same
            0.9321,  # margin
            -1.9925,  # tied
            -0.2444,  # rivals
            -0.1844,  # fuzzy_key_ratio
            0.6364,  # fuzzy_light_ratio
            0.9825,  # key_ratio_sq
            2.1248,  # light_ratio_sq
            -0.0554,  # length_ratio
            1.2145,  # vowel_slot_only
            1.5118,  # rule_s_cedilla
            0.3139,  # rule_nisba
            0.0000,  # rule_j_as_y
            -1.3426,  # rule_j_as_g
            0.3689,  # rule_kh_as_h
            -0.0261,  # rule_t_as_d
            -1.2181,  # rule_z_as_d
            0.2207,  # rule_german_j
            0.5035,  # rule_t_marbuta
            0.2321,  # rule_imala
            0.4040,  # alternative_key
            -0.4548,  # word_count_diff
            -2.0338,  # rival_key
            -0.8501,  # rival_respelling
            -0.5620,  # strong_rivals
            -0.3819,  # key_edits
            0.9608,  # one_edit_fuzzy
            0.6213,  # light_jaro_winkler
            0.9063,  # consonant_diff
            1.0349,  # abjad_ending_agrees
            -0.9272,  # abjad_ending_differs
            0.4775,  # first_letter_same
            -0.4620,  # first_two_same
            -0.0526,  # fuzzy_margin
            -0.0759,  # fuzzy_consonants
            1.3383,  # fuzzy_light_ratio_cubed
        ),
        -7.7134,
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
        ),
        -4.3060,
    ),
}
#: (raw score, confidence) breakpoints, raw ascending.
CALIBRATION: dict[str, list[tuple[float, float]]] = {
    "Latn": [
        (0.0025, 0.8742),
        (0.0303, 0.8833),
        (0.0534, 0.8938),
        (0.0784, 0.9032),
        (0.12, 0.9133),
        (0.1621, 0.9231),
        (0.2053, 0.9317),
        (0.2438, 0.9383),
        (0.3005, 0.943),
        (0.3598, 0.9489),
        (0.4265, 0.9576),
        (0.4837, 0.9612),
        (0.5363, 0.9658),
        (0.5919, 0.9703),
        (0.6332, 0.9756),
        (0.6894, 0.9778),
        (0.7374, 0.9786),
        (0.7687, 0.9805),
        (0.8147, 0.984),
        (0.8433, 0.9851),
        (0.8698, 0.9851),
        (0.8839, 0.9851),
        (0.8997, 0.9859),
        (0.9125, 0.9878),
        (0.9227, 0.9892),
        (0.9347, 0.9899),
        (0.9417, 0.9906),
        (0.9502, 0.9908),
        (0.9567, 0.992),
        (0.9628, 0.9922),
        (0.9671, 0.993),
        (0.9707, 0.9932),
        (0.9747, 0.9948),
        (0.9784, 0.9948),
        (0.982, 0.9948),
        (0.9854, 0.9949),
        (0.9885, 0.9983),
        (0.9917, 1.0),
        (0.9948, 1.0),
        (0.9986, 1.0),
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
