"""The PO project file: mapping, states, readers other tools use, malformed input."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import polib
import pytest
from translate.storage import po as ttk_po

from termwise.atomic import WriteError
from termwise.errors import InputError
from termwise.project.store import ConcurrentModificationError
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit


def sample_file() -> TranslationFile:
    tfile = TranslationFile(lang="es", source_lang="en", document_name="paper.md")
    tfile.units["a1"] = TranslationUnit(
        "a1",
        "Trade grew by 5% in 2020.",
        "El comercio creció un 5 % en 2020.",
        SegmentState.MT,
        mt="El comercio creció un 5 % en 2020.",
        mt_engine="apertium",
        mt_model="apertium-eng-spa",
    )
    tfile.units["a2"] = TranslationUnit(
        "a2",
        'He said "well-known"\tthings.',
        "Dijo cosas «conocidas».",
        SegmentState.REVIEWED,
        notes="checked with the editor\nsecond line",
    )
    tfile.units["a3"] = TranslationUnit("a3", "Same text.", "", SegmentState.NEW)
    tfile.units["a4"] = TranslationUnit("a4", "Same text.", "", SegmentState.NEW)
    tfile.units["a5"] = TranslationUnit(
        "a5",
        "It is a concept of life.",
        "Es un concepto vital.",
        SegmentState.EDITED,
        mt="Es un concepto de vida.",
        mt_engine="argos",
        mt_model="translate-en_es-1.0",
        previous_source="It is a concept.",
    )
    tfile.obsolete.append(
        TranslationUnit("zz", "Gone sentence.", "Frase ida.", SegmentState.REVIEWED)
    )
    return tfile


def test_round_trip_keeps_every_field_and_state(tmp_path: Path) -> None:
    path = tmp_path / "paper.es.po"
    original = sample_file()
    original.save(path)
    loaded = TranslationFile.load(path)
    assert loaded.lang == "es" and loaded.source_lang == "en"
    assert loaded.document_name == "paper.md"
    assert list(loaded.units) == ["a1", "a2", "a3", "a4", "a5"]
    for key, unit in original.units.items():
        assert loaded.units[key] == unit
    assert loaded.obsolete == original.obsolete


def test_file_layout_follows_po_conventions(tmp_path: Path) -> None:
    path = tmp_path / "paper.es.po"
    sample_file().save(path)
    text = path.read_text(encoding="utf-8")
    assert '"Language: es\\n"' in text
    # Spanish plural rule from gettext's table (what msginit, Poedit and Weblate write).
    assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in text
    assert "#. mt: El comercio creció un 5 % en 2020.\n#. mt-engine: apertium\n" in text
    assert "# checked with the editor\n# second line\n" in text
    assert '#, fuzzy\nmsgctxt "a1"\nmsgid "Trade grew by 5% in 2020."' in text
    assert "python-format" not in text  # "5%" is not a placeholder
    assert '#| msgid "It is a concept."' in text
    assert '#~ msgctxt "zz"' in text


def test_zh_hant_header_uses_babel_locale(tmp_path: Path) -> None:
    path = tmp_path / "paper.zh-Hant.po"
    TranslationFile(lang="zh-Hant", source_lang="en").save(path)
    text = path.read_text(encoding="utf-8")
    assert '"Language: zh_Hant\\n"' in text
    assert '"Plural-Forms: nplurals=1; plural=0;\\n"' in text
    assert TranslationFile.load(path).lang == "zh-Hant"
    # A region writing traditional Chinese keeps its tag (languages.normalize).
    taiwan = tmp_path / "paper.zh-TW.po"
    TranslationFile(lang="zh-TW", source_lang="en").save(taiwan)
    assert '"Language: zh_TW\\n"' in taiwan.read_text(encoding="utf-8")
    assert TranslationFile.load(taiwan).lang == "zh-TW"


def test_msgfmt_polib_and_translate_toolkit_accept_the_file(tmp_path: Path) -> None:
    path = tmp_path / "paper.es.po"
    sample_file().save(path)
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "out.mo"), str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr

    entries = polib.pofile(str(path))
    by_ctx = {entry.msgctxt: entry for entry in entries if not entry.obsolete}
    assert set(by_ctx) == {"a1", "a2", "a3", "a4", "a5"}
    assert by_ctx["a1"].fuzzy and not by_ctx["a2"].fuzzy
    assert by_ctx["a2"].msgid == 'He said "well-known"\tthings.'
    assert by_ctx["a2"].tcomment == "checked with the editor\nsecond line"
    assert by_ctx["a5"].previous_msgid == "It is a concept."
    assert [entry.msgctxt for entry in entries.obsolete_entries()] == ["zz"]

    store = ttk_po.pofile.parsefile(str(path))
    units = {unit.getcontext(): unit for unit in store.units if not unit.isheader()}
    assert set(units) == {"a1", "a2", "a3", "a4", "a5", "zz"}
    assert units["zz"].isobsolete()
    assert units["a1"].isfuzzy() and not units["a2"].isfuzzy()
    assert units["a2"].target == "Dijo cosas «conocidas»."


def test_state_follows_edits_made_by_another_editor(tmp_path: Path) -> None:
    path = tmp_path / "paper.es.po"
    sample_file().save(path)
    entries = polib.pofile(str(path))
    for entry in entries:
        if entry.msgctxt == "a1":
            entry.msgstr = "El comercio aumentó un 5 % en 2020."  # a person edits MT, keeps fuzzy
        if entry.msgctxt == "a5":
            entry.flags.remove("fuzzy")  # reviewed in Poedit
        if entry.msgctxt == "a3":
            entry.msgstr = "Mismo texto."
            entry.flags.append("fuzzy")
    entries.save(str(path))
    loaded = TranslationFile.load(path)
    assert loaded.units["a1"].state is SegmentState.EDITED
    assert loaded.units["a5"].state is SegmentState.REVIEWED
    assert loaded.units["a3"].state is SegmentState.EDITED
    assert loaded.units["a2"].state is SegmentState.REVIEWED
    assert loaded.units["a4"].state is SegmentState.NEW


def test_other_tools_header_fields_survive_a_save(tmp_path: Path) -> None:
    path = tmp_path / "paper.es.po"
    sample_file().save(path)
    entries = polib.pofile(str(path))
    entries.metadata["X-Generator"] = "Poedit 3.4"
    entries.save(str(path))
    loaded = TranslationFile.load(path)
    loaded.save()
    assert '"X-Generator: Poedit 3.4\\n"' in path.read_text(encoding="utf-8")


GOOD_HEADER = (
    'msgid ""\nmsgstr ""\n"Language: es\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
)


@pytest.mark.parametrize(
    ("body", "line", "needle"),
    [
        ('msgctxt "a"\nmsgid "Hello"\nmsgstr "Hola\n', 8, "not closed"),
        ('msgctxt "a"\nmsgid "Hello"\nmsgstr Hola"\n', 8, "double quote"),
        ('msgctxt "a"\nmsgid "Hello"\nmsgstr "Ho"la"\n', 8, "quoting"),
        ('msgctxt "a"\nmsgid "Hello"\nmsgstr "Hola"\nbanana\n', 9, "not PO syntax"),
        ('msgctxt "a"\nmsgid "Hello"\nmsgstr "Hola \\q"\n', 8, "escape"),
    ],
)
def test_broken_quoting_names_file_and_line(
    tmp_path: Path, body: str, line: int, needle: str
) -> None:
    path = tmp_path / "paper.es.po"
    path.write_text(GOOD_HEADER + body, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        TranslationFile.load(path)
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert needle in caught.value.message


def test_binary_and_wrong_encoding_are_input_errors(tmp_path: Path) -> None:
    binary = tmp_path / "binary.es.po"
    binary.write_bytes(b'msgid ""\nmsgstr ""\n\x00\x01\x02\xff')
    with pytest.raises(InputError, match="binary") as caught:
        TranslationFile.load(binary)
    assert caught.value.line == 3

    latin1 = tmp_path / "latin1.es.po"
    latin1.write_bytes(
        (GOOD_HEADER + 'msgctxt "a"\nmsgid "Hello"\nmsgstr "Olé"\n').encode("latin-1")
    )
    with pytest.raises(InputError, match="charset") as caught:
        TranslationFile.load(latin1)
    assert caught.value.line == 8 and caught.value.column == 11


def test_declared_latin1_charset_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "latin1.es.po"
    header = GOOD_HEADER.replace("UTF-8", "ISO-8859-1")
    path.write_bytes((header + 'msgctxt "a"\nmsgid "Hello"\nmsgstr "Olé"\n').encode("latin-1"))
    assert TranslationFile.load(path).units["a"].target == "Olé"


def test_missing_language_header_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    path.write_text('msgid ""\nmsgstr ""\n\nmsgctxt "a"\nmsgid "Hi"\nmsgstr ""\n', encoding="utf-8")
    with pytest.raises(InputError, match="Language"):
        TranslationFile.load(path)


def test_save_keeps_backup_and_refuses_to_overwrite_outside_changes(tmp_path: Path) -> None:
    path = tmp_path / "paper.es.po"
    first = sample_file()
    first.save(path)
    first.units["a3"].set_translation("Mismo texto.")
    first.save()
    assert Path(str(path) + "~").exists()
    assert "Mismo texto." not in Path(str(path) + "~").read_text(encoding="utf-8")

    mine = TranslationFile.load(path)
    # Another program rewrites the file after we loaded it.
    entries = polib.pofile(str(path))
    for entry in entries:
        if entry.msgctxt == "a4":
            entry.msgstr = "Texto igual."
    entries.save(str(path))
    before = path.read_bytes()

    mine.units["a1"].set_translation("Mi versión.", reviewed=True)
    with pytest.raises(ConcurrentModificationError, match="changed on disk"):
        mine.save()
    assert path.read_bytes() == before

    report = mine.merge_from_disk()
    assert report.taken_from_disk == ["a4"]
    mine.save()
    merged = TranslationFile.load(path)
    assert merged.units["a4"].target == "Texto igual."
    assert merged.units["a1"].target == "Mi versión."
    assert merged.units["a1"].state is SegmentState.REVIEWED


def test_conflicting_edits_keep_both_sides(tmp_path: Path) -> None:
    path = tmp_path / "paper.es.po"
    sample_file().save(path)
    mine = TranslationFile.load(path)
    theirs = TranslationFile.load(path)
    theirs.units["a3"].set_translation("Suyo.", reviewed=True)
    theirs.save()
    mine.units["a3"].set_translation("Mío.")
    report = mine.merge_from_disk()
    assert report.conflicts == ["a3"]
    assert mine.units["a3"].target == "Mío."
    assert "Suyo." in mine.units["a3"].notes
    mine.save()


def test_a_file_created_by_someone_else_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "paper.es.po"
    mine = sample_file()
    mine.path = path
    sample_file().save(path)
    with pytest.raises(ConcurrentModificationError):
        mine.save()
    mine.save(force=True)


def test_touch_without_change_is_not_a_conflict(tmp_path: Path) -> None:
    path = tmp_path / "paper.es.po"
    tfile = sample_file()
    tfile.save(path)
    import os

    os.utime(path, ns=(1, 1))
    tfile.save()


def test_failed_save_leaves_last_good_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "paper.es.po"
    tfile = sample_file()
    tfile.save(path)
    good = path.read_bytes()
    tfile.units["a3"].set_translation("Nuevo.")

    def failing_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", failing_fsync)
    with pytest.raises(WriteError, match="the disk is full"):
        tfile.save()
    monkeypatch.undo()
    assert path.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["paper.es.po"]
    tfile.save()  # the next save works and nothing is lost
    assert TranslationFile.load(path).units["a3"].target == "Nuevo."


def test_comments_rewrapped_by_another_editor_keep_mt_state(tmp_path: Path) -> None:
    path = tmp_path / "paper.es.po"
    tfile = sample_file()
    long_mt = (
        "La construcción de la comunidad de destino humano ha evolucionado de un concepto "
        "bien-conocido a un programa y del pensamiento a la acción en todo el mundo entero."
    )
    tfile.units["a6"] = TranslationUnit(
        "a6", "A long sentence.", long_mt, SegmentState.MT, mt=long_mt, mt_engine="apertium"
    )
    tfile.units["a6"].comments = ("extracted by another tool",)
    tfile.save(path)
    entries = polib.pofile(str(path), wrapwidth=40)
    entries.save(str(path))  # polib re-wraps the long comment lines
    assert "#. mt: La construcción" in path.read_text(encoding="utf-8")
    loaded = TranslationFile.load(path).units["a6"]
    assert loaded.state is SegmentState.MT
    assert loaded.mt == long_mt
    assert loaded.mt_engine == "apertium"
    assert loaded.comments == ("extracted by another tool",)


def test_a_space_the_translator_took_out_of_the_mt_is_an_edit(tmp_path: Path) -> None:
    # "Es nuestro gol." typed over Apertium's "Es nuestro gol ." stayed MT: every space was
    # ignored in the comparison, so stats and the review counted the fix as untouched MT.
    path = tmp_path / "paper.es.po"
    tfile = sample_file()
    unit = TranslationUnit("a6", "It is our goal.", "Es nuestro gol .", SegmentState.MT)
    unit.mt = "Es nuestro gol ."
    tfile.units["a6"] = unit
    unit.set_translation("Es nuestro gol.")
    assert unit.state is SegmentState.EDITED
    tfile.save(path)
    assert TranslationFile.load(path).units["a6"].state is SegmentState.EDITED
    unit.set_translation("Es  nuestro gol .")  # the same words, spaced otherwise: still MT
    assert unit.state is SegmentState.MT


def test_incremental_save_writes_exactly_what_babel_writes(tmp_path: Path) -> None:
    tfile = sample_file()
    first = tfile.to_bytes()
    assert (
        first.split(b"PO-Revision-Date")[1].split(b"\n", 1)[1]
        == (tfile.full_bytes().split(b"PO-Revision-Date")[1].split(b"\n", 1)[1])
    )
    # Change one entry, add one, drop one: only those are formatted again.
    tfile.units["a3"].set_translation("Mismo texto.")
    tfile.units["a9"] = TranslationUnit("a9", "Added later.", "Añadido.", SegmentState.REVIEWED)
    del tfile.units["a2"]
    incremental = tfile.to_bytes()
    full = tfile.full_bytes()
    strip = lambda data: data.split(b"PO-Revision-Date")[1].split(b"\n", 1)[1]  # noqa: E731
    assert strip(incremental) == strip(full)
    assert b'msgstr "Mismo texto."' in incremental and b'msgctxt "a2"' not in incremental


def test_files_updated_by_msgmerge_load(tmp_path: Path) -> None:
    """gettext's msgmerge marks changed sources fuzzy with ``#|`` and keeps ``#~`` entries."""
    path = tmp_path / "paper.es.po"
    sample_file().save(path)
    template = tmp_path / "paper.pot"
    pot = polib.POFile()
    pot.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    pot.append(polib.POEntry(msgctxt="a2", msgid='He said "well-known"\tthings!', msgstr=""))
    pot.append(polib.POEntry(msgctxt="a9", msgid="A brand new sentence.", msgstr=""))
    pot.save(str(template))
    merged = tmp_path / "merged.es.po"
    subprocess.run(
        ["msgmerge", "--previous", "-o", str(merged), str(path), str(template)],
        check=True,
        capture_output=True,
    )
    text = merged.read_text(encoding="utf-8")
    assert "#| msgid" in text and "#~ msgid" in text and "#~| msgid" in text
    tfile = TranslationFile.load(merged)
    assert tfile.units["a2"].state is SegmentState.EDITED
    assert tfile.units["a2"].previous_source == 'He said "well-known"\tthings.'
    # msgmerge's own fuzzy matching gave the new sentence an old translation: read as edited.
    assert tfile.units["a9"].state is SegmentState.EDITED
    assert tfile.units["a9"].previous_source == "Gone sentence."
    obsolete = {unit.segment_id: unit for unit in tfile.obsolete}
    assert {"a1", "a5"} <= set(obsolete)  # "zz" was reused by msgmerge for a9
    assert obsolete["a5"].previous_source == "It is a concept."  # from "#~| msgid"
    tfile.save()
    check = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(merged)], capture_output=True
    )
    assert check.returncode == 0, check.stderr


