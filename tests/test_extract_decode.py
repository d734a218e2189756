"""Charset handling: BOM, declared charset, <meta charset>, detection, wrong declarations."""

from __future__ import annotations

from scraper.extract.decode import decode_html, meta_charset, utf8_source

TEXT = "Grüße aus Köln – „Zitat“ und ein Café"


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><p>{body}</p></body></html>"


def test_str_passes_through_without_bom() -> None:
    assert decode_html("\ufeff<p>x</p>") == "<p>x</p>"


def test_utf8_bom_wins_over_declaration() -> None:
    data = b"\xef\xbb\xbf" + _page(TEXT, '<meta charset="windows-1252">').encode("utf-8")
    assert TEXT in decode_html(data, "iso-8859-1")


def test_utf16_bom() -> None:
    data = "\ufeff".encode("utf-16-le") + _page(TEXT).encode("utf-16-le")
    assert TEXT in decode_html(data)


def test_declared_http_charset() -> None:
    data = _page("Grüße aus Köln").encode("iso-8859-1")
    assert "Grüße aus Köln" in decode_html(data, "ISO-8859-1")


def test_meta_charset_and_http_equiv() -> None:
    html = _page(
        "Grüße", '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    )
    data = html.encode("windows-1252")
    assert meta_charset(data) == "windows-1252"
    assert "Grüße" in decode_html(data)
    data2 = _page("Grüße", "<meta charset='iso-8859-15'>").encode("iso-8859-15")
    assert "Grüße" in decode_html(data2)


def test_windows_1252_without_declaration() -> None:
    body = "Die Straße war „voll“ – sagte der Bürgermeister über das Fußballspiel in München. " * 5
    data = _page(body).encode("windows-1252")
    text = decode_html(data)
    assert "Straße" in text and "„voll“" in text


def test_wrong_declared_charset_utf8_bytes() -> None:
    data = _page(TEXT, '<meta charset="iso-8859-1">').encode("utf-8")
    assert TEXT in decode_html(data, "iso-8859-1")


def test_unknown_declared_charset_falls_back() -> None:
    data = _page(TEXT).encode("utf-8")
    assert TEXT in decode_html(data, "no-such-charset")


def test_undecodable_bytes_never_raise() -> None:
    assert isinstance(decode_html(b"\xff\xfe\xfa\x80\x81" * 10), str)
    assert decode_html(b"") == ""


def test_utf8_source_hands_back_the_bytes_of_the_text_just_decoded() -> None:
    data = "<p>Grüße, “quoted” – €5</p>".encode()
    text = decode_html(data)
    assert utf8_source(text) is not text
    assert utf8_source(text) == data == text.encode("utf-8")
    # Another string, even an equal one, is not the decoded text: it is returned as it is.
    other = text[:-1] + text[-1:]
    assert other == text and other is not text
    assert utf8_source(other) is other


def test_utf8_source_is_the_text_when_the_page_was_not_utf8() -> None:
    text = decode_html('<meta charset="windows-1252"><p>Gr\xfc\xdfe</p>'.encode("cp1252"))
    assert text.endswith("Grüße</p>")
    assert utf8_source(text) is text
