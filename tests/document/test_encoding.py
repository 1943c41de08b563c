"""Files as translators receive them: BOMs, UTF-16, GBK, and files that are not text at all."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from termwise.document import load_document
from termwise.document.encoding import read_text
from termwise.errors import InputError

ENGLISH = "Dr. Smith arrived.\nHe said “hello” [4]. Then he left.\n"
CHINESE = (
    "人类命运共同体是中国外交的核心。它体现了中国的世界观！\n他说：“我们明天出发。”大家都同意了。\n"
)
ENGLISH_SENTENCES = ["Dr. Smith arrived.", "He said “hello” [4].", "Then he left."]
CHINESE_SENTENCES = [
    "人类命运共同体是中国外交的核心。",
    "它体现了中国的世界观！",
    "他说：“我们明天出发。”",
    "大家都同意了。",
]


def texts(path: Path, *, encoding: str, lang: str) -> list[str]:
    return [s.text for s in load_document(path, encoding=encoding, lang=lang).segments]


@pytest.mark.parametrize(
    ("encoding", "prefix", "expected_name"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
    ],
)
def test_unicode_encodings_are_detected(
    tmp_path: Path, encoding: str, prefix: bytes, expected_name: str
) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(prefix + ENGLISH.encode(encoding))
    document = load_document(path, lang="en")
    assert [s.text for s in document.segments] == ENGLISH_SENTENCES
    assert document.encoding == expected_name
    assert not document.text.startswith("\ufeff")
    # Positions are in characters of the decoded text, so the BOM does not shift columns.
    assert (document.segments[1].line, document.segments[1].column) == (2, 1)


def test_utf16_chinese_gives_correct_segments(tmp_path: Path) -> None:
    path = tmp_path / "zh16.txt"
    path.write_bytes(CHINESE.encode("utf-16"))
    document = load_document(path)
    assert document.lang == "zh"
    assert [s.text for s in document.segments] == CHINESE_SENTENCES


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_gbk_is_detected_and_segmented(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "zh.txt"
    path.write_bytes(CHINESE.encode(encoding))
    document = load_document(path)
    assert document.encoding == "gb18030"
    assert document.lang == "zh"
    assert [s.text for s in document.segments] == CHINESE_SENTENCES
    assert (document.segments[2].line, document.segments[2].column) == (2, 1)


def test_encoding_given_explicitly(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Le café est prêt. Très bien.".encode("latin-1"))
    with pytest.raises(InputError) as raised:
        load_document(path)
    # Where an editor shows it, and what the byte is likely to be.
    assert str(raised.value).startswith(
        f'{path}:1:7: not UTF-8 text: byte 0xE9 ("é" in Windows-1252); '
    )
    assert texts(path, encoding="latin-1", lang="fr") == ["Le café est prêt.", "Très bien."]
    with pytest.raises(InputError, match="unknown encoding"):
        load_document(path, encoding="no-such-codec")
    with pytest.raises(InputError, match="not valid utf-8"):
        load_document(path, encoding="utf-8")


@pytest.mark.parametrize("codec", ["base64", "rot13", "zlib", "punycode", "undefined"])
def test_a_codec_that_is_no_text_encoding_is_refused(tmp_path: Path, codec: str) -> None:
    # base64, rot13 and zlib turn bytes into bytes (LookupError from bytes.decode); punycode
    # and "undefined" fail as a whole (UnicodeError): both were tracebacks.
    path = tmp_path / "paper.txt"
    path.write_text("The community of human destiny. A second sentence.", encoding="utf-8")
    with pytest.raises(InputError, match=f"cannot read the file as '{codec}' text") as raised:
        load_document(path, encoding=codec)
    assert raised.value.path == str(path)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n", "\ufeff".encode()])
def test_empty_document_is_an_input_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match="empty document") as raised:
        load_document(path)
    assert str(path) in str(raised.value)


def test_binary_file_names_file_and_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError) as raised:
        load_document(path)
    message = str(raised.value)
    assert message.startswith(f"{path}: byte 8:") and "binary" in message
    assert raised.value.offset == 8


def test_control_characters_without_nul_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "ctl.txt"
    path.write_bytes("Text here. Then ü \x02 garbage.".encode())
    with pytest.raises(InputError, match="binary") as raised:
        read_text(path)
    assert raised.value.offset == len("Text here. Then ü ".encode())


def test_latin1_german_is_not_read_as_chinese(tmp_path: Path) -> None:
    # Each "ü" with the letter after it is a GB18030 character: the text read as Chinese
    # ("f黵 Bergsteiger"), and translate and align worked on it without a word.
    path = tmp_path / "alpen.txt"
    german = "Die Alpen sind für Bergsteiger ein Paradies. Übernachtungen für müde Wanderer."
    path.write_bytes(german.encode("latin-1"))
    with pytest.raises(InputError) as raised:
        load_document(path)
    message = str(raised.value)
    assert "not UTF-8" in message and "Windows-1252" in message
    # No option to name it in a command without one: the advice is to save it as UTF-8.
    assert "--encoding" not in message and "save it as UTF-8" in message
    with pytest.raises(InputError) as raised:
        load_document(path, encoding_option=True)
    assert "--encoding" in str(raised.value)


def test_odt_rtf_and_html_are_refused_with_what_to_do(tmp_path: Path) -> None:
    # An .odt was "byte 2: binary file (control character '\x03')"; RTF and HTML were read
    # as text, their markup segments to translate.
    import zipfile

    with zipfile.ZipFile(tmp_path / "a.odt", "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    (tmp_path / "b.rtf").write_text(r"{\rtf1\ansi Hello world.}", encoding="ascii")
    (tmp_path / "c.html").write_text("<!DOCTYPE html><html><p>Hello.</p></html>", encoding="utf-8")
    expected = {"a.odt": "OpenDocument text", "b.rtf": "RTF", "c.html": "HTML page"}
    for name, kind in expected.items():
        with pytest.raises(InputError) as raised:
            load_document(tmp_path / name)
        message = str(raised.value)
        assert kind in message and " as .docx" in message, name


def test_html_pages_as_saved_are_refused_and_text_about_html_is_read(tmp_path: Path) -> None:
    # A BOM, an XML declaration or a browser's "saved from" comment before the page got it
    # read as text; a tutorial that begins with "<html>" was refused.
    page = b"<html><head><title>x</title></head><body><p>Hello.</p></body></html>"
    for name, data in {
        "bom.html": b"\xef\xbb\xbf<!DOCTYPE html>" + page,
        "x.xhtml": b'<?xml version="1.0" encoding="utf-8"?>\n' + page,
        "saved.htm": b"<!-- saved from url=(0022)http://example.org/ -->\n" + page,
    }.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(InputError, match="HTML page"):
            load_document(tmp_path / name)
    (tmp_path / "tut.txt").write_text("<html> is the root element of a page.\n", encoding="utf-8")
    assert [s.text for s in load_document(tmp_path / "tut.txt").segments] == [
        "<html> is the root element of a page."
    ]
