"""Reporting constructions of English news prose, one per test, on invented sentences: each
test names the construction and the speaker a careful reader gives the quotation."""

from __future__ import annotations

from scraper.extract.quotes import find_quotes


def speakers(paragraphs: list[str]) -> list[str | None]:
    return [q.speaker for q in find_quotes(paragraphs)]


def test_quote_ending_in_a_nested_quote_continues_the_speaker() -> None:
    # The full stop hides behind the inner closing mark ('... to do.'"), and the reporter's
    # next sentence does not attribute the quote: it continues the previous paragraph's.
    paragraphs = [
        'Maria Lopez described her first weeks at the firm. "He taught me everything," she said.',
        "\"He would tell the new staff, 'this is how it is done'. He would say: 'Follow me.'\" "
        "The firm later closed its office in the city and moved to the coast.",
    ]
    assert speakers(paragraphs) == ["Maria Lopez", "Maria Lopez"]


def test_an_organisation_anaphor_takes_the_source_a_sentence_opened_with() -> None:
    # "According to X, ..." reports what X said: "the department" then stands for X.
    paragraphs = [
        "According to Harbour Cogta, the province strengthened its early warning system.",
        "“The plan has introduced a uniform response system across all towns,” the department "
        "detailed.",
    ]
    assert speakers(paragraphs) == ["Harbour Cogta"]


def test_a_coordinated_subject_stops_at_an_irregular_past_tense() -> None:
    # "the majority leader went ... and grumbled": "went" is the subject's first verb.
    paragraphs = [
        "Majority Leader Tom Baxter blocked the speech of Senator Ruth Orme on Tuesday.",
        "Red in the face, the majority leader went to the floor and grumbled in his scolding "
        "tone, “Senator Orme was giving a lengthy speech. She was warned.”",
    ]
    assert speakers(paragraphs) == ["Tom Baxter"]


def test_a_pronoun_takes_the_surname_that_opened_the_sentences_before() -> None:
    # "The elder Soros gives ... He funds ... and has stated": the subject is carried over.
    paragraphs = [
        "George Soros, the investor, has given to many campaigns over the years.",
        "Sen. Kyrsten Sinema, a former Democrat, raised money elsewhere.",
        "The elder Soros gives millions of dollars a year to advocacy groups. He funds a "
        'variety of gun control groups and has stated, "I am very much against guns."',
    ]
    assert speakers(paragraphs) == ["George Soros"]


def test_a_role_stands_for_the_holder_the_article_named_last() -> None:
    # Two senators were introduced; "the senator" follows sentences about Tester.
    paragraphs = [
        "Sen. Jon Tester is running for a fourth term in Montana.",
        "Sen. Kyrsten Sinema, who left the party, is not running.",
        "Tester's support from donors shows the tightrope he walks. But the senator, who "
        'recently said that he brings a "dirt-under-your-fingernails perspective to '
        'Washington," will have to avoid left-wing policies.',
    ]
    assert speakers(paragraphs) == ["Jon Tester"]


def test_a_name_and_an_adverb_before_a_speech_verb_introduce_the_speaker() -> None:
    # "Fahmi also clarified ..." makes Fahmi the antecedent of the next "he said".
    paragraphs = [
        "Communications Minister Fahmi Fadzil said the trips were paid for by the state.",
        "Prime Minister Anwar Ibrahim said the firms covered most of the cost.",
        "During the briefing, Fahmi also clarified that the daughter joined the delegation.",
        "“She was invited in her capacity as the director of the think tank,” he said.",
    ]
    assert speakers(paragraphs) == ["Fahmi Fadzil"]


def test_the_president_is_the_sitting_one_named_by_title_and_surname() -> None:
    # "Former President Donald Trump" no longer holds the role; "President Biden" does.
    paragraphs = [
        "Former President Donald Trump says President Biden's joke about him is false.",
        "Mr. Biden took the swipe on a talk show, joking that he and Mr. Trump are both old.",
        "“You got to take a look at the other guy, he is about as old as I am,” the president "
        "said on the show.",
    ]
    assert speakers(paragraphs) == ["Biden"]


def test_a_role_is_never_resolved_to_a_person_introduced_only_after_the_quote() -> None:
    paragraphs = [
        "Red in the face, the inspector recalled: “I knocked on the door for ten minutes.”",
        "Another inspector, Paul Grant, said nothing at the hearing.",
    ]
    assert speakers(paragraphs) == ["the inspector"]


def test_a_relational_description_stands_for_the_subject_of_the_sentence_before() -> None:
    paragraphs = [
        "Donna Kelce has praised the new album. Speaking at a summit in Las Vegas, Travis "
        "Kelce's mom confirmed, “I listened to the whole album all morning long.”"
    ]
    assert speakers(paragraphs) == ["Donna Kelce"]


def test_a_description_of_someone_else_than_the_previous_subject_is_kept() -> None:
    # "Smith's lawyer" after "Ann Smith denied ...": the lawyer, not Smith.
    paragraphs = [
        "Ann Smith denied the charges on Monday. Outside the court, Smith's lawyer said, "
        "“My client will be cleared of every count.”"
    ]
    assert speakers(paragraphs) == ["Smith's lawyer"]


def test_a_pronoun_opening_the_article_takes_the_person_named_next() -> None:
    paragraphs = [
        '"She is a very talented woman," she said of her son\'s girlfriend.',
        "Donna Kelce has praised the new album at a summit in Las Vegas.",
    ]
    assert speakers(paragraphs) == ["Donna Kelce"]


def test_a_name_right_before_a_participle_cue_is_its_speaker() -> None:
    paragraphs = [
        "Crystal Clanton worked at the group for five years.",
        "The screenshots show Clanton asking, “Can I come to the office at five?”",
    ]
    assert speakers(paragraphs) == ["Crystal Clanton"]


def test_a_quote_later_in_the_same_sentence_keeps_the_speaker() -> None:
    paragraphs = [
        "Justice Clarence Thomas wrote that his wife had “informed me of the horrible way” "
        "Clanton “had been treated at the group and asked that she live with us.”"
    ]
    assert speakers(paragraphs) == ["Clarence Thomas", "Clarence Thomas"]


def test_an_acronym_opening_a_sentence_is_no_surname() -> None:
    paragraphs = [
        "Tanner Fischer leads the local union at UPS.",
        "Fischer isn't sure when he will rest. The national UPS contract says officers get "
        "leave from UPS. Asked about his free time, he told me, “This is it, all of it.”",
    ]
    assert speakers(paragraphs) == ["Tanner Fischer"]


def test_a_title_before_a_full_name_gives_the_full_name_to_the_role() -> None:
    paragraphs = [
        "Municipal economist Jeremiah Mbelu showed us the new solar poles.",
        "Asked about the cost, the economist replies, “Yes, it is expensive to install them.”",
    ]
    assert speakers(paragraphs) == ["Jeremiah Mbelu"]