@pytest.fixture
def cached_parses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder of the test's own, and the sample file counts as large enough."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr("termwise.project.parse_cache.MIN_UNITS", 2)


@pytest.mark.usefixtures("cached_parses")
def test_parse_cache_is_used_only_for_identical_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "paper.es.po"
    tfile = sample_file()
    tfile.save(path)  # a save of a big enough file records its parse, written at exit
    tfile.units["a3"].set_translation("Editado tras guardar.")  # must not leak into the cache
    from termwise.project import parse_cache

    parse_cache.flush()
    expected = TranslationFile.from_bytes(path.read_bytes())  # what Babel makes of it

    def no_babel(*args: object) -> object:
        raise AssertionError("parsed again")

    monkeypatch.setattr("termwise.project.po_format.read_catalog", no_babel)
    cached = TranslationFile.load(path)
    assert cached.units == expected.units and cached.obsolete == expected.obsolete
    assert (cached.lang, cached.source_lang, cached.document_name) == ("es", "en", "paper.md")

    entries = polib.pofile(str(path))
    entries[0].msgstr = "Cambiado por otro programa."
    entries.save(str(path))
    with pytest.raises(AssertionError, match="parsed again"):
        TranslationFile.load(path)  # other bytes: the cache is not trusted


@pytest.mark.usefixtures("cached_parses")
def test_a_parse_cache_cut_short_is_no_cache(tmp_path: Path) -> None:
    from termwise.project import parse_cache

    path = tmp_path / "paper.es.po"
    sample_file().save(path)
    parse_cache.flush()
    cache = parse_cache.cache_path(path)
    lines = cache.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(lines) == 1 + len(sample_file().units)  # a header line, then a line per unit
    expected = TranslationFile.load(path).units
    # A crash while writing it: a line missing, then half a line.
    for cut in ("".join(lines[:-1]), "".join(lines)[:-20]):
        cache.write_text(cut, encoding="utf-8")
        assert parse_cache.read(path, hashlib.sha256(path.read_bytes()).hexdigest()) is None
        assert TranslationFile.load(path).units == expected


