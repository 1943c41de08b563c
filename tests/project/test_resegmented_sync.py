"""Work carried over when the segmenter cuts the same text otherwise: sentences it now makes
one segment of (German "Anm. d. Übers." was cut at "d." before e455e33) and one segment's
sentences it now cuts apart. The translation files here are written as termwise wrote them
with the older segmentation (msgctxt: the old segment's id)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from termwise.cli import cli
from termwise.document import load_document
from termwise.document.ids import content_hash
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import open_translation, sync_with_document
from termwise.project.units import SegmentState

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
    assert unit.previous_source == f"{OLD[0][1]} {OLD[1][1]}"
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
