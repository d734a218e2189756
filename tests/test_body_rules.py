"""Generic body rules met on real pages, each on a small page written after the pattern:
drop caps, picture boxes without <figure>, camelCase and BEM class names, captions taken for
a standfirst, article HTML held only in a script's JSON, boilerplate lines, story headers,
wrapped subheads, a free lead before a restricted part."""

from __future__ import annotations

import json

import pytest

from scraper.extract.boilerplate import boilerplate_token
from scraper.extract.boilerplate_lines import is_boilerplate_paragraph
from scraper.extract.generic import extract_generic

PROSE = (
    "The council met on Tuesday evening to discuss the new budget for the coming year, "
    "and members argued for hours about the cost of repairing the old bridge by the river."
)
MORE = (
    "Residents who came to the meeting said they had waited years for the repairs, and that "
    "the detour through the town centre added half an hour to every trip to the station."
)


def page(body: str, head: str = "") -> str:
    return f"<html><head><title>Budget</title>{head}</head><body>{body}</body></html>"


def article(inner: str) -> str:
    return page(
        f"<main><article><h1>Budget row</h1><div class='text'>{inner}</div></article></main>"
    )


def test_drop_cap_joins_its_word() -> None:
    html = article(
        "<p><span class='initial-letter-outer'><span class='initial-letter'>N</span></span> "
        f"<span>ow the council has decided. {PROSE}</span></p><p>{MORE}</p>"
    )
    body = extract_generic(html, "https://example.org/a").body
    assert body[0].startswith("Now the council has decided.")


def test_drop_cap_that_is_a_word_keeps_its_space() -> None:
    html = article(f"<p><span class='dropcap'>A</span> <span>{PROSE}</span></p><p>{MORE}</p>")
    body = extract_generic(html, "https://example.org/a").body
    assert body[0].startswith("A The council")


def test_drop_cap_outside_its_paragraph_joins_its_word() -> None:
    html = article(
        "<span class='sc-gATInX'>T</span><p><a href='/t'>he</a> council met. "
        f"{PROSE}</p><p>{MORE}</p>"
    )
    body = extract_generic(html, "https://example.org/a").body
    assert body[0].startswith("The council met. ")
    assert "T" not in body


def test_detached_one_letter_word_is_joined_only_to_a_known_word() -> None:
    joined = article(f"<span class='x'>A</span><p>nother vote. {PROSE} Another day.</p>")
    spaced = article(f"<span class='x'>A</span><p>dog barked. {PROSE}</p><p>{MORE}</p>")
    assert extract_generic(joined, "https://example.org/a").body[0].startswith("Another vote.")
    assert extract_generic(spaced, "https://example.org/a").body[0].startswith("A dog barked.")


def test_letter_before_a_capitalised_paragraph_is_no_drop_cap() -> None:
    html = article(f"<div><b>Q</b></div><p>{PROSE}</p><p>{MORE}</p>")
    body = extract_generic(html, "https://example.org/a").body
    assert body[0] == PROSE


def test_picture_box_without_figure_is_not_text() -> None:
    html = article(
        f"<p>{PROSE}</p><div class='picBox full'><img src='/a.jpg' width='600' height='400'>"
        f"<p>Workers on the old bridge, March 2024</p></div><p>{MORE}</p>"
    )
    body = extract_generic(html, "https://example.org/a").body
    assert body == [PROSE, MORE]


def test_picture_box_between_text_runs_keeps_them_apart() -> None:
    html = article(
        f"{PROSE}<span class='hmedia'><img src='/b.jpg'><a href='/x'>The bridge</a></span>{MORE}"
    )
    body = extract_generic(html, "https://example.org/a").body
    assert body == [PROSE, MORE]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ("c-inlineSignup", True),
        ("giz-PostMetadataFooter", True),
        ("mediaRights", True),
        ("affiliate_info", True),
        ("articleBody", False),
        ("storyContent", False),
    ],
)
def test_camel_case_class_names_are_read_as_words(names: str, expected: bool) -> None:
    assert boilerplate_token(names) is expected


