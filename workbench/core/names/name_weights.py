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
