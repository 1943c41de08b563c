"""Which project a command works in when run from another folder than the project's.

A newcomer aligned and reviewed in ``myproj/``, went up a folder and ran ``termwise review
myproj/report.md --to es``: the workbench opened on a new, empty project in the current
folder (``./translations/report.es.po``, all MT), and ``export`` and ``stats`` from there
said there was no translation. A command about one document now works in the nearest
project above the document, as git finds a repository; the current folder is the project
only where none is found, and a command refuses to choose where only the other candidate
holds the translation.
"""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest

from termwise.cli import COMMANDS, DOCUMENT_COMMANDS, cli, main
from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

SOURCE = "# Report\n\nThe river is clean. The lake is green.\n\nFish swim in the river.\n"
TARGET = "# Informe\n\nEl río está limpio. El lago es verde.\n\nLos peces nadan en el río.\n"


def termwise(*args: str) -> tuple[int, str, str]:
    """Run the command line as the shell does: its exit status, stdout and stderr."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    status = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(list(args))
        except SystemExit as done:
            status = done.code if isinstance(done.code, int) else 1
    return status, out.getvalue(), err.getvalue()


def reviewed_project(root: Path, lang: str = "es") -> Path:
    """``root/myproj``: report.md with a translation into ``lang``, every segment reviewed,
    made where the translator works (in the project); returns the document."""
    project = root / "myproj"
    project.mkdir()
    report = project / "report.md"
    report.write_text(SOURCE, encoding="utf-8")
    translation = open_translation(ProjectLayout.at(project), load_document(report), lang)
    for unit, text in zip(
        translation.units.values(),
        ["Informe", "El río está limpio.", "El lago es verde.", "Los peces nadan en el río."],
        strict=True,
    ):
        unit.set_translation(text, reviewed=True)
    translation.save()
    return report


@pytest.fixture
def above(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder above the project, made the current folder; it holds no project."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_stats_from_the_folder_above_reads_the_documents_project(above: Path) -> None:
    reviewed_project(above)
    status, out, err = termwise("stats", "myproj/report.md", "--format", "json")
    assert status == 0, err
    [report] = json.loads(out)
    assert report["target_lang"] == "es"
    assert report["segments"]["reviewed"] == 4
    assert not (above / "translations").exists()


def test_export_from_the_folder_above_writes_the_reviewed_edition(above: Path) -> None:
    reviewed_project(above)
    status, out, err = termwise("export", "myproj/report.md", "--to", "es", "-o", "report.es.md")
    assert status == 0, err
    assert "Los peces nadan en el río." in (above / "report.es.md").read_text(encoding="utf-8")
    assert not (above / "translations").exists()


def test_a_new_translation_from_the_folder_above_goes_into_the_project_and_says_so(
    above: Path,
) -> None:
    report = reviewed_project(above)
    (report.parent / "report.fr.md").write_text(TARGET, encoding="utf-8")
    status, _, err = termwise(
        "align", "myproj/report.md", "myproj/report.fr.md", "--from", "en", "--to", "fr", "--no-mt"
    )
    assert status == 0, err
    made = above / "myproj" / "translations" / "report.fr.po"
    assert made.exists()
    assert not (above / "translations").exists()
    # Where it went and why, so that a translation started in an unintended project is seen.
    assert f"note: started a new translation in {made} (project {above / 'myproj'}: " in err
    assert "the nearest folder above report.md with translations/" in err


def test_a_document_in_a_subfolder_belongs_to_the_project_above(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As the repository keeps its seed paper: the project's files at the top, seeds/ below.
    project = tmp_path / "repo"
    (project / "seeds").mkdir(parents=True)
    (project / "termwise.toml").write_text("", encoding="utf-8")
    paper = project / "seeds" / "paper.md"
    paper.write_text(SOURCE, encoding="utf-8")
    (project / "seeds" / "paper.es.md").write_text(TARGET, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    status, _, err = termwise(
        "align",
        str(paper),
        str(project / "seeds" / "paper.es.md"),
        *("--from", "en", "--to", "es", "--no-mt"),
    )
    assert status == 0, err
    assert (project / "translations" / "paper.es.po").exists()
    assert not (elsewhere / "translations").exists()
    assert not (project / "seeds" / "translations").exists()


def test_a_document_in_no_project_starts_one_in_the_current_folder(
    above: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The glossary commands, which name no document, work in the current folder: a new
    # translation there shares their glossary.
    loose = above / "downloads"
    loose.mkdir()
    (loose / "paper.md").write_text(SOURCE, encoding="utf-8")
    (loose / "paper.es.md").write_text(TARGET, encoding="utf-8")
    work = above / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    status, _, err = termwise(
        "align",
        "../downloads/paper.md",
        "../downloads/paper.es.md",
        *("--from", "en", "--to", "es", "--no-mt"),
    )
    assert status == 0, err
    made = work / "translations" / "paper.es.po"
    assert made.exists()
    assert not (loose / "translations").exists()
    assert f"note: started a new translation in {made} (project {work}: the current folder" in err
    assert "paper.md lies in no project" in err


def test_only_the_current_folder_holding_the_translation_is_refused_not_doubled(
    above: Path,
) -> None:
    # Work done under the old rule: the translation in the current folder, the document in
    # a folder that holds a glossary. Going on in the document's project would start a
    # second translation beside the first.
    docs = above / "docs"
    (docs / "glossary").mkdir(parents=True)
    report = docs / "report.md"
    report.write_text(SOURCE, encoding="utf-8")
    translation = open_translation(ProjectLayout.at(above), load_document(report), "es")
    translation.save()
    status, _, err = termwise("stats", "docs/report.md", "--to", "es")
    assert status == 2
    assert f"report.md's project is {docs}" in err
    assert "the current folder holds translations/report.es.po" in err
    assert "termwise --project . stats" in err
    assert not (docs / "translations").exists()
    # Naming the project is the way on.
    status, out, err = termwise("--project", ".", "stats", "docs/report.md", "--to", "es")
    assert status == 0, err
    assert out.startswith("en → es")


def test_project_still_names_the_project(above: Path) -> None:
    reviewed_project(above)
    status, out, _ = termwise("--project", ".", "stats", "myproj/report.md")
    assert status == 0
    assert out.startswith("No translations of report.md")


def test_a_missing_translation_lists_the_others_and_both_ways_to_make_one(above: Path) -> None:
    reviewed_project(above, lang="es-ES")
    status, _, err = termwise("check", "myproj/report.md", "--to", "es")
    assert status == 2
    assert "no translation of report.md into es yet" in err
    # The one into es-ES is named, and the ways on are true (translate --to es alone is
    # refused beside it).
    assert "holds the European Spanish translation of report.md; use --to es-ES" in err
    assert "termwise translate myproj/report.md --to es --new-variant" in err
    assert "termwise align myproj/report.md TRANSLATION --from LANG --to es" in err


def test_stats_into_a_language_without_a_translation_says_so(above: Path) -> None:
    reviewed_project(above, lang="es-ES")
    status, out, err = termwise("stats", "myproj/report.md", "--to", "es")
    assert status == 0
    assert out.startswith("en → es")
    assert "note: no translation of report.md into es yet" in err
    assert "holds the European Spanish translation of report.md; use --to es-ES" in err


def test_export_of_a_missing_translation_lists_the_others(above: Path) -> None:
    reviewed_project(above, lang="es-ES")
    status, _, err = termwise("export", "myproj/report.md", "--to", "es", "-o", "out.html")
    assert status == 2
    assert "holds the European Spanish translation of report.md; use --to es-ES" in err
    assert "termwise align" in err


def test_every_document_command_names_parameters_it_has() -> None:
    context = click.Context(cli)
    for name, (document, lang) in DOCUMENT_COMMANDS.items():
        group, _, sub = name.partition(" ")
        assert group in COMMANDS
        command = cli.get_command(context, group)
        assert command is not None
        if sub:
            assert isinstance(command, click.Group)
            command = command.commands[sub]
        names = {param.name for param in command.params}
        assert document in names, name
        assert lang is None or lang in names, name
