"""A terminologist's audit of `terms extract`: fragments, headings, labels and symbols,
variant groups, the candidates' TBX, Chinese words."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from termwise.cli import cli
from termwise.document import load_document
from termwise.glossary import load_glossary
from termwise.glossary.model import TermStatus
from termwise.terms.candidates import collect
from termwise.terms.extract import Extraction, extract_terms
from termwise.terms.variants import StemKeys, build_groups, find_abbreviations

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_204c7e650900ae41.txt"
TBX = "{urn:iso:std:iso:30042:ed-2}"


def _extract(tmp_path: Path, text: str, lang: str = "en", **options: object) -> Extraction:
    path = tmp_path / f"doc.{lang}.txt"
    path.write_text(text, encoding="utf-8")
    return extract_terms([load_document(path, lang=lang)], lang, **options)  # type: ignore[arg-type]


def _forms(extraction: Extraction) -> set[str]:
    return {form for candidate in extraction.candidates for form in candidate.forms}


def _groups(text: str, lang: str) -> list[set[str]]:
    index = collect([[text]], lang)
    keys = StemKeys(lang)
    return [set(g.forms) for g in build_groups(index.forms, keys, seeds=index.forms)]


# 1. Fragments of one longer candidate.

_TURBINES = " ".join(
    f"The horizontal-axis wind {noun} {verb} the rotor blade of the tower."
    for noun, verb in [
        ("turbine", "turns"),
        ("turbines", "need"),
        ("turbine", "carries"),
        ("turbines", "hold"),
        ("turbine", "drives"),
        ("turbine", "moves"),
    ]
)


def test_a_phrase_found_only_inside_one_longer_candidate_is_not_kept(tmp_path: Path) -> None:
    forms = _forms(_extract(tmp_path, _TURBINES + " A wind farm has towers.\n"))
    assert "horizontal-axis wind turbine" in forms
    assert "horizontal-axis wind" not in forms


def test_a_short_form_never_used_alone_is_no_variant_of_the_longer_ones_concept() -> None:
    glossary = load_glossary(ROOT / "glossary")
    extraction = extract_terms([load_document(SEED, lang="en")], "en", glossary=glossary)
    for candidate in extraction.candidates:
        if "peaceful development" in candidate.forms:
            assert "development path" not in candidate.forms


# 2. Section headings.


def test_a_one_word_heading_is_not_a_candidate(tmp_path: Path) -> None:
    text = (
        "1. Introduction\n\nThe rotor blade turns the hub of the wind turbine.\n\n"
        "2. The Purpose of Blade Design\n\nEvery rotor blade has a root and a tip.\n\n"
        "3. Conclusion\n\nThe rotor blade and the hub carry the load of the turbine.\n"
    )
    forms = _forms(_extract(tmp_path, text))
    assert "rotor blade" in forms
    assert not {"introduction", "conclusion", "purpose"} & forms


# 3. Labels, formula symbols, adverbs, broken units.


def test_figure_labels_and_subscripted_variables_are_no_candidates() -> None:
    text = (
        "The rotor is shown in Figure 3. The blade is shown in Figure 4, the hub in Figure 5. "
        "Emission reductions are BEy = EGy x EFy, with EGy the net electricity supplied and "
        "EFy the emission factor. The thrust coefficient CTr is computed as in Eqn 5."
    )
    forms = set(collect([[text]], "en").forms)
    assert "rotor" in forms and "emission factor" in forms
    assert not {"figure", "egy", "efy", "ctr", "eqn"} & forms


def test_figure_as_a_word_stays_a_candidate() -> None:
    text = "The rider rides a figure of eight. Each figure ends at the letter. A figure 8 loop."
    assert "figure" in collect([[text]], "en").forms


def test_adverbs_alone_and_a_word_before_a_name_are_no_candidates() -> None:
    text = (
        "The economy interacts benignly with trade. Trade grows by enhancing China, and by "
        "enhancing China trade grows. The NACA airfoil and the wind turbine assembly work "
        "steadily."
    )
    forms = set(collect([[text]], "en").forms)
    assert {"naca airfoil", "assembly", "wind turbine assembly"} <= forms
    assert not {"benignly", "steadily", "enhancing china"} & forms


# 4. Variant groups.


def test_french_price_is_not_grouped_with_a_participle_or_a_citation() -> None:
    text = (
        "Le prix de l'électricité baisse [PRI 97]. Les prix montent. Le temps pris par "
        "le calcul est long. Les coûts sont pris en compte et les prix suivent [PRI 97]."
    )
    for group in _groups(text, "fr"):
        assert not ({"prix"} & group and {"pris", "pri"} & group)
        assert not ({"pri"} & group and {"pris"} & group)


def test_a_nationality_is_not_grouped_with_the_language() -> None:
    text = (
        "Les Espagnols montent à cheval. Le cavalier parle espagnol. Des Espagnols "
        "dressent le cheval et le manège parle espagnol."
    )
    for group in _groups(text, "fr"):
        assert not {"espagnol", "espagnols"} <= group


def test_french_plural_x_still_groups() -> None:
    keys = StemKeys("fr")
    assert keys.key("jeux") == keys.key("jeu")
    assert keys.key("chevaux") == keys.key("cheval")
    assert keys.key("prix") != keys.key("pris")


def test_an_abbreviation_expands_to_the_whole_name() -> None:
    found = find_abbreviations(
        ["as Fund Manager to the Baltic Sea Region Testing Ground Facility (TGF) in 2004"], "en"
    )
    assert found["tgf"] == "baltic sea region testing ground facility"


# 5. The candidates' TBX.


def test_candidates_tbx_has_no_status_and_says_where_each_term_was_found(tmp_path: Path) -> None:
    out = tmp_path / "candidates.tbx"
    runner = CliRunner()
    result = runner.invoke(
        cli,
        ["--project", str(ROOT), "terms", "extract", str(SEED), "-o", str(out)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    tree = etree.parse(str(out))
    statuses = tree.findall(f".//{TBX}termNote[@type='administrativeStatus']")
    assert statuses == []
    term_secs = tree.findall(f".//{TBX}termSec")
    assert term_secs
    for term_sec in term_secs:
        context = term_sec.find(f"{TBX}descrip[@type='context']")
        source = term_sec.find(f"{TBX}admin[@type='source']")
        term = term_sec.findtext(f"{TBX}term")
        assert context is not None and source is not None
        assert term is not None and term.lower() in " ".join(context.text.split()).lower()
        assert source.text.startswith(f"{SEED.name}, line ")
    # Imported into a glossary (all of them, unreviewed: ``--unreviewed``, without which
    # import refuses candidates nobody gave a status), no term becomes admitted.
    folder = tmp_path / "glossary"
    folder.mkdir()
    result = runner.invoke(
        cli,
        [
            "--project",
            str(tmp_path),
            "glossary",
            "import",
            str(out),
            "--unreviewed",
            "-o",
            str(folder / "c.tbx"),
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    imported = load_glossary(folder / "c.tbx")
    terms = [term for concept in imported.concepts for term in concept.all_terms]
    assert terms and all(term.status is TermStatus.UNSPECIFIED for term in terms)
    assert all(term.context and term.source for term in terms)


# 6. Chinese words.


_CHINESE = (
    "共建“一带一路”倡议是推动构建人类命运共同体的重要平台。\n"
    "推动构建人类命运体是中国的主张。我们要摒弃零和游戏的冷战思维。\n"
    "“一带一路”倡议源于中国，机会和成果属于世界。共建“一带一路”倡议促进了合作。\n"
)


def test_chinese_candidates_do_not_break_words(tmp_path: Path) -> None:
    index = collect([[_CHINESE]], "zh")
    assert "人类命运共同体" in index.forms
    assert not {"体是", "零", "人类命运体是"} & set(index.forms)


def test_a_quoted_chinese_glossary_term_keeps_both_quotes(tmp_path: Path) -> None:
    glossary = load_glossary(ROOT / "glossary")
    extraction = _extract(tmp_path, _CHINESE, "zh", glossary=glossary)
    surfaces = [s for c in extraction.candidates for s in c.surfaces.values()]
    assert all(s.count("\u201c") == s.count("\u201d") for s in surfaces), surfaces
    linked = [c for c in extraction.candidates if "一带一路倡议" in c.forms]
    assert linked and linked[0].frequency == 3
