"""Decoding files the way translators receive them.

UTF-8 (with or without BOM) and UTF-16 with a BOM are recognised from the bytes; Chinese
text in GB18030/GBK is recognised when UTF-8 fails and the GB18030 reading is mostly CJK of
everyday writing; either of those is named in a note (``encoding_note``), as a guess is.
Anything else must be named with ``--encoding``: a file that reads cleanly as Japanese
(Shift-JIS, EUC-JP), Korean (EUC-KR), Big5 Chinese or a Latin-script language in
Windows-1252 is told so, never read as Chinese mojibake, and so is one that the encoding
named does not read; one that is too short to tell (a Korean word alone, which reads as a
few Chinese characters too) is told both readings. A Windows file named as its ISO 8859
encoding (cp1252 as latin-1) is refused where that reading makes control characters of
its letters. A binary or undecodable file is an ``InputError`` that names the file and the
byte offset, never a traceback.
"""

from __future__ import annotations

import codecs
import functools
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from termwise import languages
from termwise.errors import InputError
from termwise.input_files import read_input

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BOM_ENCODINGS = frozenset(name for _, name in _BOMS)


def read_text(
    path: str | Path, encoding: str | None = None, *, encoding_option: bool | str = False
) -> tuple[str, str]:
    """Return ``(text, encoding)`` for the file at ``path``; raise ``InputError`` when it is not
    text. ``encoding_option``: the command has ``--encoding`` (its errors suggest it), or the
    option that names this file's encoding (``align`` has one per file: ``--encoding``
    there names both, so naming it for one file's error would change the other's reading);
    False where it has none."""
    file_path = Path(path)
    data = read_input(file_path)
    chosen = encoding or detect_encoding(data, file_path, encoding_option=encoding_option)
    return decode_bytes(data, file_path, chosen, encoding_option=encoding_option), chosen


def encoding_note(encoding: str, encoding_option: bool | str = False) -> str | None:
    """What a file read in ``encoding``, found from its bytes (none was named), was read as,
    where that is not UTF-8 (ASCII is UTF-8 too): a GB18030 or UTF-16 file was read right
    without a word, and a translator sent it wants to know which encoding that was, and how
    to name another where the guess is wrong. None for UTF-8."""
    if encoding in ("utf-8", "utf-8-sig"):
        return None
    how = "its byte-order mark" if encoding in _BOM_ENCODINGS else "guessed"
    option = _option_name(encoding_option)
    change = f"; {option} to change" if option else ""
    return f"read as {encoding.upper()} ({how}{change})"


def decode_bytes(
    data: bytes,
    path: str | Path,
    encoding: str | None = None,
    *,
    encoding_option: bool | str = False,
) -> str:
    """Decode ``data`` read from ``path`` (named in errors) with ``encoding`` or by detection;
    ``encoding_option`` as for ``read_text``."""
    _refuse_other_formats(data, path)
    chosen = encoding or detect_encoding(data, path, encoding_option=encoding_option)
    try:
        codecs.lookup(chosen)
    except LookupError as error:
        raise InputError(f"unknown encoding {chosen!r}", path) from error
    if encoding is not None:
        refuse_utf8_misread(data, path, encoding, _option_name(encoding_option) or "--encoding")
    try:
        text = data.decode(chosen)
    except UnicodeDecodeError as error:
        if _writes_ascii_as_bytes(chosen):
            # UTF-16's and UTF-32's text is full of such bytes: its own error says more.
            _refuse_binary(data, path)
        line, column, shown = _bad_byte(data, error.start)
        # The encoding that reads it, as where none was named: "--encoding utf-8" on a
        # GB18030 file named no other.
        readings = _readings(data) if encoding is not None and not _is_utf8(data) else []
        raise InputError(
            f"not valid {chosen} text: {shown}; "
            + _advice(encoding_option, "name the right encoding with {}")
            + _told(readings, encoding_option),
            path,
            line=line,
            column=column,
        ) from error
    except (UnicodeError, LookupError) as error:
        # base64, rot13 and zlib are codecs but not text encodings (LookupError); punycode
        # and "undefined" fail as a whole, without a position (UnicodeError).
        raise InputError(f"cannot read the file as {chosen!r} text ({error})", path) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    control = _CONTROL.search(text)
    if control is not None:
        # Text files hold no NUL or other C0 controls but tab, newlines and form feed;
        # report the byte offset, which is what a hex viewer shows.
        byte_offset = len(text[: control.start()].encode(chosen, errors="replace"))
        raise InputError(
            f"binary file (control character {control.group()!r}); expected text",
            path,
            offset=byte_offset,
        )
    _refuse_windows_file(data, text, path, chosen, encoding_option)
    return text


