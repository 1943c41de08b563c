"""A Spanish term made of a noun and its adjective stays above the cut-off.

Spanish puts a noun phrase's head first, and term discovery's rules read it so; the
combiner's head features did too for a while, and "energía eólica", "energía renovable",
"fuerza aerodinámica" and "fuerza centrífuga" fell below the cut-off (leaving "fuerza" and
"aerodinámica" alone). The default model that scores Spanish learnt those features from
English compounds and French (``scoring.COMBINER_HEAD_FIRST``).
"""

from __future__ import annotations

import pytest

from termwise.terms.extract import CUT_OFF, extract_terms, segments_document

WIND = [
    "La energía eólica es una fuente de energía renovable. Los aerogeneradores convierten la"
    " energía cinética del viento en energía eléctrica.",
    "El rotor de un aerogenerador gira por la fuerza aerodinámica del viento. La fuerza"
    " centrífuga actúa sobre las palas del rotor.",
    "Las palas soportan la fuerza centrífuga y la fuerza aerodinámica. El control aerodinámico"
    " limita la potencia en vientos fuertes.",
    "El control aerodinámico de las palas se hace con el ángulo de paso. La energía eléctrica"
    " se entrega a la red eléctrica.",
    "Un parque eólico marino produce más energía eléctrica que un parque eólico terrestre. La"
    " red eléctrica debe absorber la energía renovable.",
    "La velocidad del viento varía con la altura. La velocidad del viento determina la potencia"
    " del aerogenerador.",
    "El parque eólico marino tiene cimientos especiales. La fuerza centrífuga aumenta con la"
    " velocidad de rotación.",
]


@pytest.fixture(scope="module")
def above_cut_off() -> list[str]:
    document = segments_document([(str(i), text) for i, text in enumerate(WIND)], "es")
    extraction = extract_terms([document], "es")
    return [c.term for c in extraction.candidates if c.kept == CUT_OFF]


@pytest.mark.parametrize(
    "term",
    [
        "energía eólica",
        "energía renovable",
        "fuerza aerodinámica",
        "fuerza centrífuga",
        "energía eléctrica",
        "parque eólico",
    ],
)
def test_a_noun_with_its_adjective_is_a_term(above_cut_off: list[str], term: str) -> None:
    assert term in above_cut_off, above_cut_off


def test_the_noun_does_not_stand_for_its_terms(above_cut_off: list[str]) -> None:
    """ "fuerza" alone took the place of "fuerza centrífuga" and "fuerza aerodinámica"."""
    assert "fuerza" not in above_cut_off, above_cut_off