def test_a_pronoun_opening_a_relative_clause_is_the_subject_of_its_verb() -> None:
    paragraphs = [
        "Clara Moss ran the account for two years.",
        "The post showed a crowd, with a caption that she had added: “Just thinking about the "
        "next rally already.”",
    ]
    assert speakers(paragraphs) == ["Clara Moss"]


def test_a_spokesman_for_a_named_office_is_kept_whole_and_is_a_person() -> None:
    paragraphs = [
        "(Asked about the case, a spokesman for the Administrative Office of the U.S. Courts "
        "replied that the proceedings are “confidential by statute and cannot be discussed.”)",
        "“We will not comment on any of it,” it said.",
    ]
    found = speakers(paragraphs)
    assert found[0] == "a spokesman for the Administrative Office of the U.S. Courts"
    assert found[1] != found[0]  # "it" is no person: not the spokesman


def test_a_long_clause_before_a_cue_is_no_speaker() -> None:
    paragraphs = [
        "A large share of the respondents voiced concerns with Biden’s age, the poll "
        "suggested, calling them “double haters of both candidates.”"
    ]
    assert "respondents" not in str(speakers(paragraphs))


def test_a_sign_that_read_and_a_sign_saying_are_the_source() -> None:
    paragraphs = [
        "Activists climbed on stage holding a sign that read “over 1.5 degrees is a global "
        "shipwreck”, a reference to the record heat of the year.",
        "Protesters held sign saying 'the planet is burning down now' outside the theatre",
    ]
    assert speakers(paragraphs) == ["a sign", "sign"]


def test_a_language_without_rules_gets_quotations_without_speakers() -> None:
    # There is no Dutch rules file: English cue rules on Dutch text would find no speech verb
    # and take "Het Idee" for a speaker, so the spans are kept and the speakers left empty.
    paragraphs = [
        "Het Idee kwam laat.",
        "„Ik kreeg een beeld van hoe de partij in hun leven past“",
    ]
    quotes = find_quotes(paragraphs, "nl")
    assert [(q.text, q.speaker) for q in quotes] == [
        ("Ik kreeg een beeld van hoe de partij in hun leven past", None)
    ]


def test_three_letter_language_codes_pick_the_same_rules() -> None:
    # "deu" (ISO 639-2) is German: the German file attributes "sagte Merz", as for "de".
    paragraphs = ["„Wir werden die Steuern nicht erhöhen“, sagte Friedrich Merz am Montag."]
    for code in ("de", "deu", "ger"):
        [quote] = find_quotes(paragraphs, code)
        assert quote.speaker == "Friedrich Merz", code
    # A value that names no language ("utf-8" from a page's metadata) keeps English rules.
    [quote] = find_quotes(['"We will not raise taxes," said Jane Smith.'], "utf-8")
    assert quote.speaker == "Jane Smith"


def test_english_and_bogus_language_codes_keep_attribution() -> None:
    paragraphs = ['"We will rebuild the bridge by spring," Ana Ruiz said.']
    for language in (None, "en", "en-GB", "utf-8"):
        assert [q.speaker for q in find_quotes(paragraphs, language)] == ["Ana Ruiz"]


def test_a_quoted_title_inside_the_attribution_after_the_quote_is_read_through() -> None:
    paragraphs = [
        "“He has seen the way people connect to the show,” Randy Barbato, an executive "
        "producer of “Drag Race,” said."
    ]
    assert speakers(paragraphs)[0] == "Randy Barbato"


def test_a_quoted_title_inside_the_attribution_before_the_quote_is_read_through() -> None:
    paragraphs = [
        "Sam Lansky, a writer who helped him with “The House of Hidden Meanings,” told me, "
        "“He has been misread in terms of his beliefs.”"
    ]
    found = find_quotes(paragraphs)
    assert [q.speaker for q in found if not q.partial] == ["Sam Lansky"]
    assert "me" not in [q.speaker for q in found]  # "told me": the object, never a speaker


def test_a_sentence_adverb_is_no_part_of_a_name() -> None:
    paragraphs = [
        "Perhaps Christa found the chatbot easier to talk to than her friends.",
        "“It felt just like a normal person texting me,” Christa says.",
    ]
    assert speakers(paragraphs) == ["Christa"]


def test_a_named_subject_introducing_a_quote_with_a_colon_speaks() -> None:
    paragraphs = [
        "Next door neighbour Doris Zibulka kept calling the city about the smell.",
        "But neighbour Zibulka picks up the story: “All of a sudden, the door opens and he "
        "walks out.”",
        "Tamara Abraham is on the red carpet. Tamara’s verdict: “Kylie’s strapless dress is "
        "not an easy look, but she nails it.”",
    ]
    assert speakers(paragraphs) == ["Doris Zibulka", "Tamara Abraham"]


def test_a_colon_after_a_phrase_without_subject_and_verb_names_no_one() -> None:
    paragraphs = ["Bottom line: “Simply pour the syrup and garnish with mint.”"]
    assert speakers(paragraphs) == [None]


def test_an_inverted_speech_verb_is_no_part_of_the_name() -> None:
    paragraphs = [
        "Our critic Neil McCormick is watching the show.",
        "“Jungle get to show why live audiences love them,” says Neil.",
        "Says Neil: “Casisdead usually wears a mask in public, so this is new.”",
    ]
    assert speakers(paragraphs) == ["Neil McCormick", "Neil McCormick"]


def test_as_the_speaker_puts_it() -> None:
    paragraphs = [
        "Bob Enslin runs the product team. The tool aims to — as Enslin puts it — “bring "
        "automation to anyone that has to copy and paste.”"
    ]
    assert speakers(paragraphs) == ["Bob Enslin"]


def test_a_short_fronted_phrase_leads_into_the_same_speakers_next_words() -> None:
    paragraphs = [
        '"Our country is doing nothing to fill that gap," Nicole Slemp said. As a parent, '
        '"we are supposed to keep the population going, and they are not helping."'
    ]
    assert speakers(paragraphs) == ["Nicole Slemp", "Nicole Slemp"]


def test_a_sentence_that_goes_on_after_a_quote_keeps_its_speaker() -> None:
    paragraphs = [
        "Bobby McDonagh said that, while “the government can simply ignore her,” positions "
        "taken by a President Connolly would “register internationally and damage the country.”"
    ]
    assert speakers(paragraphs) == ["Bobby McDonagh", "Bobby McDonagh"]


def test_a_quoted_title_does_not_inherit_a_speaker_from_its_sentence() -> None:
    paragraphs = [
        "“He has seen the way people connect to the show,” Randy Barbato, a producer of "
        "“Drag Race,” said."
    ]
    assert [q.text for q in find_quotes(paragraphs)] == [
        "He has seen the way people connect to the show,"
    ]