_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# The same characters as bytes: every encoding a translator is sent but UTF-16 and UTF-32
# (told by their byte-order mark or NUL bytes) writes them so, and never inside another
# character (Shift-JIS's, GB18030's and Big5's second bytes are 0x30 and above).
_CONTROL_BYTES = re.compile(_CONTROL.pattern.encode("ascii"))
# The share of such bytes past which no encoding can make text of a file: random bytes hold
# one in ten, text none (an old DOS file's closing ^Z is one).
BINARY_SHARE = 0.01
# Bytes judged, from the start: a book need not be read through to tell.
BINARY_SAMPLE = 1 << 16


# The advice where the command has no --encoding to name another one.
_SAVE_AS_UTF8 = "save it as UTF-8"


def _option_name(encoding_option: bool | str) -> str | None:
    """The option a command names a file's encoding with (None where it has none)."""
    if isinstance(encoding_option, str):
        return encoding_option
    return "--encoding" if encoding_option else None


def _advice(encoding_option: bool | str, template: str) -> str:
    """``template`` with the option that names the encoding, or the advice to save the file
    as UTF-8 where the command has no such option."""
    option = _option_name(encoding_option)
    return template.format(option) if option else _SAVE_AS_UTF8


def detect_encoding(data: bytes, path: str | Path, *, encoding_option: bool | str = False) -> str:
    """The encoding ``data`` is in (BOM, UTF-8, else mostly-CJK GB18030); ``path`` names errors,
    whose advice names ``encoding_option`` as ``read_text`` says."""
    _refuse_other_formats(data, path)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            "binary file (NUL byte); expected text, or UTF-16 with a byte-order mark",
            path,
            offset=nul,
        )
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as utf8_error:
        readings = _readings(data)
        if [name for name, _, _ in readings] == ["gb18030"]:
            return "gb18030"
        _refuse_binary(data, path)
        line, column, shown = _bad_byte(data, utf8_error.start)
        raise InputError(
            f"not UTF-8 text: {shown}; "
            + _advice(encoding_option, "if it is another encoding, name it with {}")
            + _told(readings, encoding_option),
            path,
            line=line,
            column=column,
        ) from utf8_error


# What a file that is not UTF-8 reads as: (encoding, language, the first line beyond
# ASCII, cut short).
_Found = tuple[str, str, str]


def _readings(data: bytes) -> list[_Found]:
    """What ``data``, which is not UTF-8, reads as, the likelier first: none where nothing
    reads it, two where it is too short to tell. GB18030 alone is the only reading taken
    without being named: a Chinese file in it is read; any other is told."""
    # GB18030 decodes Shift-JIS, EUC-JP and EUC-KR without an error (their byte ranges
    # overlap), so its reading is taken only where theirs is no Japanese or Korean text.
    reading = _other_reading(data, _JAPANESE_AND_KOREAN)
    if reading is not None:
        return [reading]
    # One Korean word ("안녕하세요") is no evidence: a few Chinese characters in GB18030
    # read as one too ("你好" as "콱봤"), and the other way round.
    word = _other_reading(data, _ONE_KOREAN_WORD)
    chinese = _other_reading(data, _CHINESE)
    if chinese is not None:
        return [chinese] if word is None else [word, chinese]
    # Every GBK text decodes as Big5 too, and nearly any bytes as cp1252: only where
    # GB18030's reading fails, and cp1252's last.
    other = word or _other_reading(data, _TRADITIONAL_CHINESE + _WESTERN)
    return [] if other is None else [other]


