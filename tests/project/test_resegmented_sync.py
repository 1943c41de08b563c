"""Work carried over when the segmenter cuts the same text otherwise: sentences it now makes
one segment of (German "Anm. d. Übers." was cut at "d." before e455e33) and one segment's
sentences it now cuts apart. The translation files here are written as termwise wrote them
with the older segmentation (msgctxt: the old segment's id)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli
from termwise.document import load_document
from termwise.document.ids import content_hash
from termwise.errors import TermwiseError
from termwise.mt.engine import MTResult
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import (
    open_translation,
    record_machine_translation,
    sync_with_document,
    work_in_other_languages,
)
from termwise.project.units import SegmentState
from termwise.review.session import ReviewSession

NOTE = (
    "Das Konzept wurde 2013 vorgestellt (Anm. d. Übers.: gemeint ist die Initiative). "
    "Danach folgte eine Rede.\n"
)
# The older segmenter's three segments of NOTE, and their English.
OLD = [
    (
        "f9ccecdc053c",
        "Das Konzept wurde 2013 vorgestellt (Anm. d.",
        "The concept was presented in 2013 (Translator's",
    ),
    ("41c9dbbd3353", "Übers.: gemeint ist die Initiative).", "note: the initiative is meant)."),
    ("b53fe0e6489a", "Danach folgte eine Rede.", "Then a speech followed."),
]
JOINED_EN = "The concept was presented in 2013 (Translator's note: the initiative is meant)."


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def po_text(
    entries: list[tuple[str, str, str]],
    *,
    lang: str = "en",
    fuzzy: bool = False,
    obsolete: bool = False,
    notes: dict[str, str] | None = None,
) -> str:
    """A translation file as termwise writes it (``obsolete``: every entry as ``#~``)."""
    lines = [
        'msgid ""',
        'msgstr ""',
        '"Content-Type: text/plain; charset=utf-8\\n"',
        f'"Language: {lang}\\n"',
        '"X-Source-Language: de\\n"',
        "",
    ]
    prefix = "#~ " if obsolete else ""
    for segment_id, source, target in entries:
        if notes and segment_id in notes:
            lines.append(f"# {notes[segment_id]}")
        if fuzzy:
            lines.append("#, fuzzy")
        lines += [
            f"{prefix}msgctxt {_quote(segment_id)}",
            f"{prefix}msgid {_quote(source)}",
            f"{prefix}msgstr {_quote(target)}",
            "",
        ]
    return "\n".join(lines)


def note_project(tmp_path: Path, po: str, lang: str = "en") -> tuple[Path, ProjectLayout]:
    document = tmp_path / "note.txt"
    document.write_text(NOTE, encoding="utf-8")
    translations = tmp_path / "translations"
    translations.mkdir()
    (translations / f"note.{lang}.po").write_text(po, encoding="utf-8")
    return document, ProjectLayout.at(tmp_path)


def run(tmp_path: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--project", str(tmp_path), *args])
    return result.exit_code, result.stdout, result.stderr


def test_sentences_now_one_segment_get_their_translations_joined(tmp_path: Path) -> None:
    path, layout = note_project(tmp_path, po_text(OLD, notes={"41c9dbbd3353": "checked"}))
    document = load_document(path, lang="de")
    assert len(document.segments) == 2
    tfile = TranslationFile.load(layout.translation_file(path, "en"))
    report = sync_with_document(tfile, document)
    first, second = document.segments
    unit = tfile.units[first.id]
    assert unit.target == JOINED_EN
    # Reviewed parts make no reviewed whole: no one has read it as one sentence.
    assert unit.state is SegmentState.EDITED
    # The sentences joined read as the new source: no ``#| msgid`` equal to the msgid.
    assert f"{OLD[0][1]} {OLD[1][1]}" == first.text
    assert unit.previous_source is None
    assert unit.notes == "checked"
    assert tfile.units[second.id].state is SegmentState.REVIEWED
    assert tfile.obsolete == []
    assert report.joined == [(first.id, ("f9ccecdc053c", "41c9dbbd3353"))]
    assert report.obsoleted == []
    assert report.lines() == [
        "2 translations carried over into 1 segment the segmenter now makes of them "
        "(joined, to review)"
    ]


def test_translations_put_aside_as_obsolete_are_taken_back(tmp_path: Path) -> None:
    # Saved once by a termwise that already cut otherwise but did not carry them over.
    po = po_text(OLD[2:]) + "\n" + po_text(OLD[:2], obsolete=True).split("\n", 6)[6]
    path, layout = note_project(tmp_path, po)
    tfile = open_translation(layout, load_document(path, lang="de"), "en")
    assert [unit.target for unit in tfile.units.values()] == [JOINED_EN, OLD[2][2]]
    assert tfile.obsolete == []


def test_a_long_sentence_keeps_its_short_second_part(tmp_path: Path) -> None:
    # The first part alone is a close fuzzy match of the whole: the fuzzy pass took it and
    # the second part's translation went to the obsolete entries.
    text = (
        "Das Konzept wurde im Jahr 2013 auf der großen Konferenz der Vereinten Nationen in "
        "Berlin vorgestellt (Anm. d. Übers.)."
    )
    head = text.removesuffix(" Übers.).")
    path = tmp_path / "long.txt"
    path.write_text(text + "\n", encoding="utf-8")
    layout = ProjectLayout.at(tmp_path)
    entries = [
        (content_hash(head), head, "The concept was presented in Berlin in 2013 (Translator's"),
        (content_hash("Übers.)."), "Übers.).", "note)."),
    ]
    (tmp_path / "translations").mkdir()
    layout.translation_file(path, "en").write_text(po_text(entries), encoding="utf-8")
    tfile = open_translation(layout, load_document(path, lang="de"), "en")
    (unit,) = tfile.units.values()
    assert unit.target == "The concept was presented in Berlin in 2013 (Translator's note)."
    assert tfile.obsolete == []


def test_chinese_translations_are_joined_without_a_space(tmp_path: Path) -> None:
    chinese = [
        (OLD[0][0], OLD[0][1], "该概念于2013年提出（译者"),
        (OLD[1][0], OLD[1][1], "注：指的是该倡议）。"),
        (OLD[2][0], OLD[2][1], "随后是一场演讲。"),
    ]
    path, layout = note_project(tmp_path, po_text(chinese, lang="zh"), lang="zh")
    tfile = open_translation(layout, load_document(path, lang="de"), "zh")
    assert [unit.target for unit in tfile.units.values()] == [
        "该概念于2013年提出（译者注：指的是该倡议）。",
        "随后是一场演讲。",
    ]


def test_machine_translation_alone_is_not_joined(tmp_path: Path) -> None:
    po = po_text(OLD[:2], fuzzy=True).replace("#, fuzzy\n", "#. mt: x\n#, fuzzy\n")
    path, layout = note_project(tmp_path, po)
    tfile = TranslationFile.load(layout.translation_file(path, "en"))
    for unit in tfile.units.values():
        unit.mt = unit.target
        unit.state = SegmentState.MT
    document = load_document(path, lang="de")
    report = sync_with_document(tfile, document)
    assert report.joined == []
    assert not tfile.units[document.segments[0].id].target


def test_a_segment_now_cut_in_two_keeps_its_translation_on_the_first(tmp_path: Path) -> None:
    # One segment before (as a file written by hand, or a segmenter that cut less, had it).
    whole = NOTE.strip()
    path, layout = note_project(
        tmp_path,
        po_text(
            [(content_hash(whole), whole, f"{JOINED_EN} {OLD[2][2]}")],
            notes={content_hash(whole): "client's wording"},
        ),
    )
    document = load_document(path, lang="de")
    tfile = TranslationFile.load(layout.translation_file(path, "en"))
    report = sync_with_document(tfile, document)
    first, second = (tfile.units[segment.id] for segment in document.segments)
    assert first.target == f"{JOINED_EN} {OLD[2][2]}"
    assert first.state is SegmentState.EDITED
    assert first.previous_source == whole
    assert first.notes == "client's wording"
    assert second.target == "" and second.state is SegmentState.NEW
    assert first.segment_id in second.notes
    assert tfile.obsolete == []
    assert report.split == [(content_hash(whole), tuple(s.id for s in document.segments))]
    assert report.lines()[0].startswith("1 translation carried over whole onto the first of the 2")


def test_commands_agree_on_a_project_the_older_segmenter_made(tmp_path: Path) -> None:
    """Case A: stats said 25% and check 'not translated', and a save put both aside."""
    path, _ = note_project(tmp_path, po_text(OLD))
    code, out, err = run(tmp_path, "stats", str(path), "--to", "en", "--format", "json")
    assert code == 0, err
    (progress,) = json.loads(out)
    assert progress["segments"] == {"new": 0, "mt": 0, "edited": 1, "reviewed": 1}
    assert "2 translations carried over into 1 segment the segmenter now makes of them" in err
    code, out, err = run(tmp_path, "check", str(path), "--to", "en")
    assert code == 0, err
    assert "untranslated" not in out
    edition = tmp_path / "out.txt"
    code, out, err = run(
        tmp_path, "export", str(path), "--to", "en", "-o", str(edition), "--include-unreviewed"
    )
    assert code == 0, err
    assert f"{JOINED_EN}†" in edition.read_text(encoding="utf-8")
    assert "[untranslated]" not in edition.read_text(encoding="utf-8")


ALIGNED_PO = """\
msgid ""
msgstr ""
"Language: en\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"X-Source-Language: de\\n"

#. align: confidence 0.94, group 2-1
#. aligned text: ce879ea141d9
#, fuzzy
msgctxt "f9ccecdc053c"
msgid "Das Konzept wurde 2013 vorgestellt (Anm. d. Übers.: gemeint ist die Initiative)."
msgstr "The concept was presented in 2013 (Translator's note: the initiative is meant)."

#. align: confidence 0.94, group 1-1
#. aligned text: e92ffc4430ee
#, fuzzy
msgctxt "b53fe0e6489a"
msgid "Danach folgte eine Rede."
msgstr "Then a speech followed."
"""

STALE_JOIN = {
    "splits": {},
    "joins": [["f9ccecdc053c", "41c9dbbd3353"]],
    "aligned_joins": {"en": [["f9ccecdc053c", "41c9dbbd3353"]]},
}


def test_check_agrees_with_stats_beside_a_stale_aligned_join(tmp_path: Path) -> None:
    """Case B: the older `align` recorded a 2-1 join of ids the document no longer has;
    stats counted the segment edited and export printed it, check said 'not translated'."""
    path, _ = note_project(tmp_path, ALIGNED_PO)
    (tmp_path / "translations" / "note.segmentation.json").write_text(
        json.dumps(STALE_JOIN), encoding="utf-8"
    )
    code, out, err = run(tmp_path, "stats", str(path), "--to", "en", "--format", "json")
    assert code == 0, err
    assert json.loads(out)[0]["segments"]["edited"] == 2
    code, out, err = run(tmp_path, "check", str(path), "--to", "en")
    assert code == 0, err
    assert "untranslated" not in out
    assert "not translated" not in out


def test_fix_says_what_moved_though_it_ends_with_its_exit_status(tmp_path: Path) -> None:
    """``fix`` ends with ``sys.exit``: the note printed after the command returned was lost."""
    path, _ = note_project(tmp_path, po_text(OLD))
    code, out, err = run(tmp_path, "fix", str(path), "--to", "en")
    assert code in (0, 1), err
    assert "2 translations carried over into 1 segment the segmenter now makes of them" in err


# One segment before, two now: the whole translation went onto the first part.
WHOLE = NOTE.strip()
WHOLE_EN = f"{JOINED_EN} {OLD[2][2]}"


def split_project(tmp_path: Path) -> tuple[Path, ProjectLayout]:
    return note_project(tmp_path, po_text([(content_hash(WHOLE), WHOLE, WHOLE_EN)]))


def test_mt_leaves_the_part_whose_translation_the_part_before_holds(tmp_path: Path) -> None:
    """``translate`` filled the second part with MT: every edition printed its sentence
    twice, once in the first part's translation and once as MT."""
    path, layout = split_project(tmp_path)
    document = load_document(path, lang="de")
    tfile = open_translation(layout, document, "en")
    first, second = document.segments
    results = {
        segment.id: MTResult(segment.text, f"MT of {segment.text}", "apertium", "deu-eng")
        for segment in document.segments
    }
    assert record_machine_translation(tfile, results) == 0
    part = tfile.units[second.id]
    assert part.target == "" and part.state is SegmentState.NEW
    assert part.mt == f"MT of {second.text}"  # a suggestion, for sharing the text out
    assert tfile.units[first.id].target == WHOLE_EN
    tfile.save(layout.translation_file(path, "en"))

    edition = tmp_path / "out.txt"
    code, out, err = run(
        tmp_path, "export", str(path), "--to", "en", "-o", str(edition), "--include-unreviewed"
    )
    assert code == 0, err
    printed = edition.read_text(encoding="utf-8")
    assert printed.count(OLD[2][2]) == 1
    assert "MT of" not in printed and "[untranslated]" not in printed
    code, out, err = run(tmp_path, "check", str(path), "--to", "en")
    assert code == 0, err
    assert "untranslated" not in out and "not translated" not in out

    # Once the translator shares the text out, the part is a segment like any other.
    again = open_translation(layout, document, "en")
    again.units[second.id].set_translation(OLD[2][2])
    results = {second.id: MTResult(second.text, "MT", "apertium", "deu-eng")}
    record_machine_translation(again, results)
    assert again.units[second.id].target == OLD[2][2]


@pytest.mark.skipif(shutil.which("apertium") is None, reason="Apertium is not installed")
def test_translate_after_the_segmenter_cuts_a_sentence_prints_it_once(tmp_path: Path) -> None:
    """The audit's reproduction, end to end: translated cut, reviewed, joined, cut again."""
    cut = "The committee met in May.\n\nThe project grew\n\nfast across the region.\n"
    document = tmp_path / "d.txt"

    def translate() -> str:
        code, _, err = run(
            tmp_path, "translate", str(document), "--to", "es", "--engine", "apertium",
            "--no-cache",
        )  # fmt: skip
        assert code == 0, err
        return err

    document.write_text(cut, encoding="utf-8")
    translate()
    po = tmp_path / "translations" / "d.es.po"
    po.write_text(po.read_text(encoding="utf-8").replace("#, fuzzy\n", ""), encoding="utf-8")
    document.write_text(cut.replace("grew\n\nfast", "grew fast"), encoding="utf-8")
    assert "carried over into 1 segment" in translate()
    document.write_text(cut, encoding="utf-8")
    assert "carried over whole onto the first" in translate()
    second = TranslationFile.load(po).units[content_hash("fast across the region.")]
    assert second.target == "" and second.mt
    edition = tmp_path / "out.txt"
    code, _, err = run(
        tmp_path, "export", str(document), "--to", "es", "--format", "txt",
        "--include-unreviewed", "-o", str(edition),
    )  # fmt: skip
    assert code == 0, err
    assert edition.read_text(encoding="utf-8").count("través de la región") == 1


def french_of_the_older_segmentation(tmp_path: Path) -> tuple[Path, ProjectLayout]:
    french = [(segment_id, source, f"fr: {source}") for segment_id, source, _ in OLD]
    return note_project(tmp_path, po_text(french, lang="fr"), lang="fr")


def test_other_languages_work_is_read_under_the_documents_segments(tmp_path: Path) -> None:
    """The French file, saved under the older segmentation, held its work under ids the
    document no longer has: the joined segment looked free, and F4 split it under the
    French translation's feet."""
    path, layout = french_of_the_older_segmentation(tmp_path)
    french = layout.translation_file(path, "fr")
    before = french.read_bytes()
    session = ReviewSession(layout, path, "en", source_lang="de")
    joined = session.document.segments[0]
    with pytest.raises(TermwiseError, match="#1 has a French translation .*a split is the"):
        session.split(joined.id, joined.text.index(" gemeint"))
    held = work_in_other_languages(layout, path, "en", session.document)
    assert set(held) == {segment.id for segment in session.document.segments}
    assert french.read_bytes() == before  # read synced, never saved


def test_a_join_keeps_the_parts_machine_translation(tmp_path: Path) -> None:
    po = po_text(OLD, fuzzy=True)
    for number, (segment_id, _, _) in enumerate(OLD):
        po = po.replace(
            f'#, fuzzy\nmsgctxt "{segment_id}"',
            f'#. mt: MT {number}.\n#. mt-engine: apertium\n#, fuzzy\nmsgctxt "{segment_id}"',
        )
    path, layout = note_project(tmp_path, po)
    tfile = open_translation(layout, load_document(path, lang="de"), "en")
    joined, last = tfile.units.values()
    assert joined.target == JOINED_EN and joined.state is SegmentState.EDITED
    assert joined.mt == "MT 0. MT 1."
    assert joined.mt_engine == "apertium"
    assert last.mt == "MT 2."


def test_a_join_of_reviewed_mt_stays_the_translators(tmp_path: Path) -> None:
    # Each part's translation is its MT, reviewed: joined MT equal to the joined translation
    # would make the unit read back as MT, which the next ``translate`` replaces.
    po = po_text(OLD)
    for segment_id, _, target in OLD:
        po = po.replace(f'msgctxt "{segment_id}"', f'#. mt: {target}\nmsgctxt "{segment_id}"')
    path, layout = note_project(tmp_path, po)
    document = load_document(path, lang="de")
    tfile = open_translation(layout, document, "en")
    tfile.save(layout.translation_file(path, "en"))
    text = layout.translation_file(path, "en").read_text(encoding="utf-8")
    assert "#| msgid" not in text
    unit = TranslationFile.load(layout.translation_file(path, "en")).units[document.segments[0].id]
    assert unit.target == JOINED_EN and unit.state is SegmentState.EDITED


def test_a_chinese_join_joins_the_mt_without_a_space(tmp_path: Path) -> None:
    chinese = [
        (OLD[0][0], OLD[0][1], "该概念于2013年提出（译者"),
        (OLD[1][0], OLD[1][1], "注：指的是该倡议）。"),
    ]
    po = po_text(chinese, lang="zh", fuzzy=True)
    po = po.replace(
        f'#, fuzzy\nmsgctxt "{OLD[0][0]}"', f'#. mt: 甲\n#, fuzzy\nmsgctxt "{OLD[0][0]}"'
    )
    po = po.replace(
        f'#, fuzzy\nmsgctxt "{OLD[1][0]}"', f'#. mt: 乙\n#, fuzzy\nmsgctxt "{OLD[1][0]}"'
    )
    path, layout = note_project(tmp_path, po, lang="zh")
    tfile = open_translation(layout, load_document(path, lang="de"), "zh")
    assert next(iter(tfile.units.values())).mt == "甲乙"


def test_a_join_drops_the_note_a_split_left(tmp_path: Path) -> None:
    # The second part's note is about a cut the segmenter no longer makes.
    whole, head, tail = "The project grew fast.", "The project grew", "fast."
    path = tmp_path / "d.txt"
    layout = ProjectLayout.at(tmp_path)
    (tmp_path / "translations").mkdir()
    po = po_text([(content_hash(whole), whole, "El proyecto creció rápido.")], lang="es")
    layout.translation_file(path, "es").write_text(po, encoding="utf-8")
    path.write_text(f"{head}\n\n{tail}\n", encoding="utf-8")
    tfile = open_translation(layout, load_document(path, lang="en"), "es")
    assert "still in segment" in tfile.units[content_hash(tail)].notes
    path.write_text(f"{whole}\n", encoding="utf-8")
    report = sync_with_document(tfile, load_document(path, lang="en"))
    assert report.joined
    (unit,) = tfile.units.values()
    assert unit.target == "El proyecto creció rápido."
    assert unit.notes == ""


def test_a_command_that_does_not_save_says_the_move_is_in_memory(tmp_path: Path) -> None:
    """stats, check and export never save: each said the same move again, as if it had
    happened again."""
    path, _ = note_project(tmp_path, po_text(OLD))
    for command in ("stats", "check"):
        code, out, err = run(tmp_path, command, str(path), "--to", "en")
        assert code == 0, err
        (line,) = [line for line in err.splitlines() if line.startswith("note: note.en.po")]
        assert "carried over into 1 segment" in line
        assert "in memory only: this command does not save the file" in line


@pytest.mark.skipif(shutil.which("apertium") is None, reason="Apertium is not installed")
def test_a_command_that_saves_says_the_move_once(tmp_path: Path) -> None:
    document = tmp_path / "d.txt"
    document.write_text("The project grew\n\nfast across the region.\n", encoding="utf-8")
    translate = ("translate", str(document), "--to", "es", "--engine", "apertium", "--no-cache")
    code, _, err = run(tmp_path, *translate)
    assert code == 0, err
    po = tmp_path / "translations" / "d.es.po"
    po.write_text(po.read_text(encoding="utf-8").replace("#, fuzzy\n", ""), encoding="utf-8")
    document.write_text("The project grew fast across the region.\n", encoding="utf-8")
    code, _, err = run(tmp_path, *translate)
    assert code == 0, err
    assert "carried over into 1 segment" in err and "in memory" not in err
    code, _, err = run(tmp_path, "stats", str(document), "--to", "es")
    assert code == 0, err
    assert "carried over" not in err


def test_stats_says_a_cut_sentences_later_part_is_held_by_the_part_before(
    tmp_path: Path,
) -> None:
    """``stats`` counted such a part as "left out by the translation (confirmed)", which no
    one confirmed."""
    whole = NOTE.strip()
    path, _ = note_project(tmp_path, po_text([(content_hash(whole), whole, JOINED_EN)]))
    code, out, err = run(tmp_path, "stats", str(path), "--to", "en")
    assert code == 0, err
    assert "(confirmed)" not in out
    assert (
        "of which nothing to translate (left out by the translation, or held by the part "
        "before): 1 segment(s)"
    ) in out