def test_bem_element_of_the_content_block_is_judged_by_its_own_name() -> None:
    html = article(
        f"<p>{PROSE}</p><div class='article-content__sign-in-group'><p>Create an account or "
        "sign in to continue with your reading experience.</p></div><p>" + MORE + "</p>"
    )
    body = extract_generic(html, "https://example.org/a").body
    assert body == [PROSE, MORE]


def test_lead_image_caption_is_not_a_standfirst() -> None:
    caption = "A crowd of people at the castle in the park on a sunny afternoon in May"
    html = page(
        "<main><article><h1>Budget row</h1>"
        f"<figure class='lead-article-image'><img src='/c.jpg'><figcaption><span class='caption'>"
        f"{caption}</span></figcaption></figure>"
        f"<div class='article-body'><p>{PROSE}</p><p>{MORE}</p></div></article></main>"
    )
    article_ = extract_generic(html, "https://example.org/a")
    assert caption not in article_.text
    assert article_.body == [PROSE, MORE]


def test_article_html_only_in_script_state() -> None:
    paragraphs = [f"{PROSE} ({n})" for n in range(3)]
    content = "$$AD$$" + "".join(f"<p class='editor-p'>{p}</p>" for p in paragraphs)
    state = json.dumps({"props": {"article": {"contentHtml": content}}})
    html = page(
        f"<div id='__next'><h1>Budget row</h1></div><script id='__NEXT_DATA__' "
        f"type='application/json'>{state}</script>"
    )
    result = extract_generic(html, "https://example.org/a")
    assert result.body == paragraphs


def test_script_state_is_not_read_when_the_page_has_its_body() -> None:
    state = json.dumps({"teaser": "<p>" + "Another story entirely. " * 30 + "</p>"})
    html = article(f"<p>{PROSE}</p><p>{MORE}</p><p>{PROSE}</p><script>var s = {state};</script>")
    assert extract_generic(html, "https://example.org/a").body == [PROSE, MORE, PROSE]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$$ARTICLEAD$$", True),
        ("{{ad-slot}}", True),
        ("Skip to content", True),
        ("REGISTER / SIGN IN TO UNLOCK MORE ARTICLES", True),
        ("Il vous reste 57.09% de cet article à lire.", True),
        ("WATCH | Palestinians react to the news:", True),
        ("Follow TechRadar on Google News and add us as a preferred source.", True),
        ("Dear Reader - The enemies of freedom are choking off the resources we need.", True),
        ("Join The Conversation", True),
        ("[/cta", True),
        ('[caption id="attachment_1" align="alignnone"]', True),
        ("___", True),
        ("* * *", True),
        ("Dear reader, I never thought I would write this letter to you.", False),
        ("[Editor's note: the council later changed its mind about the bridge.]", False),
        ("[Editor note: the council changed its mind.]", False),
        ("Skip to content is what the editor said when asked about the long intro.", False),
        ("Watch the river rise: the council says the bridge will hold.", False),
        ("Advert-free experience without interruptions.", True),
        ("Exclusive & Unlimited access to all our content.", True),
        ("Rocket-fast speedy loading pages.", True),
        ("Try CITY Premium for FREE by clicking here for no ads and puzzles.", True),
        ("Follow the latest flood updates on our live blog.", True),
        ("Get the latest updates from the campaign trail and more at our election hub.", True),
        ("Essential news, delivered daily", True),
        ("Get the best of the Valley Times delivered directly to your inbox.", True),
        ("Read our full mailing list consent terms here", True),
        ("Click here for reprint permission.", True),
        ("The app promises an ad-free experience for a monthly fee, the company said.", False),
        ("Follow the latest updates below:", False),
        ("Residents now have unlimited access to the bridge during repairs.", False),
        ("Fresh bread is delivered daily to the three schools, the council said.", False),
    ],
)
def test_boilerplate_lines(text: str, expected: bool) -> None:
    assert is_boilerplate_paragraph(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Read also: the budget",
        "Lesen Sie auch: Haushalt",
        "à lire aussi",
        "12 comments",
        "Kommentare: 3",
        "Foto: Jane Roe/AFP via Getty Images",
        "Every article pushes back against disinformation. Your support keeps our team going.",
        "(Credit: Jane Roe)",
        "© 2024 Example",
        "The council met on Tuesday.",
        "Ümlaut am Anfang",
        "ſhare this",
        "",
    ],
)
def test_pattern_index_agrees_with_the_whole_alternation(text: str) -> None:
    from scraper.extract import boilerplate_lines

    expected = boilerplate_lines._PARAGRAPH_PATTERN.match(text) is not None
    assert boilerplate_lines._matches_pattern(text) is expected


