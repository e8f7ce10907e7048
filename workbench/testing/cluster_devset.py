"""A development set for clustering person names: spellings of one person, and different people.

Three sources, every mention labelled with its gold person:

* **glossary**: each ``person`` entry of ``glossaries/names.tsv`` with its listed Latin
  variants (and its Arabic and Sorani forms, kept apart as script ``arab`` so that the
  Latin figure is not mixed with the glossary-linked one).
* **ntrex**: people named in the English side of NTREX-128: capitalised sequences of two to
  four words whose first word is a known given name (``gender-guesser``'s list), whose last
  word is written in Arabic letters on the Arabic side of one of its lines (a rough
  consonant-class match, so that translated phrases such as "Supreme Court" drop out), less
  a hand-checked list of places and teams. Each is one person across documents (hyphens and
  spaces are one), with its observed forms: with its title ("President Donald Trump") and
  the surname alone after a title ("Judge Kavanaugh"). The Arabic names among them (Walid
  al-Moualem, Bashar al-Assad) get respellings as below.
* **composed**: Iraqi-style people made from the glossary's and NTREX's family names and
  common given names, in families that share a family name, so that the hard negatives are
  there: a brother with another given name, a cousin with the same given name and another
  father ("Omar bin Khalid al-Obaidi" / "Omar bin Hassan al-Obaidi"), father and son
  swapped ("Khalid bin Omar"), the kunya ("Abu Omar al-Obaidi" is Omar's father, not Omar),
  ``Abd al-Karim`` beside ``Karim``, and look-alike given names that are different names
  (Hassan / Hussein, Omar / Ammar, Saad / Said, Jamal / Jamil, Kamal / Kamil, Hamid / Hamad,
  Rashid / Rashad; Hamed, a common spelling of Hamid, is also how Hamad is said).

Respellings follow the conventions names reach English through, one or two per variant:
attested romanisations of given names (Mohammed / Muhammad / Mohamed, Hussein / Husain /
Husayn, Walid / Waleed / Oualid), the article (al- / Al / el- / none / assimilated ar-Rawi /
fused Alobaidi), vowels (Obaidi / Obeidi / Ubaydi, Karbouli / Karbuli, Karhout / Kerhout),
final -i / -y, doubled consonants (Assad / Asad), Iraqi th as s (Harith / Haris), French
(ch for sh, dj for j, ou for w) and German (ch for kh) spellings, bin / ibn / ben or
dropped, Abu / Abou, Abdul Karim / Abd al-Karim / Abdelkarim, titles (Sheikh / Shaikh /
Cheikh, Gen. / General, Dr / Dr.) and the list order "al-Obaidi, Omar".

A string that two people share is dropped from both (nothing can tell them apart). Units
(a glossary entry, an NTREX person's first document, a composed family) go whole to the
``dev`` part or to the held-apart ``held`` part (seeded, about 30 %), so that the people who
must be kept apart meet in one part. ``python -m workbench.testing.cluster_devset --out F``
writes the set as TSV (part, person, source, script, text).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

REPO = Path(__file__).resolve().parents[2]
GLOSSARY = REPO / "glossaries" / "names.tsv"
#: The shared data folder, where the tests and benchmarks look for it (``WORKBENCH_SHARED``).
SHARED = Path(os.environ.get("WORKBENCH_SHARED", REPO.parent / "shared"))
NTREX = SHARED / "data" / "ntrex128" / "ntrex128.eng-arb-ckb-kmr.tsv"
SEED = 14
HELD_SHARE = 0.3


@dataclass(frozen=True)
class Mention:
    """One spelling of one person in the dev set."""

    part: str  # "dev" or "held"
    person: str  # gold person id
    source: str  # "glossary", "ntrex" or "composed"
    script: str  # "latin" or "arab"
    text: str


@dataclass
class Person:
    """A person with every form the set lists for them."""

    id: str
    unit: str
    source: str
    forms: list[str]
    arab: list[str]


# --- attested romanisations ----------------------------------------------------------

#: Given names with romanisations met in English-language news and documents.
GIVEN: dict[str, list[str]] = {
    "Omar": ["Omar", "Umar", "Omer"],
    "Ibrahim": ["Ibrahim", "Ebrahim", "Brahim"],
    "Ahmad": ["Ahmad", "Ahmed"],
    "Mustafa": ["Mustafa", "Mustapha", "Mostafa", "Moustafa"],
    "Khalid": ["Khalid", "Khaled", "Chalid"],
    "Walid": ["Walid", "Waleed", "Oualid"],
    "Bashar": ["Bashar", "Bachar", "Baschar"],
    "Mohammed": ["Mohammed", "Muhammad", "Mohamed", "Mohammad", "Muhammed"],
    "Hussein": ["Hussein", "Husain", "Hussain", "Husayn", "Houssein"],
    "Hassan": ["Hassan", "Hasan"],
    "Ali": ["Ali", "Aly"],
    "Mahmoud": ["Mahmoud", "Mahmud", "Mahmood"],
    "Yusuf": ["Yusuf", "Yousef", "Youssef", "Yousif"],
    "Qasim": ["Qasim", "Qassem", "Kassem", "Qassim"],
    "Jafar": ["Jafar", "Jaafar", "Ja'far"],
    "Haider": ["Haider", "Haidar", "Hayder"],
    "Saad": ["Saad", "Sa'ad"],
    "Said": ["Said", "Saeed", "Sa'id"],
    "Ammar": ["Ammar", "'Ammar"],
    "Tariq": ["Tariq", "Tareq", "Tarek", "Tarik"],
    "Rashid": ["Rashid", "Rasheed", "Rachid"],
    "Nouri": ["Nouri", "Nuri", "Noori"],
    "Faisal": ["Faisal", "Faysal", "Feisal"],
    "Harith": ["Harith", "Haris", "Hareth"],
    "Sabah": ["Sabah"],
    "Jamal": ["Jamal", "Djamal", "Gamal"],
    "Salim": ["Salim", "Saleem", "Selim"],
    "Adnan": ["Adnan"],
    "Majid": ["Majid", "Majeed", "Madjid"],
    "Raad": ["Raad", "Ra'ad"],
    "Jamil": ["Jamil", "Jameel"],
    "Kamal": ["Kamal", "Kemal"],
    "Kamil": ["Kamil", "Kameel"],
    "Hamid": ["Hamid", "Hameed", "Hamed"],
    "Hamad": ["Hamad"],
    "Rashad": ["Rashad", "Rachad"],
}
#: Given names that look alike in Latin letters but are different names.
LOOKALIKE = {
    "Hassan": "Hussein",
    "Omar": "Ammar",
    "Saad": "Said",
    "Jamal": "Jamil",
    "Kamal": "Kamil",
    "Hamid": "Hamad",
    "Rashid": "Rashad",
}
#: Second parts of ``Abd al-`` names.
ABD = ["Karim", "Rahman", "Aziz", "Jabbar", "Salam", "Wahab"]
#: Family names from the glossary's people and tribes, NTREX and the glossary's places.
FAMILY = [
    "Obaidi", "Jughaifi", "Baghdadi", "Rawi", "Salmani", "Karhout", "Karbouli", "Moualem",
    "Assad", "Anbari", "Mawsili", "Hadithi", "Ani", "Fahdawi", "Dulaimi", "Jubouri",
    "Shammari", "Tikriti", "Qaisi", "Hashimi",
]  # fmt: skip
#: Family names written without the article in the house style (Karhout, Habib).
NO_ARTICLE = {"Karhout"}
TITLES: dict[str, list[str]] = {
    "Sheikh": ["Sheikh", "Shaikh", "Cheikh", "Shaykh"],
    "Gen.": ["Gen.", "General", "Gen"],
    "Dr.": ["Dr.", "Dr", "Doctor"],
    "Col.": ["Col.", "Colonel"],
    "Maj. Gen.": ["Maj. Gen.", "Major General", "Maj Gen"],
    "Capt.": ["Capt.", "Captain"],
    "Haji": ["Haji", "Hajji"],
}
_ABU = ["Abu", "Abou", "Abū"]
_BIN = ["bin", "ibn", "ben", ""]

#: Family-name respellings: (pattern, replacement, a real pair it stands for).
_FAMILY_RULES: list[tuple[str, str, str]] = [
    (r"ai", "ei", "Obaidi / Obeidi"),
    (r"ai", "ay", "Ubaidi / Ubaydi"),
    (r"ei", "ai", "Obeidi / Obaidi"),
    (r"^O", "U", "Obaidi / Ubaidi"),
    (r"^U", "O", "Ubaydi / Obaydi"),
    (r"ou", "u", "Karbouli / Karbuli"),
    (r"ou", "oo", "Karhout / Karhoot"),
    (r"(?<=[^aeiou])u(?=[^aeiou])", "ou", "Jubouri / Joubouri"),
    (r"i$", "y", "Obaidi / Obaidy"),
    (r"(?<=^[^aeiou])a", "e", "Karhout / Kerhout"),
    (r"([bcdfghjklmnpqrstvwxz])\1", r"\1", "Assad / Asad"),
    (r"(?<=[aeiou])l(?=[aeiou])", "ll", "Moualem / Mouallem"),
    (r"gh", "g", "Baghdadi / Bagdadi"),
    (r"^Q", "K", "Qaisi / Kaisi"),
    (r"sh", "ch", "Hashimi / Hachimi (French)"),
    (r"^J", "Dj", "Jubouri / Djubouri (French)"),
    (r"ou", "u", "Moualem / Mualem"),
]


def respell_family(name: str, rng: random.Random) -> str:
    """One or two convention respellings of a family name (its stem, article apart)."""
    out = name
    rules = [r for r in _FAMILY_RULES if re.search(r[0], out)]
    rng.shuffle(rules)
    for pat, rep, _ in rules[: rng.choice((1, 1, 2))]:
        out = re.sub(pat, rep, out, count=1)
        out = out[:1].upper() + out[1:]
    return out


def _article(stem: str, rng: random.Random) -> str:
    """The family name with one of the article forms news and documents use."""
    low = stem.lower()
    forms = [f"al-{stem}", f"Al-{stem}", f"al {stem}", f"Al {stem}", f"el-{stem}", stem]
    if low[0] in "tdsznr":
        forms.append(f"a{low[0]}-{stem}")  # assimilated: ar-Rawi, as-Salmani, at-Tikriti
    forms.append(f"Al{low}")  # fused, as in e-mail addresses and passports: Alobaidi
    return rng.choice(forms)


@dataclass(frozen=True)
class _Shape:
    """A composed person: title, kunya, given name, father's name, family name."""

    given: str  # key of GIVEN, or "Abd:<second part>"
    family: str
    father: str = ""
    abu: bool = False
    title: str = ""

    def canonical(self) -> str:
        parts = [self.title] if self.title else []
        parts += ["Abu"] if self.abu else []
        parts.append(_given_base(self.given))
        if self.father:
            parts += ["bin", self.father]
        parts.append(self.family if self.family in NO_ARTICLE else f"al-{self.family}")
        return " ".join(parts)

    def respell(self, rng: random.Random) -> str:
        given = _given_form(self.given, rng)
        family = self.family if rng.random() < 0.5 else respell_family(self.family, rng)
        fam = family if self.family in NO_ARTICLE else _article(family, rng)
        parts: list[str] = []
        if self.title and rng.random() < 0.6:
            parts.append(rng.choice(TITLES[self.title]))
        if self.abu:
            parts.append(rng.choice(_ABU))
        parts.append(given)
        if self.father:
            b = rng.choice(_BIN)
            parts += ([b] if b else []) + [_given_form(self.father, rng)]
        if rng.random() < 0.08 and not self.title:  # list order: "al-Obaidi, Omar"
            return f"{fam}, {' '.join(parts)}"
        return " ".join([*parts, fam])