def test_an_advocates_courtesy_title_is_dropped_and_the_full_name_given() -> None:
    # "Advocate Thabo Lerata" introduces him; "Adv Lerata" later is the same man.
    paragraphs = [
        "Born in Mafeteng, Advocate Thabo Lerata has spent a decade in the courts.",
        "“The courts must be open to everyone who needs them,” Adv Lerata says.",
        "“Justice delayed is justice denied in every village,” said Hon. Lerata.",
    ]
    assert speakers(paragraphs) == ["Thabo Lerata", "Thabo Lerata"]


def test_the_last_words_of_a_name_stand_for_the_whole_name() -> None:
    # "Abu Karim Al Masri" is introduced; "Al Masri" later is him, by his full name.
    paragraphs = [
        "“We want the road rebuilt before the rains,” Abu Karim Al Masri told reporters.",
        "But Al Masri is not hopeful.",
        "“Nobody has come to look at it since March,” said Al Masri.",
    ]
    assert speakers(paragraphs) == ["Abu Karim Al Masri", "Abu Karim Al Masri"]


def test_a_place_named_before_a_person_is_introduced_is_not_his_first_name() -> None:
    # "in Jordan": the country, before Foreign Minister Jordan Peel appears in the article.
    paragraphs = [
        "Talks in Jordan ended on Monday. Jordan said it would keep the crossing open, calling "
        "the closure “a step that would hurt thousands of families”.",
        "Later, Foreign Minister Jordan Peel visited the border post.",
        "“We will not close it again,” said Jordan Peel.",
    ]
    assert speakers(paragraphs) == ["Jordan", "Jordan Peel"]


def test_a_first_name_used_before_the_full_name_in_a_live_blog_is_that_person() -> None:
    # Live blogs run newest first: "Neil says" long before "critic Neil Moran" at the end.
    paragraphs = [
        "Neil says: “The best band of the night was on first, and nobody noticed.”",
        "“It is official, they are going to give her everything tonight,” muses Neil.",
        "Our music critic Neil Moran is standing by to give his verdict on the night.",
    ]
    assert speakers(paragraphs) == ["Neil Moran", "Neil Moran"]


def test_a_subheading_quoting_the_body_takes_that_quotes_speaker() -> None:
    # The subheading repeats words spoken further down; the paragraph before it has another
    # speaker, whose quote the subheading must not continue.
    paragraphs = [
        "“Talks can still succeed this month,” said Mark Fenton, a fellow at the institute.",
        "‘No room left for this commander’",
        "On Tuesday, the army spokesperson, Colonel Dana Roth, said the appointment changed "
        "nothing.",
        "“There is no room left for this commander anywhere in the region,” she told a radio "
        "station.",
    ]
    assert speakers(paragraphs) == ["Mark Fenton", "Dana Roth", "Dana Roth"]


def test_an_adverb_set_off_before_the_cue_is_no_speaker() -> None:
    # ", too, says Okafor": "too" sits between the quote and the verb; the speaker follows it.
    paragraphs = [
        "“The river has never been this low in living memory,” Ruth Okafor said on Monday.",
        "“Farmers will lose the whole harvest this year,” too, says Okafor.",
    ]
    assert speakers(paragraphs) == ["Ruth Okafor", "Ruth Okafor"]


def test_a_quote_that_runs_on_into_an_attributed_quote_shares_its_speaker() -> None:
    # The sentence goes on from the first quote into the second, whose cue names the speaker.
    paragraphs = [
        "“We have a group of teachers who joined the strike” across the province “and who "
        "still teach in church halls”, says Martin Dube.",
    ]
    assert speakers(paragraphs) == ["Martin Dube", "Martin Dube"]


def test_the_reporter_saying_i_is_no_speaker() -> None:
    # The first-person reporter asked; the answer is not "I"'s.
    paragraphs = [
        "I asked whether people could switch the feature off, and I was told:",
        "“The new box gives everyone quick access to the tools they already use.”",
    ]
    assert speakers(paragraphs) == [None]


def test_a_full_name_after_the_quote_speaks_across_a_long_apposition() -> None:
    # The appositions after the name hold other nouns ("a grading company", "who ...").
    paragraphs = [
        "“It is very rare that a printing error reaches circulation,” Chad Hollis, vice "
        "president of BGC, a coin grading company in Ohio told Fox.",
        "“The lower your latitude, the more orbits you can reach,” Director Jim Carrow, who "
        "worked at a launch firm in its early days and is now head of Orbit Works, told us.",
    ]
    assert speakers(paragraphs) == ["Chad Hollis", "Jim Carrow"]


def test_a_pronoun_after_a_subordinator_takes_the_name_earlier_in_its_sentence() -> None:
    # "after she said": the pronoun opens a subordinate clause; its antecedent is the name
    # in the main clause, not the speaker of the paragraph before.
    paragraphs = [
        "Old colleagues told the Daily Post that the actress was unhappy in Hollywood.",
        "Critics round on Nadia Forde after she said 'she had a lonely time in London'",
    ]
    assert speakers(paragraphs) == ["Nadia Forde"]


def test_a_title_after_titled_is_no_quotation_even_in_an_attributed_sentence() -> None:
    # "writes in an article titled '...' that": the verb attributes the second quote only.
    paragraphs = [
        "Researcher Anna Kowal writes in a report titled ‘Lighting the Way: Public Lamps and "
        "the Safety of Women in Small Towns’ that “women fear the dark streets more than "
        "anything else.”",
    ]
    found = find_quotes(paragraphs)
    assert [q.text for q in found] == ["women fear the dark streets more than anything else."]


def test_a_fronted_participle_phrase_is_not_the_subject() -> None:
    # "Appearing before the court, the delegation said ..., arguing that '...'".
    paragraphs = [
        "Appearing before the tribunal, the Kenyan delegation said the company acted unlawfully, "
        "arguing that ‘it does not care to meet its duties to the workers at all’.",
    ]
    assert speakers(paragraphs) == ["the Kenyan delegation"]


def test_a_fragment_in_the_reporters_sentence_is_its_subjects() -> None:
    # No speech verb: the subject of the sentence holding the fragment is its source.
    paragraphs = [
        "Officials in Norway have said they will send more aid to the region this winter.",
        "Norway did not attend the talks, but in a letter to the court rejected the claims as "
        "“entirely without any basis in fact”.",
        "Jane Mercer famously set off for the hills with “nothing but a map and some bread”.",
        "Visitors found the gates locked and “closed for the whole of the winter” on a sign.",
        "A week later she “heard a voice coming from the cellar below the house”.",
    ]
    assert speakers(paragraphs) == ["Norway", "Jane Mercer", None, None]


