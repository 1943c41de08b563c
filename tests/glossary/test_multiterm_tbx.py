"""A MultiTerm TBX export (``<martif type="TBX">``, MultiTerm's own field names) imports as
a terminologist expects: statuses kept, fields mapped to TBX-Basic, the project's glossary
valid, and whatever has no TBX-Basic place said and kept as a note."""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise
from termwise.glossary.formats import load_glossary
from termwise.glossary.model import TermStatus
from termwise.glossary.tbx import read_tbx, write_tbx
from termwise.glossary.validate import validate_file

MULTITERM = """<?xml version="1.0" encoding="UTF-16"?>
<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>MultiTerm export</p>
</sourceDesc></fileDesc></martifHeader><text><body>
<termEntry id="1"><descrip type="Definition">Policy concept of the CPC.</descrip>
 <admin type="Created By">SUPERVISOR</admin>
 <langSet xml:lang="EN-GB">
  <tig><term>community with a shared future for mankind</term>
   <termNote type="Status">Preferred</termNote><descrip type="Usage">Official since 2017</descrip>
  </tig>
  <tig><term>community of common destiny</term><termNote type="Status">Forbidden</termNote></tig>
 </langSet>
 <langSet xml:lang="ZH-CN"><tig><term>人类命运共同体</term></tig></langSet></termEntry>
<termEntry id="2">
 <descrip type="Fachgebiet">Politik</descrip>
 <transacGrp><transac type="origination">SUPERVISOR</transac><date>2019-03-05T10:22:11</date>
 </transacGrp>
 <admin type="Reviewer">Bob</admin>
 <langSet xml:lang="DE-DE">
  <tig><term>Schicksalsgemeinschaft</term><termNote type="Statut">interdit</termNote>
   <descrip type="Wortart">Noun</descrip><admin type="Erstellt von">anna</admin>
   <admin type="Erstellt am">2019-03-05</admin><descrip type="Anmerkung">alt</descrip></tig>
  <tig><term>Gemeinschaft mit geteilter Zukunft</term><termNote type="STATUS">proposed</termNote>
   <descrip type="Definition">a definition of the term</descrip></tig>
 </langSet></termEntry>
</body></text></martif>
"""


def _write_multiterm(folder: Path) -> Path:
    path = folder / "export.tbx"
    path.write_bytes(MULTITERM.encode("utf-16"))  # MultiTerm writes UTF-16 with a BOM
    return path


def _run(cwd: Path, *args: str) -> tuple[int, str]:
    result = termwise(*args, cwd=cwd)
    return result.returncode, result.stdout + result.stderr


def test_multiterm_statuses_are_read() -> None:
    glossary = read_tbx(MULTITERM.encode("utf-16"), "export.tbx")
    statuses = {t.text: t.status for c in glossary.concepts for t in c.all_terms}
    assert statuses == {
        "community with a shared future for mankind": TermStatus.PREFERRED,
        "community of common destiny": TermStatus.DEPRECATED,
        "人类命运共同体": TermStatus.UNSPECIFIED,
        "Schicksalsgemeinschaft": TermStatus.DEPRECATED,
        # A value with no clear meaning: no status, and the value kept as a note.
        "Gemeinschaft mit geteilter Zukunft": TermStatus.UNSPECIFIED,
    }
    first, second = glossary.concepts
    assert first.definition == "Policy concept of the CPC."
    assert first.terms("en-GB")[0].usage_note == "Official since 2017"
    assert second.subject_field == "Politik"
    term = second.terms("de")[0]
    assert term.part_of_speech == "noun"
    assert term.notes == ["alt"]
    # "Erstellt von" and "Erstellt am": one transaction, who and when.
    assert [(e.element, e.type, e.value, e.target) for e in term.extra] == [
        ("transacGrp", "origination", "2019-03-05", "anna")
    ]
    # MultiTerm's own <transac type="origination">USER</transac>.
    assert [(e.type, e.value, e.target) for e in second.extra if e.element == "transacGrp"] == [
        ("origination", "2019-03-05T10:22:11", "SUPERVISOR")
    ]
    assert "STATUS: proposed" in second.terms("de")[1].notes
    messages = [problem.message for problem in glossary.problems]
    assert any("'Status' → administrativeStatus (2×)" in m for m in messages), messages
    assert any("'proposed'" in m and "no term status" in m for m in messages), messages