def _given_base(given: str) -> str:
    if given.startswith("Abd:"):
        return f"Abd al-{given[4:]}"
    return given


def _given_form(given: str, rng: random.Random) -> str:
    if given.startswith("Abd:"):
        x = given[4:]
        return rng.choice([f"Abdul {x}", f"Abd al-{x}", f"Abdel {x}", f"Abdul{x.lower()}",
                           f"Abdel{x.lower()}", f"Abd-al-{x}"])  # fmt: skip
    return rng.choice(GIVEN[given])


def composed_people(rng: random.Random, taken: set[str]) -> list[Person]:
    """Families of people who share a family name, with the hard negatives among them."""
    people: list[Person] = []
    names = sorted(GIVEN)
    for family in FAMILY:
        shapes: list[_Shape] = []
        g1, g2, g3, g4 = rng.sample(names, 4)
        if rng.random() < 0.5:
            g1 = rng.choice(sorted(LOOKALIKE))
            shapes.append(_Shape(LOOKALIKE[g1], family))  # Hussein beside Hassan
        title = rng.choice([*sorted(TITLES), "", ""])
        shapes += [
            _Shape(g1, family, title=title),  # Omar al-Obaidi
            _Shape(g2, family),  # his brother Khalid al-Obaidi
            _Shape(g1, family, father=g3),  # a cousin Omar bin Hassan al-Obaidi
            _Shape(g3, family, father=g1),  # father and son swapped
            _Shape(g1, family, abu=True),  # Abu Omar al-Obaidi: Omar's father
            _Shape(f"Abd:{rng.choice(ABD)}", family),  # Abd al-Karim al-Obaidi
        ]
        if rng.random() < 0.5:
            shapes.append(_Shape(g4, family, father=g2))
        seen: set[str] = set()
        for s in shapes:
            pid = s.canonical()
            if pid.lower() in taken or pid in seen:
                continue
            seen.add(pid)
            forms = [pid] + [s.respell(rng) for _ in range(rng.randint(2, 4))]
            people.append(Person(pid, f"family:{family}", "composed", forms, []))
    return people


