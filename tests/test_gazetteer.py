"""Gazetteer: canonical English names for people, bodies, countries, demonyms and capitals."""
from __future__ import annotations

import pytest

from tally.extract import gazetteer
from tally.extract.gazetteer import aliases, canonical, demonym, fold, lookup


@pytest.mark.parametrize(
    "name, lang, expected",
    [
        # People: aliases, transliterations, titles, near-miss spellings.
        ("Poutine", "fr", "Vladimir Putin"),
        ("Путин", "ru", "Vladimir Putin"),
        ("Zelenskiy", "en", "Volodymyr Zelenskyy"),
        ("Zelenski", "fr", "Volodymyr Zelenskyy"),
        ("President Zelensky", "en", "Volodymyr Zelenskyy"),
        ("le président Volodymyr Zelensky", "fr", "Volodymyr Zelenskyy"),
        ("Chmyhal", "fr", "Denys Shmyhal"),
        ("Dens Shmigal", "fr", "Denys Shmyhal"),
        ("Syrskii", "en", "Oleksandr Syrskyi"),
        ("Oumerov", "fr", "Rustem Umerov"),
        ("Zelenskky", "en", "Volodymyr Zelenskyy"),  # a typo within fuzzy reach
        # Bodies: ministries built from domain and country, military, agencies, think tanks.
        ("le ministère russe de la Défense", "fr", "Ministry of Defence of Russia"),
        ("Russia's defence ministry", "en", "Ministry of Defence of Russia"),
        ("the Ukrainian Ministry of Health", "en", "Ministry of Health of Ukraine"),
        ("le ministère palestinien de la Santé", "fr", "Ministry of Health of Palestine"),
        ("l'armée de l'air ukrainienne", "fr", "Ukrainian Air Force"),
        ("the head of Ukraine's air force", "en", "Ukrainian Air Force"),
        ("OTAN", "fr", "NATO"),
        ("l'Union européenne", "fr", "European Union"),
        ("Kiel Institute", "en", "Kiel Institute for the World Economy"),
        ("the U.N. refugee agency", "en", "United Nations High Commissioner for Refugees"),
        ("Rostec", "en", "Rostec"),
        # Countries, in several languages, with demonyms and capitals.
        ("la Russie", "fr", "Russia"),
        ("Allemagne", "fr", "Germany"),
        ("Deutschland", "de", "Germany"),
        ("République tchèque", "fr", "Czech Republic"),
        ("Etats-Unis", "fr", "United States"),
        ("Corée du Nord", "fr", "North Korea"),
        ("ukrainiennes", "fr", "Ukraine"),
        ("North Korean", "en", "North Korea"),
        ("Moscou", "fr", "Russia"),
        ("Varsovie", "fr", "Poland"),
        ("Kyiv", "en", "Ukraine"),
        ("Ukraine’s", "en", "Ukraine"),
        # Unnamed groups tied to one government or body.
        ("Ukrainian officials", "en", "Ukraine"),
        ("les autorités russes", "fr", "Russia"),
        ("Kremlin officials", "en", "Kremlin"),
    ],
)
def test_gazetteer_canonical_names(name, lang, expected):
    assert canonical(name, lang) == expected


@pytest.mark.parametrize(
    "name, lang",
    [
        ("us", "en"),  # the pronoun, not the country (short capitals only match as written)
        ("Zelenko", "en"),  # too far from Zelensky
        ("Sergii Pylypenko", "en"),  # a person the gazetteer does not know
        ("des économistes", "fr"),  # a group tied to no government
        ("des sources russes", "fr"),  # sources are tied to no body
        ("drones", "en"),
        ("the ministry", "en"),  # no country to build a ministry name from
        ("", "en"),
    ],
)
def test_gazetteer_unknown_names_give_none(name, lang):
    assert canonical(name, lang) is None


@pytest.mark.parametrize(
    "word, expected",
    [("russes", "Russia"), ("Ukrainian", "Ukraine"), ("britannique", "United Kingdom"),
     ("turque", "Turkey"), ("Danes", "Denmark"), ("drones", None)],
)
def test_gazetteer_demonyms_name_their_country(word, expected):
    assert demonym(word) == expected


def test_gazetteer_state_organs_carry_their_country():
    entity = lookup("les forces armées russes", "fr")
    assert (entity.name, entity.kind, entity.country) == ("Russian Armed Forces", "state", "Russia")
    person = lookup("Poutine", "fr")
    assert (person.kind, person.country) == ("person", "Russia")


def test_gazetteer_fold_removes_case_accents_and_punctuation():
    assert fold("l'Armée  de l’air") == "l armee de l air"


def test_gazetteer_aliases_group_every_spelling_under_its_canonical_name():
    known = aliases()
    kind, spellings = known["Vladimir Putin"]
    assert kind == "person"
    assert {"poutine", "putin"} <= set(spellings)
    assert known["Ukraine"][0] == "country" and "ukrainiens" in known["Ukraine"][1]
    assert known["Rostec"] == ("body", tuple(sorted(known["Rostec"][1])))