def test_a_multiterm_import_writes_a_valid_glossary_and_check_flags_the_forbidden_term(
    tmp_path: Path,
) -> None:
    source = _write_multiterm(tmp_path)
    code, output = _run(tmp_path, "glossary", "import", str(source))
    assert code == 0, output
    # What has no TBX-Basic place is said, with its count, and kept as a note.
    assert "'Reviewer' is not a TBX-Basic data category (1×); written as notes" in output
    written = tmp_path / "glossary" / "export.tbx"
    assert [str(problem) for problem in validate_file(written)] == []
    code, output = _run(tmp_path, "glossary", "validate", str(written))
    assert code == 0, output
    again = load_glossary(written)
    assert "Reviewer: Bob" in again.concepts[1].notes
    assert "Created By: SUPERVISOR" in again.concepts[0].notes
    (tmp_path / "text.txt").write_text(
        "We build a community of common destiny together.\n", encoding="utf-8"
    )
    code, output = _run(tmp_path, "check", "text.txt")
    assert "“community of common destiny” is a deprecated rendering" in output, output


def test_the_import_reports_what_it_mapped_and_what_it_could_not(tmp_path: Path) -> None:
    source = _write_multiterm(tmp_path)
    code, output = _run(tmp_path, "glossary", "import", str(source), "-o", "out.tbx")
    assert code == 0, output
    assert "'Status' → administrativeStatus (2×)" in output
    assert "'Reviewer' is not a TBX-Basic data category (1×); written as notes" in output
    assert "TBX-Basic has no definition at termSec level (1×); written as notes" in output
    assert validate_file(tmp_path / "out.tbx") == []


def test_the_tbx_basic_writer_never_writes_what_tbx_basic_lacks(tmp_path: Path) -> None:
    # A TBX 2008 file with categories of its own (not MultiTerm's): kept, as notes, and said.
    data = (
        b'<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p>'
        b"</sourceDesc></fileDesc></martifHeader><text><body>"
        b'<termEntry id="c1"><descrip type="reviewStage">P-7</descrip>'
        b'<langSet xml:lang="en"><tig><term>widget</term>'
        b'<termNote type="partOfSpeech">properNoun</termNote>'
        b'<termNote type="termType">Acronym</termNote>'
        b'<termNote type="register">formal</termNote>'
        b'<descrip type="subjectField">misplaced</descrip>'
        b"</tig></langSet></termEntry></body></text></martif>"
    )
    glossary = read_tbx(data, "x.tbx")
    payload, problems = write_tbx(glossary)
    out = tmp_path / "out.tbx"
    out.write_bytes(payload)
    assert [str(problem) for problem in validate_file(out)] == []
    reasons = " | ".join(problem.message for problem in problems)
    assert "'reviewStage' is not a TBX-Basic data category (1×)" in reasons
    assert "'register' is not a TBX-Basic data category (1×)" in reasons
    assert "'properNoun' is not a TBX-Basic value of partOfSpeech (1×)" in reasons
    assert "TBX-Basic has no subjectField at termSec level (1×)" in reasons
    term = read_tbx(payload, out).concepts[0].all_terms[0]
    assert term.part_of_speech == "properNoun"  # read back as the field it was
    assert term.term_type == "acronym"
    assert "register: formal" in term.notes


def test_multiterm_xml_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "termbase.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<mtf><conceptGrp><concept>1</concept>'
        '<languageGrp><language type="English" lang="EN"/><termGrp><term>x</term></termGrp>'
        "</languageGrp></conceptGrp></mtf>\n",
        encoding="utf-8",
    )
    code, output = _run(tmp_path, "glossary", "import", str(path))
    assert code == 2
    assert "MultiTerm XML" in output and "export the termbase from MultiTerm as TBX" in output
    assert "termbase.xml:2" in output
    assert not (tmp_path / "glossary").exists()
