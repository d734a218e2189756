"""Boilerplate lines: the patterns of paragraphs that are page furniture, not the article ("Read
also:", share prompts, appeals, credits, consent placeholders, date-only lines), as data, and
``is_boilerplate_paragraph``, which matches a paragraph against them.
"""

from __future__ import annotations

import re

from scraper.extract.dates import find_date

#: Paragraph patterns (case-insensitive, matched at the start of the folded paragraph text).
BOILERPLATE_PARAGRAPHS: tuple[str, ...] = (
    r"(?:read|see) (?:also|more)\b",
    r"related(?: (?:article|story|stories|content|posts?))?\s*:",
    r"more from\b",
    r"more on (?:this|that)\b",
    r"lesen sie (?:auch|mehr)\b",
    r"mehr zum thema\b",
    r"auch interessant\s*:",
    r"das könnte sie (?:auch )?interessieren",
    r"weiterlesen\b",
    r"lire aussi\b",
    r"à lire aussi\b",
    r"leer (?:también|más)\b",
    r"leggi anche\b",
    r"lees ook\b",
    r"share (?:this|on)\b",
    r"teilen\s*:",
    r"follow us\b",
    r"sign up (?:for|to)\b",
    r"subscribe (?:to|now|today)\b",
    r"newsletter\b",
    r"click here to\b",
    r"advertisement$",
    r"anzeige$",
    r"werbung$",
    r"publicidad$",
    r"(?:all rights reserved|©|copyright\b)",
    r"(?:every|each) article .{0,80}\byour support\b",
    r".{0,120}\byour support (?:keeps|helps|makes)\b",
    r"(?:please )?(?:support|donate to) (?:us|our|independent)\b",
    r"become a (?:member|subscriber|patron)\b",
    r"(?:this|the) (?:article|story) (?:is|was) (?:available|originally published)",
    r"we use cookies\b",
    r"this (?:site|website) uses cookies\b",
    r"(?:tags?|schlagworte|stichworte)\s*:",
    r"(?:filed|posted) (?:under|in)\s*:?",
    r"\d+\s+comments?$",
    r"(?:leave|post|write) a (?:comment|reply)\b",
    r"(?:photo|foto|bild|image)\s*:\s*\S+$",
    r"(?:getty images|imago|dpa|afp|reuters)$",
    # A credit line of its own: "Jane Roe/AFP via Getty Images", "Foto: X / dpa".
    r".{0,80}(?:/|\bvia)\s*(?:getty images|afp|dpa|reuters|ap|imago(?: images)?|picture"
    r" alliance|shutterstock|istock(?:photo)?|epa(?:-efe)?|keystone|anp|ntb|tt|scanpix)\)?$",
    # Media players: "02:57 Min. Verfügbar bis ...".
    r"\d{1,2}:\d{2}(?::\d{2})? min\.?(?:\s|$)",
    # Comment sections and counters.
    r"(?:kommentare?|comments?|commentaires?|comentarios?)(?: insgesamt)?\s*:?\s*\d*$",
    r"(?:view|show|load) (?:all )?comments\b",
    r"comment by\b",
    r"pingback\b",
    r"kommentare (?:geschlossen|deaktiviert)",
    r"(?:so können sie kommentieren|bitte registrieren sie sich)\b",
    # Photo credits written as their own line.
    r"(?:photo|image|picture)s? credits?\b",
    r"photograph(?:ed)? by\b",
    r"\(?credits?\s*:",
    r"crédits? photos?\b",
    r"(?:bild|foto)(?:quelle)?\s*(?:via|:)",
    r"beitragsbild\s*:",
    # Reading aids, widgets and calls to action.
    r"\d+\s*min(?:ute)?s?\.? read$",
    r"lesezeit\b",
    r"explore further$",
    r"related coverage$",
    r"newsticker$",
    r"weitere informationen$",
    r"pour (?:lire la suite|accéder en illimité)\b",
    r".{0,40}\bloading\.\.\.$",
    r"\d+ (?:besucher|gäste|visitors) (?:sind )?online\b",
    r"war (?:der|dieser) (?:artikel|beitrag) (?:nützlich|hilfreich)",
    r"was this (?:article|page) helpful",
    r"dieser (?:eintrag|beitrag) wurde (?:am .{0,60})?veröffentlicht",
    r"der beitrag wurde am .{0,80}veröffentlicht",
    # A blog post's German footer: "Von admin am 21/02/2021. Abgelegt unter News."
    r"von .{1,60} am .{4,40}\.\s*abgelegt unter\b",
    r"vorschau auf den nächsten artikel",
    r"hier kostenlos anmelden",
    r"stay up[- ]to[- ]date\b",
    r"was sind cookies",
    r"thank you for (?:your support|reading)\b",
    r"jetzt (?:unterstützen|spenden)\b",
    r"das (?:thema|könnte) (?:könnte )?(?:dich|sie) auch interessieren",
    r"dieses skript als pdf",
    # Headings and lines that lead away from the article.
    r"(?:weitere|mehr|alle) (?:artikel|themen|beiträge|news|nachrichten|informationen)\b.{0,40}$",
    r"(?:zum weiterlesen|schon gelesen|inhaltsverzeichnis|kontakt|permalink|permalien)\b.{0,40}$",
    r"mehr zu(?:m)?\b.{0,40}$",
    r"zurück zu(?:r)?\b.{0,40}$",
    r"aktualisiert am\b.{0,30}(?:lesedauer\s*:?.{0,12})?$",
    r"quelle\s*:.{0,80}$",
    r".{0,20}\baffiliate[- ]links?\b",
    r"(?:this|the) (?:article|post|page|story) (?:contains|includes|may contain) affiliate links?\b",
    r"if you (?:buy|purchase) (?:something|anything|a product) (?:using|through|via|from) (?:the )?"
    r"links? (?:in|on) (?:our|this)\b.{0,60}\bcommission\b",
    r"keine kommentare\b",
    r"sie sind (?:aktuell |derzeit )?nicht (?:eingeloggt|angemeldet)",
    r"\(?alle angaben ohne gewähr",
    r"(?:more|latest) (?:stories|articles|news|from)\b.{0,40}$",
    r"(?:recommended|popular) (?:for you|stories)\b",
    r"recommended from\b.{0,30}$",
    r"(?:verwandte|ähnliche) (?:beiträge|artikel|themen)$",
    r".{0,30}\b(?:kommentare|comments) (?:sind )?(?:geschlossen|closed|are closed)\b",
    r".{0,80}\|\s*(?:categories|kategorien)\s*:?$",
    r".{0,60}\|\s*(?:view|\d+) comments$",
    r"(?:name|e-?mail|website|webseite)\s*\((?:required|wird benötigt|erforderlich|optional)",
    r"titelbild\s*:",
    r"quellen(?:angaben)?\s*:?$",
    r"erschienen in\b.{0,60}$",
    r"(?:zobacz|czytaj) (?:również|też|także)\b",
    r"(?:vedi|leggi) anche\b",
    r"ver también\b",
    r"voir aussi\b",
    r"zie ook\b",
    r"(?:se|les) også\b",
    r"läs också\b",
    # Consent placeholders for embedded content, addressing the reader as "du" or "Sie"
    # ("An dieser Stelle finden Sie einen von unseren Redakteuren ausgewählten, externen
    # Inhalt", "Externen Inhalt anzeigen", "Ein Klick für den Datenschutz").
    r"an dieser stelle (?:findest du|finden sie) (?:einen )?.{0,60}\bexternen? inhalt",
    r"empfohlener redaktioneller inhalt$",
    r"ich bin damit einverstanden, dass mir (?:der |die )?(?:externen? )?inhalte?\b",
    r"personenbezogene daten können an drittplattformen",
    r"externen? inhalte? (?:anzeigen|laden|aktivieren|zulassen)$",
    r"(?:ein|\d) klicks? für (?:mehr |den )?datenschutz(?:\s*:|$)",
    r"erst wenn sie hier klicken\b",
    # Legal footers.
    r"trotz sorgfältiger inhaltlicher kontrolle",
    r"impressum\b.{0,40}datenschutz",
    r"(?:die )?(?:inhalte|bilder|texte?|fotos) (?:dieser|dieses|in diesem) .{0,60}(?:creative commons|cc[- ]by)",
    r"sofern nicht anders (?:ausgewiesen|angegeben)",
    r"this (?:work|site|blog|website) is licensed\b",
    # Skip links, sign-in walls and paywall counters.
    r"skip to (?:the )?(?:main )?content$",
    r"(?:register|sign in|log in)\s*(?:/|or)\s*(?:register|sign in|log in)\b",
    r"il vous reste \d",
    r"(?:article|contenu) réservé aux abonnés$",
    r"(?:for )?subscribers only$",
    r"(?:nur|exklusiv) für abonnenten$",
    r"dear readers?\s*[-–—:,].{0,300}\b(?:support|donat|subscri|resources)",
    r"join the conversation\b.{0,40}$",
    r"license this content$",
    # Shortcodes a CMS left unrendered ("[/cta", "[caption id=1]").
    r"\[/?[a-z][\w-]*(?:\s+[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s\]]+))*\s*/?\]?$",
    r"follow .{0,40} on google news\b",
    r"(?:watch|video|audio|listen)\s*\|",
    # Template placeholders left in the page ("$$ARTICLEAD$$", "{{ad}}").
    r"(?:\$\$|\{\{|%%)[\w-]+(?:\$\$|\}\}|%%)$",
    r"hat ihnen (?:dieser|der) (?:artikel|beitrag) gefallen",
    r"(?:unabhängiger|guter) journalismus (?:braucht|kostet)\b",
    # Newsletter boxes, contact prompts and video-player errors without a class hint.
    r"sie können sich jederzeit (?:wieder )?abmelden\b",
    r"get in touch with our .{0,30}\bteam\b",
    r"do you have a story (?:to tell|idea)\b",
    r"for more stories like this\b",
    r"we apologi[sz]e, but this video has failed to load",
    r"try refreshing your browser\b",
    r"s[’']inscrire gratuitement$",
    r"pour ajouter l[’']article à vos sélections\b",
    # Notes on where the text comes from and who helped, after the article.
    r"(?:this|the) (?:article|story) (?:was )?first (?:appeared|published)\b",
    r"(?:first|originally) published (?:in|on|by|at)\b.{0,80}$",
    r"dies(?:er)? (?:ist eine|artikel ist eine|beitrag ist eine|text ist eine)"
    r" (?:maschinelle )?übersetzung\b",
    r"(?:lest|lesen sie) den originalartikel\b",
    r"dieser (?:artikel|beitrag|text) (?:ist|wurde) zuerst (?:bei|in|auf)\b",
    r"mit (?:material )?(?:von )?(?:dpa|afp|reuters|ap|epd|kna)\b.{0,20}$",
    # Broadcasters' notes on when the topic was on air ("Dieses Thema im Programm: MDR
    # THÜRINGEN | 28. April 2023 | 10:00 Uhr", "Über dieses Thema berichtete Inforadio am
    # 29. April 2020 um 09:53 Uhr.", "Sendung: Antenne Brandenburg, 24.04.2024, 15:10 Uhr"),
    # the address a printed page came from, and links to the next or previous article.
    r"dieses thema im programm\s*:",
    r"über dieses thema berichteten? .{1,60} am \d{1,2}\.",
    r"sendung\s*:.{0,80}\b\d{1,2}(?:[:.]\d{2})?\s*uhr\.?$",
    r"dieser artikel wurde ausgedruckt unter der adresse\b",
    r"(?:nächster|vorheriger) (?:artikel|beitrag)$",
    # A credit for help with the reporting ("With reporting by AP writer X", "- Additional
    # reporting from PA"). A wire's full credit line ("Additional reporting by X; Editing by
    # Y") names the editors too: some truths keep it, so a line with ";" is left alone, and so
    # is a sentence going on after a comma.
    r"[-–—]?\s*(?:with (?:additional )?|additional )reporting (?:by|from)\b[^;,]{0,100}$",
    # Japanese members-only notices and list headings ("related keywords", "related articles").
    r"この記事は.{0,12}(?:会員|有料).{0,4}(?:限定|記事)",
    r"関連(?:キーワード|記事|ニュース)$",
    # A note set off by the reference mark ("※紙の新聞とは...", "※下に線があることばは..."):
    # an editor's aside on the page or the service, not a line of the story.
    r"※",
    # A subscription's selling points set in the body as a list ("Advert-free experience
    # without interruptions.", "Rocket-fast speedy loading pages.", "Exclusive & Unlimited
    # access to all our content."), and a publisher's premium offer ("Try MEN Premium for FREE
    # by clicking here for no ads ...").
    r"(?:an? )?(?:advert|ad)-free (?:experience|reading|browsing)\b.{0,60}$",
    r"(?:exclusive (?:&|and) )?unlimited access to (?:all )?(?:of )?our content\.?$",
    r"rocket-fast\b.{0,60}$",
    r"try .{0,30}\bpremium for free\b",
    # Promotions of the site's other pages: a live blog, an election hub ("Follow the latest
    # Storm Ciarán updates on our live blog.", "Get the latest updates from the 2024 campaign
    # trail ... at our Fox News Digital election hub.").
    r"follow (?:the|all the|our) latest\b.{0,80}\bon our live blog\b.{0,40}$",
    r"get the latest\b.{0,160}\b(?:at|on|in) our\b.{0,60}\bhub\.?$",
    # Newsletter boxes without the word: the box's title and its small print ("Essential news,
    # delivered daily", "Read our full mailing list consent terms here", "... get the best of
    # The Week delivered directly to your inbox.").
    r".{0,40}\bdelivered (?:daily|weekly|every (?:morning|day|week))\.?$",
    r".{0,160}\bdelivered (?:directly |straight )?to your inbox\b.{0,40}$",
    r"read our (?:full )?(?:mailing list )?consent terms\b",
    r"click here for reprint permission",
    # A bare address, a table of contents' title, a duration, a blog's post footer.
    r"(?:https?://|www\.)\S+$",
    # Credits of a photo shoot ("Fotos: X Styling: Y Haare: Z").
    r"(?:fotos?|photos?|photography|fotografie)\s*:.{0,200}\b(?:styling|haare?|hair|make-?up)\s*:",
    r"(?:auf dieser seite|on this page|in this article|in diesem artikel)\s*:?$",
    r"\d+\s*min\.?$",
)
#: Paragraph patterns whose phrase may come after a lead-in (".{0,N}"), each tried only when
#: its key phrase occurs in the lower-cased text: tried on every paragraph, such patterns
#: cost more than all the anchored ones together.
PHRASE_PARAGRAPHS: tuple[tuple[str, str], ...] = (
    ("newsletter", r".{0,120}\bsign(?:ing)? up (?:for|to) our\b.{0,60}\bnewsletters?\b"),
    ("contributed to this", r".{0,300}\bcontributed to this (?:report|story|article)\.?$"),
    ("responses to this entry", r".{0,200}\byou can follow any responses to this entry\b"),
    ("antworten zu diesem eintrag", r".{0,200}\bsie können alle antworten zu diesem eintrag\b"),
    ("bookmark", r".{0,200}\bplease bookmark (?:us|our|this|the site|the page|[\w.-]+\.\w+)\b"),
)
_PHRASE_PATTERNS = tuple(
    (phrase, re.compile(pattern, re.IGNORECASE)) for phrase, pattern in PHRASE_PARAGRAPHS
)
#: A paragraph this short that is only a date/time is page furniture.
DATE_LINE_CHARS = 40
_TIME_ONLY = re.compile(r"^\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*uhr)?$", re.IGNORECASE)
#: A Chinese/Japanese month-day stamp without a year ("1月13日", "1月13日(月) 18時30分"), which
#: the date parser leaves alone: the date under each teaser of a list.
_CJK_DAY = re.compile(
    r"^(?:\d{2,4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*[(（]\w[)）])?"
    r"(?:\s*\d{1,2}\s*(?:時|:)\s*\d{2}\s*分?)?(?:\s*(?:更新|配信|公開))?$"
)
_NOT_LETTERS = re.compile(r"[\W\d_]+")
_PARAGRAPH_PATTERN = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE_PARAGRAPHS), re.IGNORECASE)


