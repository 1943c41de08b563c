"""A project from before zh-TW, zh-HK and zh-MO were tags of their own keeps its
translation in ``paper.zh-Hant.po``; ``--to zh-TW`` now looks for ``paper.zh-TW.po``. The
old file is found, not taken for no translation (nor a second one started beside it), and
the user is told exactly how to rename it."""

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


def test_the_old_file_is_named_with_the_rename_that_finds_it(old_project: Path) -> None:
    old = old_project / "translations" / "doc.zh-Hant.po"
    new = old_project / "translations" / "doc.zh-TW.po"
    result = termwise("stats", "doc.txt", "--to", "zh-TW", cwd=old_project)
    assert result.returncode == 2, result.stdout
    assert f"mv {old} {new}" in result.stderr and f"cp {old} {new}" in result.stderr
    assert not new.exists()  # no second, empty translation started
    # Importing into zh-TW would have started one too.
    result = termwise("import", "theirs.po", "--doc", "doc.txt", "--to", "zh-TW", cwd=old_project)
    assert result.returncode == 2 and f"mv {old} {new}" in result.stderr
    assert not new.exists()
    old.rename(new)  # as the message says
    stats = termwise("stats", "doc.txt", "--to", "zh-TW", cwd=old_project)
    assert stats.returncode == 0, stats.stderr
    done = termwise(
        "import", "theirs.po", "--doc", "doc.txt", "--to", "zh-TW", "--overwrite", cwd=old_project
    )
    assert done.returncode == 0, done.stderr
    saved = new.read_text(encoding="utf-8")
    assert '"Language: zh_TW\\n"' in saved  # the region is the file name's from now on
    assert "貓是藍色的。" in saved and "狗是紅色的。" in saved
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(new)], check=True)


def test_an_old_file_that_says_zh_tw_is_named_as_the_zh_tw_translation(
    old_project: Path,
) -> None:
    old = old_project / "translations" / "doc.zh-Hant.po"
    # Poedit (or a hand) set its Language to Taiwan's.
    old.write_text(
        old.read_text(encoding="utf-8").replace("Language: zh_Hant", "Language: zh_TW"),
        encoding="utf-8",
    )
    layout = ProjectLayout.at(old_project)
    with pytest.raises(
        project_layout.OldTranslationName, match="its Language header says zh_TW"
    ) as raised:
        layout.translation_file("doc.txt", "zh-TW")
    assert f"mv {old} {old.with_name('doc.zh-TW.po')}" in str(raised.value)
    # Hong Kong's translation is another one: zh-HK starts its own.
    assert layout.translation_file("doc.txt", "zh-HK").name == "doc.zh-HK.po"


def test_a_zh_tw_file_beside_the_zh_hant_one_is_simply_found(old_project: Path) -> None:
    layout = ProjectLayout.at(old_project)
    taiwan = old_project / "translations" / "doc.zh-TW.po"
    taiwan.write_bytes((old_project / "translations" / "doc.zh-Hant.po").read_bytes())
    assert layout.translation_file("doc.txt", "zh-TW") == taiwan
    assert layout.translation_file("doc.txt", "zh-Hant").name == "doc.zh-Hant.po"
