"""Person names in ``glossary cluster``: spellings of one person group, different people do not.

Every spelling here is one met in English-language news or in the glossary; each test fails
without the rule it names (checked against the clustering before these rules).
"""

from __future__ import annotations

import json

from workbench.core.names.cluster import cluster_names, cluster_people, same_name
from workbench.testing.cluster_devset import build


def groups(names: list[str], fn=cluster_names) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[names[i] for i in g] for g in fn(names)]


# --- read as names: titles, list order, articles, bin/ibn, Abu, Abd al- ----------------------


def test_titles_and_ranks_are_dropped():
    assert same_name("Sheikh Ahmad al-Salmani", "Ahmed al-Salmani")
    assert same_name("Maj. Gen. Ahmad al-Salmani", "Ahmad Salmani")
    assert same_name("Judge Brett Kavanaugh", "Brett Kavanaugh")
    assert not same_name("Sheikh Ahmad al-Salmani", "Sheikh Khalid al-Salmani")


def test_a_list_order_name_is_turned_round():
    assert same_name("al-Obaidi, Omar", "Omar al-Obeidi")
    assert same_name("Al-Jughaifi, Ibrahim", "Ibrahim Jughayfi")


def test_an_article_fused_to_the_family_name_is_dropped():
    assert same_name("Omar Alobaidi", "Omar al-Obeidi")
    assert same_name("Ibrahim Aljughaifi", "Ibrahim al-Jughaifi")
    assert not same_name("Ayad Allawi", "Ayad Awi")  # Allawi is not al-Lawi


def test_bin_and_ibn_are_dropped_but_the_order_is_kept():
    assert same_name("Omar bin Khalid al-Obaidi", "Omar ibn Khaled al-Obeidi")
    assert same_name("Omar bin Khalid al-Obaidi", "Omar Khalid al-Obaidi")
    assert not same_name("Omar bin Khalid al-Obaidi", "Khalid bin Omar al-Obaidi")  # father/son
    assert not same_name("Omar bin Khalid al-Obaidi", "Omar al-Obaidi")  # a cousin, maybe


def test_the_kunya_is_one_word_that_only_matches_a_kunya():
    # the glossary's own variants: Abu Bakir / Abubakr
    assert same_name("Abu Bakir al-Baghdadi", "Abubakr al-Baghdadi")
    assert same_name("Abou Harith al-Rawi", "Abu Hareth al-Rawi")
    assert not same_name("Abu Omar al-Obaidi", "Omar al-Obaidi")  # Omar's father


def test_abd_al_names_in_every_spelling_and_never_the_bare_second_part():
    spellings = ["Abd al-Karim al-Obaidi", "Abdulkarim al-Obaidi", "Abdel Karim al-Obeidi",
                 "Abdul Karim Obaidi", "Abdelkarim al-Ubaydi"]  # fmt: skip
    for s in spellings[1:]:
        assert same_name(spellings[0], s), s
    assert not same_name("Abdul Karim al-Obaidi", "Karim al-Obaidi")
    assert same_name("Abdullah al-Rawi", "Abdallah al-Rawi")


def test_french_ou_for_w():
    assert same_name("Oualid al-Moualem", "Walid al-Moualem")


# --- different people stay apart ---------------------------------------------------------


def test_look_alike_given_names_are_different_people():
    assert not same_name("Hassan al-Obaidi", "Hussein al-Obaidi")
    assert not same_name("Hasan al-Baghdadi", "Husain al-Baghdadi")
    assert not same_name("Omar al-Obaidi", "Ammar Obaidi")
    assert not same_name("Saad al-Dulaimi", "Said al-Dulaimi")
    assert not same_name("Sa'ad al-Assad", "Saeed al-Assad")


def test_given_names_that_differ_in_a_later_vowel_are_different_people():
    assert not same_name("Jamal al-Moualem", "Jamil al-Moualem")
    assert not same_name("Kamal al-Hashimi", "Kamil al-Hashimi")
    assert not same_name("Hamid al-Fahdawi", "Hamad al-Fahdawi")
    assert not same_name("Rashid al-Rawi", "Rashad al-Rawi")
    assert same_name("Yusuf al-Tikriti", "Yousef al-Tikriti")


def test_a_spelling_that_fits_two_names_joins_one_never_both():
    names = ["Hamid al-Fahdawi", "Hamed al-Fahdawi", "Hamad al-Fahdawi"]
    assert groups(names, cluster_people) == [names[:2], names[2:]]
    assert len(cluster_names(names)) == 1  # plain spelling groups chain through Hamed