# --- the glossary -----------------------------------------------------------------------


def glossary_people(path: Path = GLOSSARY) -> list[Person]:
    """Every ``person`` entry with its listed Latin variants (and its Arabic-script forms)."""
    from workbench.formats.glossary_tsv import load_glossary

    out = []
    for e in load_glossary(path):
        if e.type != "person":
            continue
        arab = [f for f in (e.ar, *e.ar_variants, e.ckb, *e.ckb_variants) if f]
        out.append(Person(e.id, f"glossary:{e.id}", "glossary", [e.en, *e.en_variants], arab))
    return out


# --- NTREX ------------------------------------------------------------------------------

#: Words before a name that are not part of it (titles, descriptions, sentence starts).
_LEAD = frozenset(
    "mr mrs ms dr president judge sen senator prof professor captain capt lt col gen general "
    "sir lord father rev reverend minister prime foreign rapper designers detective inspector "
    "det insp coach manager chancellor shadow lifeguard president-elect the on in but while as "
    "and both when after at of from this within again eventually unbeaten promoted spaniard "
    "american out-of-form vice deputy attorney secretary business interior internal house "
    "minority leader justice analyst massachusetts vermont russian german lawyer energy "
    "governor columbia getting should mother-of-three mexican macedonian democratic republican "
    "arizona british state my go during".split()
)
#: Of those, the titles a mention may keep ("President Donald Trump", "Judge Kavanaugh").
_TITLE_WORDS = frozenset(
    "mr mrs ms dr president judge sen senator prof professor captain lord sir".split()
)
#: Hand-checked candidates that are not people named by their own name (places, streets,
#: shows and books, fictional characters, a volcano, names cut short by NTREX's encoding).
_NOT_PEOPLE = frozenset(
    s.lower()
    for s in (
        "Christmas Day",
        "Sky Blues",
        "Big Boy",
        "Monkey Business",
        "Fox News",
        "Fox News Sunday",
        "Fox News Channel",
        "Still Game",
        "Johnny English",
        "Peppa Pig",
        "Hannibal Lecter",
        "Super Mario",
        "Brother Love",
        "Jason Volta",
        "Ophelia Bulletova",
        "Jon Snow",
        "Puff Daddy",
        "Snoop Lion",
        "Grayson Mews",
        "Evelyn Street",
        "Bestwood Street",
        "Childers Street",
        "Chasing Hillary",
        "Janelle Mon",
        "Eduardo Rodr",
        "Rory Mac",
        "Pawn Stars",
        "Don Goyo",
        "Denver Nuggets",
        "Des Moines",
        "Des Moines Register",
        "El Salvador",
        "Elizabeth Warren Will Take",
        "Hamilton Academical",
        "Le Golf National",
        "London Gazette",
        "Long Lartin",
        "Milton Keynes",
        "Rachel Maddow Show",
        "Ryder Cup",
        "San Diego",
        "Sky News",
        "Allan Mc",
        "Ant Mc",
        "Dennis Mc",
        "Kendall Mc",
        "Rory Mc",
        "Stafford Mc",
    )
)
_SENTENCE_START = frozenset("the on in but while as and both when after at of from this".split())
#: NTREX people with Arabic names, respelled like the composed ones.
_NTREX_ARABIC = {"walid al-moualem": ("Walid", "Moualem"), "bashar al-assad": ("Bashar", "Assad")}