def test_gazetteer_tables_are_cached_on_disk_and_read_back_alike(tmp_path, monkeypatch):
    built = dict(gazetteer._index())
    monkeypatch.setenv("TALLY_CACHE_DIR", str(tmp_path))
    gazetteer._tables.cache_clear()
    try:
        first = gazetteer._tables()  # nothing cached yet: built, then written
        assert list(tmp_path.glob("gazetteer-*.json"))
        gazetteer._tables.cache_clear()
        second = gazetteer._tables()  # read from the file
        assert second[0] == first[0] == built
        assert second[1] == first[1]
    finally:
        gazetteer._tables.cache_clear()


def test_gazetteer_unreadable_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("TALLY_CACHE_DIR", str(tmp_path))
    (tmp_path / f"gazetteer-{gazetteer._cache_key()}.json").write_text("{not json", encoding="utf-8")
    gazetteer._tables.cache_clear()
    try:
        assert gazetteer._tables()[0]["poutine"].name == "Vladimir Putin"
    finally:
        gazetteer._tables.cache_clear()


@pytest.mark.parametrize("word", ["Norwegian", "norvégiens", "Norvège"])
def test_gazetteer_norway_survives_yaml(word):
    # A bare NO key in YAML reads as false; the data quotes it.
    assert lookup(word, "fr").name == "Norway"


@pytest.mark.parametrize(
    "name, lang, expected",
    [
        # Regions of Russia and Ukraine, by their short name or as "X region", "région de X".
        ("Koursk", "fr", "Kursk Oblast"),
        ("the Belgorod region", "en", "Belgorod Oblast"),
        ("la région de Kharkiv", "fr", "Kharkiv Oblast"),
        ("Kharkov", "en", "Kharkiv Oblast"),
        ("Lougansk", "fr", "Luhansk Oblast"),
        ("Oudmourtie", "fr", "Udmurtia"),
        ("Kuban", "en", "Krasnodar Krai"),
        # Their officials speak for the region, not for the country.
        ("Voronezh officials", "en", "Voronezh Oblast"),
        ("les autorités de la région de Zaporijia", "fr", "Zaporizhzhia Oblast"),
        # Agencies, courts, organs of states and media, in both languages.
        ("Programme alimentaire mondial", "fr", "World Food Programme"),
        ("l'OCDE", "fr", "OECD"),
        ("the Pentagon", "en", "The Pentagon"),
        ("la Maison Blanche", "fr", "White House"),
        ("la Cour pénale internationale", "fr", "International Criminal Court"),
        ("l'Ofpra", "fr", "French Office for the Protection of Refugees and Stateless Persons"),
        ("the Bank of England", "en", "Bank of England"),
        ("la Douma", "fr", "State Duma"),
        ("Al-Jazeera", "en", "Al Jazeera"),
        ("the CIA", "en", "Central Intelligence Agency"),
        ("le Shin Bet", "fr", "Shin Bet"),
        ("l'Oncle Sam", "fr", "United States"),
    ],
)
def test_gazetteer_regions_agencies_and_media(name, lang, expected):
    assert canonical(name, lang) == expected


@pytest.mark.parametrize("name, lang", [("Kursk", "en"), ("Lviv", "fr")])
def test_gazetteer_regions_speak_for_no_country(name, lang):
    # Their officials mostly report what was done to them: the region's country is not
    # who acted, so the region carries none.
    entity = lookup(name, lang)
    assert entity.name in gazetteer.regions()
    assert entity.country is None


@pytest.mark.parametrize(
    "name, lang, expected",
    [
        ("Bank of Russia", "en", "Central Bank of Russia"),
        ("le ministère russe de la Défense", "fr", "Ministry of Defence of Russia"),
        ("Institut de Kiel", "fr", "Kiel Institute for the World Economy"),
        ("Military aid from Germany", "en", None),  # a phrase with a name in it
        ("Officials in Kyiv", "en", None),
        ("des responsables à Moscou", "fr", None),
        ("Zelensky and Putin", "en", None),
    ],
)
def test_gazetteer_known_takes_whole_names_only(name, lang, expected):
    found = gazetteer.known(name, lang)
    assert (found.name if found else None) == expected


@pytest.mark.parametrize("name", ["rt", "amnesty", "an amnesty"])
def test_gazetteer_common_words_are_no_media(name):
    assert canonical(name, "en") is None


@pytest.mark.parametrize("name, lang", [
    ("une campagne anti-Poutine", "fr"), ("the pro-Trump camp", "en"), ("anti-Zelensky", "en")])
def test_gazetteer_stances_name_no_person(name, lang):
    found = lookup(name, lang)
    assert found is None or found.kind != "person"
