"""A project from before zh-TW, zh-HK and zh-MO were tags of their own keeps its
translation in ``paper.zh-Hant.po``; ``--to zh-TW`` now looks for ``paper.zh-TW.po``. The
old file is found, not taken for no translation (nor a second one started beside it), and
the user is told exactly how to rename it: refused where its Language header names the
region, noted where it says only zh_Hant (what termwise writes for zh-Hant today too)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from termwise.project import layout as project_layout
from termwise.project.layout import ProjectLayout

TERMWISE = Path(sys.executable).parent / "termwise"
POT = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "The cat is blue."
msgstr ""

msgid "The dog is red."
msgstr ""
"""


def termwise(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(TERMWISE), *args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture
def old_project(tmp_path: Path) -> Path:
    """A project whose Taiwan translation an older termwise wrote (``paper.zh-Hant.po``,
    Language: zh_Hant), brought in from a file msginit made for zh_TW."""
    root = tmp_path / "project"
    root.mkdir()
    (root / "doc.txt").write_text("The cat is blue.\n\nThe dog is red.\n", encoding="utf-8")
    (root / "doc.pot").write_text(POT, encoding="utf-8")
    theirs = root / "theirs.po"
    subprocess.run(
        ["msginit", "--no-translator", "-l", "zh_TW", "-i", "doc.pot", "-o", str(theirs)],
        cwd=root,
        check=True,
        capture_output=True,
    )
    text = theirs.read_text(encoding="utf-8")
    text = text.replace(
        '"The cat is blue."\nmsgstr ""', '"The cat is blue."\nmsgstr "貓是藍色的。"'
    )
    text = text.replace('"The dog is red."\nmsgstr ""', '"The dog is red."\nmsgstr "狗是紅色的。"')
    theirs.write_text(text, encoding="utf-8")
    # What `--to zh-TW` did then: the tag became zh-Hant, in the file name and header.
    done = termwise("import", "theirs.po", "--doc", "doc.txt", "--to", "zh-Hant", cwd=root)
    assert done.returncode == 0, done.stderr
    old = root / "translations" / "doc.zh-Hant.po"
    assert '"Language: zh_Hant\\n"' in old.read_text(encoding="utf-8")
    return root


OLD = "translations/doc.zh-Hant.po"
MOVE = "mv translations/doc.zh-Hant.po translations/doc.zh-TW.po"


def test_a_zh_hant_file_is_noted_and_the_zh_tw_command_goes_on(old_project: Path) -> None:
    """Language: zh_Hant is what termwise writes for a zh-Hant translation too: it cannot
    say the file is the Taiwan one, so nothing is refused; the note gives the rename."""
    old = old_project / OLD
    new = old_project / "translations" / "doc.zh-TW.po"
    before = old.read_bytes()
    result = termwise("stats", "doc.txt", "--to", "zh-TW", cwd=old_project)
    assert result.returncode == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if MOVE in line]
    assert len(notes) == 1, result.stderr  # once, however often the command asks
    assert notes[0].startswith("termwise: warning: ") and len(notes[0]) < 250
    assert "cp " not in result.stderr
    done = termwise("import", "theirs.po", "--doc", "doc.txt", "--to", "zh-TW", cwd=old_project)
    assert done.returncode == 0, done.stderr
    assert MOVE in done.stderr
    saved = new.read_text(encoding="utf-8")
    assert '"Language: zh_TW\\n"' in saved
    assert "貓是藍色的。" in saved and "狗是紅色的。" in saved
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(new)], check=True)
    assert old.read_bytes() == before  # the zh-Hant translation is left as it was
    again = termwise("stats", "doc.txt", "--to", "zh-TW", cwd=old_project)
    assert again.returncode == 0 and "warning" not in again.stderr  # the file is there now