def test_a_statement_by_someone_is_that_persons() -> None:
    # "a statement by a palace spokesperson confirming the move read:": the author speaks.
    paragraphs = [
        "Last June, a statement by a palace spokesperson confirming the move read: “We can "
        "confirm the family have been asked to leave the cottage.”",
        "“Every word of it will be read closely by everyone,” Ann Moss summarises.",
    ]
    assert speakers(paragraphs) == ["a palace spokesperson", "Ann Moss"]


def test_later_fragments_of_an_attributed_sentence_share_its_speaker() -> None:
    # One sentence quotes three fragments; only the verb before the first names the source.
    paragraphs = [
        "In its filing, Freedonia said there are “deep and lasting links” between the case and "
        "that of the “pending dispute between the two neighbours”, and that the court should "
        "use its discretion “not to give the opinion it was asked for”.",
        "Judge Ida Berg said the state may not, as a party, “simply declare” a body biased, "
        "“and refuse all of its requests”.",
    ]
    assert speakers(paragraphs) == ["Freedonia"] * 3 + ["Ida Berg"] * 2


def test_a_study_conducted_by_someone_is_that_persons() -> None:
    # "According to a study conducted by X ...": X is the source, not "study conducted".
    paragraphs = [
        "According to a study conducted by Tara Allen of Plains State University in 2018, street "
        "lighting has been around “since people first began living together in towns.”",
    ]
    assert speakers(paragraphs) == ["Tara Allen"]


def test_a_surname_opening_the_sentence_before_is_the_pronouns_antecedent() -> None:
    # "Al-Hamdi seemed confident. “...,” he told us.": the surname is used only at sentence
    # starts, but the article gave it a first name, so it is a person.
    paragraphs = [
        "Julan Al-Hamdi runs the launch site on the coast.",
        "Dana Ruiz, the ambassador, said more firms would follow. “They have zeroed in on it.”",
        "Al-Hamdi seemed confident in the site’s chances. “The country has always explored the "
        "seas,” he told reporters.",
    ]
    assert speakers(paragraphs)[-1] == "Julan Al-Hamdi"


def test_an_adverb_opening_a_sentence_is_not_an_introduced_person() -> None:
    # "Already, the two are ...": "Already" is no name for the later "he" to stand for.
    paragraphs = [
        "“The wait is between four and eight months,” the company’s chief, Aziz Jafari, said.",
        "Already, the two are sharing knowledge. Jafari is also pushing universities to act. "
        "“You need people with higher degrees in physics,” he said.",
    ]
    assert speakers(paragraphs) == ["Aziz Jafari", "Aziz Jafari"]


def test_a_definite_description_stands_for_the_person_just_introduced() -> None:
    # "says the woman" / "says the mother of four": the person the paragraph (or the one
    # before) introduced by name.
    paragraphs = [
        "“Nobody stayed out after dark before the lamps came,” said Mary Kombo, a trader.",
        "Rehema Juma is a mother of two. She opened a grocery near the bus terminal in Lindi.",
        "“We are allowed to open until ten at night now,” says the woman who is in her 20s.",
        "According to Zawadi Ally, 34, sales have grown. “Most of us feel safe where there is "
        "light,” says the mother of four.",
    ]
    assert speakers(paragraphs) == ["Mary Kombo", "Rehema Juma", "Zawadi Ally"]


def test_a_description_of_someone_never_named_is_kept_as_written() -> None:
    # "another employee" is introduced without a name: "the worker" stays as written.
    paragraphs = [
        "“It happens every day,” employee Tom Reyes said.",
        "Reyes said wallets are the items most often stolen from his department.",
        "On another floor, another employee insisted that theft drove the closure.",
        "“It’s the theft, and that people aren’t coming in,” said the worker.",
    ]
    assert speakers(paragraphs) == ["Tom Reyes", "the worker"]


def test_a_name_holding_an_organisation_word_is_a_person_before_a_role_apposition() -> None:
    # "Radio" is also an organisation word; ", a chemistry researcher" shows a person.
    paragraphs = [
        "“We left with nothing,” Ivan Petrenko, the vice-rector, says.",
        "Oleh Radio, a chemistry researcher at the university, says few could leave. Those who "
        "did took only “the things that you can carry in two hands”, he says.",
    ]
    assert speakers(paragraphs) == ["Ivan Petrenko", "Oleh Radio"]


def test_a_name_written_with_a_leading_apostrophe_keeps_it() -> None:
    # Sesotho names such as ’Mathabo (the apostrophe is no opening mark: that would be ‘).
    paragraphs = [
        "Seventy-year-old ’Mathabo Lekhanya sits outside her cracked house near the mine.",
        "“The cracks in my house widen with every blast,” Ms Lekhanya said.",
    ]
    assert speakers(paragraphs) == ["’Mathabo Lekhanya"]


def test_a_coordinated_cue_after_a_role_and_a_name_in_commas() -> None:
    # "Minister of X, Name, would not confirm ... and only said:": the name is the subject.
    paragraphs = [
        "Minister of Water Affairs, Lebo Mokoena, would not confirm whether the ministry knew "
        "of the cracks and only said: “Ask them to submit a formal complaint to the ministry”.",
    ]
    assert speakers(paragraphs) == ["Lebo Mokoena"]


def test_a_full_name_acting_after_a_fronted_clause_is_the_next_pronouns_antecedent() -> None:
    # "While Asha waits, Miriam Juma has just handed ...": Miriam Juma acts; "She" follows.
    paragraphs = [
        "“When it is dark, women fear the robbers,” says Asha Musa. While Asha, 36, waits for "
        "another customer, Miriam Juma has just handed over a parcel at the guest house.",
        "She walks the street confidently, insisting, “evils disappear when there is light.”",
    ]
    assert speakers(paragraphs) == ["Asha Musa", "Miriam Juma"]


def test_a_fragment_that_ends_the_reporters_sentence_is_its_subjects_too() -> None:
    # The full stop inside the marks does not make "with “...”" a quotation of its own.
    paragraphs = [
        "Ella Byrne famously set off for the hills with “a loaf of bread and a tin cup in a "
        "pair of old blankets.” I admire her spirit.",
    ]
    assert speakers(paragraphs) == ["Ella Byrne"]


def test_a_fragment_in_a_subordinate_clause_is_that_clauses_subjects() -> None:
    # The clause opened by "after"/"although" has its own subject, nearer the fragment.
    paragraphs = [
        "Last May, the agency fired four staff members after an inquiry found they “may "
        "have taken part in the raid”.",
        "It is unclear when the court will rule, although the General Assembly sought "
        "guidance “as a matter of priority”.",
    ]
    assert speakers(paragraphs) == ["an inquiry", "General Assembly"]


