"""Terminology checks against a small glossary built here, so each expectation is visible."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from termwise.checks import CheckConfig, Issue, apply_fixes, check_document, run_checks
from termwise.checks.terminology import match_case
from termwise.glossary.model import Concept, Glossary, Term, TermStatus

from .documents import build_document

P, A, D, S = TermStatus.PREFERRED, TermStatus.ADMITTED, TermStatus.DEPRECATED, TermStatus.SUPERSEDED


@pytest.fixture
def glossary() -> Glossary:
    return Glossary(
        [
            Concept(
                "T01",
                all_terms=[
                    Term("人类命运共同体", "zh"),
                    Term("community with a shared future for mankind", "en", P),
                    Term("community with a shared future for humanity", "en", A),
                    Term("community of common destiny", "en", S),
                    Term("community of human destiny", "en", D),
                    Term("human destiny community", "en", D),
                    Term("destiny community", "en", D),
                    Term("comunidad de futuro compartido de la humanidad", "es", P),
                    Term("comunidad global de futuro compartido", "es", A),
                    Term("comunidad de destino de la humanidad", "es", S),
                ],
            ),
            Concept(
                "T19",
                all_terms=[
                    Term("冷战思维", "zh"),
                    Term("Cold War mentality", "en", P),
                    Term("mentalidad de Guerra Fría", "es", P),
                ],
            ),
            Concept(
                "T27",
                all_terms=[Term("公共外交", "zh"), Term("public diplomacy", "en", P)],
            ),
        ]
    )


def run(
    glossary: Glossary,
    sources: Sequence[str],
    targets: Sequence[str | None] | None = None,
    only: Sequence[str] = (),
) -> list[Issue]:
    document = build_document(sources)
    mapping = None
    if targets is not None:
        mapping = {f"s{i + 1}": t for i, t in enumerate(targets) if t is not None}
    config = CheckConfig(enabled_only=frozenset(only)) if only else None
    return run_checks(
        document,
        glossary,
        target_lang="es" if targets is not None else None,
        targets=mapping,
        config=config,
    )


def test_source_variant_names_concept_and_official_term(glossary: Glossary) -> None:
    sources = [
        "Building a community of human destiny is the goal.",
        "The idea of human destiny community is a world outlook.",
        "3.2. The development trend of the Community of Human Destiny",
        "They are interdependent destiny communities.",
        "A community with a shared future for mankind and the Cold War mentality.",
    ]
    issues = run(glossary, sources, only=["source-variant"])
    assert [(i.segment_id, i.text) for i in issues] == [
        ("s1", "community of human destiny"),
        ("s2", "human destiny community"),
        ("s3", "Community of Human Destiny"),
        ("s4", "destiny communities"),
    ]
    first = issues[0]
    assert first.concept == "T01"
    assert first.term == "community with a shared future for mankind"
    assert "T01 人类命运共同体" in first.message and "official term" in first.message
    # Only the matched span is replaced: the article the author wrote stays.
    assert apply_fixes(sources[0], [first.fix]) == (  # type: ignore[list-item]
        "Building a community with a shared future for mankind is the goal."
    )
    assert issues[2].suggestion == "Community with a Shared Future for Mankind"
    assert all(i.side == "source" for i in issues)
    # The plural is found, but its fix would be the singular: suggested, never applied.
    assert [i.fix is not None for i in issues] == [True, True, True, False]
    assert "inflected" in issues[3].message


def test_source_variant_without_official_term_has_no_fix() -> None:
    glossary = Glossary([Concept("T03", all_terms=[Term("a community of Asian destiny", "en", D)])])
    issues = run(glossary, ["To build a community of Asian destiny."], only=["source-variant"])
    assert len(issues) == 1
    assert issues[0].fix is None and "no official rendering" in issues[0].message


def test_bilingual_terminology_checks(glossary: Glossary) -> None:
    sources = [
        "Building a community of human destiny matters.",  # official Spanish used: fine
        "The community with a shared future for mankind grows.",  # Spanish rendering missing
        "We reject the Cold War mentality.",  # official Spanish used: fine
        "The community of human destiny and public diplomacy.",  # forbidden + no target
        "The community of human destiny again.",  # admitted rendering: inconsistent
    ]
    targets = [
        "Construir una comunidad de futuro compartido de la humanidad importa.",
        "La comunidad crece.",
        "Rechazamos la mentalidad de Guerra Fría.",
        "La comunidad de destino de la humanidad y la diplomacia pública.",
        "La comunidad global de futuro compartido otra vez.",
    ]
    issues = run(
        glossary,
        sources,
        targets,
        only=["term-missing", "term-forbidden", "term-no-target", "term-inconsistent"],
    )
    found = [(i.check, i.segment_id, i.side, i.text) for i in issues]
    assert found == [
        ("term-missing", "s2", "target", ""),
        ("term-no-target", "s4", "source", "public diplomacy"),
        ("term-forbidden", "s4", "target", "comunidad de destino de la humanidad"),
        # (The superseded rendering is term-forbidden's alone: reported twice, it was fixed
        # twice.)
        ("term-inconsistent", "s5", "target", "comunidad global de futuro compartido"),
    ]
    missing = issues[0]
    assert missing.term == "comunidad de futuro compartido de la humanidad"
    forbidden = issues[2]
    assert forbidden.concept == "T01" and forbidden.fix is not None
    assert forbidden.suggestion == "comunidad de futuro compartido de la humanidad"
    assert issues[3].suggestion == "comunidad de futuro compartido de la humanidad"


def test_variation_report_counts_every_rendering(glossary: Glossary) -> None:
    sources = [
        "A community of human destiny and a human destiny community.",
        "The community of human destiny.",
        "Cold War mentality.",
    ]
    targets = ["Una comunidad de destino de la humanidad.", None, "Mentalidad de Guerra Fría."]
    result = check_document(
        build_document(sources),
        glossary,
        target_lang="es",
        targets={f"s{i + 1}": t for i, t in enumerate(targets) if t is not None},
    )
    report = {v.concept: v for v in result.variations()}
    t01 = [(r.lang, r.term, r.status, r.count, r.segments) for r in report["T01"].renderings]
    assert t01 == [
        ("en", "community of human destiny", "deprecated", 2, ["s1", "s2"]),
        ("en", "human destiny community", "deprecated", 1, ["s1"]),
        ("es", "comunidad de destino de la humanidad", "superseded", 1, ["s1"]),
    ]
    assert report["T01"].varies and not report["T19"].varies
    assert report["T01"].official == {
        "en": "community with a shared future for mankind",
        "es": "comunidad de futuro compartido de la humanidad",
    }


def test_match_case() -> None:
    assert match_case("community with a shared future", "Community of Human Destiny") == (
        "Community with a Shared Future"
    )
    assert match_case("community with a shared future", "Destiny community") == (
        "Community with a shared future"
    )
    assert match_case("Belt and Road Initiative", "one belt and one road") == (
        "Belt and Road Initiative"
    )
    assert match_case("aiib", "AIIB") == "AIIB"


def test_superseded_rendering_says_until_when_it_was_official() -> None:
    glossary = Glossary(
        [
            Concept(
                "T01",
                all_terms=[
                    Term("community with a shared future for mankind", "en", P),
                    Term("community of common destiny", "en", S, used_until="2016"),
                ],
            )
        ]
    )
    issues = run(glossary, ["A community of common destiny."], only=["source-variant"])
    assert "superseded (official until 2016) rendering of T01" in issues[0].message


def test_an_inflected_forbidden_rendering_is_flagged_but_not_fixed(glossary: Glossary) -> None:
    sources = ["Building a community of human destiny.", "Building a community of human destiny."]
    targets = [
        "Construir la comunidad de destino de la humanidad.",
        "Construir las comunidades de destino de la humanidad.",
    ]
    issues = run(glossary, sources, targets, only=["term-forbidden"])
    assert [(i.segment_id, i.text, i.fix is not None) for i in issues] == [
        ("s1", "comunidad de destino de la humanidad", True),
        ("s2", "comunidades de destino de la humanidad", False),
    ]
    assert issues[1].suggestion == "comunidad de futuro compartido de la humanidad"
    assert "inflected" in issues[1].message


def test_consistency_is_with_the_official_rendering_not_the_majority(glossary: Glossary) -> None:
    # A published translation used the superseded rendering twice and the official one
    # once: the fix "made it consistent" by putting the superseded one over the official.
    sources = ["We build a community of human destiny."] * 4
    targets = [
        "Construimos una comunidad de futuro compartido de la humanidad.",
        "Construimos una comunidad de destino de la humanidad.",
        "Construimos una comunidad de destino de la humanidad.",
        "Construimos una comunidad global de futuro compartido.",
    ]
    issues = run(glossary, sources, targets, only=["term-forbidden", "term-inconsistent"])
    found = [(i.check, i.segment_id, i.suggestion) for i in issues]
    official = "comunidad de futuro compartido de la humanidad"
    assert found == [
        ("term-forbidden", "s2", official),
        ("term-forbidden", "s3", official),
        ("term-inconsistent", "s4", official),
    ]
    assert all(issue.fix is not None for issue in issues)


def test_a_bare_compound_replaced_in_the_source_gets_the_article_its_official_form_needs(
    glossary: Glossary,
) -> None:
    # "The idea of human destiny community" became "The idea of community with a shared
    # future for mankind": the compound stood bare, the official rendering cannot.
    sources = [
        "The idea of human destiny community is a world outlook.",
        "This determines that the human destiny community lasts.",
        "It is the world's destiny community now.",
        'The idea of "human destiny community" spread.',
        "They built the new human destiny community together.",
        "3. The Concept of Human Destiny Community",
        "Human destiny community is an idea.",
        "The idea of the community of human destiny spread.",
    ]
    issues = run(glossary, sources, only=["source-variant"])
    fixed = {issue.segment_id: apply_fixes(sources[int(issue.segment_id[1:]) - 1], [issue.fix])
             for issue in issues if issue.fix is not None}  # fmt: skip
    assert fixed == {
        "s1": "The idea of a community with a shared future for mankind is a world outlook.",
        "s2": "This determines that the community with a shared future for mankind lasts.",
        "s3": "It is the world's community with a shared future for mankind now.",
        # In quotes it is a name; at a segment's start (s7) it may open a heading: as written.
        "s4": 'The idea of "community with a shared future for mankind" spread.',
        "s5": "They built the new community with a shared future for mankind together.",
        "s6": "3. The Concept of a Community with a Shared Future for Mankind",
        "s7": "Community with a shared future for mankind is an idea.",
        # Not a compound: the article the author wrote stays.
        "s8": "The idea of the community with a shared future for mankind spread.",
    }


def test_an_official_rendering_that_takes_no_article_gets_none() -> None:
    # "promote cooperation and win-win" became "promote a win-win cooperation".
    glossary = Glossary(
        [
            Concept(
                "T10",
                all_terms=[
                    Term("win-win cooperation", "en", P),
                    Term("cooperation and win-win", "en", D),
                ],
            )
        ]
    )
    sources = ["They promote cooperation and win-win with others."]
    [issue] = run(glossary, sources, only=["source-variant"])
    assert issue.fix is not None
    assert apply_fixes(sources[0], [issue.fix]) == "They promote win-win cooperation with others."


def test_an_acronym_beside_its_full_form_is_no_inconsistency() -> None:
    # "El Banco Asiático de Inversión en Infraestructura (BAII)" was reported as two
    # renderings, and the fix wrote "(BANCO ASIÁTICO DE INVERSIÓN EN INFRAESTRUCTURA)".
    aiib = Glossary(
        [
            Concept(
                "T09",
                all_terms=[
                    Term("Asian Infrastructure Investment Bank", "en", P),
                    Term("AIIB", "en", A, term_type="acronym", case_sensitive=True),
                    Term("Banco Asiático de Inversión en Infraestructura", "es", P),
                    Term("BAII", "es", A, term_type="acronym", case_sensitive=True),
                ],
            )
        ]
    )
    sources = [
        "The Asian Infrastructure Investment Bank (AIIB) was founded in 2015.",
        "The AIIB grew.",
    ]
    targets = [
        "El Banco Asiático de Inversión en Infraestructura (BAII) se fundó en 2015.",
        "El BAII creció.",
    ]
    assert not run(aiib, sources, targets, only=["term-inconsistent"])
    # A full form written where an acronym stood keeps the glossary's own spelling.
    assert match_case("Banco Asiático de Inversión", "BAII") == "Banco Asiático de Inversión"
    assert match_case("comunidad de futuro", "COMMUNITY OF DESTINY") == "COMUNIDAD DE FUTURO"


def test_addresses_and_link_destinations_hold_no_terms() -> None:
    # The slug "una-franja-y-una-ruta" of a link was a superseded rendering, and the fix
    # wrote "https://example.org/Iniciativa de la Franja y la Ruta" into the link.
    bri = Glossary(
        [
            Concept(
                "T05",
                all_terms=[
                    Term("Belt and Road Initiative", "en", P),
                    Term("Iniciativa de la Franja y la Ruta", "es", P),
                    Term("Una Franja y Una Ruta", "es", S),
                ],
            )
        ]
    )
    sources = ["Read the [Belt and Road Initiative report](https://example.org/bri)."]
    target = "Lea el [informe de Una Franja y Una Ruta](https://example.org/una-franja-y-una-ruta)."
    issues = run(bri, sources, [target], only=["term-forbidden"])
    assert [i.text for i in issues] == ["Una Franja y Una Ruta"]
    fixed = apply_fixes(target, [i.fix for i in issues if i.fix is not None])
    assert fixed.endswith("(https://example.org/una-franja-y-una-ruta).")
    plain = "Véase www.example.org/una-franja-y-una-ruta para más."
    assert not run(bri, ["See the site."], [plain], only=["term-forbidden"])


def test_a_fix_that_would_repeat_what_the_sentence_says_is_left_to_a_person() -> None:
    # "the Chinese nation, which is heading for a great rejuvenation": the one-key fix gave
    # "… a great rejuvenation of the Chinese nation", the nation named twice.
    glossary = Glossary(
        [
            Concept(
                "T15",
                all_terms=[
                    Term("great rejuvenation of the Chinese nation", "en", P),
                    Term("great rejuvenation of the nation", "en", D),
                    Term("great rejuvenation", "en", D),
                    Term("gran revitalización de la nación china", "es", P),
                    Term("gran revitalización", "es", D),
                ],
            )
        ]
    )
    sources = [
        "The Chinese nation, which is heading for a great rejuvenation, is concerned.",
        "The Chinese dream is the great rejuvenation of the nation.",
        "A great rejuvenation is near.",
        "The Chinese nation has stood up, grown rich and become strong, and the great "
        "rejuvenation is within reach.",
    ]
    targets = [
        "La nación china, que va hacia una gran revitalización, está preocupada.",
        "El sueño chino es la gran revitalización de la nación china.",
        "Una gran revitalización está cerca.",
        None,
    ]
    issues = run(glossary, sources, targets, only=["source-variant", "term-forbidden"])
    by_place = {(i.segment_id, i.side): i for i in issues}
    repeated = by_place[("s1", "source")]
    assert repeated.fix is None
    assert "(no automatic fix: the sentence says “Chinese nation” already)" in repeated.message
    assert by_place[("s1", "target")].fix is None  # "nación china" in the translation too
    # One word said elsewhere ("Chinese dream") is no repetition; nor is nothing said.
    assert by_place[("s2", "source")].fix is not None
    assert by_place[("s3", "source")].fix is not None
    assert by_place[("s3", "target")].fix is not None
    # The phrase clauses away: the official form reads well there.
    assert by_place[("s4", "source")].fix is not None