def test_marked_block_holding_the_headline_stays_so_a_second_story_is_told_apart() -> None:
    # Infinite scroll: the next story follows the first, each headed by a classed block
    # ("article-header" reads as a page header) that holds its <h1>.
    second = " ".join([MORE] * 6)
    html = page(
        "<main><article id='first'><div class='article-header'><h1>Budget row</h1></div>"
        f"<div class='text'><p>{PROSE}</p><p>{MORE}</p></div></article>"
        "<div class='under-article'><article id='second'><div class='article-header'>"
        f"<h1>Another story</h1></div><div class='text'><p>{second}</p><p>{second}</p></div>"
        "</article></div></main>"
    )
    assert extract_generic(html, "https://example.org/a").body == [PROSE, MORE]


def test_heading_id_is_an_anchor_not_a_role() -> None:
    html = article(
        f"<p>{PROSE}</p><h3 id='nav_budget_row__0'>What the council wants</h3><p>{MORE}</p>"
    )
    body = extract_generic(html, "https://example.org/a").body
    assert body == [PROSE, "What the council wants", MORE]


def test_subhead_alone_in_its_wrapper_is_read_when_prose_follows() -> None:
    html = article(
        f"<p>{PROSE}</p><div class='slide-title'><h2>The bridge in winter</h2></div>"
        f"<p>{MORE}</p><div class='widget-title'><h3>More from the council</h3></div>"
        "<ul><li><a href='/1'>Link one</a></li><li><a href='/2'>Link two</a></li></ul>"
    )
    body = extract_generic(html, "https://example.org/a").body
    assert body == [PROSE, "The bridge in winter", MORE]


def test_free_lead_paragraph_before_the_restricted_wrapper_is_read() -> None:
    rest = "".join(f"<p>{MORE} ({n})</p>" for n in range(5))
    html = page(
        "<main><article><h1>Budget row</h1><div class='article-body'>"
        f"<p>{PROSE}</p><div class='restricted-area'>{rest}</div>"
        "<p>Click to read more and view comments</p></div></article></main>"
    )
    body = extract_generic(html, "https://example.org/a").body
    assert body == [PROSE] + [f"{MORE} ({n})" for n in range(5)]


def test_free_lead_after_a_standfirst_box_is_read() -> None:
    rest = "".join(f"<p>{MORE} ({n})</p>" for n in range(5))
    dek = "The council argued for hours about the bridge and what its repair will cost."
    html = page(
        "<main><article><h1>Budget row</h1><div class='article-body'>"
        f"<div class='box'>{dek}</div><p>{PROSE}</p><div class='restricted-area'>{rest}</div>"
        "</div></article></main>"
    )
    body = extract_generic(html, "https://example.org/a").body
    assert body[-6:] == [PROSE] + [f"{MORE} ({n})" for n in range(5)]


@pytest.mark.parametrize(
    "text", ["Article réservé aux abonnés", "Subscribers only", "Exklusiv für Abonnenten"]
)
def test_paywall_labels(text: str) -> None:
    assert is_boilerplate_paragraph(text)


def test_indented_link_list_is_not_prose() -> None:
    # The tabs between the links of a keyword list are not text: the list is all links.
    places = "\n\t\t\t\t\t".join(
        f"<a href='/local/{n}'>{n}</a>"
        for n in ("Gifu", "Shiga", "Ogaki", "Seino", "Aichi", "Toyohashi", "Mikawa", "Nagoya")
    )
    html = article(f"<p>{PROSE}</p><p>{MORE}</p><p>\n\t\t\t\t\t{places}\n\t\t\t</p>")
    body = extract_generic(html, "https://example.org/a").body
    assert body == [PROSE, MORE]