def _told(readings: list[_Found], encoding_option: bool | str) -> str:
    """What an error adds about ``readings``: ': it reads as Chinese text with --encoding
    big5 ("…")', both readings where there are two."""
    if not readings:
        return ""
    option = _option_name(encoding_option)

    def reads_as(found: _Found) -> str:
        name, language, sample = found
        named = f"with {option} {name}" if option else f"in {name}"
        return f'{language} text {named} ("{_printable(sample)}")'

    told = ": it reads as " + reads_as(readings[0])
    if len(readings) > 1:
        told += " and as " + reads_as(readings[1]) + ", too short to tell which"
    return told


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _refuse_binary(data: bytes, path: str | Path) -> None:
    """Refuse as binary a file that no encoding reads as text, before an error advises
    naming one: random bytes were "not UTF-8 text: byte 0xC7 ("Ç" in Windows-1252); if it
    is another encoding, name it with --encoding", which no encoding could fix."""
    sample = data[:BINARY_SAMPLE]
    controls = _CONTROL_BYTES.findall(sample)
    if not controls or len(controls) < BINARY_SHARE * len(sample):
        return
    first = _CONTROL_BYTES.search(sample)
    assert first is not None
    raise InputError(
        f"binary file (control character {first.group().decode('ascii')!r} and "
        f"{len(controls) - 1} more); expected text",
        path,
        offset=first.start(),
    )


@functools.cache
def _writes_ascii_as_bytes(encoding: str) -> bool:
    """Whether ``encoding`` writes ASCII (controls included) one byte a character, as
    ``_CONTROL_BYTES`` reads it."""
    sample = "".join(map(chr, range(0x80)))
    try:
        return sample.encode(encoding) == sample.encode("ascii")
    except (LookupError, UnicodeError):
        return False


def _bad_byte(data: bytes, start: int) -> tuple[int, int, str]:
    """The line and column of the byte at ``start`` as an editor shows them (the line's
    start decoded as far as it goes), and the byte as the likeliest other encoding reads
    it: a translator knows "é", not b'\\xe9 le'."""
    line_start = data.rfind(b"\n", 0, start) + 1
    column = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
    byte = data[start]
    shown = f"byte 0x{byte:02X}"
    read = bytes([byte]).decode("cp1252", errors="replace")
    # 0x81, 0x8D, 0x8F, 0x90 and 0x9D are no character there: "�" would tell nothing.
    if read != "\ufffd":
        shown += f' ("{_printable(read)}" in Windows-1252)'
    return data.count(b"\n", 0, start) + 1, column, shown


# The signature of an OLE2 compound file: Word 97–2003 .doc, Excel .xls, PowerPoint .ppt.
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What an OLE2 file is, by its suffix; any other suffix is taken for a Word file, the kind
# a translator is sent (often renamed .txt or without a suffix).
_OLE2_KINDS = {
    ".xls": "an Excel 97–2003 .xls file is not read; save it as CSV",
    ".ppt": "a PowerPoint 97–2003 .ppt file is not read; save it as text",
}


def _is_html_page(data: bytes) -> bool:
    """An HTML or XHTML page, as a browser or an editor saves it: it opens with a doctype,
    ``<html``, an XML declaration or a comment ("saved from url"), after any BOM, and
    holds ``<html`` and its end or a body. A text that begins with "<html> is the root
    element" is no page."""
    head = data[:4000].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<!--")):
        return False
    tail = data[-4000:].lower()
    return b"<html" in head and (b"<body" in head or b"</html>" in tail)


_ZIPPED_KINDS = {
    ".odt": "an OpenDocument text (.odt)",
    ".ods": "an OpenDocument spreadsheet (.ods)",
    ".xlsx": "an Excel workbook (.xlsx)",
    ".pptx": "a PowerPoint presentation (.pptx)",
    ".epub": "an EPUB book",
}


def _refuse_other_formats(data: bytes, path: str | Path) -> None:
    """Refuse the formats a translator is sent that are not text, by their signature, with
    what to do instead: a PDF need hold no NUL byte (one was read as GB18030 "text" and
    aligned), and a Word 97–2003 file was refused only as "binary file (NUL byte)", which
    says nothing of saving it as .docx."""
    if data.startswith(b"%PDF-"):
        raise InputError(
            "a PDF file; termwise reads the text extracted from it (with pdftotext from "
            "poppler-utils: pdftotext FILE.pdf FILE.txt)",
            path,
        )
    if data.startswith(_OLE2):
        raise InputError(
            _OLE2_KINDS.get(
                Path(path).suffix.lower(),
                "a Word 97–2003 .doc file is not read; save it as .docx (or text)",
            ),
            path,
        )
    # Read as text, these were a control character's error (.odt, a zip), or their markup
    # became segments to translate (RTF, HTML).
    if data.startswith(b"PK\x03\x04"):
        kind = _ZIPPED_KINDS.get(Path(path).suffix.lower(), "a zip archive")
        raise InputError(
            f"{kind} is not read; save it as .docx, Markdown or text (a glossary as CSV or TBX)",
            path,
        )
    if data.lstrip()[:5] == b"{\\rtf":
        raise InputError("an RTF file is not read; save it as .docx (or text)", path)
    if _is_html_page(data):
        raise InputError(
            "an HTML page is not read (its markup would be translated); save its text as "
            "Markdown or plain text, or the page as .docx",
            path,
        )


