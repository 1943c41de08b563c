"""A Spanish loanword's plural: -s after a consonant Spanish words do not end in.

The RAE's rule: "robots", "chips", "cómics", "think tanks"; only -b, -m and -ch take -es
as well ("clubes", "álbumes", "sándwiches"). The rule gave every such word -es first, and
MT wrote "thinkes tankes" for the plural of a carried "think tank".
"""

from __future__ import annotations

import pytest

from termwise.glossary.inflection import plural_forms


@pytest.mark.parametrize(
    ("word", "plurals"),
    [
        ("robot", ("robots",)),
        ("tank", ("tanks",)),
        ("chip", ("chips",)),
        ("club", ("clubes", "clubs")),
        ("álbum", ("álbumes", "álbums")),
        ("sándwich", ("sándwiches", "sándwichs")),
        ("red", ("redes",)),
    ],
)
def test_loanword_plurals(word: str, plurals: tuple[str, ...]) -> None:
    assert plural_forms(word, "es") == plurals