def test_first_save_after_load_keeps_other_tools_formatting(tmp_path: Path) -> None:
    path = tmp_path / "paper.es.po"
    sample_file().save(path)
    entries = polib.pofile(str(path), wrapwidth=30)
    entries.save(str(path))
    wrapped = path.read_text(encoding="utf-8")
    tfile = TranslationFile.load(path)
    tfile.units["a3"].set_translation("Mismo texto.", reviewed=True)
    tfile.save()
    text = path.read_text(encoding="utf-8")
    # The untouched, re-wrapped entry is written back as polib wrapped it.
    a2_block = next(block for block in wrapped.split("\n\n") if 'msgctxt "a2"' in block)
    assert a2_block in text
    reloaded = TranslationFile.load(path)
    assert reloaded.units["a3"].target == "Mismo texto."
    assert reloaded.units["a2"] == tfile.units["a2"]
    check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True)
    assert check.returncode == 0, check.stderr


def test_a_po_file_without_segment_ids_points_to_import(tmp_path: Path) -> None:
    path = tmp_path / "other.es.po"
    path.write_text(GOOD_HEADER + 'msgid "Hello"\nmsgstr "Hola"\n', encoding="utf-8")
    with pytest.raises(InputError, match="termwise import") as caught:
        TranslationFile.load(path)
    assert caught.value.line == 6