def _chinese(char: str) -> bool:
    """Han writing and its punctuation, not kana: GB18030 decodes EUC-JP's kana as they
    are, so a Japanese file would read as Chinese (its kanji garbled)."""
    return languages.cjk_character(char, kana=False, signs=True)


def _everyday_chinese(text: str) -> bool:
    """Whether ``text``, bytes read as GB18030 (GBK, GB2312), is Chinese: Chinese writing of
    everyday characters."""
    return _reads_as_chinese(text) and _everyday_share(text) >= EVERYDAY_SHARE


# Marks Chinese writes with Latin text's code points (GB2312 has them among its own
# punctuation): they tell neither way. Counted against Chinese, the quotes of a short
# sentence ("小王说：“你好。”") had its GBK file refused as no Chinese.
_SHARED_MARKS = frozenset("\u00b7\u2014\u2018\u2019\u201c\u201d\u2026")


def _reads_as_chinese(text: str) -> bool:
    """Whether ``text`` is mostly Han writing in runs, as Chinese is written."""
    non_ascii = [
        index for index, char in enumerate(text) if ord(char) > 0x7F and char not in _SHARED_MARKS
    ]
    if not non_ascii:
        return False
    cjk = [index for index in non_ascii if _chinese(text[index])]
    if len(cjk) / len(non_ascii) < 0.8:
        return False
    # Latin-1 German read as GB18030 is Chinese too: each "ü" with the letter after it is
    # one character ("f黵 Bergsteiger"), against a Latin letter. Chinese writes its
    # characters in runs, or alone with no Latin letter against them (a file of "中").
    in_run = sum(1 for index in cjk if _in_chinese_run(text, index))
    return in_run / len(cjk) >= 0.5


def _in_chinese_run(text: str, index: int) -> bool:
    """Whether the Chinese character at ``index`` stands beside another, or with no Latin
    letter or digit against it."""
    neighbours = text[max(index - 1, 0) : index] + text[index + 1 : index + 2]
    if any(_chinese(char) for char in neighbours):
        return True
    return not any(char.isascii() and char.isalnum() for char in neighbours)


# GB2312 puts the 3,755 characters of everyday writing in its first level (lead bytes
# 0xB0-0xD7), which hold 99% of a Chinese text's ideographs (of the Bible's, names and
# all; a third of those of its verse naming rare birds). Shift-JIS read as GB18030 has none:
# its lead bytes are GBK's extensions or GB2312's second level ("擔杮岅" for "日本語").
EVERYDAY_SHARE = 0.25


def _everyday_share(text: str) -> float:
    """The share of the Han ideographs of ``text`` in GB2312's first level."""
    # Each character judged once: a book holds a few thousand, hundreds of thousands of times.
    ideographs = {
        char: count
        for char, count in Counter(text).items()
        if languages.cjk_character(char, kana=False)
    }
    if not ideographs:
        return 0.0
    # A character GB2312 lacks encodes to nothing: a rarer one still.
    everyday = sum(
        count
        for char, count in ideographs.items()
        if b"\xb0" <= char.encode("gb2312", errors="ignore")[:1] <= b"\xd7"
    )
    return everyday / sum(ideographs.values())


def _kana(char: str) -> bool:
    """Hiragana or full-width katakana: Japanese writes them in every sentence, and no
    Chinese or Korean text read as Shift-JIS or EUC-JP makes them (GBK read as Shift-JIS
    gives half-width katakana)."""
    return languages.cjk_character(char) and not languages.cjk_character(char, kana=False)


def _hangul(char: str) -> bool:
    """A Hangul syllable, as EUC-KR writes Korean."""
    return "\uac00" <= char <= "\ud7a3"


# The share of a reading's characters beyond ASCII that must be of its language's own
# script: a Japanese sentence is about half kana, and a Korean one nearly all Hangul.
KANA_SHARE = 0.2
HANGUL_SHARE = 0.7
# Korean puts a space between words; Chinese read as EUC-KR (GB2312's commonest
# characters fall on its Hangul) is nearly all Hangul too, but in unbroken lines.
KOREAN_WORD_LENGTH = 8


