"""A plural Spanish rendering made singular for a singular occurrence cuts an adjective
before its noun short, as Spanish does before a singular noun: "buen oficio", "primer paso",
"gran potencia" (RAE, Gramática 13.4). Apertium's generator has "bueno" for the singular of
"buenos" ("Ofreció un bueno oficio."), and wordfreq knows "bueno" better than "buen" (the
rendering an Argos placement writes). The whole form stays after the noun and as a head
("caso malo", "tercero de buena fe"), and the feminine one everywhere ("buena práctica").
A short form before a plural noun takes its whole form's plural ("grandes potencias")."""

from __future__ import annotations

import pytest

from termwise.glossary.model import Concept, DataCategory, Glossary, Term, TermStatus
from termwise.mt.apertium import ApertiumEngine
from termwise.mt.constrained.engine import ConstrainedEngine
from termwise.mt.constrained.plan import GlossaryConstraints, singularised

_PLURAL = DataCategory("termNote", "grammaticalNumber", "plural")


def _glossary(pairs: list[tuple[str, str]], extra: list[DataCategory]) -> Glossary:
    return Glossary(
        [
            Concept(
                f"C{index}",
                all_terms=[
                    Term(source, "en"),
                    Term(target, "es", status=TermStatus.PREFERRED, extra=list(extra)),
                ],
            )
            for index, (source, target) in enumerate(pairs)
        ]
    )


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("buenos oficios", "buen oficio"),
        ("Buenos Oficios", "Buen Oficio"),
        ("primeros grandes pasos", "primer gran paso"),
        ("terceros países", "tercer país"),
        ("grandes potencias", "gran potencia"),
        # Not before a noun: whole.
        ("terceros de buena fe", "tercero de buena fe"),
        ("casos malos", "caso malo"),
        ("buenas prácticas", "buena práctica"),
        ("primeras damas", "primera dama"),
        # "santo" is cut short before a saint's name only.
        ("santos lugares", "santo lugar"),
    ],
)
def test_an_adjective_before_its_noun_is_cut_short(plural: str, singular: str) -> None:
    assert singularised(plural, "es") == singular


def test_the_rendering_for_a_singular_occurrence_is_cut_short() -> None:
    constraints = GlossaryConstraints(
        _glossary([("good offices", "buenos oficios")], [_PLURAL]), "en", "es"
    )
    (placement,) = constraints.plan("She offered a good office.")
    assert placement.singular
    assert placement.rendering == "buen oficio"


def test_apertium_cuts_an_adjective_before_a_singular_head_short() -> None:
    pairs = [
        ("good offices", "buenos oficios"),
        ("first steps", "primeros pasos"),
        ("major powers", "grandes potencias"),
        ("good practices", "buenas prácticas"),
    ]
    engine = ConstrainedEngine(
        ApertiumEngine(), GlossaryConstraints(_glossary(pairs, [_PLURAL]), "en", "es")
    )
    results = engine.translate(
        [
            "She offered a good office.",
            "This is a first step.",
            "China is a major power.",
            "It is a good practice.",
            "The major powers met.",
        ],
        "en",
        "es",
    )
    targets = [result.target for result in results]
    assert targets == [
        "Ofreció un buen oficio.",
        "Esto es un primer paso.",
        "China es una gran potencia.",
        "Es una buena práctica.",
        "Las grandes potencias cumplieron.",
    ], targets
    for result in results:
        assert [d.mechanism for d in result.terms] == ["apertium-lexical"], result.terms


def test_apertium_gives_a_short_adjective_its_plural_before_a_plural_head() -> None:
    # "Las gran potencias", "primer pasos": the generator knows no plural of "gran", and
    # the analyser reads "primer" as a determiner, which ended the run of adjectives.
    pairs = [("major power", "gran potencia"), ("first step", "primer paso")]
    engine = ConstrainedEngine(
        ApertiumEngine(), GlossaryConstraints(_glossary(pairs, []), "en", "es")
    )
    powers, steps = engine.translate(
        ["The major powers met.", "These are first steps."], "en", "es"
    )
    assert powers.target == "Las grandes potencias cumplieron.", powers.target
    assert steps.target == "Estos son primeros pasos.", steps.target
