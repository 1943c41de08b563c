"""``glossary validate`` and ``glossary import`` agree on which TBX files are fine: a TBX 2008
file the import takes is no problem to validate, and a second preferred term in one language
(valid TBX, but MT forces only the first) is a warning at its own line, which stops no import."""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise
from termwise.glossary.import_checks import tbx_deviations
from termwise.glossary.validate import validate_file

PREFERRED = '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>'
ADMITTED = '<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>'


def _tbx(path: Path, sections: str) -> Path:
    """A TBX-Basic v3 file of one concept, one line per language section given."""
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n'
        "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>\n"
        '<text><body><conceptEntry id="c1">\n'
        f"{sections}\n"
        "</conceptEntry></body></text></tbx>\n",
        encoding="utf-8",
    )
    return path


def test_a_second_preferred_term_is_a_warning_at_its_line(tmp_path: Path) -> None:
    path = _tbx(
        tmp_path / "twopref.tbx",
        '<langSec xml:lang="en"><termSec><term>wind turbine</term>'
        f"{PREFERRED}</termSec></langSec>\n"
        f'<langSec xml:lang="es"><termSec><term>aerogenerador</term>{PREFERRED}</termSec>\n'
        f"<termSec><term>turbina eólica</term>{PREFERRED}</termSec></langSec>",
    )
    problems = validate_file(path)
    assert [(p.line, p.warning) for p in problems] == [(7, True)]
    assert "second preferred es term, 'turbina eólica', beside 'aerogenerador' (line 6)" in (
        problems[0].message
    )
    assert str(problems[0]).startswith(f"{path}:7: warning: concept 'c1'")
    # A warning, not a fault: the import does not refuse the file for it.
    assert tbx_deviations(path) == []


def test_one_preferred_term_per_language_is_no_warning(tmp_path: Path) -> None:
    # One preferred term in each language, and an admitted one beside it: nothing to say.
    path = _tbx(
        tmp_path / "fine.tbx",
        f'<langSec xml:lang="en"><termSec><term>hub</term>{PREFERRED}</termSec></langSec>\n'
        f'<langSec xml:lang="es"><termSec><term>buje</term>{PREFERRED}</termSec>\n'
        f"<termSec><term>cubo</term>{ADMITTED}</termSec></langSec>",
    )
    assert validate_file(path) == []


def test_the_second_preferred_term_of_a_tbx_min_file_in_the_dct_style(tmp_path: Path) -> None:
    # Statuses read as the reader reads them: TBX-Min's value, in a namespaced element.
    path = tmp_path / "min.tbx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tbx type="TBX-Min" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2" '
        'xmlns:min="http://www.tbxinfo.net/ns/min">\n'
        "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>\n"
        '<text><body><conceptEntry id="c1"><langSec xml:lang="fr">\n'
        "<termSec><term>éolienne</term><min:administrativeStatus>preferred"
        "</min:administrativeStatus></termSec>\n"
        "<termSec><term>aérogénérateur</term><min:administrativeStatus>preferred"
        "</min:administrativeStatus></termSec>\n"
        "</langSec></conceptEntry></body></text></tbx>\n",
        encoding="utf-8",
    )
    assert [(p.line, p.warning) for p in validate_file(path)] == [(6, True)]


def test_validate_shows_the_second_preferred_term(tmp_path: Path) -> None:
    path = _tbx(
        tmp_path / "twopref.tbx",
        f'<langSec xml:lang="es"><termSec><term>aerogenerador</term>{PREFERRED}</termSec>\n'
        f"<termSec><term>turbina eólica</term>{PREFERRED}</termSec></langSec>",
    )
    result = termwise("glossary", "validate", str(path), cwd=tmp_path)
    assert f"{path}:6: warning: concept 'c1' has a second preferred es term" in result.stdout
    assert f"{path}: valid" in result.stdout


def test_a_tbx_2008_file_the_import_takes_is_valid(tmp_path: Path) -> None:
    # As Trados (MultiTerm) exports TBX-Basic 2008: validate said "1 problem" (that it is
    # TBX 2008) and exited 1, then the import took it without a word.
    path = tmp_path / "trados2008.tbx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<martif type="TBX-Basic" xml:lang="en-US">\n'
        "<martifHeader><fileDesc><sourceDesc><p>SDL MultiTerm</p></sourceDesc></fileDesc>"
        "</martifHeader>\n"
        '<text><body><termEntry id="e1">\n'
        '<descrip type="definition">Rotation of the nacelle around the tower axis.</descrip>\n'
        f'<langSet xml:lang="en-US"><tig><term>yaw</term>{PREFERRED}</tig></langSet>\n'
        f'<langSet xml:lang="es-ES"><tig><term>orientación</term>{PREFERRED}</tig>\n'
        f"<tig><term>guiñada</term>{ADMITTED}</tig></langSet>\n"
        "</termEntry></body></text></martif>\n",
        encoding="utf-8",
    )
    validated = termwise("glossary", "validate", str(path), cwd=tmp_path)
    assert (validated.returncode, validated.stdout) == (0, f"{path}: valid\n")
    imported = termwise("glossary", "import", str(path), cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert (tmp_path / "glossary" / "trados2008.tbx").is_file()


def test_three_preferred_terms_are_one_warning_at_the_second(tmp_path: Path) -> None:
    path = _tbx(
        tmp_path / "three.tbx",
        f'<langSec xml:lang="es"><termSec><term>aerogenerador</term>{PREFERRED}</termSec>\n'
        f"<termSec><term>turbina eólica</term>{PREFERRED}</termSec>\n"
        f"<termSec><term>turbina de viento</term>{PREFERRED}</termSec></langSec>",
    )
    (problem,) = validate_file(path)
    assert problem.line == 6
    assert (
        "has 2 more preferred es terms, 'turbina eólica', 'turbina de viento', beside "
        "'aerogenerador' (line 5)" in problem.message
    )
