"""Authors without a config: cleanup rules and byline sources."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from scraper.extract.authors import clean_authors, split_slashed_names
from scraper.extract.generic import parse_html
from scraper.extract.metadata import extract_metadata


def _tree(head: str = "", body: str = "") -> LexborHTMLParser:
    return parse_html(f"<html><head>{head}</head><body>{body}</body></html>")


def test_clean_authors() -> None:
    assert clean_authors(["By Jane Doe and John Smith"]) == ["Jane Doe", "John Smith"]
    assert clean_authors(["Jane Doe", "jane doe", "Jane Doe, Photos: Getty Images"]) == ["Jane Doe"]
    assert clean_authors(["Elena Oberholzer (obe)"]) == ["Elena Oberholzer"]
    assert clean_authors(["https://example.com/author/x", "mail@example.com"]) == []
    assert clean_authors(["Coastal News", "Mia Wong"], publisher="Coastal News") == ["Mia Wong"]
    assert clean_authors(["홍길동 기자"]) == ["홍길동"]


def test_byline_from_labelled_twitter_card() -> None:
    head = (
        '<meta name="author" content="a.person@example.com">'
        '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Anna Sleeg">'
    )
    article = extract_metadata(_tree(head), None)
    assert article.authors == ["Anna Sleeg"]
    assert article.sources["authors"] == "meta:twitter:data1"


def test_publisher_credit_only_when_nobody_else_is_named() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
        ' "author": {"@type": "Organization", "name": "Coastal News"},'
        ' "publisher": {"name": "Coastal News"}}</script>'
    )
    byline = '<p class="byline">By Mia Wong</p>'
    with_person = extract_metadata(_tree(ld, byline), "https://coastal.example/a")  # type: ignore[arg-type]
    assert with_person.authors == ["Mia Wong"]
    alone = extract_metadata(_tree(ld), "https://coastal.example/a")  # type: ignore[arg-type]
    assert alone.authors == ["Coastal News"]


def test_split_keeps_unspaced_slash_and_newsroom_names_with_digits() -> None:
    assert clean_authors(["srf/hosb;kesm"]) == ["srf/hosb", "kesm"]
    assert clean_authors(["Anna Roth / Ben Ode"]) == ["Anna Roth", "Ben Ode"]
    assert clean_authors(["BR24 Redaktion"]) == ["BR24 Redaktion"]
    assert clean_authors(["Updated 25.04.2024", "3 Min."]) == []
    # Places written after the names are kept, as the reference data keeps them.
    assert clean_authors(["Anna Martel und Lea Wagner, Nairobi"]) == [
        "Anna Martel",
        "Lea Wagner",
        "Nairobi",
    ]


def test_jsonld_person_with_given_and_family_name() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H", "author": ['
        '{"@type": "Person", "givenName": "Anna Giulia", "familyName": "Fink"},'
        '{"@type": "Person", "familyName": "Baumann"}]}</script>'
    )
    article = extract_metadata(_tree(ld), None)  # type: ignore[arg-type]
    assert article.authors == ["Anna Giulia Fink", "Baumann"]


def test_publisher_imprint_in_meta_author_is_not_a_person() -> None:
    head = '<meta name="author" content="coastal.example, Frankfurt, Germany">'
    article = extract_metadata(_tree(head), "https://www.coastal.example/a")  # type: ignore[arg-type]
    assert article.authors == []


def test_jsonld_publisher_credit_is_not_overridden_by_markup_boxes() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
        ' "author": {"@type": "Organization", "name": "Coastal News"}}</script>'
    )
    box = '<div class="article-author">von APA</div>'
    article = extract_metadata(_tree(ld, box), "https://coastal.example/a")  # type: ignore[arg-type]
    assert article.authors == ["Coastal News"]
    # Another metadata field naming a person still wins over the publisher credit.
    meta = '<meta name="cxenseparse:author" content="Mia Wong">'
    article = extract_metadata(_tree(ld + meta, box), "https://coastal.example/a")  # type: ignore[arg-type]
    assert article.authors == ["Mia Wong"]
    # A full name in the byline does override it, and the place written after it stays.
    byline = '<span class="article__author">Von Seb Dumitru, Lille</span>'
    article = extract_metadata(_tree(ld, byline), "https://coastal.example/a")  # type: ignore[arg-type]
    assert article.authors == ["Seb Dumitru", "Lille"]


def test_job_titles_and_affiliations_after_names_are_dropped() -> None:
    assert clean_authors(["Emma Mackenzie Lifestyle Writer", "Emma Mackenzie"]) == [
        "Emma Mackenzie"
    ]
    assert clean_authors(["Thabo Mokone Parliamentary editor"]) == ["Thabo Mokone"]
    assert clean_authors(["Michael Hincks Freelance sports writer"]) == ["Michael Hincks"]
    assert clean_authors(["Daniel Großert Redakteur"]) == ["Daniel Großert"]
    assert clean_authors(["Dolores Chang For Dailymail.Com"]) == ["Dolores Chang"]
    assert clean_authors(["Jon King", "News Reporter"]) == ["Jon King"]
    # A title after one word is the credit itself, kept as written.
    assert clean_authors(["Guardian staff reporter"]) == ["Guardian staff reporter"]


def test_widget_text_and_doubled_spans_in_bylines() -> None:
    assert clean_authors(["Tuva Løland Tips meg", "Tuva Løland"]) == ["Tuva Løland"]
    assert clean_authors(["Contact Paul Fitzgerald on X", "Paul Fitzgerald"]) == ["Paul Fitzgerald"]
    assert clean_authors(["Martin Gramnæs Martin Gramnæs"]) == ["Martin Gramnæs"]
    assert clean_authors(["Magnus_15"]) == []
    # A longer name is kept when the shorter one is a single word, not a full name.
    assert clean_authors(["Anna", "Anna Roth"]) == ["Anna", "Anna Roth"]


def test_byline_is_the_first_cluster_not_the_teasers_below() -> None:
    body = (
        '<div class="meta"><span class="byline"><a rel="author" href="/a/1">Ana Roth</a> and '
        '<a rel="author" href="/a/2">Ben Ode</a></span></div><p>Text.</p>'
        '<section class="related"><ul><li><div><div><h3>Other story</h3>'
        '<a rel="author" href="/a/3">Cleo Marsh</a></div></div></li></ul></section>'
    )
    article = extract_metadata(_tree(body=body), None)  # type: ignore[arg-type]
    assert article.authors == ["Ana Roth", "Ben Ode"]


def test_author_page_links_and_author_boxes_as_last_resorts() -> None:
    link = '<p>von <a href="/autoren/name/max-kolter">Dr. Max Kolter</a></p>'
    assert extract_metadata(_tree(body=link), None).authors == ["Dr. Max Kolter"]  # type: ignore[arg-type]
    box = '<ul><li class="authors__list-item"><span>von</span> <span>Jemima Kelly</span></li></ul>'
    assert extract_metadata(_tree(body=box), None).authors == ["Jemima Kelly"]  # type: ignore[arg-type]
    # A page-wide class naming an author is not a byline box.
    page = '<html><body class="single-author"><a href="#main">Skip to content</a></body></html>'
    assert extract_metadata(parse_html(page), None).authors == []


def test_section_and_genre_labels_before_the_byline() -> None:
    assert clean_authors(["Travel By Sophie Foster"]) == ["Sophie Foster"]
    assert clean_authors(["Ein Kommentar von Corinna Budras"]) == ["Corinna Budras"]
    # A "von" inside a name stays; a photo credit stays whole and is dropped.
    assert clean_authors(["Ursula von der Leyen"]) == ["Ursula von der Leyen"]
    assert clean_authors(["Photos By Anna Roth"]) == []


def test_publisher_matches_whole_parts_of_a_name_only() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
        ' "author": [{"@type": "Person", "name": "Tom Sternberg"}]}</script>'
    )
    # Taken as a publisher credit, the JSON-LD name would give way to the meta author.
    meta = '<meta name="author" content="Anna Roth">'
    article = extract_metadata(_tree(ld + meta), "https://www.stern.example/a")  # type: ignore[arg-type]
    assert article.authors == ["Tom Sternberg"]
    head = '<meta name="author" content="stern.example">'
    byline = '<p class="byline">von Sabrina Gerstmaier</p>'
    article = extract_metadata(_tree(head, byline), "https://www.stern.example/a")  # type: ignore[arg-type]
    assert article.authors == ["Sabrina Gerstmaier"]
    assert clean_authors(["Von"]) == []
    # A short first name inside the publisher's name is not the publisher.
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
        ' "author": [{"@type": "Person", "name": "Tim"}]}</script>'
    )
    meta = '<meta name="author" content="Anna Roth">'
    article = extract_metadata(_tree(ld + meta), "https://lesothotimes.example/a")  # type: ignore[arg-type]
    assert article.authors == ["Tim"]


def test_section_links_beside_the_byline_are_not_authors() -> None:
    byline = '<div class="byline"><a href="/news">News</a> <a href="/p/jw">Joshua Whorms</a></div>'
    assert extract_metadata(_tree(body=byline), None).authors == ["Joshua Whorms"]  # type: ignore[arg-type]
    # An agency's short form beside a name is a credit, kept.
    agency = '<div class="byline"><a href="/p/ar">Anna Roth</a> <a href="/p/dpa">dpa</a></div>'
    assert extract_metadata(_tree(body=agency), None).authors == ["Anna Roth", "dpa"]  # type: ignore[arg-type]
    # A section word glued before the name in one element.
    assert clean_authors(["News Joshua Whorms", "Joshua Whorms"]) == ["Joshua Whorms"]
    # Links to the authors' index and photo-agency credits are not names.
    index = '<a href="/autor/">Autoren</a> <a href="/autor/hz/">Holger Zschäpitz</a>'
    assert extract_metadata(_tree(body=index), None).authors == ["Holger Zschäpitz"]  # type: ignore[arg-type]
    assert clean_authors(["Mads Rasmussen/Ritzau Scanpix"]) == []


def test_comment_authors_and_posted_by_labels() -> None:
    comments = (
        "<article><p>Text.</p></article>"
        '<ol class="commentlist"><li><div class="comment-author">gnaddrig Sagt</div>'
        '<span class="author-name">Nesselsetzer</span></li></ol>'
    )
    assert extract_metadata(_tree(body=comments), None).authors == []  # type: ignore[arg-type]
    # A page-level "comments-enabled" flag is not a comment thread.
    flagged = '<div class="comments-enabled"><div class="article-author">Thabo Mokone</div></div>'
    assert extract_metadata(_tree(body=flagged), None).authors == ["Thabo Mokone"]  # type: ignore[arg-type]
    assert clean_authors(["Posted by Ned Deily"]) == ["Ned Deily"]
    assert clean_authors(["Alle Artikel von Tanja Karrasch"]) == ["Tanja Karrasch"]
    assert clean_authors(["Name", "Antworten", "Alle Beiträge"]) == []


def test_author_name_meta_fields_of_other_vocabularies() -> None:
    for name in ("article:author_name", "og:article:author", "og:author"):
        head = f'<meta property="{name}" content="Victoria Rhee">'
        article = extract_metadata(_tree(head), None)  # type: ignore[arg-type]
        assert (article.authors, article.sources.get("authors")) == (
            ["Victoria Rhee"],
            f"meta:{name}",
        )


def test_widget_labels_and_roles_near_bylines() -> None:
    assert clean_authors(["Alles von Mara Fink"]) == ["Mara Fink"]
    assert clean_authors(["Erstellt von Mara Fink"]) == ["Mara Fink"]
    assert clean_authors(["Eingestellt von Mara Fink"]) == ["Mara Fink"]
    assert clean_authors(["durch Mara Fink"]) == ["Mara Fink"]
    assert clean_authors(["Propos recueillis par Anne Roy"]) == ["Anne Roy"]
    assert clean_authors(["Mara Fink, Kolumnistin"]) == ["Mara Fink"]
    assert clean_authors(["Tom Hale", "CEO"]) == ["Tom Hale"]
    for widget in ("eine E-Mail senden", "so Artikel empfehlen", "Zum Profil", "Unknown", "zvg"):
        assert clean_authors([widget]) == [], widget


def test_site_credit_with_its_address_gives_way_to_a_labelled_byline() -> None:
    head = '<meta name="author" content="Coastal Wave (www.coastal.example)">'
    body = "<ul><li><strong>Datum</strong> 28.04.2023</li><li><strong>Autorin/Autor</strong> Ana Roth</li></ul>"
    article = extract_metadata(_tree(head, body), "https://www.coastal.example/a")  # type: ignore[arg-type]
    assert (article.authors, article.sources["authors"]) == (["Ana Roth"], "heuristic")
    # Without a labelled byline the site's credit stays.
    article = extract_metadata(_tree(head), "https://www.coastal.example/a")  # type: ignore[arg-type]
    assert article.authors == ["Coastal Wave"]
    # A term and its definition, too; a label inside a sentence is not a byline.
    body = "<dl><dt>Author:</dt><dd>Ben Ode</dd></dl>"
    assert extract_metadata(_tree(body=body), None).authors == ["Ben Ode"]  # type: ignore[arg-type]
    body = "<p><b>By</b> the way, nobody wrote this.</p>"
    assert extract_metadata(_tree(body=body), None).authors == []  # type: ignore[arg-type]


def test_full_names_joined_by_a_bare_slash_are_two_authors() -> None:
    assert split_slashed_names("Ana Roth/Ben Ode") == ["Ana Roth", "Ben Ode"]
    assert split_slashed_names("Ana von Roth/Ben Ode/Cem Ay") == [
        "Ana von Roth",
        "Ben Ode",
        "Cem Ay",
    ]
    assert clean_authors(["Von Ana Roth/Ben Ode"]) == ["Ana Roth", "Ben Ode"]
    assert clean_authors(["By Ana Roth/Ben Ode and Cem Ay"]) == ["Ana Roth", "Ben Ode", "Cem Ay"]
    byline = '<p class="byline">Von Ralph Steiner/Carlo Natter</p>'
    assert extract_metadata(_tree(body=byline), None).authors == ["Ralph Steiner", "Carlo Natter"]  # type: ignore[arg-type]


def test_slashed_credits_that_are_not_two_full_names_stay_whole() -> None:
    for credit in ("dpa/AFP", "srf/hosb", "Text/Foto", "Ana Roth/dpa", "Ana/Ben Ode"):
        assert split_slashed_names(credit) == [credit]
    assert clean_authors(["dpa/AFP"]) == ["dpa/AFP"]
    assert clean_authors(["srf/hosb", "kesm"]) == ["srf/hosb", "kesm"]
    # A label, an address or a photo agency on one side: the whole credit is judged as one.
    assert split_slashed_names("Foto: Ana Roth/Ben Ode") == ["Foto: Ana Roth/Ben Ode"]
    assert split_slashed_names("https://example.com/Ana Roth/Ben Ode") == [
        "https://example.com/Ana Roth/Ben Ode"
    ]
    assert clean_authors(["Mads Rasmussen/Ritzau Scanpix"]) == []
    # A spaced slash was already a separator between names.
    assert clean_authors(["Ana Roth / Ben Ode"]) == ["Ana Roth", "Ben Ode"]


def test_markup_byline_completes_a_jsonld_list_of_fewer_authors() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
        ' "author": [{"@type": "Person", "name": "Mia Wong"}],'
        ' "publisher": {"name": "Coastal News"}}</script>'
    )
    byline = (
        '<div class="byline"><a rel="author" href="mailto:a@x">Ana Roth</a>'
        '<a rel="author" href="/p/mia">Mia Wong</a>'
        '<a rel="author" href="/">Coastal News</a></div>'
    )
    url = "https://coastal.example/a"
    article = extract_metadata(_tree(ld, byline), url)  # type: ignore[arg-type]
    assert sorted(article.authors) == ["Ana Roth", "Mia Wong"]
    assert article.sources["authors"] == 'selector:a[rel="author"]'
    # Markup that leaves out someone JSON-LD names, or adds only the publisher or initials,
    # does not replace it.
    for other in (
        '<a rel="author">Ana Roth</a>',
        '<a rel="author">Mia Wong</a> <a rel="author">ar</a>',
    ):
        article = extract_metadata(_tree(ld, f'<div class="byline">{other}</div>'), url)  # type: ignore[arg-type]
        assert article.authors == ["Mia Wong"]
        assert article.sources["authors"] == "jsonld"