def test_a_bare_plural_keeps_the_place_that_says_which_group() -> None:
    # "officials at Etlaq" is who spoke; "a spokesperson in Muscat" keeps its place too (the
    # README: an unnamed source keeps its prepositional complement).
    paragraphs = [
        "In a post, officials at Orbitport described the launch as having “concluded safely "
        "without any ignition at all.”",
        "“We will try again in the spring,” a spokesperson in Muscat said.",
    ]
    assert speakers(paragraphs) == ["officials at Orbitport", "a spokesperson in Muscat"]


def test_a_capitalised_word_opening_a_heading_is_not_part_of_the_name() -> None:
    # "Everything Christian Hale has said": the heading's first word is no first name.
    paragraphs = [
        "Christian Hale admitted he has been through a “very testing time for the family”.",
        "Everything Christian Hale has said about the inquiry",
    ]
    assert speakers(paragraphs) == ["Christian Hale"]


def test_fragments_after_an_attributed_fragment_keep_its_speaker() -> None:
    # "X says that Y is “corrupt,” “biased,” and “unfair,” and that ... a “hoax”".
    paragraphs = [
        "Dana Brooks says that the judge is “corrupt and plainly biased,” “hostile to me,” and "
        "“unfair to my family,” and that he is running “a hoax on the voters”.",
    ]
    assert speakers(paragraphs) == ["Dana Brooks"] * 4


def test_the_source_after_a_source_stays_unnamed() -> None:
    # "A source ... told ... that Hunter Lane ..." then "the source said": the unnamed source.
    paragraphs = [
        "A source with direct knowledge of the talks told reporters that Hunter Lane “made "
        "clear from the start that his father was never involved”.",
        "Regarding the email, the source said: “He was out of his mind for even suggesting it.”",
    ]
    assert speakers(paragraphs)[-1] == "the source"


def test_another_is_completed_with_the_noun_it_leaves_out() -> None:
    # "One listener ..., while another calls him ...": "another listener".
    # (The first quote's speaker is a separate matter: the cue after it is the next clause's.)
    paragraphs = [
        "One listener dismisses the narrator’s voice as “flat and rather boring to me,” while "
        "another calls him “soothing and kind to the ear,” and praises him.",
    ]
    assert speakers(paragraphs)[1] == "another listener"


def test_a_fragment_after_a_second_clause_or_a_verb_used_as_a_name_has_no_speaker() -> None:
    # The sentence's subject is far from the fragment ("The conditions ..., and even the
    # website won't ..."); "Google this plant": a verb, not a name.
    paragraphs = [
        "The conditions at the park are so bad that inspectors cite it every year, and even the "
        "booking site won’t sell tickets “because it does not meet our welfare rules.”",
        "If you Google this plant today, you might find that it “features a clump of narrow "
        "grey leaves”.",
    ]
    assert speakers(paragraphs) == [None, None]


def test_a_profession_or_descriptor_before_a_name_is_dropped() -> None:
    # "Psychoanalyst Mark Rees", "London-born Sade": words about the person, not the name.
    paragraphs = [
        "Psychoanalyst Mark Rees said: “People tell their stories to be heard, not fixed.”",
        "“Thank you to my team, I have always dreamed of saying that,” said London-born Sade.",
    ]
    assert speakers(paragraphs) == ["Mark Rees", "Sade"]


def test_it_stands_for_a_country_that_spoke_just_before() -> None:
    # "Freedonia rejected ... as “...”. It argued that ... “...”": "it" is the country; a
    # one-word name with a first name before it ("Ann Smith" ... "Smith") is a person.
    paragraphs = [
        "Talks with Freedonia stalled last year.",
        "Freedonia did not attend the hearings, but, in a written submission to the court, "
        "rejected the questions as “plainly biased and one-sided”.",
        "It argued that no duty exists when “the security of a member state is put at grave "
        "risk by the agency”.",
    ]
    assert speakers(paragraphs) == ["Freedonia", "Freedonia"]


def test_the_sender_of_a_message_the_paragraph_before_names_speaks() -> None:
    # "I got an email reply from a company representative." then the quoted reply.
    paragraphs = [
        "I wondered whether readers could opt out. Later, I got an email reply from a company "
        "representative.",
        "“The new box gives quick access to the tools, and you will still get the old results.”",
    ]
    assert speakers(paragraphs) == ["a company representative"]


def test_titles_do_not_push_a_long_named_subject_out_of_reach() -> None:
    # "..., Freedonian army spokesperson Lt. Gen. ... had said": the ranks are part of the
    # subject phrase, not words that put the verb too far from the quote.
    paragraphs = [
        "“Those who spread fake news on phones and computers want to sow despair among the "
        "people,” Freedonian army spokesperson Lt. Gen. Omar Tariq Haidar had said."
    ]
    assert speakers(paragraphs) == ["Omar Tariq Haidar"]


def test_a_name_set_off_after_the_description_of_the_speaker_is_the_speaker() -> None:
    # "says the former head of the club, Ann Ridley.": the description is an apposition
    # to the name that follows it; "said a spokesperson, adding that ..." keeps its phrase.
    paragraphs = [
        "“Nobody has done more for the youth teams in this town,” says the former head of "
        "the club, Ann Ridley.",
        "“We will keep the pitch open all summer,” said a spokesperson, adding that Tom "
        "Baxter would pay for the lights.",
    ]
    assert speakers(paragraphs) == ["Ann Ridley", "a spokesperson"]


def test_a_pronoun_continues_the_speaker_past_a_person_named_as_an_object() -> None:
    # Salience: "she" is still Ann Ridley, the subject of the last attribution; Tom Baxter is
    # only the object of "treat" and of "to", never a sentence's subject.
    paragraphs = [
        "“We need a new stadium,” Ann Ridley said at the debate.",
        "Ridley was then asked how she would treat a visiting U.S. President Tom Baxter — and "
        "whether she would say this to Baxter, who owns a hotel in the town.",
        "“If it is just a meet and greet, then I will meet and greet,” she said.",
    ]
    assert speakers(paragraphs) == ["Ann Ridley", "Ann Ridley"]


def test_a_pronoun_takes_a_person_who_became_a_sentences_subject() -> None:
    # A new subject between the quotes ("Tom Baxter, the treasurer, disagreed") takes "he";
    # so does a person introduced after a copula ("The first witness was Detective Sam Ortiz").
    paragraphs = [
        "“We will open the pitch all summer,” Ann Ridley said.",
        "Tom Baxter, the treasurer, disagreed. “The lights alone would cost too much,” he said.",
        "The first witness was Detective Sam Ortiz, who kept the keys.",
        "He said the gate had been “left open every night that week”.",
    ]
    assert speakers(paragraphs) == ["Ann Ridley", "Tom Baxter", "Sam Ortiz"]