@pytest.mark.parametrize(
    "name", ["column factbox", "c-infoBox", "RenderKeyPoints-list", "column aiArticleSummary"]
)
def test_fact_box_and_key_points_are_not_the_body(name: str) -> None:
    html = article(
        f"<div class='{name}'><h2>In brief</h2><ul><li>The council argued about the budget "
        "for hours.</li><li>The bridge repairs were postponed again.</li></ul></div>"
        f"<p>{PROSE}</p><p>{MORE}</p>"
    )
    body = extract_generic(html, "https://example.org/a").body
    assert body == [PROSE, MORE]


@pytest.mark.parametrize(
    "text",
    [
        "For the latest news from the valley, sign up for our newsletters.",
        "Sie können sich jederzeit wieder abmelden, wenn Sie das möchten.",
        "Get in touch with our news team by emailing us at news@example.org.",
        "We apologise, but this video has failed to load.",
        "First published in The Conversation.",
        "Dies ist eine maschinelle Übersetzung eines Artikels unserer Kollegen.",
        "Dieser Artikel ist zuerst bei der Wochenzeitung erschienen.",
        "Associated Press writer Ann Lee in Paris contributed to this report.",
        "mit dpa",
        "An dieser Stelle finden Sie einen von unseren Redakteuren ausgewählten, externen Inhalt.",
        "Externen Inhalt anzeigen",
        "Ich bin damit einverstanden, dass mir der externe Inhalt angezeigt wird.",
        "Ein Klick für den Datenschutz",
        "2 Klicks für mehr Datenschutz: Erst wenn Sie hier klicken, wird der Button aktiv.",
        "Erst wenn Sie hier klicken, werden die Grafiken nachgeladen.",
        "With reporting by Associated Press writer Ann Lee",
        "– additional reporting by Ann Lee",
        "Additional reporting from PA",
    ],
)
def test_notes_and_newsletter_lines(text: str) -> None:
    assert is_boilerplate_paragraph(text)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor urged residents to sign up for the council's newsletter about road works.",
        "Mit dem Geld will die Stadt die Brücke sanieren.",
        "She first published her findings in a small journal in 2019, long before the war.",
        "Additional reporting by Ann Lee; Editing by Tom Roe",
        "Die Stadt will externen Inhalt anzeigen lassen, sagt der Bürgermeister.",
        "Ein Klick für den Datenschutz reicht nicht, sagen Verbraucherschützer.",
        "With reporting by the local paper, the council's plans came to light last spring.",
    ],
)
def test_prose_mentioning_newsletters_or_publication_is_kept(text: str) -> None:
    assert not is_boilerplate_paragraph(text)


def test_appeal_in_a_teaser_box_is_no_standfirst() -> None:
    html = page(
        "<main><article><h1>Budget row</h1><div class='teaser'><p>Unabhängiger Journalismus "
        "braucht deine Unterstützung, jeden Tag.</p></div>"
        f"<div class='text'><p>{PROSE}</p><p>{MORE}</p></div></article></main>"
    )
    body = extract_generic(html, "https://example.org/a").body
    assert body == [PROSE, MORE]


@pytest.mark.parametrize(
    "text", ["1月13日", "1月13日(月) 18時30分", "この記事は会員限定です。", "関連キーワード"]
)
def test_japanese_date_stamps_and_notices(text: str) -> None:
    assert is_boilerplate_paragraph(text)


@pytest.mark.parametrize("text", ["1月13日、宮崎県で地震があった。", "関連する記事を読んだ。"])
def test_japanese_sentences_with_dates_are_kept(text: str) -> None:
    assert not is_boilerplate_paragraph(text)


@pytest.mark.parametrize(
    "bio",
    [
        "Ann Lee is a senior reporter at the Valley Times. She covers city hall.",
        "Korrespondent Max Muster ist bei der Zeitung für Landespolitik zuständig.",
        "Tom Roe writes about cities and transport.",
        "• Ann Lee can be reached at alee@valleytimes.example.",
        "• Staff can be reached at 555-0100.",
    ],
)
def test_author_bio_closing_the_body_is_dropped(bio: str) -> None:
    html = article(f"<p>{PROSE}</p><p>{MORE}</p><p>{bio}</p>")
    assert extract_generic(html, "https://example.org/a").body == [PROSE, MORE]