def _japanese(text: str) -> bool:
    """Whether ``text`` is Japanese: kana among its characters beyond ASCII."""
    non_ascii = [char for char in text if ord(char) > 0x7F]
    return bool(non_ascii) and sum(map(_kana, non_ascii)) >= KANA_SHARE * len(non_ascii)


def _korean(text: str) -> bool:
    """Whether ``text`` is Korean: mostly Hangul, in words with spaces between them."""
    non_ascii = [char for char in text if ord(char) > 0x7F]
    if not non_ascii or sum(map(_hangul, non_ascii)) < HANGUL_SHARE * len(non_ascii):
        return False
    words = [word for word in text.split() if any(map(_hangul, word))]
    return len(words) >= 2 and sum(map(len, words)) <= KOREAN_WORD_LENGTH * len(words)


# The share of a reading's characters beyond ASCII that must be letters in words mostly of
# ASCII letters, as a Latin-script language writes its diacritics ("système", "für"):
# Shift-JIS read one byte a character gives words half symbols ("ŸTŸT"), GBK none.
LATIN_SHARE = 0.5
_WORD = re.compile(r"[^\W\d_]+")


def _latin_script(text: str) -> bool:
    """Whether ``text`` is a Latin-script language: most of its characters beyond ASCII are
    letters with diacritics in words of ASCII letters."""
    beyond = sum(ord(char) > 0x7F for char in text)
    in_words = 0
    for word in _WORD.finditer(text):
        letters = sum(ord(char) > 0x7F for char in word.group())
        if 2 * letters < len(word.group()):
            in_words += letters
    return beyond > 0 and in_words >= LATIN_SHARE * beyond


# The readings a file that is not UTF-8 is tried in, with the language each is for and
# how its text is told: Shift-JIS before Windows' superset of it, which also reads NEC's
# signs ("①", "㈱").
_Reading = tuple[str, str, Callable[[str], bool]]
_JAPANESE_AND_KOREAN: tuple[_Reading, ...] = (
    ("shift_jis", "Japanese", _japanese),
    ("cp932", "Japanese", _japanese),
    ("euc_jp", "Japanese", _japanese),
    ("euc_kr", "Korean", _korean),
)


def _one_korean_word(text: str) -> bool:
    """Whether ``text`` is a Korean word alone: all Hangul, but with no second word to show
    Korean's spaces, no longer than a Chinese phrase read as EUC-KR may be."""
    non_ascii = [char for char in text if ord(char) > 0x7F]
    if not non_ascii or sum(map(_hangul, non_ascii)) < HANGUL_SHARE * len(non_ascii):
        return False
    words = [word for word in text.split() if any(map(_hangul, word))]
    return len(words) == 1 and len(words[0]) <= KOREAN_WORD_LENGTH


_ONE_KOREAN_WORD: tuple[_Reading, ...] = (("euc_kr", "Korean", _one_korean_word),)
_TRADITIONAL_CHINESE: tuple[_Reading, ...] = (("big5", "Chinese", _reads_as_chinese),)
_CHINESE: tuple[_Reading, ...] = (("gb18030", "Chinese", _everyday_chinese),)
_WESTERN: tuple[_Reading, ...] = (("cp1252", "Western European", _latin_script),)


def _other_reading(data: bytes, readings: tuple[_Reading, ...]) -> tuple[str, str, str] | None:
    """The first of ``readings`` that decodes ``data`` without an error into text of its
    language: ``(encoding, language, the first line beyond ASCII, cut short)``."""
    for encoding, language, test in readings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if test(text):
            first = next(k for k, char in enumerate(text) if ord(char) > 0x7F)
            line_start = text.rfind("\n", 0, first) + 1
            line_end = text.find("\n", first)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            return encoding, language, line.strip()[:20]
    return None


# The Windows code page that has letters and punctuation where an ISO 8859 encoding has its
# C1 control characters (bytes 0x80-0x9F), and the ISO encoding's letters elsewhere, or most
# of them: a file holding such bytes was written by Windows.
_WINDOWS_CODE_PAGES = {
    "iso8859-1": "cp1252",
    "iso8859-15": "cp1252",
    "iso8859-2": "cp1250",
    "iso8859-9": "cp1254",
    "iso8859-13": "cp1257",
}
# ISO 8859 reads each of those bytes as the control character of its own number.
_C1 = re.compile("[\x80-\x9f]")