_W = r"(?:[A-Z][a-z]+(?:[-'][A-Za-z][a-z]+)*|al-[A-Z][a-z]+|Mc[A-Z][a-z]+|O'[A-Z][a-z]+)"
_SEQ = re.compile(rf"{_W}(?:\s+{_W})+")
_LAT = [
    ("sch", "J"), ("sh", "J"), ("ch", "JK"), ("th", "TS"), ("ph", "F"), ("kh", "K"),
    ("gh", "K"), ("ck", "K"), ("dj", "J"), ("b", "B"), ("p", "B"), ("t", "T"), ("d", "T"),
    ("s", "S"), ("z", "S"), ("x", "K"), ("c", "KS"), ("j", "J"), ("g", "KJ"), ("k", "K"),
    ("q", "K"), ("h", "H"), ("f", "F"), ("v", "F"), ("l", "L"), ("m", "M"), ("n", "N"),
    ("r", "R"),
]  # fmt: skip
_AR = {
    **dict.fromkeys("بپ", "B"), **dict.fromkeys("تطدضذ", "T"), "ث": "ST",
    **dict.fromkeys("سصزظ", "S"), **dict.fromkeys("شچژ", "J"), "ج": "JK",
    **dict.fromkeys("كقغگخک", "K"), **dict.fromkeys("هحھ", "H"), **dict.fromkeys("فڤ", "F"),
    "ل": "L", "م": "M", "ن": "N", "ر": "R",
}  # fmt: skip