def test_helpline_closing_the_body_is_kept() -> None:
    helpline = "The council helpline can be reached at 555-0100 from Monday to Friday."
    html = article(f"<p>{PROSE}</p><p>{MORE}</p><p>{helpline}</p>")
    assert extract_generic(html, "https://example.org/a").body == [PROSE, MORE, helpline]


def test_person_introduced_before_the_end_is_kept() -> None:
    intro = "Ann Lee is a senior reporter at the Valley Times who first wrote about the bridge."
    html = article(f"<p>{PROSE}</p><p>{intro}</p><p>{MORE}</p><p>{PROSE} Again.</p>")
    assert intro in extract_generic(html, "https://example.org/a").body


@pytest.mark.parametrize(
    "text",
    [
        "https://www.example.org/video/bridge-repairs100.html",
        "Auf dieser Seite:",
        "1 min",
        "Embed",
        "Aktualisiert am 07.01.2026 - 18:50 UhrLesedauer: 4 Min.",
        "Posted by Ann on 21/02/2021. Filed under News. You can follow any responses to this "
        "entry through the RSS 2.0 feed.",
    ],
)
def test_page_furniture_lines(text: str) -> None:
    assert is_boilerplate_paragraph(text)


def test_photo_with_italic_caption_inside_a_paragraph_is_not_text() -> None:
    html = article(
        f"<p>{PROSE}</p><p><img src='/court.jpg' width='1169' height='646'><br>"
        f"<em>The engineer at the hearing (R)</em></p><p>{MORE}</p>"
    )
    assert extract_generic(html, "https://example.org/a").body == [PROSE, MORE]


def test_text_after_a_photo_or_an_emoji_is_kept() -> None:
    after_photo = "Curious now? Then read on."
    after_emoji = "Thanks to everyone who came!"
    html = article(
        f"<p>{PROSE}</p><p><img src='/bag.jpg' width='800'>{after_photo}</p>"
        f"<p><img class='wp-smiley emoji' src='/e.svg'><em>{after_emoji}</em></p><p>{MORE}</p>"
    )
    body = extract_generic(html, "https://example.org/a").body
    assert after_photo in body and after_emoji in body


def test_pull_quote_box_is_not_the_body() -> None:
    html = article(
        f"<p>{PROSE}</p><div class='article-pullquote'><p>“We waited years for this "
        f"bridge to be repaired.”</p></div><p>{MORE}</p>"
    )
    assert extract_generic(html, "https://example.org/a").body == [PROSE, MORE]


def test_photo_shoot_credits() -> None:
    assert is_boilerplate_paragraph(
        "Fotos: Ann Lee Styling: Tom Roe Haare: Kim Doe Make-up: Lou Poe mit Produkten von X"
    )
    assert not is_boilerplate_paragraph("Fotos: Die Brücke ist seit März gesperrt.")


def test_description_that_is_the_lead_caption_is_no_standfirst() -> None:
    caption = "Workers on the old bridge in March, ready at last to start the repairs."
    html = page(
        "<main><article><h1>Budget row</h1><figure><img src='/bridge.jpg' width='800'>"
        f"<figcaption>{caption}</figcaption></figure>"
        f"<div class='text'><p>{PROSE}</p><p>{MORE}</p></div></article></main>",
        head=f"<meta property='og:description' content='{caption}'>",
    )
    article_ = extract_generic(html, "https://example.org/a")
    assert article_.body == [PROSE, MORE]


@pytest.mark.parametrize(
    "text",
    [
        "Our website is the place for the latest news. Please bookmark example.org and sign up.",
        "Recommended from Editorial",
    ],
)
def test_bookmark_prompts_and_widget_titles(text: str) -> None:
    assert is_boilerplate_paragraph(text)


def test_bookmark_in_prose_is_kept() -> None:
    assert not is_boilerplate_paragraph("He kept the old map of the town as a bookmark.")


