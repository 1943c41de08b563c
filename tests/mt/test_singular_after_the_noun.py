"""A plural glossary term written in the singular (``plan.singularised``, the rendering an
Argos placement writes for a singular occurrence): an adjective after its noun is whole
("ciudad grande", not the short "gran" wordfreq knows best), and a French head whose
singular the rules cannot tell leaves the whole term as it stands, never a phrase in two
numbers ("relations internationale"). Found by the fourth audit."""

from __future__ import annotations

import pytest

from termwise.mt.constrained.plan import singularised


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("ciudades grandes", "ciudad grande"),
        ("peces grandes", "pez grande"),
        ("casos malos", "caso malo"),
        ("grandes potencias", "gran potencia"),
        ("energías renovables", "energía renovable"),
    ],
)
def test_an_adjective_after_its_noun_is_whole(plural: str, singular: str) -> None:
    assert singularised(plural, "es") == singular


@pytest.mark.parametrize(
    "plural",
    ["relations internationales", "conditions générales", "Nations unies", "relations extérieures"],
)
def test_a_french_head_the_rules_cannot_tell_leaves_the_term_as_it_stands(plural: str) -> None:
    assert singularised(plural, "fr") == plural


@pytest.mark.parametrize(
    ("plural", "singular"),
    [("services publics", "service public"), ("hôpitaux publics", "hôpital public")],
)
def test_a_french_head_the_rules_know_is_still_singular(plural: str, singular: str) -> None:
    assert singularised(plural, "fr") == singular
