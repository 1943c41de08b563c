"""``termwise glossary add`` and the unrecorded-variant check, as a translator uses them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli, main
from termwise.glossary import load_glossary
from termwise.glossary.model import Concept, Glossary, Term, TermStatus
from termwise.glossary.tbx import write_tbx

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_204c7e650900ae41.txt"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "glossary").mkdir()
    shutil.copy(ROOT / "glossary" / "key-terms.tbx", tmp_path / "glossary" / "key-terms.tbx")
    shutil.copy(SEED, tmp_path / "paper.txt")
    return tmp_path


def _invoke(project: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--project", str(project), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_add_a_variant_with_its_source_line(project: Path) -> None:
    before = (project / "glossary" / "key-terms.tbx").read_bytes()
    out = _invoke(
        project,
        "glossary",
        "add",
        "world's destiny community",
        "--concept",
        "T01",
        "--from",
        str(project / "paper.txt"),
    )
    assert "T01" in out and "line 69" in out
    concept = load_glossary(project / "glossary").concept("T01")
    term = next(t for t in concept.terms("en") if t.text == "world's destiny community")
    assert term.status is TermStatus.DEPRECATED
    assert term.source is not None and "paper.txt, line 69" in term.source
    assert term.context is not None and "world's destiny community" in term.context
    # Everything else in the file is kept: the old file's concepts are all still there.
    old = {c.id: len(c.all_terms) for c in load_glossary_bytes(before, project).concepts}
    new = {c.id: len(c.all_terms) for c in load_glossary(project / "glossary").concepts}
    assert new == {**old, "T01": old["T01"] + 1}


def load_glossary_bytes(data: bytes, folder: Path) -> Glossary:
    path = folder / "old.tbx"
    path.write_bytes(data)
    try:
        return load_glossary(path)
    finally:
        path.unlink()


def test_add_a_new_concept_and_refuse_a_duplicate(project: Path) -> None:
    _invoke(project, "glossary", "add", "social existence", "--status", "admitted")
    concept = load_glossary(project / "glossary").concept("social-existence")
    assert [(t.text, t.status) for t in concept.terms("en")] == [
        ("social existence", TermStatus.ADMITTED)
    ]
    tbx = project / "glossary" / "key-terms.tbx"
    before = tbx.read_bytes()
    with pytest.raises(SystemExit) as exit_info:
        main(["--project", str(project), "glossary", "add", "Social Existence"])
    assert exit_info.value.code != 0
    with pytest.raises(SystemExit):
        main(["--project", str(project), "glossary", "add", "x y", "--concept", "T99"])
    with pytest.raises(SystemExit):
        main(
            [
                "--project",
                str(project),
                "glossary",
                "add",
                "no such words here",
                "--from",
                str(project / "paper.txt"),
            ]
        )
    assert tbx.read_bytes() == before  # nothing half-written


def test_check_reports_unrecorded_variants(project: Path) -> None:
    small = Glossary(
        [
            Concept("T01", all_terms=[Term("community of human destiny", "en")]),
            Concept("T03", all_terms=[Term("community of Asian destiny", "en")]),
        ],
        lang="en",
    )
    shutil.rmtree(project / "glossary")
    (project / "glossary").mkdir()
    (project / "glossary" / "small.tbx").write_bytes(write_tbx(small)[0])
    # Off by default: nothing is reported until the project asks for the check.
    result = CliRunner().invoke(
        cli, ["--project", str(project), "check", str(project / "paper.txt"), "--fail-on", "never"]
    )
    assert "unrecorded-variant" not in result.output
    (project / "termwise.toml").write_text(
        '[checks.severity]\n"unrecorded-variant" = "info"\n', encoding="utf-8"
    )
    result = CliRunner().invoke(
        cli, ["--project", str(project), "check", str(project / "paper.txt"), "--fail-on", "never"]
    )
    lines = [line for line in result.output.splitlines() if "unrecorded-variant" in line]
    texts = " ".join(lines)
    assert "'human destiny community'" in texts and "'destiny communities'" in texts
    assert all("T01" in line for line in lines)
    assert "Asian" not in texts and "China-ASEAN" not in texts
    # Recording the variant silences the check for it.
    _invoke(project, "glossary", "add", "human destiny community", "--concept", "T01")
    result = CliRunner().invoke(
        cli, ["--project", str(project), "check", str(project / "paper.txt"), "--fail-on", "never"]
    )
    after = [line for line in result.output.splitlines() if "unrecorded-variant" in line]
    assert after and not any(": 'human destiny community' looks" in line for line in after)


def test_a_concepts_first_term_in_a_language_is_its_rendering_and_a_status_can_change(
    project: Path,
) -> None:
    # "paz mundial", the first Spanish term of a new concept, was filed as deprecated:
    # translate left the concept to the engine and check called the term forbidden.
    paper = str(project / "paper.txt")
    _invoke(project, "glossary", "add", "world peace", "--from", paper)
    out = _invoke(
        project, "glossary", "add", "paz mundial", "--concept", "world-peace", "--lang", "es"
    )
    assert "(es, preferred)" in out
    out = _invoke(
        project, "glossary", "add", "paz del mundo", "--concept", "world-peace", "--lang", "es"
    )
    assert "(es, deprecated)" in out
    out = _invoke(
        project, "glossary", "add", "paz del mundo", "--concept", "world-peace",
        "--lang", "es", "--status", "admitted",
    )  # fmt: skip
    assert "deprecated → admitted" in out
    concept = load_glossary(project / "glossary").concept("world-peace")
    assert {t.text: t.status.value for t in concept.terms("es")} == {
        "paz mundial": "preferred",
        "paz del mundo": "admitted",
    }
    # A second preferred term is said, and how to settle it.
    result = CliRunner().invoke(
        cli,
        ["--project", str(project), "glossary", "add", "paz del mundo", "--concept",
         "world-peace", "--lang", "es", "--status", "preferred"],
    )  # fmt: skip
    assert "another preferred es term, 'paz mundial'" in result.output
    # So is a new term added preferred beside it.
    result = CliRunner().invoke(
        cli,
        ["--project", str(project), "glossary", "add", "paz global", "--concept",
         "world-peace", "--lang", "es", "--status", "preferred"],
    )  # fmt: skip
    assert "another preferred es term" in result.output


def test_status_and_first_term_read_every_file_of_the_glossary_folder(project: Path) -> None:
    # With a second file in glossary/, "add TERM --status" made a new concept holding the
    # curated term, and a concept's Spanish term in the other file went unseen.
    extra = Glossary(
        [Concept("T01", all_terms=[Term("destiny of mankind", "en", TermStatus.DEPRECATED)])]
    )
    data, _ = write_tbx(extra)
    (project / "glossary" / "a-extra.tbx").write_bytes(data)
    out = _invoke(project, "glossary", "add", "peaceful development", "--status", "admitted")
    assert "→ admitted" in out and "T22" in out
    out = _invoke(
        project, "glossary", "add", "comunidad futura", "--concept", "T01", "--lang", "es"
    )
    assert "(es, deprecated)" in out


def test_the_first_term_of_a_project_goes_into_a_glossary_folder(tmp_path: Path) -> None:
    # Without glossary/ a file named "glossary" was written, which check did not read.
    (tmp_path / "termwise.toml").write_text("", encoding="utf-8")
    _invoke(tmp_path, "glossary", "add", "global governance", "--id", "gg", "--lang", "en")
    assert (tmp_path / "glossary").is_dir()
    assert (tmp_path / "glossary" / "glossary.tbx").is_file()


def _refused(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(["--project", str(project), *args])
    assert exit_info.value.code != 0
    return capsys.readouterr().err


def test_remove_a_term_or_a_concept(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # No command took a term out again: a variant recorded by mistake stayed forbidden.
    tbx = project / "glossary" / "key-terms.tbx"
    before = tbx.read_bytes()
    paper = str(project / "paper.txt")
    check = ["--project", str(project), "check", paper, "--fail-on", "never"]
    deprecated = "“community of human destiny” is a deprecated rendering"
    assert deprecated in CliRunner().invoke(cli, check).output
    out = _invoke(project, "glossary", "remove", "community of human destiny", "--lang", "en")
    assert "removed 'community of human destiny' (en, deprecated) from T01" in out
    assert (project / "glossary" / "key-terms.tbx~").read_bytes() == before
    assert deprecated not in CliRunner().invoke(cli, check).output
    whole = load_glossary(project / "glossary")
    assert "community of human destiny" not in {t.text for t in whole.concept("T01").terms()}
    assert len(whole.concepts) == len(load_glossary(ROOT / "glossary").concepts)
    # A term that is not there, or nothing named: an error, nothing written.
    after = tbx.read_bytes()
    assert "no term 'community of human destiny'" in _refused(
        project, capsys, "glossary", "remove", "community of human destiny"
    )
    assert "name a term" in _refused(project, capsys, "glossary", "remove")
    assert tbx.read_bytes() == after
    # The preferred term gone: the admitted one that now stands in for it is named.
    result = CliRunner().invoke(
        cli,
        ["--project", str(project), "glossary", "remove",
         "community with a shared future for mankind", "--concept", "T01"],
    )  # fmt: skip
    assert result.exit_code == 0
    assert "no preferred en term now: 'community with a shared future for humanity'" in (
        result.output
    )
    # A whole concept, and its last term takes the concept with it.
    out = _invoke(project, "glossary", "remove", "--concept", "T02")
    assert "removed concept T02" in out
    assert load_glossary(project / "glossary").get("T02") is None
    _invoke(project, "glossary", "add", "world peace", "--id", "wp")
    out = _invoke(project, "glossary", "remove", "world peace")
    assert "removed concept wp" in out


def test_remove_asks_which_concept_when_two_share_the_term(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = Glossary([Concept("X1", all_terms=[Term("destiny community", "en")])])
    (project / "glossary" / "b-extra.tbx").write_bytes(write_tbx(extra)[0])
    before = (project / "glossary" / "key-terms.tbx").read_bytes()
    error = _refused(project, capsys, "glossary", "remove", "destiny community")
    assert "X1 (b-extra.tbx), T01 (key-terms.tbx); say which with --concept" in error
    assert (project / "glossary" / "key-terms.tbx").read_bytes() == before
    _invoke(project, "glossary", "remove", "destiny community", "--concept", "X1")
    assert load_glossary(project / "glossary").get("X1") is None
    assert (project / "glossary" / "key-terms.tbx").read_bytes() == before


def test_remove_names_what_is_missing_and_the_projects_choice_it_breaks(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "remove bank --concept C9" said "no term 'bank' in C9" for a concept that does not
    # exist; "remove BANK" said "no term" without pointing to "bank"; and a rendering
    # [mt.terms] chooses was removed without a word, after which translate refused to start.
    assert "no concept 'C9'" in _refused(
        project, capsys, "glossary", "remove", "community of human destiny", "--concept", "C9"
    )
    error = _refused(project, capsys, "glossary", "remove", "COMMUNITY OF HUMAN DESTINY")
    assert "the glossary has 'community of human destiny' (en, T01)" in error
    (project / "termwise.toml").write_text(
        '[mt.terms]\nT01 = "comunidad global de futuro compartido"\n', encoding="utf-8"
    )
    result = CliRunner().invoke(
        cli,
        ["--project", str(project), "glossary", "remove",
         "comunidad global de futuro compartido", "--lang", "es"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "[mt.terms] still names 'comunidad global de futuro compartido' for T01" in (
        result.output
    )