def _latin_classes(word: str) -> list[str]:
    w, out, i = word.lower(), [], 0
    while i < len(w):
        for dg, c in _LAT:
            if w.startswith(dg, i):
                if not out or out[-1] != c:
                    out.append(c)
                i += len(dg)
                break
        else:
            i += 1
    return out


def _arabic_classes(word: str) -> list[str]:
    out: list[str] = []
    for ch in re.sub("^[وبلف]?ال", "", word):
        c = _AR.get(ch)
        if c and (not out or out[-1] != c):
            out.append(c)
    return out


def written_in_arabic(word: str, arabic_line: str) -> bool:
    """Is a Latin word transliterated (not translated) somewhere in an Arabic line?

    Its first two consonant classes must open some Arabic word (a prefix letter allowed).
    """
    lat = _latin_classes(word.removeprefix("al-"))[:2]
    if not lat:
        return True
    for aw in re.findall(r"[\u0621-\u06ff]+", arabic_line):
        for cand in (aw, aw[1:]):
            ar = _arabic_classes(cand)[:2]
            if len(ar) >= len(lat) and all(set(a) & set(b) for a, b in zip(lat, ar, strict=False)):
                return True
    return False


def ntrex_people(path: Path = NTREX) -> list[Person]:
    """People named in NTREX-128's English side, with their observed forms."""
    import gender_guesser.detector as gender

    given = gender.Detector(case_sensitive=False)
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    forms: dict[str, list[str]] = defaultdict(list)
    first_doc: dict[str, str] = {}
    docs: dict[str, set[str]] = defaultdict(set)
    ok: set[str] = set()
    surnames: dict[str, set[str]] = defaultdict(set)  # doc -> titled surname mentions
    for row in rows:
        doc, eng, arb = row[1], row[2], row[3]
        for m in _SEQ.finditer(eng):
            toks = [re.sub(r"'s$", "", t) for t in m.group(0).split()]
            lead: list[str] = []
            while toks and toks[0].lower() in _LEAD:
                lead.append(toks.pop(0))
            if len(lead) == 1 and toks and lead[0].lower() in _TITLE_WORDS:
                surnames[doc].add(f"{lead[0]} {toks[-1]}" if len(toks) == 1 else "")
            if len(toks) < 2 or given.get_gender(toks[0]) == "unknown":
                continue
            name = " ".join(toks)
            pid = name.lower().replace("-", " ")
            if pid in _NOT_PEOPLE:
                continue
            first_doc.setdefault(pid, doc)
            if all(written_in_arabic(t, arb) for t in toks):
                ok.add(pid)
            titled = ""
            if lead and lead[-1].lower() in _TITLE_WORDS:
                before = lead[-2].lower() if len(lead) > 1 else ""
                if not before or before in _SENTENCE_START:  # not "Vice President Mike Pence"
                    titled = f"{lead[-1]} {name}"
            docs[pid].add(doc)
            for f in (name, titled):
                if f and f not in forms[pid]:
                    forms[pid].append(f)
    people = []
    by_last: dict[str, list[str]] = defaultdict(list)
    for pid in sorted(ok):
        by_last[pid.split()[-1]].append(pid)
    for pid in sorted(ok):
        fs = list(forms[pid])
        last = pid.split()[-1]
        titled = sorted(set().union(*(surnames[d] for d in docs[pid])))
        for t in titled:  # "Judge Kavanaugh" in the person's own documents
            if t and t.split()[-1].lower() == last and t not in fs and len(by_last[last]) == 1:
                fs.append(t)
        people.append(Person(pid, f"ntrex:{first_doc[pid]}", "ntrex", fs, []))
    return people