def test_picture_carousel_beside_the_body_is_not_read() -> None:
    # Six captions beside a story three to four times as long: enough to join the body as a
    # sibling holding prose, were it not a carousel.
    slides = "".join(
        f"<div class='slide'><img src='/{n}.jpg' width='800'><div>{n} of 6 | Workers on the "
        "old bridge by the river, photographed on a grey morning before the repairs.</div></div>"
        for n in range(1, 7)
    )
    story = [f"{text} ({n})" for n in range(6) for text in (PROSE, MORE)]
    paragraphs = "".join(f"<p>{text}</p>" for text in story)
    html = page(
        f"<main><div class='lead'><div class='Carousel'>{slides}</div></div>"
        f"<div class='story'><h1>Budget row</h1>{paragraphs}</div></main>"
    )
    assert extract_generic(html, "https://example.org/a").body == story


def test_closing_appeal_and_its_title_are_dropped() -> None:
    # An appeal box without a class hint after the last paragraph (taz): a title, then a
    # paragraph asking the reader to pay for the journalism.
    appeal = (
        "Eine offene Gesellschaft braucht guten, frei zugänglichen Journalismus. Finden Sie "
        "auch? Dann machen Sie mit und unterstützen Sie unsere Aktion. Sind Sie dabei?"
    )
    html = article(
        f"<p>{PROSE}</p><h3>Sonderklausel</h3><p>{MORE}</p><h3>Links lesen</h3><p>{appeal}</p>"
    )
    assert extract_generic(html, "https://example.org/a").body == [PROSE, "Sonderklausel", MORE]


def test_appeal_in_the_middle_of_the_story_is_kept() -> None:
    # A reported appeal is news when the story goes on after it.
    appeal = "The charity said: please donate now, every donation will buy food for a family."
    later = [f"{text} ({n})" for n in range(2) for text in (PROSE, MORE)]
    paragraphs = "".join(f"<p>{text}</p>" for text in [PROSE, appeal, *later])
    body = extract_generic(article(paragraphs), "https://example.org/a").body
    assert appeal in body


def test_closing_paragraph_asking_without_naming_a_payment_is_kept() -> None:
    # "Machen Sie mit" alone (a quoted call to join a protest) is no appeal for money.
    closing = "Die Initiative ruft alle Anwohner auf: Machen Sie mit und kommen Sie am Samstag."
    html = article(f"<p>{PROSE}</p><p>{MORE}</p><p>{closing}</p>")
    assert extract_generic(html, "https://example.org/a").body[-1] == closing


def test_reference_mark_notes_are_boilerplate() -> None:
    # Japanese editors' notes under a story, set off by the reference mark (Chunichi, NHK).
    assert is_boilerplate_paragraph("※紙の新聞とは、朝刊の各版のことです。")
    assert is_boilerplate_paragraph("※ 下に線があることばは辞書で説明を見られます。")


def test_reference_mark_inside_a_sentence_is_kept() -> None:
    assert not is_boilerplate_paragraph("気象庁によると、震度は各地で観測された※という。")


@pytest.mark.parametrize(
    "text",
    [
        "This article contains affiliate links. The products were chosen by our journalists.",
        "If you buy something using links in our stories, we may earn a commission. Learn more.",
    ],
)
def test_affiliate_disclosures(text: str) -> None:
    assert is_boilerplate_paragraph(text)


def test_story_about_affiliate_commissions_is_kept() -> None:
    text = "The regulator said the page contains affiliate links that earned the firm a commission."
    assert not is_boilerplate_paragraph(text)


def test_german_blog_post_footer() -> None:
    assert is_boilerplate_paragraph(
        "Von redaktion am 03/05/2022. Abgelegt unter Politik. Kommentare sind geschlossen."
    )
    assert not is_boilerplate_paragraph(
        "Die Akten wurden von der Polizei am Montag abgelegt, unter anderem im Archiv der Stadt."
    )


def test_pull_quote_repeating_a_nearby_paragraph_is_dropped() -> None:
    quote = "Residents who came to the meeting said they had waited years for the repairs"
    html = article(f"<p>{PROSE}</p><blockquote><p>{quote}</p></blockquote><p>{MORE}</p>")
    body = extract_generic(html, "https://example.org/a").body
    assert body == [PROSE, MORE]


