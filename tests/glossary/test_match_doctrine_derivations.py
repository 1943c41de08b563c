"""A doctrine (-ismo, -isme, -ism), its follower (-ista, -iste) and the word both are made
from are three terms.

Snowball strips -ismo and -ista alike: "capitalismo" matched "capitalista", "socialismo"
"socialistas", French "capitalisme" matched "capital", English "socialism" "social". Plain words that merely end so ("mismo", "lista") keep
their inflections.
"""

from __future__ import annotations

import pytest

from support.term_matching import found_term


@pytest.mark.parametrize(
    ("lang", "term", "text"),
    [
        ("es", "capitalismo", "Un capitalista."),
        ("es", "capitalista", "El capitalismo."),
        ("es", "socialismo", "Los socialistas."),
        ("es", "periodismo", "La periodista."),
        ("fr", "capital", "Le capitalisme."),
        ("fr", "socialisme", "Les socialistes."),
        ("en", "social", "Socialism."),
        ("en", "capital", "Capitalism."),
    ],
)
def test_a_doctrine_its_follower_and_its_stem_are_apart(lang: str, term: str, text: str) -> None:
    assert found_term(lang, term, text) == []


@pytest.mark.parametrize(
    ("lang", "term", "text", "found"),
    [
        ("es", "capitalismo", "Los capitalismos.", ["capitalismos"]),
        ("es", "economista", "Las economistas.", ["economistas"]),
        ("es", "mismo", "La misma y los mismos.", ["misma", "mismos"]),
        ("es", "lista", "Las listas.", ["listas"]),
        ("es", "revista", "Dos revistas.", ["revistas"]),
        ("fr", "socialisme", "Les socialismes.", ["socialismes"]),
        ("en", "socialism", "Socialisms.", ["Socialisms"]),
        ("en", "list", "Lists.", ["Lists"]),
    ],
)
def test_inflections_still_match(lang: str, term: str, text: str, found: list[str]) -> None:
    assert found_term(lang, term, text) == found