def test_vowel_spellings_of_one_name_still_agree():
    assert same_name("Omar al-Obaidi", "Umar al-Ubaydi")
    assert same_name("Hussein al-Obaidi", "Husayn al-Obeidi")
    assert same_name("Khaled al-Jughaifi", "Khalid al-Jgheifi")
    assert same_name("Sabah Karhout", "Sabah Kerhout")
    assert same_name("Mustafa Habib", "Mostafa Habib")


def test_a_family_of_obaidis_clusters_person_by_person():
    names = [
        "Omar al-Obaidi", "Omar al-Obeidi", "Ammar Obaidi", "Gen. Ammar al-Obaidi",
        "Abu Omar al-Obaidi", "Abou Omar Alobaidi", "Omar bin Rashid al-Obaidi",
        "Omar ibn Rasheed al-Obeidi", "Rashid bin Omar al-Obaidi", "al-Ubaydi, Umar",
    ]  # fmt: skip
    assert sorted(map(sorted, groups(names))) == sorted(
        map(
            sorted,
            [
                ["Omar al-Obaidi", "Omar al-Obeidi", "al-Ubaydi, Umar"],
                ["Ammar Obaidi", "Gen. Ammar al-Obaidi"],
                ["Abu Omar al-Obaidi", "Abou Omar Alobaidi"],
                ["Omar bin Rashid al-Obaidi", "Omar ibn Rasheed al-Obeidi"],
                ["Rashid bin Omar al-Obaidi"],
            ],
        )
    )


# --- lone family names; the glossary's links ------------------------------------------------


def test_a_lone_family_name_joins_its_one_person():
    names = ["Brett Kavanaugh", "Judge Kavanaugh", "Mr Kavanaugh", "Christine Blasey Ford"]
    assert groups(names, cluster_people) == [
        ["Brett Kavanaugh", "Judge Kavanaugh", "Mr Kavanaugh"],
        ["Christine Blasey Ford"],
    ]
    names = ["Abu Bakr al-Baghdadi", "al-Baghdadi", "Baghdadi"]
    assert groups(names, cluster_people) == [names]


def test_a_lone_family_name_that_two_people_share_stays_alone():
    names = ["Abu Bakr al-Baghdadi", "al-Baghdadi", "Jamal al-Baghdadi"]
    assert groups(names, cluster_people) == [
        ["Abu Bakr al-Baghdadi"],
        ["al-Baghdadi"],
        ["Jamal al-Baghdadi"],
    ]


def test_cli_joins_arabic_script_spellings_the_glossary_links(run, tmp_path):
    lines = ["Omar al-Obeidi", "عمر العبيدي", "Umar al-Ubaydi", "عومەر عوبەیدی", "البغدادي",
             "Abu Bakr al-Baghdadi", "بغداد"]  # fmt: skip
    f = tmp_path / "names.txt"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run("glossary", "cluster", str(f), "--json")
    assert r.code == 0, r.err
    got = json.loads(r.out)
    assert ["Omar al-Obeidi", "عمر العبيدي", "Umar al-Ubaydi", "عومەر عوبەیدی"] in got
    assert ["البغدادي", "Abu Bakr al-Baghdadi"] in got
    assert ["بغداد"] in got  # the city, not the man named after it
    r = run("glossary", "cluster", str(f), "--json", "--no-glossary")
    got = json.loads(r.out)
    assert ["Omar al-Obeidi", "Umar al-Ubaydi"] in got and ["عمر العبيدي", "عومەر عوبەیدی"] in got
    assert ["البغدادي"] in got and ["بغداد"] in got


# --- the dev set --------------------------------------------------------------------------


def test_dev_set_is_deterministic_and_keeps_a_held_apart_part():
    a, b = build(14), build(14)
    assert a == b
    parts = {m.part for m in a}
    assert parts == {"dev", "held"}
    people = {m.person: m.part for m in a}
    assert all(people[m.person] == m.part for m in a)  # a person is in one part only
    texts = [m.text for m in a]
    owners: dict[str, set[str]] = {}
    for m in a:
        owners.setdefault(m.text, set()).add(m.person)
    assert all(len(v) == 1 for v in owners.values()), "a string shared by two people"
    assert len(texts) > 600


# --- the person rules leave place names alone ----------------------------------------------


def test_sheikh_in_a_place_name_is_kept_and_place_vowels_are_not_judged():
    assert not same_name("Sheikh Miskin", "Miskin")  # a town, not a man called Miskin
    assert not same_name("Sheikh el Hadid", "Hadidah")
    assert same_name("Sheikh Ahmad al-Salmani", "Ahmad al-Salmani")
    assert same_name("Kafr Nabl", "Kufr Nabl")  # Kafr is no given name
    assert same_name("Qadsiya", "Qudsiya")