def test_a_verb_that_ends_its_clause_attributes_and_a_surname_in_ly_is_a_name() -> None:
    # "“...,” Kelly began, before ...": "began" ends its clause, so it reports the quote, and
    # "Kelly" is a surname, not an adverb like "Tragically"; "a “super app” service which
    # began trading" is no attribution; "he snaps" is one.
    paragraphs = [
        "Grab, a “super app for all of your errands” service which began trading in 2021, grew.",
        "Asked about the budget, Rita Kelly did not hesitate.",
        "“The money was spent by the last council,” Kelly began, before being asked again.",
        "“Yes, of course, yes, she is only just beginning,” she snaps.",
    ]
    assert speakers(paragraphs) == [None, "Rita Kelly", "Rita Kelly"]


def test_a_quote_after_a_sentence_about_a_person_is_theirs() -> None:
    # "Blair is unconvinced. “...”": with no speech verb in that sentence, the person it opens
    # with speaks, even when an earlier sentence has a verb like "echoes" with another subject.
    # A surname counts only when the article gives it a first name: "Kent" is a place, and the
    # next quote continues Ridley.
    paragraphs = [
        "Ann Ridley has run the club for ten years.",
        "Many say the mood in the town echoes that of the Thirties. Ridley is unconvinced.",
        "“I think about that a lot, but I find it hard to believe.”",
        "Kent is a county in England.",
        "“Nobody expected the vote to be this close.”",
    ]
    assert speakers(paragraphs) == ["Ann Ridley", "Ann Ridley"]


def test_an_interview_answer_continues_the_speaker_past_questions() -> None:
    # Questions and scene-setting that introduce nobody keep the interviewee speaking three
    # paragraphs on; a paragraph that introduces someone new ends it.
    paragraphs = [
        "“We should give the town all the help we can,” Ann Ridley says.",
        "What would she change first?",
        "Does she still read the letters she gets?",
        "I ask whether the club can survive another winter.",
        "“The club has survived worse winters than this one, and it will survive again.”",
        "Tom Baxter, the treasurer, keeps the books in a shoebox.",
        "What about the bank?",
        "Would it lend again?",
        "“Nobody has asked the bank for a penny since the flood.”",
    ]
    assert speakers(paragraphs) == ["Ann Ridley", "Ann Ridley", None]


def test_a_sentence_ending_in_an_inverted_cue_gives_the_next_quote_its_speaker() -> None:
    # "..., says Ridley. “...”": the paraphrase and the quote after it are the same speaker's,
    # though the sentence holds a capitalised place and its own clause before the cue.
    paragraphs = [
        "Ann Ridley runs the club.",
        "With the council absent, Harbour Town will have more say over the pitch, but the club "
        "should expect a different kind of help, says Ridley. “They cannot expect us to do "
        "exactly what the council did.”",
    ]
    assert speakers(paragraphs) == ["Ann Ridley"]


def test_a_possessive_standing_for_the_speaker_is_resolved_like_a_pronoun() -> None:
    # "His remarks that “...”": "his" is the speaker, the person the pronoun stands for.
    paragraphs = [
        "In August, army chief Omar Haidar warned against campaigns targeting the military.",
        "He also warned that the web spread “anarchy”. His remarks that “chaos is spread "
        "through social media” followed a condemnation by the army of online campaigns.",
    ]
    assert speakers(paragraphs) == ["Omar Haidar", "Omar Haidar"]


def test_a_role_or_aside_after_the_name_is_not_the_speaker() -> None:
    # "Advocate Rita Kelly King’s Counsel (KC) once cautioned:", "Jon Tester (D-Mont.) said":
    # a parenthesis before the verb and a role written after the name are dropped.
    paragraphs = [
        "Advocate Rita Ann Kelly King’s Counsel (KC) once cautioned: “Constitutional "
        "amendment is a double-edged sword for any country.”",
        "Senator Jon Tester (D-Mont.) said: “We will not vote for this budget as written.”",
    ]
    assert speakers(paragraphs) == ["Rita Ann Kelly", "Jon Tester"]


def test_the_author_of_a_document_speaks_through_it() -> None:
    # "X issued a statement saying": X wrote it; "holding a sign saying" keeps the sign,
    # whose author the sentence does not give.
    paragraphs = [
        "The ministry issued a statement saying “the border will stay open to aid convoys.”",
        "On Monday, Ann Ridley made another post describing “the moral necessity of getting out.”",
        "Protesters were holding a sign saying “Keep the library open for our children.”",
    ]
    assert speakers(paragraphs) == ["The ministry", "Ann Ridley", "a sign"]


def test_an_acronym_or_letters_after_a_name_take_the_fullest_name() -> None:
    # "the CDC said" after "Centers for Disease Control and Prevention (CDC)"; "Ms Doe" after
    # "Jane Doe KC" (the letters after the name are no part of it).
    paragraphs = [
        "The Centers for Disease Control and Prevention (CDC) warned of a new wave.",
        "“Vaccines remain effective,” the CDC said.",
        "The case was brought by Jane Doe KC on behalf of the families.",
        "“This is a landmark ruling,” Ms Doe said.",
    ]
    assert speakers(paragraphs) == ["Centers for Disease Control and Prevention", "Jane Doe"]


def test_a_cross_reference_to_another_article_is_no_quotation() -> None:
    # "(see ‘Brazil yo-yos on deforestation’)" names a related article; the quote after it
    # in the sentence is still the speaker's.
    paragraphs = [
        "Forest loss surged under the last government (see ‘Harbour Town counts its trees’) and "
        "reversing the trend “is not simple at all”, says Rita Kelly, who leads the council."
    ]
    found = find_quotes(paragraphs)
    assert [(q.text, q.speaker) for q in found] == [("is not simple at all", "Rita Kelly")]


def test_a_name_owned_by_an_organisation_is_not_a_persons_full_name() -> None:
    # "its annual Camp Quill event" is a thing named after the company, so "Quill" stays
    # "Quill"; "its chief executive Ann Lee said" is still a person.
    paragraphs = [
        "Quill announced new features at its annual Camp Quill event on Thursday.",
        "“We have listened to our athletes,” Quill wrote in a blog post.",
        "Its chief executive Ann Lee spoke next. “This is our biggest year,” Lee said.",
    ]
    assert speakers(paragraphs) == ["Quill", "Ann Lee"]


def test_a_person_named_inside_the_speakers_account_does_not_take_the_pronoun() -> None:
    # "Smith said the judge, Tom Jones, had ignored ...": Jones is inside what Smith said,
    # so the next "he said" is still Smith's; "said Tom Jones" would make Jones speak.
    paragraphs = [
        "“We will appeal,” said John Smith, a lawyer for the family.",
        "Smith said the judge, Tom Jones, had ignored the evidence.",
        "“He did not read the file,” he said.",
    ]
    assert speakers(paragraphs) == ["John Smith", "John Smith"]


