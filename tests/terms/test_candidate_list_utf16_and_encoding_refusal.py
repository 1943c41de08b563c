"""A candidate list of ``terms extract`` is told from a glossary whatever its encoding, as
every reader decodes files (a byte-order mark says UTF-16): written with ``--encoding
utf-16`` and given to ``glossary import``, it was read as a CSV glossary and refused for
having no language header. And an encoding that cannot hold a term is refused in the same
words by ``terms extract`` and ``glossary export``: one message, in one place."""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise

_TEXT = (
    "Wind turbines convert wind energy. A wind turbine has blades. Wind turbines are tall. "
    "The wind turbine blades turn. Éoliennes are wind turbines too.\n"
)


def test_a_utf16_candidate_list_is_no_glossary(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(_TEXT, encoding="utf-8")
    extracted = termwise(
        "terms", "extract", "doc.txt", "--encoding", "utf-16", "-o", "list.csv", cwd=tmp_path
    )
    assert extracted.returncode == 0, extracted.stderr
    assert (tmp_path / "list.csv").read_bytes().startswith(b"\xff\xfet\x00e\x00r\x00m\x00")
    imported = termwise("glossary", "import", "list.csv", cwd=tmp_path)
    assert imported.returncode == 2
    assert (
        "list.csv: a candidate list of `terms extract`, not a glossary: write it with --format tbx"
    ) in imported.stderr
    assert not (tmp_path / "glossary").exists()


def test_an_encoding_that_cannot_hold_a_term_is_refused_alike(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(_TEXT, encoding="utf-8")
    extracted = termwise(
        "terms", "extract", "doc.txt", "--encoding", "ascii", "-o", "list.csv", cwd=tmp_path
    )
    assert termwise("glossary", "add", "éolienne", "--lang", "en", cwd=tmp_path).returncode == 0
    exported = termwise(
        "glossary", "export", "--format", "csv", "--encoding", "ascii", "-o", "g.csv", cwd=tmp_path
    )
    said = "the encoding ascii cannot hold 'é' (and maybe more); "
    assert extracted.returncode == exported.returncode == 2
    # Each names what it can write: a candidate list also utf-8-sig, for Excel.
    assert extracted.stderr == (
        f"termwise: error: list.csv: {said}write utf-8, utf-8-sig or utf-16\n"
    )
    assert exported.stderr == f"termwise: error: g.csv: {said}export as utf-8 or utf-16\n"
    assert not (tmp_path / "list.csv").exists() and not (tmp_path / "g.csv").exists()
