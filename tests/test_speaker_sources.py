"""Speakers carried from a report or a quotation, on real parses in French and English."""
from __future__ import annotations

import pytest
from test_speakers import _speaker  # the same reading of a figure's speaker

from tally.extract.actors.speaker.naming import untied_unparsed

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text, named",
    [
        ("« Selon un sondage, le soutien baisse.", False),
        ("D'après des experts américains, la ville tient.", False),
        ("According to a new survey, support is falling.", False),
        ("According to analysts, the line holds.", False),
        ("Selon le ministère, la ville tient.", True),
        ("According to the report, the line holds.", True),
    ],
)
def test_speaker_sources_untied_cue_unparsed(text, named):
    assert (untied_unparsed(text) is None) == named


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # A quotation opened by "selon un sondage" is no one's, not the last speaker's.
        ("Le Kremlin a affirmé que 3 navires étaient partis. Le climat change : « Selon un sondage, le "
         "soutien baisse. La part des partisans a chuté de 14 points en un mois ».", "14", "fr", None),
        ("NATO said 3 ships had left. The mood is shifting: “According to a poll, support is falling. The "
         "share of backers fell by 14 points in a month.”", "14", "en", None),
        # A quotation left open ends with its paragraph unless the next one opens on a quotation mark.
        ("Le Kremlin a affirmé : « Nous avons livré 3 navires.\nLa ville compte 12 boulangeries.", "12", "fr",
         None),
        ("NATO said: “We delivered 3 ships.\nThe town has 12 bakeries.", "12", "en", None),
        ("Le Kremlin a affirmé : « Nous avons livré 3 navires.\n« Nous en livrerons 12 autres.", "12", "fr",
         "Kremlin"),
    ],
)
def test_speaker_sources_quotation_opener(make_mention, extractor, text, quote, lang, speaker):
    assert _speaker(make_mention, extractor, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # "the research", "le rapport": the author of the study named before.
        ("A study by UNICEF describes the closure of 3 schools. The town lost 40 teachers, the research "
         "notes.", "40", "en", "UNICEF"),
        ("Un rapport publié par l'Unicef décrit la fermeture de 3 écoles. Selon le rapport, la ville a "
         "perdu 40 enseignants.", "40", "fr", "UNICEF"),
    ],
)
def test_speaker_sources_definite_report_is_the_one_named(make_mention, extractor, text, quote, lang, speaker):
    assert _speaker(make_mention, extractor, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # A report's findings go on over the paragraph while no one else is credited.
        ("The NATO analysis indicates that 3 convoys crossed each week. However, March saw 14 convoys. A "
         "surge of 9 more followed in April.", "9", "en", "NATO"),
        ("Une étude publiée par l'Unicef montre que 3 écoles sur 10 sont fermées. En mars, 14 écoles ont "
         "rouvert. En avril, 9 autres ont suivi.", "9", "fr", "UNICEF"),
        # Not past a sentence that credits someone else, nor into the next paragraph.
        ("The NATO analysis indicates that 3 convoys crossed each week. Reuters said 14 convoys crossed in "
         "March. A surge of 9 more followed in April.", "9", "en", None),
        ("Une étude publiée par l'Unicef montre que 3 écoles sur 10 sont fermées. En mars, 14 écoles ont "
         "rouvert.\nEn avril, 9 autres ont suivi.", "9", "fr", None),
        # A named report opens the paragraph, whatever its verb, with no figure of its own (unparsed).
        ("The Open Source Centre (OSC) follows the trade.\nThe OSC analysis used satellite imagery to follow "
         "the ships. They counted 64 journeys.", "64", "en", "Open Source Centre"),
        ("L'Office de veille maritime (OVM) suit ce trafic.\nL'analyse OVM a utilisé des images satellite. "
         "Les navires ont effectué 64 trajets.", "64", "fr", "Office de veille maritime"),
    ],
)
def test_speaker_sources_findings_go_on_over_the_paragraph(make_mention, extractor, text, quote, lang, speaker):
    assert _speaker(make_mention, extractor, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # "It is estimated that" names no one: not the body or person "it"/"il" would stand for.
        ("Reuters opened 3 offices. It is estimated that 15,800 containers crossed.", "15,800", "en", None),
        ("Vladimir Poutine a visité 3 usines. Il est estimé que 15 800 conteneurs ont été livrés.", "15 800",
         "fr", None),
        # Inside a report's paragraph it is the report's estimate.
        ("The NATO analysis indicates that 3 convoys crossed each week. It is estimated that they carried "
         "15,800 containers.", "15,800", "en", "NATO"),
    ],
)
def test_speaker_sources_impersonal_passive_names_no_one(make_mention, extractor, text, quote, lang, speaker):
    assert _speaker(make_mention, extractor, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # A sentence whose subject is another known name tells what that one did: the outlet's.
        ("A report by UNICEF found 40 schools were destroyed. The report also says 12 hospitals were hit. "
         "Meanwhile, the European Union pledged 50 billion euros.", "50 billion", "en", None),
        ("Un rapport de l'Unicef recense 40 écoles détruites. Le rapport note aussi que 12 hôpitaux ont été "
         "touchés. L'Union européenne a promis 50 milliards d'euros.", "50 milliards", "fr", None),
        ("A report by UNICEF found 40 schools were destroyed. The report also says 12 hospitals were hit.",
         "12", "en", "UNICEF"),
    ],
)
def test_speaker_sources_findings_stop_at_another_named_subject(make_mention, extractor, text, quote, lang,
                                                                speaker):
    assert _speaker(make_mention, extractor, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # A quotation right after a speech sentence goes on with its speaker ...
        ("Vladimir Putin said 400 drones were ready. “We built 380 of them in a year.”", "380", "en",
         "Vladimir Putin"),
        ("Vladimir Poutine a déclaré que 400 drones étaient prêts. « Nous en avons construit 380 en un an. »",
         "380", "fr", "Vladimir Putin"),
        # ... unless it names its own speaker once it closes.
        ("Vladimir Putin said 400 drones were ready. “We built 380 of them. It was hard,” Volodymyr Zelensky "
         "said.", "380", "en", "Volodymyr Zelenskyy"),
        # Not a sentence with no quotation mark: the outlet speaks again.
        ("Vladimir Putin said 400 drones were ready. Prices rose by 5% in March.", "5%", "en", None),
    ],
)
def test_speaker_sources_quotation_after_a_speech_sentence(make_mention, extractor, text, quote, lang, speaker):
    assert _speaker(make_mention, extractor, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # A quotation opened with no one named yet is still open: the name after it closes speaks.
        ("« Le chemin est plus court. La production a été multipliée par 100 en un an. « Plus de 200 "
         "entreprises fabriquent des drones », a affirmé Vladimir Poutine.", "100", "fr", "Vladimir Putin"),
        ("“The path is shorter now. Output grew 100 times in a year. We will do more,” Vladimir Putin said.",
         "100", "en", "Vladimir Putin"),
    ],
)
def test_speaker_sources_open_quotation_names_its_speaker_later(make_mention, extractor, text, quote, lang,
                                                               speaker):
    assert _speaker(make_mention, extractor, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # Officials named by no place speak for the country the document names most, also
        # when it is named only in sentences with no figure (which are not parsed).
        ("L'Ukraine a subi une nuit d'attaques. D'après un bilan des autorités locales, 12 personnes sont mortes.",
         "12", "fr", "Ukraine"),
        ("Ukraine suffered a night of strikes. Local officials said 12 people died.", "12", "en", "Ukraine"),
    ],
)
def test_speaker_sources_officials_of_the_main_country(make_mention, extractor, text, quote, lang, speaker):
    assert _speaker(make_mention, extractor, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # A relative clause on what a speech verb tells about is the outlet's description.
        ("Ukraine suffered a night of strikes. Officials revealed few details of the talks, which aim to end "
         "four years of war.", "four years", "en", None),
        ("Ukraine suffered a night of strikes. Officials revealed that the talks had lasted 4 hours.", "4 hours",
         "en", "Ukraine"),
        ("L'Ukraine a subi une nuit d'attaques. Les autorités ont révélé les détails des pourparlers qui "
         "visent à mettre fin à quatre ans de guerre.", "quatre ans", "fr", None),
        # A relative clause on the object itself tells what was announced.
        ("Ukraine suffered a night of strikes. Officials announced a package, which includes 40 missiles.", "40",
         "en", "Ukraine"),
    ],
)
def test_speaker_sources_relative_clause_on_the_object(make_mention, extractor, text, quote, lang, speaker):
    assert _speaker(make_mention, extractor, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # "elle"/"il" with no person named before stands for the body named last.
        ("L'étude a été publiée mardi par l'Unicef. Elle montre que l'aide a chuté de 40 % en 2025.", "40",
         "fr", "UNICEF"),
        # A person named before comes first.
        ("Vladimir Poutine a reçu le rapport de l'Unicef. Il affirme que l'aide a chuté de 40 % en 2025.", "40",
         "fr", "Vladimir Putin"),
    ],
)
def test_speaker_sources_french_pronoun_of_a_body(make_mention, extractor, text, quote, lang, speaker):
    assert _speaker(make_mention, extractor, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # A sentence that goes on counting the set just counted keeps its speaker.
        ("Selon l'Unicef, 10 000 civils ont été blessés. Parmi eux, 500 enfants.", "500", "fr", "UNICEF"),
        ("NATO said 40 drones were shot down overnight. Of these, 30 were decoys.", "30", "en", "NATO"),
        ("According to NATO, 40 drones were shot down overnight. Another 5 were jammed.", "5", "en", "NATO"),
        ("L'OTAN a affirmé avoir abattu 40 drones. 5 autres ont été brouillés.", "5", "fr", "NATO"),
        # Not a sentence that opens on something else.
        ("According to NATO, 40 drones were shot down overnight. Another problem is that 30% of shelters "
         "are closed.", "30%", "en", None),
    ],
)
def test_speaker_sources_subset_goes_on(make_mention, extractor, text, quote, lang, speaker):
    assert _speaker(make_mention, extractor, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # The size of a place a figure hangs on is the outlet's description.
        ("Vitali Klitschko said 600,000 people had left the city of 3 million.", "3 million", "en", None),
        ("Vitali Klitschko a affirmé que 600 000 personnes avaient quitté cette ville de 3 millions d'habitants.",
         "3 millions", "fr", None),
        ("Vitali Klitschko said 600,000 people had left the city of 3 million.", "600,000", "en",
         "Vitali Klitschko"),
    ],
)
def test_speaker_sources_size_of_a_place_is_the_outlets(make_mention, extractor, text, quote, lang, speaker):
    assert _speaker(make_mention, extractor, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # A sentence opening on a concession after a report's findings is the outlet's argument.
        ("The NATO analysis indicates that 3 convoys crossed each week. Although the border closed in May, "
         "12 more convoys have crossed since.", "12", "en", None),
        ("Une étude publiée par l'Unicef montre que 3 écoles sur 10 sont fermées. Bien que la guerre continue, "
         "12 écoles ont rouvert depuis.", "12", "fr", None),
        ("The NATO analysis indicates that 3 convoys crossed each week. However, March saw 12 convoys.", "12",
         "en", "NATO"),
    ],
)
def test_speaker_sources_concession_is_the_outlets(make_mention, extractor, text, quote, lang, speaker):
    assert _speaker(make_mention, extractor, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # "A study found …" whose next sentence names the study's author: that author.
        ("A new survey of farms has concluded that 40% of them lack storage.\nThe extensive study by UNICEF "
         "describes the harvest.", "40%", "en", "UNICEF"),
        ("Une étude a conclu que 40 % des fermes manquent de stockage. L'étude, menée par l'Unicef, décrit la "
         "récolte.", "40 %", "fr", "UNICEF"),
        # Without it, no one is named.
        ("A new survey of farms has concluded that 40% of them lack storage. Farmers disagree.", "40%", "en",
         None),
    ],
)
def test_speaker_sources_study_author_named_next(make_mention, extractor, text, quote, lang, speaker):
    assert _speaker(make_mention, extractor, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # A quoted paragraph introduced on a colon stays its introducer's while the quotation is open.
        ("Le ministère russe de la Défense a précisé ceci :\n« Les tirs continuent. Les routes sont coupées. "
         "Les ponts sont détruits. Les convois attendent. Nous avons livré 40 obus. »", "40", "fr",
         "Ministry of Defence of Russia"),
        ("The Russian Defence Ministry added:\n“The firing goes on. The roads are cut. The bridges are down. "
         "The convoys wait. We delivered 40 shells.”", "40", "en", "Ministry of Defence of Russia"),
        # Not an unquoted paragraph that long.
        ("Le ministère russe de la Défense a précisé ceci :\nLes tirs continuent. Les routes sont coupées. "
         "Les ponts sont détruits. Les convois attendent. La ville a reçu 40 obus.", "40", "fr", None),
    ],
)
def test_speaker_sources_long_quoted_paragraph(make_mention, extractor, text, quote, lang, speaker):
    assert _speaker(make_mention, extractor, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # A connective carries a report's findings into the next paragraph.
        ("According to the latest NATO report, aid from Europe rose by 67 percent.\nIn contrast, aid from Canada fell "
         "by 40 percent.", "40", "en", "NATO"),
        ("Selon une étude de l'Unicef, 30 % des écoles sont fermées.\nEn revanche, 12 % des hôpitaux ont "
         "rouvert.", "12", "fr", "UNICEF"),
        # Without one, the new paragraph is the outlet's.
        ("According to the latest NATO report, aid from Europe rose by 67 percent.\nAid from Canada fell by 40 "
         "percent.", "40", "en", None),
    ],
)
def test_speaker_sources_connective_goes_on(make_mention, extractor, text, quote, lang, speaker):
    assert _speaker(make_mention, extractor, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # A definite role with no name of its own is the person named last ...
        ("Emmanuel Macron a visité 3 usines. Le président français a annoncé l'envoi de 40 canons.", "40", "fr",
         "Emmanuel Macron"),
        ("Emmanuel Macron visited 3 factories. The French president announced that 40 guns would be sent.", "40",
         "en", "Emmanuel Macron"),
        # ... unless the role names another country.
        ("Emmanuel Macron visited 3 factories. The Russian president said that 40 guns were destroyed.", "40",
         "en", "Russia"),
    ],
)
def test_speaker_sources_role_refers_back(make_mention, extractor, text, quote, lang, speaker):
    assert _speaker(make_mention, extractor, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # A body noun with a country word on it is the body named before, not the country.
        ("NATO noted that Russia gained 500 square kilometres in March. The US think tank added that 30 attacks "
         "took place.", "30", "en", "NATO"),
        ("L'OTAN note que la Russie a gagné 500 km2 en mars. L'organisation américaine ajoute que 30 attaques "
         "ont eu lieu.", "30", "fr", "NATO"),
        # "note" is a speech verb in French too.
        ("L'OTAN note que la Russie a gagné 500 km2 en mars.", "500", "fr", "NATO"),
        # A newspaper named with its article after its noun.
        ("D'après le quotidien Le Figaro, 300 chars ont été livrés.", "300", "fr", "Le Figaro"),
    ],
)
def test_speaker_sources_body_noun_and_its_name(make_mention, extractor, text, quote, lang, speaker):
    assert _speaker(make_mention, extractor, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # "Pour X," opening a French sentence credits a person or body ...
        ("Pour le Kremlin, 40 drones ont été abattus.", "40", "fr", "Kremlin"),
        ("Pour l'OTAN, la Russie a gagné 500 km2 en mars.", "500", "fr", "NATO"),
        # ... not a year nor a country.
        ("Pour 2025, le budget prévoit 3 milliards d'euros.", "3 milliards", "fr", None),
        ("Pour la Russie, la guerre a coûté 300 milliards.", "300 milliards", "fr", None),
    ],
)
def test_speaker_sources_pour_credits_a_body(make_mention, extractor, text, quote, lang, speaker):
    assert _speaker(make_mention, extractor, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # "a-t-elle annoncé" after a body subject, with no person in the sentence: that body.
        ("L'OTAN a livré 40 chars à l'Ukraine, a-t-elle indiqué.", "40", "fr", "NATO"),
        # A person subject comes first.
        ("Vladimir Poutine a rencontré l'OTAN et a livré 40 chars, a-t-il indiqué.", "40", "fr", "Vladimir Putin"),
    ],
)
def test_speaker_sources_inverted_pronoun_of_a_body(make_mention, extractor, text, quote, lang, speaker):
    assert _speaker(make_mention, extractor, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # A quoted term that opens a sentence is no quotation of the speaker before.
        ("Vladimir Putin said 400 drones were ready. “Special operations” have cost 300 billion.", "300 billion",
         "en", None),
        ("Vladimir Poutine a déclaré que 400 drones étaient prêts. « L'opération spéciale » a coûté 300 "
         "milliards.", "300 milliards", "fr", None),
    ],
)
def test_speaker_sources_quoted_term_is_no_quotation(make_mention, extractor, text, quote, lang, speaker):
    assert _speaker(make_mention, extractor, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # A hyphenated name the tokenizer split is read from the text.
        ("L'armée russe a perdu 1200 soldats en une journée, selon l'état-major ukrainien.", "1200", "fr",
         "General Staff of the Armed Forces of Ukraine"),
        ("Selon l'état-major de l'armée ukrainienne, 1200 soldats russes ont été tués.", "1200", "fr",
         "General Staff of the Armed Forces of Ukraine"),
    ],
)
def test_speaker_sources_hyphenated_name(make_mention, extractor, text, quote, lang, speaker):
    assert _speaker(make_mention, extractor, text, quote, lang) == speaker