def test_the_company_stands_for_a_name_with_a_company_suffix() -> None:
    # "Acme Corp. shares fell" ... "the company said": Corp., Inc., Ltd. name a company.
    paragraphs = [
        "Harbour Freight Corp. shares fell 5% on Tuesday.",
        "“We expect a better quarter,” the company said in a statement.",
    ]
    assert speakers(paragraphs) == ["Harbour Freight Corp"]


def test_an_age_description_stands_for_the_person_just_introduced() -> None:
    # "the 45-year-old said": the person introduced with that age.
    paragraphs = [
        "Tom Baxter, 45, was jailed for six years on Friday.",
        "“I am sorry for what I did,” the 45-year-old said.",
    ]
    assert speakers(paragraphs) == ["Tom Baxter"]


def test_a_dash_and_a_name_after_the_quote_attribute_it() -> None:
    # A pull quote signed with a dash: "“...” — Ann Lee, director of the shelter".
    paragraphs = [
        "“We are full every night and turn people away.” — Ann Lee, director of the shelter",
        "“Nobody expected the river to rise so fast.” – Tom Baxter",
    ]
    assert speakers(paragraphs) == ["Ann Lee", "Tom Baxter"]


def test_a_pull_quote_signed_on_the_next_line_takes_that_name() -> None:
    # A pull quote, then a line "- Nikki Haley, former governor ...": the signed name speaks.
    paragraphs = [
        "“We will win this state and we will win it big.”",
        "- Rita Kelly, former governor of the state",
        "Kelly spoke to supporters in a barn outside town.",
    ]
    assert speakers(paragraphs) == ["Rita Kelly"]


def test_a_capitalised_name_ending_in_ing_is_no_verb() -> None:
    # "analysts at Boston Consulting Group wrote": "Consulting" is part of a name, so the
    # group keeps its place; "Zelensky considering" would be a clause.
    paragraphs = [
        "“Companies should start preparing for autonomous agents today,” analysts at Harbour "
        "Consulting Group wrote recently in a report."
    ]
    assert speakers(paragraphs) == ["analysts at Harbour Consulting Group"]


def test_an_unnamed_source_keeps_the_place_or_body_it_belongs_to() -> None:
    # The gold convention: "The Israeli mission to the UN in Geneva", "a spokesperson at
    # Sheffield University" are written out; "on Sunday" is a time, not a place.
    paragraphs = [
        "The Freedonian mission to the UN in Geneva said: “We reject the report entirely.”",
        "“We will review the findings,” said a spokesperson at Harbour University.",
        "The ministry on Sunday confirmed it had struck “military command facilities only”.",
    ]
    assert speakers(paragraphs) == [
        "The Freedonian mission to the UN in Geneva",
        "a spokesperson at Harbour University",
        "The ministry",
    ]


def test_one_of_a_group_just_named_speaks_as_one_member() -> None:
    # "Vice-chancellors are ..." then "One, who asked not to be named, said:" -> "One
    # vice-chancellor"; "Some users ..." then "one wrote" -> "one user"; a "one" with no
    # group before it has no speaker.
    paragraphs = [
        "Vice-chancellors are worried about the cuts.",
        "One, who asked not to be named, said: “We will have to close departments.”",
        "Some users compared the app with their friends. “It checks in on me more than my "
        "family does,” one wrote.",
    ]
    assert speakers(paragraphs) == ["One vice-chancellor", "one user"]
    assert speakers(["“We will open the doors at nine,” one said."]) == [None]


def test_a_lede_role_takes_the_name_the_article_gives_it_next() -> None:
    # "A DUP councillor has said ..." then "DUP councillor Sarah Bunting": her words; "A
    # spokesperson" with nobody named in that role stays as written.
    paragraphs = [
        "A Harbour Party councillor has said the bypass plan is “a disgrace to the whole town”.",
        "Harbour Party councillor Sarah Bunting said residents had not been consulted.",
        "A spokesperson said the council was “looking into the matter carefully”.",
    ]
    assert speakers(paragraphs) == ["Sarah Bunting", "A spokesperson"]


def test_the_union_stands_for_a_guild_named_before() -> None:
    # "the union said" after a guild, also one whose name joins two bodies with a hyphen.
    paragraphs = [
        "The Harbour Actors Guild-American Federation of Radio Artists ratified the deal.",
        "“This is a win for every member,” the union said.",
    ]
    assert speakers(paragraphs) == ["Harbour Actors Guild-American Federation of Radio Artists"]


def test_it_stands_for_the_organisation_the_sentence_before_opened_with() -> None:
    # "Harbour Bank cut its forecast. “...,” it said.": the bank, not "its forecast".
    paragraphs = [
        "Harbour Bank cut its forecast on Tuesday.",
        "“Risks remain high for the rest of the year,” it said.",
        "The World Bank expects growth to slow. “Trade is weaker than we thought,” it said.",
    ]
    assert speakers(paragraphs) == ["Harbour Bank", "World Bank"]


def test_which_after_an_organisation_and_its_place_stands_for_the_organisation() -> None:
    # "the Harbour Dialogue Group in Leeds, which says ...": the group speaks, not the city.
    paragraphs = [
        "Sam Ortiz is the head of the Harbour Dialogue Group in Leeds, which says on its site "
        "that it aims to “protect the historical rights of the river people.”"
    ]
    assert speakers(paragraphs) == ["Harbour Dialogue Group"]


def test_a_bare_surname_shared_by_two_people_goes_to_the_one_named_last() -> None:
    # Two Amers: the neighbour was just introduced, so "Amer said" continues with him.
    paragraphs = [
        "Abu Hassan Amer was at home in the camp when the strike hit the street.",
        "Sadeq Abu Amer, his neighbour, arrived a few minutes later to help.",
        "“There was nothing left of the building at all,” Amer said.",
    ]
    assert speakers(paragraphs) == ["Sadeq Abu Amer"]


def test_a_surname_the_article_writes_with_a_title_stays_with_its_titled_bearer() -> None:
    # Only the advocate is "Adv Lebo"; her brother named just before does not take the quote.
    paragraphs = [
        "Advocate Palesa Lebo has spent ten years in the courts of Maseru.",
        "Adv Lebo grew up in a village outside the capital.",
        "Her brother, Thabo Lebo, still farms the family land there.",
        "“The law must be taught in every school in this country,” Lebo said.",
    ]
    assert speakers(paragraphs) == ["Palesa Lebo"]


def test_a_role_finds_a_holder_whose_surname_is_also_a_place_word() -> None:
    # "Park" names places too, but "Senator Tom Park" is a person holding the role.
    paragraphs = [
        "Senator Tom Park spoke to reporters about the budget on Tuesday morning.",
        "“We will not accept any cuts to the program this year,” the senator said.",
    ]
    assert speakers(paragraphs) == ["Tom Park"]


