"""Clustering spellings of names without a glossary."""

from workbench.core.names.cluster import cluster_names, same_name


def groups(names):
    return [[names[i] for i in g] for g in cluster_names(names)]


def test_spellings_group_but_other_given_names_do_not():
    names = [
        "Khamis al-Obeidi",
        "Khalid al-Obaidi",
        "Khamis al-Obaidi",
        "Khamis Obeidy",
        "Al Qaem",
        "al-Qa'im",
        "Qasim",
    ]
    assert groups(names) == [
        ["Khamis al-Obeidi", "Khamis al-Obaidi", "Khamis Obeidy"],
        ["Khalid al-Obaidi"],
        ["Al Qaem", "al-Qa'im"],
        ["Qasim"],
    ]


def test_every_line_is_in_exactly_one_group():
    names = ["Anah", "Anbar", "Ana", "Ramadi", "Rawi", "Rawa", "Mosul", "Mahal", "", "Mawsil"]
    flat = sorted(i for g in cluster_names(names) for i in g)
    assert flat == list(range(len(names)))


def test_one_letter_slip_in_a_long_word_is_tolerated_but_not_in_a_short_one():
    assert same_name("Jughaifi", "Jghaifi")
    assert same_name("Karhout", "Karhoot")
    assert not same_name("Rawi", "Rami")


def test_arabic_script_names_cluster_across_arabic_and_sorani():
    names = ["الموصل", "موسڵ", "الرمادي", "ڕەمادی", "الراوي"]
    assert groups(names) == [["الموصل", "موسڵ"], ["الرمادي", "ڕەمادی"], ["الراوي"]]
