"""German quote attribution from ``scraper/data/quotes_de.toml``: hand-written sentences, one
construction per test, and paragraphs copied from German news pages. Expected speakers are
what a careful reader of the sentence names. Constructions the rules cannot express with the
shared keys are marked xfail with what the code would need."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from scraper.extract.quote_rules import attributes, rules_for
from scraper.extract.quote_tokens import capital_runs
from scraper.extract.quotes import find_quotes
from scraper.models import Quote

#: A full sentence (four words or more) to quote, so no test is about partial quotes.
SAID = "Die Lage ist ernst, aber wir handeln jetzt"


def _data(language: str) -> dict[str, object]:
    path = resources.files("scraper").joinpath("data", f"quotes_{language}.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))


def speakers(paragraphs: list[str]) -> list[str | None]:
    return [q.speaker for q in find_quotes(paragraphs, "de") if not q.partial]


def one(paragraphs: list[str], language: str = "de") -> Quote:
    quotes = [q for q in find_quotes(paragraphs, language) if not q.partial]
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_german_has_the_same_keys_as_english() -> None:
    # Another language is another file with the same keys: a key missing here would silently
    # give German an empty list where the code expects words.
    de, en = _data("de"), _data("en")
    assert set(de) == set(en)
    assert {k for k, v in de.items() if isinstance(v, dict)} == {
        k for k, v in en.items() if isinstance(v, dict)
    }


def test_no_german_word_list_is_empty() -> None:
    # An empty list compiles to a regex that matches everywhere (cues) or to no rule at all.
    empty = [k for k, v in _data("de").items() if not v]
    assert empty == []


def test_german_pages_get_german_rules() -> None:
    assert attributes("de")
    assert rules_for("de") is rules_for("de-AT") is rules_for("de_CH")
    assert rules_for("de") is not rules_for("en")
    assert rules_for("de").cue.search("„…“, sagte Merz.") is not None


@pytest.mark.parametrize(
    ("paragraph", "speaker", "cue"),
    [
        (f"„{SAID}“, sagte Merz.", "Merz", "sagte"),
        (f"„{SAID}“, sagt Anna Berg.", "Anna Berg", "sagt"),
        (f"Merz sagte: „{SAID}.“", "Merz", "sagte"),
        (f"Anna Berg erklärte am Montag: „{SAID}.“", "Anna Berg", "erklärte"),
        (f"„{SAID}“, so Merz.", "Merz", "so"),
        (f"„{SAID}“, betonte Merz.", "Merz", "betonte"),
        (f"„{SAID}“, fügte Anna Berg hinzu.", "Anna Berg", "fügte"),
        (f"„{SAID}“, schreibt Merz auf X.", "Merz", "schreibt"),
        (f"„{SAID}?“, fragte Merz.", "Merz", "fragte"),
        (f"„{SAID}“, erklärte die Ministerin.", "die Ministerin", "erklärte"),
        (f"„{SAID}“, so der Kanzler.", "der Kanzler", "so"),
        (f"Merz hat gesagt: „{SAID}.“", "Merz", "hat gesagt"),
    ],
)
def test_cue_constructions(paragraph: str, speaker: str, cue: str) -> None:
    q = one([paragraph])
    assert (q.speaker, q.cue) == (speaker, cue)


def test_subordinate_wie_clause_names_the_speaker() -> None:
    # "Wie Merz sagte, ..." is "as Merz said"; the quote is a fragment of that sentence.
    quotes = find_quotes(["Wie Merz sagte, sei „die Lage ernst, aber wir handeln jetzt“."], "de")
    assert [(q.speaker, q.cue) for q in quotes] == [("Merz", "sagte")]


@pytest.mark.xfail(
    reason="'Laut Merz ist „…“': the source after 'laut' runs to the finite verb, with no "
    "comma as after English 'according to X,'; the code cuts the source at clause "
    "punctuation only (listing verbs as phrase breaks also cut reported-speech clauses "
    "into speakers: 'Die Technik sei ..., betont sie' gave 'Die Technik')",
    strict=True,
)
def test_laut_names_the_source_before_the_verb() -> None:
    # "laut X" is "according to X"; the quote is a fragment of the reporter's sentence.
    quotes = find_quotes(["Laut Merz ist „die Lage ernst, aber wir handeln jetzt“."], "de")
    assert [(q.speaker, q.cue.lower() if q.cue else None) for q in quotes] == [("Merz", "laut")]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        (
            f"„{SAID}“, sagte Bundeskanzlerin Angela Merkel am Montag in Berlin.",
            "Angela Merkel",
        ),
        (f"Bundeskanzler Friedrich Merz sagte: „{SAID}.“", "Friedrich Merz"),
        (f"„{SAID}“, sagte Innenministerin Nancy Faeser.", "Nancy Faeser"),
        (f"„{SAID}“, sagte Richard von Weizsäcker.", "Richard von Weizsäcker"),
        (f"„{SAID}“, sagte Merz im Interview mit dem ZDF.", "Merz"),
        (f"„{SAID}“, sagte Merz dem „Spiegel“.", "Merz"),
        (f"„{SAID}“, sagte Merz unserer Redaktion.", "Merz"),
        (f"„{SAID}“, sagte Merz zu Journalisten in Berlin.", "Merz"),
        (f"„{SAID}“, ruft Anna Brandt den Demonstranten zu.", "Anna Brandt"),
        (f"„{SAID}“, lästerte der Diplomat Jan Ohr.", "Jan Ohr"),
        (f"„{SAID}“, lacht Kerstin Ohr, Co-Chefin der Galerie.", "Kerstin Ohr"),
        (f"„{SAID}“, meint Merz trocken.", "Merz"),
        (f"„{SAID}“, freut sich Anna Brandt nach dem Rennen.", "Anna Brandt"),
        (f"„{SAID}“, sagt Anna Berg, Sprecherin der Initiative.", "Anna Berg"),
        (f"„{SAID}“, sagte Anna Berg der Deutschen Presse-Agentur.", "Anna Berg"),
        (f"„{SAID}“, sagte Frau Berg.", "Berg"),
        (f"„{SAID}“, sagte Prof. Dr. Anna Berg.", "Anna Berg"),
        (f"„{SAID}“, sagte ein Sprecher des Ministeriums.", "ein Sprecher des Ministeriums"),
        (f"„{SAID}“, sagte eine Sprecherin der Polizei.", "eine Sprecherin der Polizei"),
        (f"„{SAID}“, sagte die 45-Jährige.", "die 45-Jährige"),
    ],
)
def test_speaker_is_the_name_as_written_without_role(paragraph: str, speaker: str) -> None:
    assert one([paragraph]).speaker == speaker


@pytest.mark.parametrize(
    "paragraph",
    [
        f"»{SAID}«, sagte Merz.",  # German guillemets
        f"«{SAID}», sagte Merz.",  # Swiss guillemets
        f"„{SAID}“, sagte Merz.",  # low-high marks
        f'"{SAID}", sagte Merz.',  # straight marks
        f"‚{SAID}‘, sagte Merz.",  # single low-high marks
    ],
)
def test_german_and_swiss_quotation_marks(paragraph: str) -> None:
    q = one([paragraph])
    assert (q.text, q.speaker) == (SAID, "Merz")


def test_pronoun_takes_the_person_introduced_before() -> None:
    paragraphs = [
        "Bundeskanzler Friedrich Merz besuchte am Montag das Werk in Wolfsburg.",
        f"„{SAID}“, sagte er.",
    ]
    assert speakers(paragraphs) == ["Friedrich Merz"]


def test_role_reference_takes_the_person_just_named() -> None:
    # definite_articles: "der Wissenschaftler" is a role anaphor like "the scientist"
    paragraphs = [
        "Jonas Albrecht von der Universität Jena hat die Daten geprüft.",
        f"Albrecht sieht vor allem einen Auslöser. „{SAID}“, erklärt der Wissenschaftler.",
    ]
    assert speakers(paragraphs) == ["Jonas Albrecht"]


def test_role_reference_is_no_capitalised_noun() -> None:
    # capitalised_nouns = "all": the nearest capitalised word ("Untersuchung") is no person
    paragraphs = [
        "Die Untersuchung der Brandursache dauert an, die Straße bleibt gesperrt.",
        f"„{SAID}“, so der Feuerwehrsprecher weiter.",
    ]
    assert speakers(paragraphs) == ["der Feuerwehrsprecher"]


def test_pronoun_takes_the_nearest_earlier_named_speaker() -> None:
    paragraphs = [
        f"Die Ökonomin Anna Berg sagte: „{SAID}.“",
        "„Es gibt keine Zeit mehr zu verlieren“, sagte sie.",
    ]
    assert speakers(paragraphs) == ["Anna Berg", "Anna Berg"]


def test_later_surname_takes_the_fullest_name_in_the_article() -> None:
    paragraphs = [
        f"„{SAID}“, sagte die Ökonomin Anna Berg.",
        "„Es gibt keine Zeit mehr zu verlieren“, so Berg.",
    ]
    assert speakers(paragraphs) == ["Anna Berg", "Anna Berg"]


def test_quote_continued_in_the_next_paragraph_keeps_its_speaker() -> None:
    paragraphs = [
        f"„{SAID}“, sagte Anna Berg. „Es gibt keine Zeit mehr zu verlieren.“",
    ]
    assert speakers(paragraphs) == ["Anna Berg", "Anna Berg"]


def test_object_pronoun_in_a_relative_clause_is_no_speaker() -> None:
    # "der ihr sagte": "der" is the relative pronoun, "ihr" the object; no speaker is better
    # than "der ihr".
    paragraph = (
        "Sie traf einen Offizier, der ihr sagte, was geschehen war. „Ich spürte keine "
        "Erleichterung, bis man mir sagte, dass meine Kinder in Sicherheit waren.“"
    )
    assert "der ihr" not in speakers([paragraph])


def test_named_term_is_not_a_quotation() -> None:
    quotes = find_quotes(["Die sogenannte „Schuldenbremse für Länder und Bund“ bleibt."], "de")
    assert quotes == []


def test_real_paragraphs_tagesspiegel() -> None:
    # https://www.tagesspiegel.de/wissen/eskalation-im-nordatlantik-wenn-die-ozeane-uberhitzen-fuhrt-das-potenziell-zu-mehr-wetterextremen-11561990.html
    # (paragraphs 22 and 23 of the article; the first sentence of 21 introduces him).
    paragraphs = [
        "Der Klimaforscher Karsten Haustein von der Universität Leipzig hat die Entwicklung im "
        "Atlantik genauer unter die Lupe genommen.",
        "Für sommerliche Starkniederschläge sei der Zusammenhang aber weniger eindeutig, da "
        "gewitterträchtige Wetterlagen eher mit Luftfeuchtigkeit aus dem Mittelmeerraum "
        "zusammenhängen. „Allerdings erfährt das Mittelmeer durch den Nordatlantik eine "
        "leichte zusätzliche Erwärmung, was bei Gewitterlagen das Risiko für stärkere "
        "Niederschläge erhöht“, sagte Haustein dem Tagesspiegel.",
        "„Sommerliche Hitzeperioden hingegen werden durch einen warmen Atlantik bei uns kaum "
        "wärmer, man kann nicht sagen, dass sie in diesem Sommer wahrscheinlicher werden“, "
        "sagte er weiter.",
    ]
    found = [q for q in find_quotes(paragraphs, "de") if not q.partial]
    assert [(q.paragraph, q.cue) for q in found] == [(1, "sagte"), (2, "sagte")]
    # Each is Karsten Haustein; the article's compound title ("Klimaforscher") is no single
    # title word, so the name comes back with it (see the xfail below).
    assert all(q.speaker and q.speaker.endswith("Karsten Haustein") for q in found)


def test_real_paragraphs_berliner_morgenpost() -> None:
    # https://www.morgenpost.de/ratgeber-wissen/finanzen/article409954684/ezb-zinsentscheid-donnerstag-klare-ansage.html
    # (paragraphs 19 and 20 of the article).
    paragraphs = [
        "„Die Tagesgeldzinsen dürften weiter langsam sinken, um sich unterhalb des Leitzinses "
        "einzupendeln. Festgeldkonditionen bleiben dagegen voraussichtlich auf hohem Niveau“, "
        "sagt Jasmin Ehlert, Chefanalystin der Zinsplattform Raisin. Sparerinnen und Sparer "
        "sollten ihrer Meinung nach also jetzt handeln und nicht zu viel Geld auf "
        "Tagesgeldkonten liegen lassen.",
        "„Auch die Treppenstrategie ist eine bewährte Lösung, wenn man Wert auf Flexibilität "
        "legt. Dabei wird das Kapital in gleiche Teile auf verschiedene Laufzeiten aufgeteilt. "
        "Läuft eine Stufe aus, wird das Geld samt Zinsen ausgezahlt, sodass sich Anlegerinnen "
        "und Anleger stets die besten Angebote am Markt sichern können“, so Ehlert.",
    ]
    found = find_quotes(paragraphs, "de")
    assert [(q.speaker, q.cue) for q in found] == [
        ("Jasmin Ehlert", "sagt"),
        ("Jasmin Ehlert", "so"),
    ]


def test_english_rules_are_unaffected_by_the_german_file() -> None:
    paragraphs = [
        "“Prices rose again in March,” said Olena Bondar, an economist.",
        "“They will keep rising into the summer,” she said.",
    ]
    for language in (None, "en", "en-GB"):
        assert [q.speaker for q in find_quotes(paragraphs, language)] == ["Olena Bondar"] * 2
    en = rules_for("en")
    assert en.cue.search("„…“, sagte Merz.") is None
    assert "bundeskanzler" not in en.titles and "er" not in en.pronouns


# Constructions the shared keys cannot express; each reason says what the code would need.


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # word_order = "verb_second": after a fronted phrase the subject follows the cue
        (f"Am Montag sagte Merz: „{SAID}.“", "Merz"),
        (
            f"Die Lage sei ernst, sagte Lars Klingbeil am Dienstag vor Journalisten: „{SAID}.“",
            "Lars Klingbeil",
        ),
        # "so" is ambiguous, but a subject right after it before the colon makes it the cue
        (
            f"Lars Klingbeil übernimmt. Das ist den Beteiligten trotzdem klar, so Klingbeil: „{SAID}.“",
            "Lars Klingbeil",
        ),
        # no subject right after the cue: the one before it speaks
        (f"Lars Klingbeil sagte am Montag: „{SAID}.“", "Lars Klingbeil"),
        # a determiner phrase after the cue is the subject too
        (f"Dennoch betont der Bürgermeister: „{SAID}.“", "der Bürgermeister"),
        # the subject opens the clause: the determiner phrase after the cue is its object
        (f"Die Stiftung widerspricht der Darstellung jedoch: „{SAID}.“", "Die Stiftung"),
    ],
)
def test_inverted_subject_after_a_fronted_phrase(paragraph: str, speaker: str) -> None:
    assert speakers([paragraph]) == [speaker]


def test_english_reads_no_subject_after_the_cue() -> None:
    # word_order = "subject_verb": "told Metro" is the verb's object, the subject is before it
    paragraphs = [f"Ann Lee told Metro: “{'We will hold the line whatever happens next'}.”"]
    assert one(paragraphs, "en").speaker == "Ann Lee"


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        (f"„{SAID}“, sagte Klimaforscher Lars Klingbeil.", "Lars Klingbeil"),
        (f"„{SAID}“, sagte die Osnabrücker Leseforscherin Anna Brandt.", "Anna Brandt"),
        (f"„{SAID}“, sagte der stellvertretende Regierungssprecher Jan Ohr.", "Jan Ohr"),
        (f"„{SAID}“, sagte SPD-Chef Lars Klingbeil.", "Lars Klingbeil"),
        (f"„{SAID}“, sagte US-Präsident Lars Klingbeil.", "Lars Klingbeil"),
        (f"„{SAID}“, sagt seine Partnerin Anna Brandt.", "Anna Brandt"),
    ],
)
def test_listed_compound_title_is_dropped(paragraph: str, speaker: str) -> None:
    # Common compounds are listed one by one; a place adjective before one goes with it.
    assert one([paragraph]).speaker == speaker


def test_real_paragraph_with_compound_title() -> None:
    # https://www.sn.at/panorama/international/gemeinde-raeumt-versaeumnisse-nach-feuer-in-crans-montana-ein-art-628452
    # (paragraph 16 of the article, its third sentence).
    paragraph = (
        '"Wenn ich da die Gemeinderessourcen anschaue, und da spreche ich sicher auch für '
        'andere Gemeinden, ist es oftmals ein Ressourcenproblem", sagte die Zermatter '
        "Gemeindepräsidentin Romy Biner."
    )
    assert one([paragraph]).speaker == "Romy Biner"


@pytest.mark.parametrize(
    "paragraph",
    [
        f"„{SAID}“, sagte InfoWars-Gründer Lars Klingbeil.",
        f"„{SAID}“, kommentierte Radio-Sprecher Lars Klingbeil.",
        f"„{SAID}“, sagte Werder-Trainer Klingbeil. Lars Klingbeil ist seit Mai im Amt.",
    ],
)
def test_hyphenated_compound_title_is_dropped(paragraph: str) -> None:
    # compound_titles = "last_part": a hyphenated word ending in a title is a title.
    assert one([paragraph]).speaker == "Lars Klingbeil"


def test_only_a_title_ends_a_compound_title() -> None:
    titles = rules_for("de").titles
    assert "ndr-sprecher" in titles and "usyk-promoter" in titles
    assert "baden-baden" not in titles and "sprecher-" not in titles
    # English lists its compounds: the rule is the German file's, not the engine's.
    assert "nbc-director" not in rules_for("en").titles


@pytest.mark.parametrize(
    "paragraph",
    [
        f"„{SAID}“, sagte Grünen-Fraktionsvize Lars Klingbeil.",
        f"„{SAID}“, sagte der Geheimdienstexperte Lars Klingbeil.",
        f"„{SAID}“, sagte Übergangstrainer Lars Klingbeil.",
        f"Lars Klingbeil war zu Gast. „{SAID}“, sagte der Heimleiter Klingbeil.",
    ],
)
def test_closed_compound_title_is_dropped(paragraph: str) -> None:
    # title_endings: a word of three letters or more before a role ending is a title.
    assert one([paragraph]).speaker == "Lars Klingbeil"


def test_a_title_ending_needs_a_compound() -> None:
    titles = rules_for("de").titles
    assert "geheimdienstexperten" in titles and "fraktionsvize" in titles
    assert "ochef" not in titles and "vize" not in titles
    assert "rheinberg" not in titles


@pytest.mark.xfail(
    reason="closed compounds whose head is no role ending ('Hobbygärtner'): a gardener is no "
    "title, so the word stays part of the speaker",
    strict=True,
)
@pytest.mark.parametrize(
    "paragraph",
    [
        f"„{SAID}“, sagte Hobbygärtner Lars Klingbeil.",
    ],
)
def test_compound_title_is_dropped(paragraph: str) -> None:
    assert one([paragraph]).speaker == "Lars Klingbeil"


@pytest.mark.xfail(
    reason="a determiner before one capitalised noun ('die Polizei') is read as a title and "
    "a name, since German capitalises every noun; the code keeps the determiner only for "
    "lower-case nouns ('the police')",
    strict=True,
)
def test_determiner_and_noun_stay_together() -> None:
    assert one([f"„{SAID}“, teilte die Polizei mit."]).speaker == "die Polizei"


def test_role_reference_takes_the_name_introduced_with_that_role() -> None:
    paragraphs = [
        "Bundeskanzler Friedrich Merz besuchte am Montag das Werk in Wolfsburg.",
        f"„{SAID}“, sagte der Kanzler.",
    ]
    assert speakers(paragraphs) == ["Friedrich Merz"]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # the particle "ein" after the speaker is an article: a lone name ends before it
        (f"„{SAID}“, räumte Merz ein.", "Merz"),
        # an object after the inverted speaker: "die" opens it
        (f"„{SAID}“, erklärt Klingbeil die Entscheidung.", "Klingbeil"),
    ],
)
def test_separable_verb_particle_after_the_speaker(paragraph: str, speaker: str) -> None:
    assert one([paragraph]).speaker == speaker


@pytest.mark.xfail(
    reason="'von' is both a name particle and the preposition of 'These von Nora Back'; as a "
    "particle it joined capitalised nouns to names (20 wrong speakers on news-fields once a "
    "surname takes the longer name it ends), so it is not listed; 'von der' before a "
    "surname then reads as a preposition and a determiner. The code needs to join a "
    "particle only between a first name and a surname",
    strict=True,
)
def test_noble_particle_von_der() -> None:
    assert one([f"„{SAID}“, sagte Ursula von der Leyen."]).speaker == "Ursula von der Leyen"


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # "der" after a lone name right after the cue is the dative object, not a genitive
        (f"„{SAID}“, sagte Merz der Zeitung.", "Merz"),
        (f"„{SAID}“, erzählt Klingbeil der Deutschen Presse-Agentur.", "Klingbeil"),
        # a determiner phrase keeps its genitive complement
        (f"„{SAID}“, sagte ein Sprecher der Polizei.", "ein Sprecher der Polizei"),
    ],
)
def test_dative_der_after_a_surname(paragraph: str, speaker: str) -> None:
    assert one([paragraph]).speaker == speaker


@pytest.mark.parametrize(
    ("paragraph", "cue"),
    [
        (f"Lars Klingbeil sprach in Berlin. „{SAID}“, hielt er am Dienstag fest.", "hielt"),
        (f"„{SAID}“, führte Klingbeil aus und ging.", "führte"),
        (f"Lars Klingbeil hat „{SAID}“, wie er vor Journalisten zugab.", "zugab"),
    ],
)
def test_separable_and_verb_final_cues(paragraph: str, cue: str) -> None:
    quote = find_quotes([paragraph], "de")[0]
    assert quote.speaker and quote.speaker.endswith("Klingbeil")
    assert quote.cue == cue


def test_separable_verb_stem_is_no_cue_away_from_the_quote() -> None:
    # "hielt" attributes only next to the quote (ambiguous_cues): here it is the narrative verb
    # of another sentence, and the quote after it has no speaker of its own.
    paragraphs = [
        "Die Polizei hielt die Straße am Montag gesperrt, weil ein Lastwagen umgekippt war.",
        f"„{SAID}“",
    ]
    assert find_quotes(paragraphs, "de")[0].cue != "hielt"


def test_a_title_before_a_full_stop_ends_the_sentence() -> None:
    # capitalised_nouns = "all": German capitalises every noun, so "Sprecher." ends the
    # sentence; the capitalised noun of the next one is no speaker.
    paragraph = f"„{SAID}“, sagte der Sprecher. Für die Anwohner bestehe keine Gefahr."
    assert one([paragraph]).speaker == "der Sprecher"


def test_an_honorific_before_a_full_stop_ends_no_sentence() -> None:
    assert one([f"„{SAID}“, sagte Prof. Lars Klingbeil."]).speaker == "Lars Klingbeil"


@pytest.mark.parametrize(
    "paragraph",
    [
        f"„{SAID}“, sagte der Brite Lars Klingbeil.",
        f"Der Walliser Staatsrat Lars Klingbeil dankte den Helfern: „{SAID}.“",
    ],
)
def test_nationality_and_swiss_office_are_titles(paragraph: str) -> None:
    assert one([paragraph]).speaker == "Lars Klingbeil"


@pytest.mark.parametrize(
    "paragraph",
    [
        f"Der ehemalige Trainer Lars Klingbeil sagte bei Sport1: „{SAID}.“",
        f"Lars Klingbeil war da. Der frühere Trainer Klingbeil sagte: „{SAID}.“",
    ],
)
def test_capitalised_article_opens_the_subject(paragraph: str) -> None:
    # "Der" at a sentence start is the article, though "der" is also listed as a preposition
    assert one([paragraph]).speaker == "Lars Klingbeil"


def test_role_reference_with_a_genitive_complement() -> None:
    paragraphs = [
        "Lars Klingbeil übernimmt die Mannschaft bis zum Saisonende.",
        f"„{SAID}“, so der Interimstrainer der Gastgeber.",
    ]
    assert speakers(paragraphs) == ["Lars Klingbeil"]


def test_a_noun_opening_with_an_umlaut_opens_no_name_run() -> None:
    # German capitalises every noun: ASCII capitals alone open a name run, so "Ärztin" stays
    # out of the name, as an English page's "Ólafur" opens one
    runs = [tokens for _, _, tokens in capital_runs("Ärztin Anna Schmidt sagte", rules_for("de"))]
    assert runs == [["Anna", "Schmidt"]]
    english = capital_runs("Ólafur Grímsson said", rules_for("en"))
    assert [tokens for _, _, tokens in english] == [["Ólafur", "Grímsson"]]


def test_a_sentence_adverb_opening_with_an_umlaut_is_no_subject() -> None:
    # "Ähnlich" opens the clause in the verb-second order: the subject follows the verb
    paragraphs = ["Ähnlich sieht es Anna Schmidt vom Verband: „Wir werden das nicht zulassen.“"]
    assert speakers(paragraphs) == ["Anna Schmidt"]
