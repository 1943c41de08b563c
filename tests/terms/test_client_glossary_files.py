"""``glossary add`` and ``glossary remove`` on what a client's CSV or OmegaT file holds.

termwise writes TBX files only. Before, an edit of a concept held in ``glossary/client.csv``
said "no concept 'r2'" (or "no term") although ``glossary show`` listed it, and with
``--glossary client.csv`` the file was rewritten as TBX under its CSV name.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli, main
from termwise.glossary import load_glossary
from termwise.glossary.model import TermStatus

CLIENT = "English;Spanish\nglobal governance;gobernanza mundial\nforeign aid;ayuda exterior\n"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project whose glossary folder holds only the client's CSV."""
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "client.csv").write_text(CLIENT, encoding="utf-8")
    return tmp_path


def _refused(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(["--project", str(project), *args])
    assert exit_info.value.code != 0
    return capsys.readouterr().err


def _unchanged(project: Path) -> None:
    assert (project / "glossary" / "client.csv").read_text(encoding="utf-8") == CLIENT
    assert sorted(p.name for p in (project / "glossary").iterdir()) == ["client.csv"]


def test_a_variant_of_a_csv_concept_is_refused_naming_the_file(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    error = _refused(
        project, capsys, "glossary", "add", "gobernanza planetaria", "--concept", "r2",
        "--lang", "es",
    )  # fmt: skip
    assert "r2 is held in client.csv, which termwise does not rewrite" in error, error
    assert "no concept" not in error
    _unchanged(project)


def test_a_status_change_of_a_csv_term_is_refused_naming_the_file(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    error = _refused(
        project, capsys, "glossary", "add", "ayuda exterior", "--concept", "r3", "--lang", "es",
        "--status", "deprecated",
    )  # fmt: skip
    assert "'ayuda exterior' (es) of r3 is held in client.csv" in error, error
    _unchanged(project)


def test_a_remove_of_a_csv_term_is_refused_naming_the_file(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    error = _refused(project, capsys, "glossary", "remove", "ayuda exterior", "--lang", "es")
    assert "'ayuda exterior' is held in client.csv" in error, error
    _unchanged(project)


def test_a_csv_file_named_as_the_glossary_is_never_rewritten_as_tbx(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    client = project / "glossary" / "client.csv"
    error = _refused(
        project, capsys, "glossary", "add", "reform", "--lang", "en", "--glossary", str(client),
    )  # fmt: skip
    assert f"{client} is not a TBX file" in error, error
    _unchanged(project)


def test_the_status_of_a_term_a_csv_gives_first_is_refused_a_later_tbx_s_is_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The folder merges its files in name order and the first file's status of a term
    # holds: a status written to a TBX file after the CSV would have changed nothing.
    folder = tmp_path / "glossary"
    folder.mkdir()
    shutil.copy(ROOT / "glossary" / "key-terms.tbx", folder / "key-terms.tbx")
    client = folder / "a-client.csv"
    client.write_text("id;English;Spanish\nT21;global governance;gobernanza global\n")
    assert load_glossary(folder).concept("T21").terms("es")[0].text == "gobernanza global"
    error = _refused(
        tmp_path, capsys, "glossary", "add", "gobernanza global", "--concept", "T21",
        "--lang", "es", "--status", "deprecated",
    )  # fmt: skip
    assert "of T21 is held in a-client.csv" in error, error
    client.rename(folder / "z-client.csv")
    result = CliRunner().invoke(
        cli,
        ["--project", str(tmp_path), "glossary", "add", "gobernanza global", "--concept", "T21",
         "--lang", "es", "--status", "deprecated"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    statuses = {t.text: t.status for t in load_glossary(folder).concept("T21").terms("es")}
    assert statuses["gobernanza global"] is TermStatus.DEPRECATED


def test_the_refusals_way_on_works(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # "make that file TBX: move client.csv out of …, then termwise glossary import it"
    client = project / "glossary" / "client.csv"
    error = _refused(
        project, capsys, "glossary", "add", "ayuda externa", "--concept", "r3", "--lang", "es"
    )
    assert "move client.csv out of" in error, error
    moved = client.rename(project / "client.csv")
    result = CliRunner().invoke(cli, ["--project", str(project), "glossary", "import", str(moved)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(
        cli,
        ["--project", str(project), "glossary", "add", "ayuda externa", "--concept", "r3",
         "--lang", "es"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    terms = {t.text for t in load_glossary(project / "glossary").concept("r3").terms("es")}
    assert terms == {"ayuda exterior", "ayuda externa"}
