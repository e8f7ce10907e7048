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
WEIGHTS: dict[str, tuple[tuple[float, ...], float]] = {
    "Latn": (
        (
            -0.2891,  # exact
            0.3445,  # key
            0.1507,  # respelling
            0.2776,  # abjad
            -1.7823,  # fuzzy
            0.1977,  # key_ratio
            1.2444,  # light_ratio
            1.3902,  # skeleton_ratio
            0.3104,  # consonants
            0.5644,  # first_same
            0.0468,  # final_same
            1.1000,  # margin
            -2.3594,  # tied
            0.0405,  # rivals
            -0.2062,  # fuzzy_key_ratio
            0.8005,  # fuzzy_light_ratio
            1.1051,  # key_ratio_sq
            2.0889,  # light_ratio_sq
            -0.6591,  # length_ratio
            1.6619,  # vowel_slot_only
        ),
        -3.1000,
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
        ),
        -4.3060,
    ),
}
#: (raw score, confidence) breakpoints, raw ascending.
CALIBRATION: dict[str, list[tuple[float, float]]] = {
    "Latn": [
        (0.008, 0.8688),
        (0.0693, 0.8765),
        (0.1084, 0.8861),
        (0.1504, 0.8971),
        (0.1863, 0.907),
        (0.226, 0.9158),
        (0.2497, 0.9237),
        (0.2946, 0.9305),
        (0.3211, 0.9396),
        (0.3567, 0.9457),
        (0.3881, 0.952),
        (0.4265, 0.959),
        (0.4626, 0.9629),
        (0.4968, 0.9663),
        (0.5275, 0.97),
        (0.5769, 0.9714),
        (0.6247, 0.9739),
        (0.6728, 0.9749),
        (0.7185, 0.9749),
        (0.771, 0.9749),
        (0.812, 0.9749),
        (0.8415, 0.9756),
        (0.862, 0.9768),
        (0.8815, 0.9776),
        (0.8975, 0.9805),
        (0.9108, 0.9831),
        (0.9215, 0.9862),
        (0.9306, 0.9872),
        (0.9374, 0.9882),
        (0.9451, 0.9885),
        (0.9519, 0.9885),
        (0.9566, 0.9887),
        (0.9619, 0.9887),
        (0.9663, 0.9887),
        (0.971, 0.9887),
        (0.9748, 0.9887),
        (0.9785, 0.9887),
        (0.9819, 1.0),
        (0.9855, 1.0),
        (0.9902, 1.0),
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
THRESHOLD = 0.97