def _first_letters(pattern: str) -> frozenset[str] | None:
    """The lower-case ASCII characters a match of ``pattern`` can start with, or None when
    it may start with anything else (a class like ``\\d``, an optional or any character)."""
    try:  # the regex parser is private; without it every pattern is tried on every text
        from re import _constants as sre  # type: ignore[attr-defined]
        from re import _parser  # type: ignore[attr-defined]
    except ImportError:
        return None

    def first(items: list[tuple[object, object]]) -> frozenset[str] | None:
        if not items:
            return None
        op, value = items[0]
        if op is sre.LITERAL and isinstance(value, int):
            char = chr(value).lower()
            return frozenset({char}) if char.isascii() and char.isalpha() else None
        if op is sre.SUBPATTERN:
            return first(list(value[-1]))  # type: ignore[index]
        if op is sre.BRANCH:
            found: set[str] = set()
            for branch in value[1]:  # type: ignore[index]
                letters = first(list(branch))
                if letters is None:
                    return None
                found |= letters
            return frozenset(found)
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] >= 1:  # type: ignore[index]
            return first(list(value[2]))  # type: ignore[index]
        return None

    return first(list(_parser.parse(pattern, re.IGNORECASE)))


def _pattern_index(patterns: tuple[str, ...]) -> tuple[dict[str, re.Pattern[str]], re.Pattern[str]]:
    """The patterns grouped by the letter their matches start with, and the rest: a paragraph
    starting with an ASCII letter is tried only against its letter's group and the rest (one
    alternation of ~150 patterns, tried branch by branch, costs more than the lookup)."""
    by_letter: dict[str, list[str]] = {}
    anywhere: list[str] = []
    for pattern in patterns:
        letters = _first_letters(pattern)
        for letter in letters or ():
            by_letter.setdefault(letter, []).append(pattern)
        if letters is None:
            anywhere.append(pattern)

    def compiled(group: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in group) or "(?!)", re.IGNORECASE)

    return {letter: compiled(group) for letter, group in by_letter.items()}, compiled(anywhere)


