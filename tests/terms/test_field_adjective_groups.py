"""An adjective in -ic and the field in -ics are two groups ("economic", "economics"); a
noun in -ic and its plural are one ("topic", "topics").

Variant grouping took "economics" for the plural of "economic", so the adjective, which
``scoring.lone_adjectives`` vetoes alone, was listed as the field's variant, as the glossary
matcher no longer joins an adjective to its noun.
"""

from __future__ import annotations

from termwise.terms.candidates import collect
from termwise.terms.extract import extract_terms, segments_document
from termwise.terms.variants import StemKeys, build_groups

_TEXTS = [
    "Economic growth and economic policy shape economic globalization.",
    "Economics studies economic growth; economics is a social science.",
    "Political economy and political parties: politics is the topic.",
    "The topic of economics and the topics of politics are old topics.",
]


def _groups() -> list[list[str]]:
    from termwise.terms.scoring import field_adjectives

    index = collect([_TEXTS], "en")
    keys = StemKeys("en", field_adjectives(index))
    groups = build_groups(index.forms, keys, seeds=index.forms)
    return [sorted(group.forms) for group in groups]


def test_the_adjective_and_the_field_are_two_groups() -> None:
    groups = _groups()
    assert ["economic"] in groups
    assert ["economics"] in groups
    assert ["politics"] in groups
    assert ["topic", "topics"] in groups


def test_extraction_lists_no_adjective_as_the_field_s_variant() -> None:
    document = segments_document([(str(n), text) for n, text in enumerate(_TEXTS)], "en")
    for candidate in extract_terms([document]).candidates:
        assert not {"economic", "economics"} <= set(candidate.forms), candidate.forms
