"""Tests for scraper.extract.images: which pictures belong to the article, their URLs,
captions and credits, and the lead image."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from scraper.extract.images import (
    _SKIP_URL,
    article_images,
    body_images,
    expose_pictures,
    is_skipped_url,
    lift_noscript_images,
    with_lead_image,
)
from scraper.models import Image

PAGE = "https://news.example.com/2024/05/03/fire-in-the-harbour"
PROSE = "<p>" + "The fire burned through the night and the harbour stayed closed. " * 8 + "</p>"


def images_of(article_html: str) -> list[Image]:
    tree = LexborHTMLParser(f"<html><body>{article_html}</body></html>")
    container = tree.css_first("article")
    assert container is not None
    return body_images([container], PAGE)


def urls(images: list[Image]) -> list[str]:
    return [image.url for image in images]


def test_lazy_attributes_and_relative_urls() -> None:
    images = images_of(
        f"""<article>{PROSE}
        <img src="data:image/gif;base64,R0lGOD" data-src="/media/harbour.jpg" alt="The harbour">
        </article>"""
    )
    assert urls(images) == ["https://news.example.com/media/harbour.jpg"]
    assert images[0].alt == "The harbour"


def test_picture_without_img_url_takes_largest_source() -> None:
    images = images_of(
        f"""<article>{PROSE}<figure><picture>
        <source srcset="/m/boat-480.webp 480w, /m/boat-1600.webp 1600w, /m/boat-960.webp 960w">
        <img src="data:image/gif;base64,R0lGOD" alt="">
        </picture><figcaption>The boat at dawn.</figcaption></figure></article>"""
    )
    assert urls(images) == ["https://news.example.com/m/boat-1600.webp"]
    assert images[0].caption == "The boat at dawn."


def test_picture_linked_to_another_story_is_a_teaser() -> None:
    images = images_of(
        f"""<article>{PROSE}
        <figure><img src="/m/crew.jpg" width="800"><figcaption>The crew.</figcaption></figure>
        <div class="more"><a href="/2024/05/01/earlier-fire"><img src="/m/earlier.jpg"></a></div>
        </article>"""
    )
    assert urls(images) == ["https://news.example.com/m/crew.jpg"]


def test_picture_linked_to_itself_or_a_viewer_stays() -> None:
    images = images_of(
        f"""<article>{PROSE}
        <a href="/m/large/pier.jpg"><img src="/m/pier.jpg"></a>
        <a href="//cdn.example.net/abc123=s1200"><img src="//cdn.example.net/abc123"></a>
        <a href="/fotos/harbour-gallery"><img src="/m/gallery-1.jpg"></a>
        <a href="/elsewhere" data-lightbox="set"><img src="/m/lightbox.jpg"></a>
        </article>"""
    )
    assert urls(images) == [
        "https://news.example.com/m/pier.jpg",
        "https://cdn.example.net/abc123",
        "https://news.example.com/m/gallery-1.jpg",
        "https://news.example.com/m/lightbox.jpg",
    ]


def test_short_nested_article_is_a_teaser_card() -> None:
    images = images_of(
        f"""<article>{PROSE}<figure><img src="/m/main.jpg"></figure>
        <article class="card"><img src="/m/other-story.jpg"><h3>Another story</h3></article>
        </article>"""
    )
    assert urls(images) == ["https://news.example.com/m/main.jpg"]


def test_pixels_placeholders_and_small_images_are_skipped() -> None:
    images = images_of(
        f"""<article>{PROSE}
        <img src="https://stats.example.com/pixel.gif?id=3">
        <img src="/static/grey-placeholder.png">
        <img src="/static/index-transparent_h-9_w-16.gif">
        <img src="/images/pxl.gif">
        <img src="/m/thumb.jpg" width="60" height="40">
        <img src="/m/real.jpg" width="1200" height="800">
        </article>"""
    )
    assert urls(images) == ["https://news.example.com/m/real.jpg"]


def test_caption_credit_by_class() -> None:
    images = images_of(
        f"""<article>{PROSE}<figure><img src="/m/a.jpg">
        <figcaption>Firefighters at the pier. <span class="credit">Photo: Jane Roe</span>
        </figcaption></figure></article>"""
    )
    assert (images[0].caption, images[0].credit) == ("Firefighters at the pier.", "Jane Roe")


def test_lead_image_merges_with_its_body_copy_at_another_size() -> None:
    body = [
        Image(
            url="https://news.example.com/uploads/harbour-crew-1024x683.jpg", caption="The crew."
        ),
        Image(url="https://news.example.com/uploads/pier.jpg", caption="The pier."),
    ]
    lead = Image(url="https://news.example.com/uploads/harbour-crew.jpg")
    merged = with_lead_image(body, lead)
    assert [image.caption for image in merged] == ["The crew.", "The pier."]


def test_lead_image_prepended_when_the_body_lacks_it() -> None:
    body = [Image(url="https://news.example.com/uploads/pier.jpg")]
    lead = Image(url="https://news.example.com/uploads/harbour-crew.jpg")
    assert urls(with_lead_image(body, lead)) == [
        "https://news.example.com/uploads/harbour-crew.jpg",
        "https://news.example.com/uploads/pier.jpg",
    ]


def test_lead_image_found_by_picture_id_in_a_social_crop() -> None:
    body = [
        Image(url="https://cdn.example.com/2024/11/SEI_230063122-e635.jpg", caption="Food."),
        Image(url="https://cdn.example.com/2024/11/SEI_230033353-f7f0.jpg", caption="Minister."),
    ]
    lead = Image(url="https://cdn.example.com/2024/11/SEI_230033353-f7f0_1732033413.jpg?w=1200")
    assert [image.caption for image in with_lead_image(body, lead)] == ["Minister.", "Food."]


def test_pictures_sharing_only_a_date_or_common_id_are_not_merged() -> None:
    body = [
        Image(url="https://cdn.example.com/assets/d41586-025/d41586-025_52015118.jpg"),
        Image(url="https://cdn.example.com/assets/d41586-025/d41586-025_51874492.jpg"),
    ]
    lead = Image(url="https://cdn.example.com/social/d41586-social_20241203.jpg")
    assert len(with_lead_image(body, lead)) == 3
    assert with_lead_image(list(body), None) == body


def test_same_file_at_two_sizes_is_listed_once() -> None:
    body = [
        Image(url="https://news.example.com/img/2024/03/1736701-563848-756x425.jpg"),
        Image(url="https://news.example.com/img/2024/03/1736701-563848-393x221.jpg"),
        Image(url="https://news.example.com/img/article32650054/0_Disney-World.jpg"),
        Image(url="https://news.example.com/img/article32650036/0_Disney-World.jpg"),
    ]
    assert len(with_lead_image(body, None)) == 3


def test_credit_elements_inside_captions() -> None:
    images = images_of(
        f"""<article>{PROSE}
        <figure><img src="/m/one.jpg"><figcaption><span>Rest helps you recover.</span>
          <span>Unsplash/Kelly Sikkema</span></figcaption></figure>
        <figure><img src="/m/two.jpg"><figcaption><small>Trump als Jesus: Der Präsident hat
          das Foto gelöscht. (Quelle: Truth Social)</small></figcaption></figure>
        <figure><img src="/m/three.jpg"><figcaption>A man at the pier.
          <span class="credit">Photo by Jean Levac</span></figcaption></figure>
        <figure><img src="/m/four.jpg"><figcaption>Video of the day
          <span class="source">26.10.2025 | 2:43 min</span></figcaption></figure>
        </article>"""
    )
    assert [(image.caption, image.credit) for image in images] == [
        ("Rest helps you recover.", "Unsplash/Kelly Sikkema"),
        ("Trump als Jesus: Der Präsident hat das Foto gelöscht.", "Truth Social"),
        ("A man at the pier.", "Jean Levac"),
        ("Video of the day", None),
    ]


def test_caption_written_after_the_figure() -> None:
    images = images_of(
        f"""<article>{PROSE}
        <figure><img src="/m/one.jpg"></figure>
        <div class="caption"><figcaption>The premier in Nuuk.</figcaption></div>
        <figure><img src="/m/two.jpg"></figure>
        <p>{PROSE}</p>
        </article>"""
    )
    assert [image.caption for image in images] == ["The premier in Nuuk.", None]


def test_noscript_fallbacks_are_lifted_before_stripping() -> None:
    tree = LexborHTMLParser(
        f"""<html><body><article>{PROSE}
        <figure><img src="/static/index-transparent_h-9_w-16.gif" class="lazy">
          <noscript><img src="/m/pigs.jpg" alt="Two people at work"></noscript>
          <figcaption>At the slaughterhouse.</figcaption></figure>
        <div class="media"><noscript><img src="/m/only-in-noscript.jpg"></noscript></div>
        <figure><img src="/m/already-real.jpg"><noscript><img src="/m/other.jpg"></noscript>
        </figure></article></body></html>"""
    )
    root = tree.body
    assert root is not None
    lift_noscript_images(root)
    for noscript in root.css("noscript"):  # what the boilerplate pass does
        noscript.decompose()
    article = tree.css_first("article")
    assert article is not None
    images = body_images([article], PAGE)
    assert [(image.url, image.alt, image.caption) for image in images] == [
        ("https://news.example.com/m/pigs.jpg", "Two people at work", "At the slaughterhouse."),
        ("https://news.example.com/m/only-in-noscript.jpg", None, None),
        ("https://news.example.com/m/already-real.jpg", None, None),
    ]


def test_article_opening_with_a_picture_keeps_it_as_lead_over_a_social_crop() -> None:
    tree = LexborHTMLParser(
        f"""<html><body><article>
        <figure><img src="/m/lead-photo.jpg"><figcaption>The lead.</figcaption></figure>
        {PROSE}<figure><img src="/m/inline.jpg"></figure></article></body></html>"""
    )
    article = tree.css_first("article")
    assert article is not None
    social = Image(url="https://news.example.com/social/og-card-1200x630.jpg")
    assert urls(article_images([article], PAGE, social)) == [
        "https://news.example.com/m/lead-photo.jpg",
        "https://news.example.com/m/inline.jpg",
    ]


def test_og_image_stays_lead_when_the_body_opens_with_text() -> None:
    tree = LexborHTMLParser(
        f"""<html><body><article>{PROSE}<figure><img src="/m/inline.jpg"></figure>
        </article></body></html>"""
    )
    article = tree.css_first("article")
    assert article is not None
    social = Image(url="https://news.example.com/social/og-card-1200x630.jpg")
    assert urls(article_images([article], PAGE, social)) == [
        "https://news.example.com/social/og-card-1200x630.jpg",
        "https://news.example.com/m/inline.jpg",
    ]


def test_data_url_link_is_not_the_picture_and_data_caption_is_its_caption() -> None:
    images = images_of(
        f"""<article>{PROSE}
        <img src="//static.example.com/article/cf98_2.jpg" data-url="/article_photo/list?pid=5"
             data-caption="The weather agency" alt="The weather agency">
        <img src="https://logc.example.com/hit.xiti?col=1&amp;s=596352">
        </article>"""
    )
    assert [(image.url, image.caption) for image in images] == [
        ("https://static.example.com/article/cf98_2.jpg", "The weather agency")
    ]


def test_hero_figure_before_the_body_is_the_lead() -> None:
    tree = LexborHTMLParser(
        f"""<html><body><main>
        <div class="opening"><figure><img src="/m/hero.jpg">
          <figcaption>The minister in Brussels. Foto: EFE</figcaption></figure></div>
        <div class="content"><div class="body">{PROSE}
          <figure><img src="/m/inline.jpg"></figure>{PROSE}</div></div>
        </main></body></html>"""
    )
    body = tree.css_first("div.body")
    assert body is not None
    images = article_images([body], PAGE, Image(url="https://news.example.com/og/social.jpg"))
    assert [(image.url, image.caption, image.credit) for image in images] == [
        ("https://news.example.com/m/hero.jpg", "The minister in Brussels.", "EFE"),
        ("https://news.example.com/m/inline.jpg", None, None),
    ]


def test_picture_inside_a_viewer_button_survives_stripping() -> None:
    tree = LexborHTMLParser(
        f"""<html><body><article>{PROSE}
        <button class="SlideViewerButton"><span>View gallery</span>
          <figure><img src="/m/survivors.jpg"><figcaption>Lacerda in Washington.</figcaption>
          </figure></button></article></body></html>"""
    )
    root = tree.body
    assert root is not None
    expose_pictures(root)
    for button in root.css("button"):  # what the boilerplate pass does
        button.decompose()
    article = tree.css_first("article")
    assert article is not None
    assert "View gallery" not in article.text()
    images = body_images([article], PAGE)
    assert [(image.url, image.caption) for image in images] == [
        ("https://news.example.com/m/survivors.jpg", "Lacerda in Washington.")
    ]


def test_viewer_button_keeps_the_caption_written_after_the_figure_wrapper() -> None:
    tree = LexborHTMLParser(
        f"""<html><body><article>{PROSE}
        <button aria-label="Open image viewer"><div class="embed">
          <div class="container"><figure><img src="/m/lacerda.jpg">
            <div class="label"><span>View 6 Images</span></div></figure></div>
          <figcaption><p class="caption-title">Epstein groomed and raped Lacerda
            <cite class="caption-credit">(Image: AFP via Getty Images)</cite></p></figcaption>
        </div></button></article></body></html>"""
    )
    root = tree.body
    assert root is not None
    expose_pictures(root)
    article = tree.css_first("article")
    assert article is not None
    images = body_images([article], PAGE)
    assert [(image.caption, image.credit) for image in images] == [
        ("Epstein groomed and raped Lacerda", "AFP via Getty Images")
    ]


SKIP_CASES = (
    "https://cdn.example.com/photos/harbour-fire.jpg",
    "https://cdn.example.com/Static/LOGO-header.PNG",
    "DATA:image/gif;base64,R0lGOD",
    "https://example.com/img/arrow.SVG",
    "https://example.com/img/arrow.svg?v=2",
    "https://example.com/img/arrow.svg\n",
    "https://example.com/img/arrow.svgz",
    "https://example.com/ads/slot.jpg",
    "https://example.com/Ad/slot.jpg",
    "https://example.com/adserver/slot.jpg",
    "https://example.com/banners/x.jpg",
    "https://example.com/x-bnr_300.jpg",
    "https://example.com/xbnr_300.jpg",
    "https://example.com/Bilder/Straße-Ikone-ICON.jpg",
    "https://example.com/Bilder/Straße.jpg",
    "https://www.gravatar.com/avatar/abc",
    "https://example.com/1x1.gif",
    "https://example.com/pxl.gif",
    "https://example.com/pxlxgif",
)


def test_is_skipped_url_agrees_with_the_pattern() -> None:
    # The fast test (plain words as substrings, the rest as a smaller regex) must decide as
    # the whole pattern does, in any letter case and for non-ASCII addresses.
    for url in SKIP_CASES:
        assert is_skipped_url(url) == (_SKIP_URL.search(url) is not None), url