def test_a_zh_hant_translation_does_not_stop_a_taiwan_one(tmp_path: Path) -> None:
    """The audit's reproduction: a zh-Hant translation as termwise writes it, then a zh-TW
    one brought in from it and aligned afresh."""
    (tmp_path / "paper.txt").write_text(
        "The Belt and Road Initiative connects many countries.\n\nIt began in 2013.\n",
        encoding="utf-8",
    )
    (tmp_path / "paper.zh.txt").write_text(
        "一带一路倡议连接许多国家。\n\n它始于2013年。\n", encoding="utf-8"
    )
    align = ("align", "paper.txt", "paper.zh.txt", "--from", "en", "--to")
    done = termwise(*align, "zh-Hant", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    hant = tmp_path / "translations" / "paper.zh-Hant.po"
    assert '"Language: zh_Hant\\n"' in hant.read_text(encoding="utf-8")
    move = "mv translations/paper.zh-Hant.po translations/paper.zh-TW.po"
    imported = termwise(
        "import",
        "translations/paper.zh-Hant.po",
        "--doc",
        "paper.txt",
        "--to",
        "zh-TW",
        cwd=tmp_path,
    )
    assert imported.returncode == 0, imported.stderr
    assert move in imported.stderr
    taiwan = tmp_path / "translations" / "paper.zh-TW.po"
    assert "一带一路倡议连接许多国家。" in taiwan.read_text(encoding="utf-8")
    taiwan.unlink()
    aligned = termwise(*align, "zh-TW", cwd=tmp_path)
    assert aligned.returncode == 0, aligned.stderr
    assert move in aligned.stderr
    text = taiwan.read_text(encoding="utf-8")
    assert '"Language: zh_TW\\n"' in text and "它始于2013年。" in text


def test_an_old_file_that_says_zh_tw_is_refused_with_the_rename(
    old_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = old_project / OLD
    # Poedit (or a hand) set its Language to Taiwan's: it is that translation, surely.
    old.write_text(
        old.read_text(encoding="utf-8").replace("Language: zh_Hant", "Language: zh_TW"),
        encoding="utf-8",
    )
    monkeypatch.chdir(old_project)
    layout = ProjectLayout.at(old_project)
    with pytest.raises(
        project_layout.OldTranslationName, match="its Language header says zh_TW"
    ) as raised:
        layout.translation_file("doc.txt", "zh-TW")
    assert MOVE in str(raised.value) and len(str(raised.value)) < 250
    # Hong Kong's translation is another one: zh-HK starts its own, without a word.
    assert layout.old_name_note("doc.txt", "zh-HK") is None
    assert layout.translation_file("doc.txt", "zh-HK").name == "doc.zh-HK.po"
    result = termwise("import", "theirs.po", "--doc", "doc.txt", "--to", "zh-TW", cwd=old_project)
    assert result.returncode == 2 and MOVE in result.stderr
    assert not (old_project / "translations" / "doc.zh-TW.po").exists()
    old.rename(old_project / "translations" / "doc.zh-TW.po")  # as the message says
    stats = termwise("stats", "doc.txt", "--to", "zh-TW", cwd=old_project)
    assert stats.returncode == 0, stats.stderr
    assert "warning" not in stats.stderr


def test_a_macau_file_under_its_old_name_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``paper.zh-Hant-MO.po`` names its region even without a Language header."""
    (tmp_path / "translations").mkdir()
    old = tmp_path / "translations" / "doc.zh-Hant-MO.po"
    old.write_text(POT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(project_layout.OldTranslationName, match="mv translations/doc.zh-Hant-MO"):
        ProjectLayout.at(tmp_path).translation_file("doc.txt", "zh-MO")


def test_a_zh_tw_file_beside_the_zh_hant_one_is_simply_found(old_project: Path) -> None:
    layout = ProjectLayout.at(old_project)
    taiwan = old_project / "translations" / "doc.zh-TW.po"
    taiwan.write_bytes((old_project / "translations" / "doc.zh-Hant.po").read_bytes())
    assert layout.translation_file("doc.txt", "zh-TW") == taiwan
    assert layout.translation_file("doc.txt", "zh-Hant").name == "doc.zh-Hant.po"
