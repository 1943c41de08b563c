"""Another program saves the translation file while termwise is saving it: its edit is never
lost. Either termwise's save is refused (the other version stays on disk, with a message that
says how to merge) or, in the workbench, both are merged.

The races are real: another process writes the file, as an editor does (a temporary file
renamed over it), between termwise's check and its rename: at a hook in the store, and
through the installed ``termwise`` by watching for its temporary file.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from termwise.project import swap
from termwise.project.store import ConcurrentModificationError
from termwise.project.translation_file import TranslationFile

TERMWISE = Path(sys.executable).parent / "termwise"

# Another program's save: read the file, change one translation, write a temporary file and
# rename it over the PO file (what Poedit, an editor or a script does).
EDITOR = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path

    po, old, new = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    wait_for_save = len(sys.argv) > 4
    if wait_for_save:  # edit exactly while termwise writes its temporary file
        prefix = "." + po.name + "."
        # Watching from now: the race starts only then (a busy machine can take longer to
        # start this interpreter than termwise takes to save).
        po.with_name(po.name + ".watching").touch()
        deadline = time.monotonic() + 60
        while not any(n.startswith(prefix) and n.endswith(".tmp") for n in os.listdir(po.parent)):
            if time.monotonic() > deadline:
                print("no save seen")
                sys.exit(0)
            time.sleep(0.0002)
    text = po.read_text(encoding="utf-8")
    assert old in text, old
    temporary = po.with_name(po.name + ".editor")
    temporary.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.replace(temporary, po)
    print("edited", flush=True)
    """
)


def _editor(po: Path, old: str, new: str, *, wait_for_save: bool = False) -> list[str]:
    command = [sys.executable, "-c", EDITOR, str(po), old, new]
    return command + (["wait"] if wait_for_save else [])


def _document(root: Path, count: int) -> tuple[Path, Path]:
    sentences = [f"Sentence number {index} says something." for index in range(count)]
    document = root / "doc.txt"
    document.write_text("\n\n".join(sentences) + "\n")
    units = "".join(
        f'<tu><tuv xml:lang="en"><seg>{s}</seg></tuv>'
        f'<tuv xml:lang="es"><seg>Frase {i} traducida.</seg></tuv></tu>\n'
        for i, s in enumerate(sentences)
    )
    memory = root / "memory.tmx"
    memory.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" '
        'datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" '
        f'creationtoolversion="1" o-tmf="t"/><body>\n{units}</body></tmx>\n'
    )
    return document, memory


@pytest.fixture
def project(tmp_path: Path) -> Path:
    document, memory = _document(tmp_path, 60)
    done = subprocess.run(
        [str(TERMWISE), "import", memory.name, "--doc", document.name, "--to", "es"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return tmp_path


@pytest.fixture(params=["exchange", "lock"])
def swap_kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Both ways of putting the file in place: renameat2's exchange, and lock + re-check."""
    if request.param == "lock":
        monkeypatch.setattr(swap, "_renameat2", None)
    else:
        assert swap._renameat2 is not None, "renameat2 is expected on Linux with glibc"
    yield request.param


def test_an_edit_saved_between_check_and_rename_is_kept(project: Path, swap_kind: str) -> None:
    po = project / "translations" / "doc.es.po"
    tfile = TranslationFile.load(po)
    ours = next(iter(tfile.units.values()))
    ours.set_translation("Nuestra versión.", reviewed=True)
    raced: list[int] = []

    def other_program_saves(target: Path) -> None:
        # Called after termwise checked the file and wrote its new one, before the rename.
        done = subprocess.run(
            _editor(target, "Frase 7 traducida.", "Frase 7 corregida en Poedit."),
            capture_output=True,
            text=True,
            check=True,
        )
        raced.append(done.stdout.count("edited"))

    swap.BEFORE_SWAP.append(other_program_saves)
    try:
        with pytest.raises(ConcurrentModificationError) as refused:
            tfile.save()
    finally:
        swap.BEFORE_SWAP.remove(other_program_saves)
    assert raced == [1]
    message = str(refused.value)
    assert "Run the same termwise command again" in message and "Ctrl+S" in message
    on_disk = po.read_text()
    assert "Frase 7 corregida en Poedit." in on_disk and "Nuestra versión." not in on_disk
    assert sorted(p.name for p in po.parent.iterdir()) == ["doc.es.po"]  # no temporary left

    # What the workbench does on such a refusal: merge, then save; both edits are kept.
    tfile.merge_from_disk()
    tfile.save()
    merged = po.read_text()
    assert "Frase 7 corregida en Poedit." in merged and "Nuestra versión." in merged


def test_a_file_created_meanwhile_is_not_replaced(tmp_path: Path, swap_kind: str) -> None:
    po = tmp_path / "new.es.po"
    tfile = TranslationFile(lang="es", source_lang="en")
    hook = lambda target: target.write_text("someone else's file\n")  # noqa: E731
    swap.BEFORE_SWAP.append(hook)
    try:
        with pytest.raises(ConcurrentModificationError):
            tfile.save(po)
    finally:
        swap.BEFORE_SWAP.remove(hook)
    assert po.read_text() == "someone else's file\n"
    assert [p.name for p in tmp_path.iterdir()] == ["new.es.po"]


def test_termwise_import_racing_an_editor_never_loses_the_edit(tmp_path: Path) -> None:
    # A larger file, so that termwise writes it long enough for the editor to step in.
    document, memory = _document(tmp_path, 6000)
    first = subprocess.run(
        [str(TERMWISE), "import", memory.name, "--doc", document.name, "--to", "es"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert first.returncode == 0, first.stderr
    po = tmp_path / "translations" / "doc.es.po"
    refusals = 0
    # Whether the editor gets in before termwise's rename is up to the scheduler: on a busy
    # machine it can miss six times running. Race until it has got in once (and at least six
    # times in all); every round, either way, must keep the editor's edit.
    for attempt in range(30):
        if refusals and attempt >= 6:
            break
        change = tmp_path / "change.tmx"
        change.write_text(
            memory.read_text().replace("Frase 1 traducida.", f"Frase 1, intento {attempt}.")
        )
        editor = subprocess.Popen(
            _editor(
                po, f"Frase {100 + attempt} traducida.", f"Editor {attempt}.", wait_for_save=True
            ),
            stdout=subprocess.PIPE,
            text=True,
        )
        watching = po.with_name(po.name + ".watching")
        deadline = time.monotonic() + 60
        while not watching.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        watching.unlink()
        ours = subprocess.run(
            [
                str(TERMWISE),
                "import",
                change.name,
                "--doc",
                document.name,
                "--to",
                "es",
                "--overwrite",
            ],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        out, _ = editor.communicate(timeout=120)
        assert "edited" in out, (out, ours.returncode, ours.stderr)
        text = po.read_text()
        # The editor's save is never lost, whichever came first.
        assert f"Editor {attempt}." in text, (ours.returncode, ours.stderr)
        assert "Traceback" not in ours.stderr
        if ours.returncode == 2:
            refusals += 1
            assert "was changed on disk by another program" in ours.stderr
            assert "Run the same termwise command again" in ours.stderr
            assert f"Frase 1, intento {attempt}." not in text
        else:
            assert ours.returncode == 0, ours.stderr
        leftovers = [p.name for p in po.parent.iterdir() if p.name.startswith(".")]
        assert leftovers == []
    # The editor stepped in while termwise was writing, so that save had to be refused.
    assert refusals >= 1
    os.sync()