def test_a_surname_that_is_also_a_month_is_the_person_named_with_it() -> None:
    # "May said": a modal never stands alone before a verb of saying; the article called
    # her "Theresa May" before.
    paragraphs = [
        "Theresa May met party members in London on Friday evening.",
        "“This deal is the best one we could possibly get for the country,” May said.",
    ]
    assert speakers(paragraphs) == ["Theresa May"]


def test_a_place_after_a_preposition_is_not_the_full_name_of_a_surname() -> None:
    # "in Hyde Park" is where he walked; "Park said" is Tom Park.
    paragraphs = [
        "Tom Park walked in Hyde Park on Friday evening.",
        "“We will keep talking to them until the end of the year,” Park said.",
    ]
    assert speakers(paragraphs) == ["Tom Park"]


def test_a_role_nobody_was_introduced_with_keeps_its_noun_phrase() -> None:
    # The lawyer is not the judge: the unnamed judge keeps "the judge".
    paragraphs = [
        "Maria Lopez, a lawyer, told the court her client was innocent.",
        "“This case should never have been brought before us,” the judge said.",
    ]
    assert speakers(paragraphs) == ["the judge"]


def test_a_role_goes_to_the_person_introduced_with_it() -> None:
    # "Ruth Kim, a judge," holds the role, so "the judge" is her.
    paragraphs = [
        "Ruth Kim, a judge, heard the case on Monday morning in the county court.",
        "“This case should never have been brought before us,” the judge said.",
    ]
    assert speakers(paragraphs) == ["Ruth Kim"]


def test_an_unnamed_source_keeps_the_body_it_belongs_to() -> None:
    # "in the ministry" is the source's place of work, not where the words were said: the
    # convention keeps a prepositional complement of an unnamed source.
    paragraphs = [
        "“We cannot accept this plan at all,” a senior official in the ministry said.",
        "“There is no money left for it,” said an adviser at the company.",
        "“It was signed in a hurry on Friday,” a spokesperson said in the interview.",
    ]
    assert speakers(paragraphs) == [
        "a senior official in the ministry",
        "an adviser at the company",
        "a spokesperson",
    ]


def test_an_organisation_name_with_and_is_kept_whole() -> None:
    # "Universities and Colleges" is one name: "and" between two capitalised words of it ends
    # no phrase, before the verb or after it.
    body = "a spokesperson for the Universities and Colleges Employers’ Association"
    paragraphs = [
        f"“Pay talks will resume in the new year,” {body} said.",
        f"“Pay talks will resume in the new year,” said {body}.",
    ]
    assert speakers(paragraphs) == [body, body]


def test_a_fragment_with_no_speaker_of_its_own_goes_on_with_the_last_speaker() -> None:
    # The report of the director's words runs on: the next paragraph's fragment has a
    # sentence without a person or speech verb, so it is still the director's.
    paragraphs = [
        "Director Ann Lee warned that “the risk of new waves is still very real today.”",
        "However, with millions yet to be vaccinated, the gaps “will keep our region at risk.”",
        "Ruiz later said the figures were “far worse than anyone had expected.”",
    ]
    assert speakers(paragraphs) == ["Ann Lee", "Ann Lee", "Ruiz"]


def test_a_fragment_after_a_new_name_does_not_go_on_with_the_last_speaker() -> None:
    paragraphs = [
        "Director Ann Lee warned that “the risk of new waves is still very real today.”",
        "",
        "",
        "The gaps in the north “will keep the whole region at risk for years.”",
    ]
    assert speakers(paragraphs) == ["Ann Lee", None]


def test_made_clear_that_attributes_like_a_speech_verb() -> None:
    paragraphs = [
        "The new law makes clear that fines can be imposed for “falsely stating that someone "
        "is a close contact”.",
        "Ann Lee made clear that the council “will not accept any further delay on this”.",
    ]
    assert speakers(paragraphs) == ["The new law", "Ann Lee"]


def test_a_head_of_government_title_is_used_loosely_for_another() -> None:
    # "the Israeli leader" is the prime minister; "The French premier" the president.
    paragraphs = [
        "Prime Minister Benjamin Netanyahu met the envoy on Monday.",
        "“We will not stop until the job is done,” the Israeli leader said.",
        "President Emmanuel Macron pledged the change this week.",
        "The French premier took to X, writing: “The right of women to choose will become "
        "irreversible.”",
    ]
    assert speakers(paragraphs) == ["Benjamin Netanyahu", "Emmanuel Macron"]


def test_another_profession_is_not_a_loose_title() -> None:
    paragraphs = [
        "Maria Lopez, a lawyer for the family, spoke first.",
        "“The evidence is clear and damning,” the judge said.",
        "President Ana Ruiz flew to the border on Friday.",
        "“She has never met them at all,” the opposition leader said.",
    ]
    assert speakers(paragraphs) == ["the judge", "the opposition leader"]


def test_the_agency_is_a_government_body_named_otherwise() -> None:
    paragraphs = [
        "The warning was drawn up by the National Weather Service’s Storm Prediction Center. "
        "The agency warns that “all hazards will be possible, including tornadoes.”",
        "The Food and Drug Administration approved the drug on Friday.",
        "“This is an important step for patients,” the agency said.",
    ]
    assert speakers(paragraphs) == ["Storm Prediction Center", "Food and Drug Administration"]


def test_an_adjective_before_an_organisation_word_needs_one_such_organisation() -> None:
    one = [
        "The Liberal Democratic Party lost its majority on Sunday.",
        "“We accept the result with humility,” the ruling party said.",
    ]
    assert speakers(one) == ["Liberal Democratic Party"]
    two = [
        "The Green Party and the Liberal Democratic Party both lost seats on Sunday.",
        "“We accept the result with humility,” the ruling party said.",
    ]
    assert speakers(two) == ["the ruling party"]


def test_a_first_and_last_name_takes_the_full_name_with_a_middle_name() -> None:
    introduced_first = [
        "Sarah Jane Parker leads the charity.",
        "“Demand has doubled since spring,” Sarah Parker said.",
    ]
    assert speakers(introduced_first) == ["Sarah Jane Parker"]
    # The short form came first: the longer name may be another person.
    short_first = [
        "“Demand has doubled since spring,” Sarah Parker said.",
        "Sarah Jane Parker, her cousin, runs the shop next door.",
        "“We cannot keep up with it,” Sarah Parker said.",
    ]
    assert speakers(short_first) == ["Sarah Parker", "Sarah Parker"]


def test_an_honorific_is_no_office_that_keeps_a_role_from_its_bearer() -> None:
    paragraphs = [
        "Sir Keir Starmer was in Berlin on Monday.",
        "“We stand with our allies today and always,” the prime minister said.",
    ]
    assert speakers(paragraphs) == ["Keir Starmer"]
