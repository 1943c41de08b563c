"""Which Debian package holds the Apertium pair for two languages, if any.

A hint such as "apt install apertium-eng-zho" for a package that does not exist sends the
translator looking for nothing, so hints come from the real list below, taken from Debian 12
(bookworm) with ``apt-cache search --names-only '^apertium-'`` (pairs only; where Debian
has both an old two-letter and a current three-letter name, the three-letter one; the
Serbo-Croatian pairs are left out, since no one tag names what they translate). A test
checks the list against ``apt-cache`` where it runs on Debian. Most pairs translate both
ways, so a package is suggested for either direction.
"""

from __future__ import annotations

from termwise import languages

# package -> the two languages (BCP 47 primary subtags) it translates between
DEBIAN_PAIRS: dict[str, tuple[str, str]] = {
    "apertium-afr-nld": ("af", "nl"),
    "apertium-arg-cat": ("an", "ca"),
    "apertium-bel-rus": ("be", "ru"),
    "apertium-br-fr": ("br", "fr"),
    "apertium-cat-ita": ("ca", "it"),
    "apertium-cat-srd": ("ca", "sc"),
    "apertium-dan-nor": ("da", "no"),
    "apertium-en-gl": ("en", "gl"),
    "apertium-eng-cat": ("en", "ca"),
    "apertium-eng-spa": ("en", "es"),
    "apertium-eo-ca": ("eo", "ca"),
    "apertium-eo-en": ("eo", "en"),
    "apertium-eo-es": ("eo", "es"),
    "apertium-eo-fr": ("eo", "fr"),
    "apertium-es-gl": ("es", "gl"),
    "apertium-es-pt": ("es", "pt"),
    "apertium-es-ro": ("es", "ro"),
    "apertium-eu-en": ("eu", "en"),
    "apertium-eu-es": ("eu", "es"),
    "apertium-fr-es": ("fr", "es"),
    "apertium-fra-cat": ("fr", "ca"),
    "apertium-fra-frp": ("fr", "frp"),
    "apertium-ind-zlm": ("id", "ms"),
    "apertium-isl-eng": ("is", "en"),
    "apertium-isl-swe": ("is", "sv"),
    "apertium-mkd-bul": ("mk", "bg"),
    "apertium-mkd-eng": ("mk", "en"),
    "apertium-nno-nob": ("nn", "nb"),
    "apertium-oc-ca": ("oc", "ca"),
    "apertium-oc-es": ("oc", "es"),
    "apertium-oci-fra": ("oc", "fr"),
    "apertium-pol-szl": ("pl", "szl"),
    "apertium-por-cat": ("pt", "ca"),
    "apertium-pt-gl": ("pt", "gl"),
    "apertium-rus-ukr": ("ru", "uk"),
    "apertium-spa-arg": ("es", "an"),
    "apertium-spa-ast": ("es", "ast"),
    "apertium-spa-cat": ("es", "ca"),
    "apertium-spa-ita": ("es", "it"),
    "apertium-srd-ita": ("sc", "it"),
    "apertium-swe-dan": ("sv", "da"),
    "apertium-swe-nor": ("sv", "no"),
    "apertium-urd-hin": ("ur", "hi"),
}


def debian_package(src: str, tgt: str) -> str | None:
    """The Debian package with an Apertium pair between ``src`` and ``tgt``, or None."""
    wanted = {languages.primary(src), languages.primary(tgt)}
    for package, pair in DEBIAN_PAIRS.items():
        if set(pair) == wanted:
            return package
    return None