def _refuse_windows_file(
    data: bytes, text: str, path: str | Path, encoding: str, encoding_option: bool | str
) -> None:
    """Refuse ``text``, ``data`` read in an ISO 8859 ``encoding``, where it holds a C1
    control character that the Windows code page reads as a character: "l'œuvre" in cp1252
    read as latin-1 was "l'<U+009C>uvre", which a terminal and every check show as "l'uvre". It
    is refused, not read as cp1252, as a UTF-8 file named latin-1 is: the encoding was named,
    and a reading other than the one named would surprise whoever named it."""
    windows = _WINDOWS_CODE_PAGES.get(codecs.lookup(encoding).name)
    if windows is None:
        return
    windows_text = data.decode(windows, errors="replace")
    for control in _C1.finditer(text):
        position = control.start()  # one byte a character, and no BOM: also the byte's
        read = windows_text[position]
        if read == "\ufffd":
            continue  # 0x81 and the like are no character in Windows either
        option = _option_name(encoding_option) or "--encoding"
        try:
            data.decode(windows)
        except UnicodeDecodeError:
            advice = f"name the right encoding with {option}"
        else:
            advice = f"it is {windows} text: name it with {option} {windows}"
        line_start = text.rfind("\n", 0, position) + 1
        raise InputError(
            f"not {encoding} text: byte 0x{ord(control.group()):02X} is a control character in "
            f'{encoding}, "{_printable(read)}" in {windows} '
            f'("{_printable(_word_at(windows_text, position))}"); {advice}',
            path,
            line=text.count("\n", 0, position) + 1,
            column=position - line_start + 1,
        )


@functools.cache
def _one_byte_per_character(encoding: str) -> bool:
    """Whether ``encoding`` reads every byte as a character of its own (latin-1, cp1252):
    it then reads any UTF-8 file without an error, each accented letter as two or three."""
    try:
        decoder = codecs.getincrementaldecoder(encoding)
        # A fresh decoder for each byte: UTF-8's or GB18030's holds a lead byte back.
        return all(
            len(decoder(errors="replace").decode(bytes([byte]))) == 1 for byte in range(0x80, 0x100)
        )
    except (LookupError, UnicodeError):
        return False  # "undefined" and the like: decoding refuses the file anyway


def refuse_utf8_misread(
    data: bytes,
    path: str | Path,
    encoding: str,
    option: str = "--encoding",
    *,
    advice: str | None = None,
) -> None:
    """Refuse UTF-8 text with letters beyond ASCII where ``option`` names a one-byte
    encoding for it: that encoding reads it without an error, and what is read ("cafÃ©")
    is keyed and translated as it is. Text really written in such an encoding is almost
    never valid UTF-8 as well (an accented letter would have to be followed by one or two
    of its symbols, every time), so this is refused, not warned of: a warning scrolls past,
    the file it leaves stays wrong. (Multi-byte encodings are not judged: a short GBK text
    can be valid UTF-8 by chance.)"""
    if data.isascii() or not _one_byte_per_character(encoding):
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    first = next(k for k, char in enumerate(text) if not char.isascii())
    line_start = text.rfind("\n", 0, first) + 1
    word = _word_at(text, first)
    misread = word.encode("utf-8").decode(encoding, errors="replace")
    raise InputError(
        f'this file is UTF-8 text, which {option} {encoding} would misread ("{_printable(word)}" '
        f'as "{_printable(misread)}"); {advice or f"leave {option} out"}',
        path,
        line=text.count("\n", 0, first) + 1,
        column=first - line_start + 1,
    )


def _word_at(text: str, position: int) -> str:
    """The word (up to the spaces around it) that holds ``text[position]``, cut short."""
    start = position
    while start > 0 and not text[start - 1].isspace() and position - start < 20:
        start -= 1
    end = position
    while end < len(text) and not text[end].isspace() and end - position < 20:
        end += 1
    return text[start:end]


def _printable(text: str) -> str:
    """``text`` with what a terminal would swallow or act on (latin-1's C1 control U+0082
    in a misread "€", a byte-order mark, a no-break space) written as "<U+0082>"."""
    return "".join(char if char.isprintable() else f"<U+{ord(char):04X}>" for char in text)
