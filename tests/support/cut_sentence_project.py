"""A project whose translation file an older termwise saved after the segmenter cut a
sentence ("The project grew" / "fast across the region."), the whole sentence's translation
held by the first part: the text, the project set up with a given file, and the commands
the tests of that file run."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from termwise.cli import cli
from termwise.project.layout import ProjectLayout

TEXT = "The committee met in May.\n\nThe project grew\n\nfast across the region.\n"
WHOLE_ES = "El proyecto creció rápidamente a través de la región."
MT_ES = "Rápido a través de la región."


def project(tmp_path: Path, po: str) -> tuple[Path, Path]:
    """The document and its Spanish translation file ``po``, in a project at ``tmp_path``."""
    document = tmp_path / "d.txt"
    document.write_text(TEXT, encoding="utf-8")
    (tmp_path / "translations").mkdir()
    path = ProjectLayout.at(tmp_path).translation_file(document, "es")
    path.write_text(po, encoding="utf-8")
    return document, path


def run(tmp_path: Path, *args: str) -> tuple[int, str, str]:
    """``termwise ARGS`` in the project: exit code, standard output and error."""
    result = CliRunner().invoke(cli, ["--project", str(tmp_path), *args])
    return result.exit_code, result.stdout, result.stderr


def edition(tmp_path: Path, document: Path) -> tuple[str, str]:
    """The plain-text edition (unreviewed translations included) and what export said."""
    out = tmp_path / "out.txt"
    code, _, err = run(
        tmp_path, "export", str(document), "--to", "es", "--format", "txt",
        "--include-unreviewed", "-o", str(out),
    )  # fmt: skip
    assert code == 0, err
    return out.read_text(encoding="utf-8"), err
