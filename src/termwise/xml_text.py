"""Text that XML 1.0 can hold: the exports write what a file may not contain visibly.

A term or a translation may hold a control character or the non-characters U+FFFE and
U+FFFF (a CSV or a PO file carries them without complaint); lxml refuses to write them, and
every TMX, XLIFF or TBX export of such a file stopped with a Python error.
"""

from __future__ import annotations


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot hold shown as ``\\uXXXX``.

    Those are the control characters but tab and line ends, the non-characters U+FFFE and
    U+FFFF, and lone surrogates; lxml refuses to write any of them.
    """
    if text.isascii() and text.isprintable():
        return text
    return "".join(char if _xml_char(char) else f"\\u{ord(char):04x}" for char in text)


def _xml_char(char: str) -> bool:
    code = ord(char)
    if code < 0x20:
        return char in "\t\n\r"
    return not (0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF))