def test_any_direct_change_to_a_unit_reaches_the_next_save(tmp_path: Path) -> None:
    path = tmp_path / "paper.es.po"
    tfile = sample_file()
    tfile.save(path)
    unit = tfile.units["a2"]
    unit.notes = "changed directly, not through a method"
    unit.flags = frozenset({"no-wrap"})
    tfile.units["a1"].mt_engine = "argos"
    tfile.save()
    loaded = TranslationFile.load(path)
    assert loaded.units["a2"].notes == "changed directly, not through a method"
    assert loaded.units["a2"].flags == frozenset({"no-wrap"})
    assert loaded.units["a1"].mt_engine == "argos"


def test_a_state_set_on_text_another_program_rewrote_gives_way_to_its_text(
    tmp_path: Path,
) -> None:
    path = tmp_path / "paper.es.po"
    sample_file().save(path)
    mine = TranslationFile.load(path)
    theirs = TranslationFile.load(path)
    theirs.units["a3"].set_translation("Suyo.")
    theirs.save()
    old = mine.units["a3"].target
    mine.units["a3"].set_translation(old, reviewed=True)  # reviewed the old text
    mine.units["a3"].notes = "Mi nota."
    report = mine.merge_from_disk()
    assert (report.superseded, report.conflicts, report.changed) == (["a3"], [], ["a3"])
    unit = mine.units["a3"]
    assert (unit.target, unit.state, unit.notes) == ("Suyo.", SegmentState.EDITED, "Mi nota.")