def _respell_ntrex_arabic(p: Person, rng: random.Random) -> None:
    g, fam = _NTREX_ARABIC[p.id]
    for _ in range(3):
        family = respell_family(fam, rng) if rng.random() < 0.6 else fam
        p.forms.append(f"{rng.choice(GIVEN[g])} {_article(family, rng)}")
    p.forms += [f"al-{fam}", fam]  # the text names him by his family name alone


# --- the whole set ----------------------------------------------------------------------


def build(seed: int = SEED, glossary: Path = GLOSSARY, ntrex: Path = NTREX) -> list[Mention]:
    """The dev set's mentions, in a fixed order for a given seed."""
    rng = random.Random(seed)
    people = glossary_people(glossary)
    if not ntrex.is_file():
        raise FileNotFoundError(f"NTREX-128 not found at {ntrex} (../shared/data, see SOURCES.md)")
    for p in ntrex_people(ntrex):
        if p.id in _NTREX_ARABIC:
            _respell_ntrex_arabic(p, rng)
        people.append(p)
    taken = {f.lower() for p in people for f in p.forms}
    people += composed_people(rng, taken)
    owners: dict[str, set[str]] = defaultdict(set)
    for p in people:
        for f in p.forms:
            owners[f].add(p.id)
    units = sorted({p.unit for p in people})
    held = {u for u in units if random.Random(f"{seed}:{u}").random() < HELD_SHARE}
    out: list[Mention] = []
    for p in people:
        part = "held" if p.unit in held else "dev"
        for f in dict.fromkeys(p.forms):
            if len(owners[f]) == 1:
                out.append(Mention(part, p.id, p.source, "latin", f))
        for f in dict.fromkeys(p.arab):
            out.append(Mention(part, p.id, p.source, "arab", f))
    return out


def write_tsv(mentions: list[Mention], path: str | Path | TextIO) -> None:
    """Write the set as TSV: part, person, source, script, text (``path``: a file or stream)."""
    if not isinstance(path, str | Path):
        _write_rows(mentions, path)
        return
    with open(path, "w", encoding="utf-8", newline="") as fh:
        _write_rows(mentions, fh)


def _write_rows(mentions: list[Mention], fh: TextIO) -> None:
    fh.write("part\tperson\tsource\tscript\ttext\n")
    for m in mentions:
        fh.write(f"{m.part}\t{m.person}\t{m.source}\t{m.script}\t{m.text}\n")


def read_tsv(path: str | Path) -> list[Mention]:
    """Read a set written by :func:`write_tsv`."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()[1:]
    return [Mention(*ln.split("\t")) for ln in lines if ln]


def main(argv: list[str] | None = None) -> int:
    """Command line: build the set and write it, with a summary on stderr."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="-", help="TSV file (default: stdout)")
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    ms = build(args.seed)
    write_tsv(ms, sys.stdout if args.out == "-" else args.out)
    for part in ("dev", "held"):
        sel = [m for m in ms if m.part == part]
        for src in ("glossary", "ntrex", "composed"):
            s = [m for m in sel if m.source == src]
            print(f"{part} {src}: {len(s)} mentions, {len({m.person for m in s})} people",
                  file=sys.stderr)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