def test_first_paragraph_repeated_later_is_kept_as_the_standfirst() -> None:
    lead = "The council met on Tuesday evening to discuss the new budget for the coming year"
    html = article(f"<p>{lead}.</p><p>{PROSE}</p><p>{MORE}</p>")
    body = extract_generic(html, "https://example.org/a").body
    assert body == [f"{lead}.", PROSE, MORE]


def test_paragraphs_repeated_inside_a_block_holding_several_are_kept() -> None:
    # A teaser box reads the whole text again in one block: the paragraphs are the text.
    blob = f"{PROSE} {MORE} The end of the story."
    html = article(f"<div class='box'>{blob}</div><p>{PROSE}</p><p>{MORE}</p>")
    body = extract_generic(html, "https://example.org/a").body
    assert PROSE in body and MORE in body


def test_short_repeated_phrase_is_kept() -> None:
    slogan = "Fix the bridge now"
    html = article(f"<p>{PROSE} They chanted: {slogan}.</p><h2>{slogan}</h2><p>{MORE}</p>")
    body = extract_generic(html, "https://example.org/a").body
    assert slogan in body


def test_subhead_several_wrappers_deep_is_read_when_prose_follows() -> None:
    sections = "".join(
        f"<section class='group'><div class='visually-hidden'>Article content</div>"
        f"<div class='inline'>{inner}</div></section>"
        for inner in (f"<p>{PROSE}</p>", "<h3>The bridge in winter</h3>", f"<p>{MORE}</p>")
    )
    body = extract_generic(article(sections), "https://example.org/a").body
    assert body == [PROSE, "The bridge in winter", MORE]


@pytest.mark.parametrize(
    "text",
    [
        "Verwandte Beiträge",
        "Ähnliche Artikel",
    ],
)
def test_related_headings(text: str) -> None:
    assert is_boilerplate_paragraph(text)


def test_sentence_made_mostly_of_links_is_read() -> None:
    linked = (
        "After <a href='/1'>Lily Miyazaki won her first-round match on Monday</a>, it was "
        "<a href='/2'>Katie Boulter</a> who got the ball rolling on Tuesday."
    )
    html = article(f"<p>{PROSE}</p><p>{linked}</p><p>{MORE}</p>")
    body = extract_generic(html, "https://example.org/a").body
    assert len(body) == 3 and body[1].startswith("After Lily Miyazaki won")


def test_line_of_links_is_not_read() -> None:
    links = (
        "<a href='/1'>Council budget vote</a> | <a href='/2'>Bridge repairs delayed again</a>"
        " | <a href='/3'>Station detour</a>"
    )
    html = article(f"<p>{PROSE}</p><p>{links}</p><p>{MORE}</p>")
    assert extract_generic(html, "https://example.org/a").body == [PROSE, MORE]


def test_subhead_alone_in_a_wrapper_with_text_of_its_own_is_read() -> None:
    # The subhead's <span> is long enough to count as text, so its wrapper is read as a
    # block of the body; the subhead is the last element inside it.
    heading = "Where the bridge repairs stand now"
    html = article(
        f"<p>{PROSE}</p><div class='sub'><h2><span>{heading}</span></h2></div><p>{MORE}</p>"
    )
    body = extract_generic(html, "https://example.org/a").body
    assert body == [PROSE, heading, MORE]


def test_closed_popup_holding_more_text_than_the_article_is_stripped() -> None:
    # A popup plugin's dialog after the article, holding a whole other (longer) text: a
    # dialog is never the page's wrapper, however much of the page's prose it holds.
    other = " ".join([MORE] * 3)
    html = page(
        f"<main><article><h1>Budget row</h1><div class='text'><p>{PROSE}</p><p>{MORE}</p>"
        "</div></article></main><div class='pum' role='dialog' aria-hidden='true'>"
        f"<div class='pum-content'><p>{other}</p><p>{other}</p><p>{other}</p></div></div>"
    )
    assert extract_generic(html, "https://example.org/a").body == [PROSE, MORE]