_PATTERNS_BY_LETTER, _PATTERNS_ANYWHERE = _pattern_index(BOILERPLATE_PARAGRAPHS)


def _matches_pattern(text: str) -> bool:
    """``_PARAGRAPH_PATTERN.match(text)``, through the index when the text starts with an
    ASCII letter (other characters may match a pattern's letter case-insensitively)."""
    start = text[:1].lower()
    if not (start.isascii() and start.isalpha()):
        return _PARAGRAPH_PATTERN.match(text) is not None
    group = _PATTERNS_BY_LETTER.get(start)
    if group is not None and group.match(text):
        return True
    return _PATTERNS_ANYWHERE.match(text) is not None


#: Longer paragraphs cannot be three noise words (``_STANDALONE_NOISE``).
STANDALONE_NOISE_CHARS = 40
#: Paragraphs this short and without sentence punctuation are kept only if they look like a subhead.
_STANDALONE_NOISE = frozenset(
    [
        "share",
        "tweet",
        "email",
        "print",
        "comments",
        "advertisement",
        "anzeige",
        "werbung",
        "menu",
        "close",
        "search",
        "facebook",
        "twitter",
        "linkedin",
        "whatsapp",
        "pinterest",
        "reddit",
        "copy",
        "embed",
        "video",
        "more",
        "mehr",
        "link",
    ]
)


def is_boilerplate_paragraph(text: str) -> bool:
    """Whether a single (whitespace-folded) paragraph is a known boilerplate line, or only a
    date or time (a dateline left over from the page furniture)."""
    if _matches_pattern(text):
        return True
    lowered = text.lower()
    for phrase, pattern in _PHRASE_PATTERNS:
        if phrase in lowered and pattern.match(text):
            return True
    if not any(char.isalnum() for char in text):
        return True  # a rule or separator ("___", "* * *")
    if len(text) <= DATE_LINE_CHARS and _is_date_line(text):
        return True
    if len(text) > STANDALONE_NOISE_CHARS:
        return False
    words = text.lower().strip(" .:|").split()
    return bool(words) and len(words) <= 3 and all(w in _STANDALONE_NOISE for w in words)


def _is_date_line(text: str) -> bool:
    if not any(c.isdigit() for c in text):
        return False
    if _TIME_ONLY.match(text) or _CJK_DAY.match(text):
        return True
    letters = _NOT_LETTERS.sub("", text)
    return len(letters) <= 12 and find_date(text) is not None