def test_hidden_wrapper_holding_the_article_is_kept() -> None:
    # The page behind an open modal is marked aria-hidden; it is the article, not a dialog.
    html = page(
        f"<div aria-hidden='true'><main><article><h1>Budget row</h1><div class='text'>"
        f"<p>{PROSE}</p><p>{MORE}</p></div></article></main></div>"
        "<div role='dialog'><p>Subscribe to our newsletter today.</p></div>"
    )
    assert extract_generic(html, "https://example.org/a").body == [PROSE, MORE]


def test_standfirst_box_holding_the_headline_gives_the_standfirst_alone() -> None:
    dek = "Residents say the detour through the town centre costs them half an hour a day."
    html = page(
        "<main><article><div class='summary'><h2>Budget row over the old bridge</h2>"
        f"<p>{dek}</p></div><div class='text'><p>{PROSE}</p><p>{MORE}</p></div></article></main>"
    )
    assert extract_generic(html, "https://example.org/a").body == [dek, PROSE, MORE]


def _rows(count: int, email: bool) -> str:
    address = "<td>member{0}@parliament.example</td>" if email else "<td>{0} votes</td>"
    return "".join(
        f"<tr><td>Town {n}</td><td>Member {n}</td>{address.format(n)}</tr>" for n in range(count)
    )


def test_directory_of_email_addresses_is_not_body() -> None:
    html = article(f"<p>{PROSE}</p><table>{_rows(12, email=True)}</table><p>{MORE}</p>")
    body = extract_generic(html, "https://example.org/a").body
    assert body == [PROSE, MORE]


def test_data_table_and_short_contact_list_stay() -> None:
    html = article(
        f"<p>{PROSE}</p><table>{_rows(12, email=False)}</table>"
        f"<table>{_rows(3, email=True)}</table><p>{MORE}</p>"
    )
    body = extract_generic(html, "https://example.org/a").body
    assert "11 votes" in body and "member2@parliament.example" in body


def test_related_story_list_under_its_heading_goes() -> None:
    items = "".join(
        f"<li>Story {n} about <a href='/s{n}'>something else entirely</a></li>" for n in range(4)
    )
    html = article(
        f"<p>{PROSE}</p><p>{MORE}</p><div role='heading' aria-level='3'>More Great Example "
        f"Stories</div><ul>{items}</ul>"
    )
    assert extract_generic(html, "https://example.org/a").body == [PROSE, MORE]


def test_list_under_an_ordinary_subhead_stays() -> None:
    items = "".join(f"<li>Step {n}: check the bridge supports for rust</li>" for n in range(4))
    html = article(
        f"<p>{PROSE}</p><h3>What the engineers will do</h3><ul>{items}</ul><p>{MORE}</p>"
    )
    body = extract_generic(html, "https://example.org/a").body
    assert (
        "What the engineers will do" in body
        and "Step 3: check the bridge supports for rust" in body
    )


def test_aria_heading_leading_to_no_prose_goes() -> None:
    card = (
        "<div><div role='heading'>Keep reading</div><figure><img src='/badge.jpg'></figure>"
        "<div role='heading' aria-level='5'>"
        "The latest on <a href='/t'>bridges</a>, from repairs to budgets and more</div></div>"
    )
    html = article(f"<p>{PROSE}</p>{card}<p>{MORE}</p>")
    assert extract_generic(html, "https://example.org/a").body == [PROSE, MORE]


def test_title_beside_an_embedded_player_is_not_text() -> None:
    embed = (
        "<div class='x9'><div class='x8'><iframe src='https://video.example/1'></iframe></div>"
        "<div class='x7'>Bridge repairs: the council votes on the budget</div></div>"
    )
    html = article(f"<p>{PROSE}</p>{embed}<p>{MORE}</p>")
    assert extract_generic(html, "https://example.org/a").body == [PROSE, MORE]


def test_sentence_beside_an_embedded_player_stays() -> None:
    said = "The mayor said the bridge would reopen in May."
    embed = f"<div><div><iframe src='https://video.example/1'></iframe></div><p>{said}</p></div>"
    html = article(f"<p>{PROSE}</p>{embed}<p>{MORE}</p>")
    assert said in extract_generic(html, "https://example.org/a").body
