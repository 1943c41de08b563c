"""A join (F3) split again (F4), as the translator meets it: a translation rewritten as one
while joined is printed once (the later part waits for its share, its own translation kept
as a suggestion); a join has MT only where every part had some; the PO says no more than is
true (no ``#|`` equal to the msgid, no empty ``#. mt:``, no "still in segment" note on the
``#~`` entry a join set aside); a lock another program puts in the file under review is
enforced at once; the later part of an aligned 2-1 group split waits as a carry-over's does.
Projects are made as users make them: ``termwise translate`` with Apertium, ``termwise
align``'s output, ``termwise import`` of another tool's XLIFF, hand edits of the PO."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from support.apertium_project import target_edition, translated
from support.command_line import termwise
from termwise.align.beads import Bead
from termwise.align.output import write_project
from termwise.cli import cli
from termwise.document.ids import content_hash
from termwise.project.layout import ProjectLayout
from termwise.project.omissions import (
    IN_NEIGHBOUR_NOTE,
    confirmed_omission,
    translation_in_neighbour,
    waited_for,
)
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import load_source
from termwise.review.session import ReadOnlySegment, ReviewSession

SOURCE = (
    "The committee met in May. The project grew fast across the region, and the budget "
    "doubled. The council approved the plan.\n"
)
EDITED = "El proyecto creció rápido en la región, y el presupuesto se duplicó."
REWRITTEN = (
    "Reunido en mayo, el comité vio crecer el proyecto con rapidez en toda la región y "
    "duplicarse el presupuesto."
)


def test_a_join_rewritten_as_one_split_again_prints_the_later_part_once(tmp_path: Path) -> None:
    layout, document = translated(tmp_path, SOURCE)
    session = ReviewSession(layout, document, "es")
    _, second, third = (row.segment_id for row in session.rows)
    machine = session.unit(third).mt
    assert machine and session.unit(third).target == machine
    session.set_target(second, EDITED)
    session.join_with_next(second)
    session.set_target(second, REWRITTEN)
    session.save()

    session.split(second, session.split_points(second)[0])
    assert session.unit(second).target == REWRITTEN
    later = session.unit(third)
    # Its translation is in the sentence #2 holds whole: it waits, its MT a suggestion.
    assert later.target == "" and later.mt == machine
    assert translation_in_neighbour(later) and waited_for(later) == second
    assert confirmed_omission(later)
    session.save()

    units = TranslationFile.load(layout.translation_file(document, "es")).units
    assert units[third].target == "" and waited_for(units[third]) == second
    text = target_edition(tmp_path)
    assert text.count("presupuesto") == 1 and machine not in text, text
    checked = termwise("check", "doc.txt", "--to", "es", "--format", "json", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert not [i for i in json.loads(checked.stdout) if i["segment"] == third]

    # Undo brings the join back as it was, redo the waiting part.
    session.undo()
    assert session.unit(second).target == REWRITTEN and third not in session.row_index
    session.redo()
    assert waited_for(session.unit(third)) == second


def test_a_persons_translation_of_the_later_part_is_kept_as_a_note(tmp_path: Path) -> None:
    layout, document = translated(tmp_path, SOURCE)
    session = ReviewSession(layout, document, "es")
    _, second, third = (row.segment_id for row in session.rows)
    own = "El consejo dio su visto bueno al plan."
    session.set_target(third, own)
    session.join_with_next(second)
    session.set_target(second, REWRITTEN)
    session.split(second, session.split_points(second)[0])
    later = session.unit(third)
    assert later.target == "" and translation_in_neighbour(later)
    assert f"translated before the join as: {own}" in later.notes


def test_a_join_still_ending_with_the_later_part_gives_each_its_share(tmp_path: Path) -> None:
    layout, document = translated(tmp_path, SOURCE)
    session = ReviewSession(layout, document, "es")
    _, second, third = (row.segment_id for row in session.rows)
    session.set_target(second, EDITED)
    machine = session.unit(third).target
    session.join_with_next(second)
    session.set_target(second, EDITED.replace("rápido", "deprisa") + " " + machine)
    session.split(second, session.split_points(second)[0])
    assert session.unit(second).target == EDITED.replace("rápido", "deprisa")
    assert session.unit(third).target == machine
    assert not translation_in_neighbour(session.unit(third))


def _first_without_mt(layout: ProjectLayout, document: Path, target: str) -> None:
    """The first sentence's entry edited by hand: ``target`` (maybe none) and no MT."""
    po = layout.translation_file(document, "es")
    text = po.read_text(encoding="utf-8")
    start = text.index("#. mt: El comité")
    end = text.index("\n\n", start)
    first = content_hash("The committee met in May.")
    entry = f'msgctxt "{first}"\nmsgid "The committee met in May."\nmsgstr "{target}"'
    po.write_text(text[:start] + entry + text[end:], encoding="utf-8")


@pytest.mark.parametrize("first_target", ["El comité se reunió en mayo.", ""])
def test_a_join_has_mt_only_when_every_part_had_mt(tmp_path: Path, first_target: str) -> None:
    layout, document = translated(tmp_path, SOURCE)
    _first_without_mt(layout, document, first_target)
    session = ReviewSession(layout, document, "es")
    first, second, _ = (row.segment_id for row in session.rows)
    assert session.unit(first).mt is None and session.unit(second).mt
    session.join_with_next(first)
    joined = session.unit(first)
    # The later part's MT alone was saved as the MT of both sentences.
    assert joined.mt is None
    if first_target:
        assert joined.target.startswith(first_target) and joined.state.value == "edited"
    else:
        # Nothing but one part's MT: no translation of the joined sentence; F2 makes one.
        assert joined.target == "" and first in session.needs_mt()
    session.save()
    po = layout.translation_file(document, "es").read_text(encoding="utf-8")
    entry = po[po.index(f'msgctxt "{first}"') - 200 : po.index(f'msgctxt "{first}"')]
    assert "#. mt:" not in entry.rsplit("\n\n", 1)[-1], po


def test_a_split_of_an_old_join_writes_no_empty_mt(tmp_path: Path) -> None:
    # As an older termwise saved a join whose first part had no MT: the later part's MT
    # alone as the MT of both. Split again, the first part was left an empty "#. mt:".
    first_text, second_text = "The committee met in May.", "The council approved the plan."
    document = tmp_path / "doc.txt"
    document.write_text(f"{first_text} {second_text}\n", encoding="utf-8")
    first, second = content_hash(first_text), content_hash(second_text)
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / "doc.segmentation.json").write_text(
        json.dumps({"splits": {}, "joins": [[first, second]]}), encoding="utf-8"
    )
    (folder / "doc.es.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Language: es\\n"\n"X-Source-Language: en\\n"\n\n'
        "#. mt: El consejo aprobó el plan.\n#, fuzzy\n"
        f'msgctxt "{first}"\nmsgid "{first_text} {second_text}"\n'
        'msgstr "El comité se reunió en mayo. El consejo aprobó el plan."\n\n'
        "#. mt: El consejo aprobó el plan.\n#. mt-engine: apertium\n#, fuzzy\n"
        f'#~ msgctxt "{second}"\n#~ msgid "{second_text}"\n'
        '#~ msgstr "El consejo aprobó el plan."\n',
        encoding="utf-8",
    )
    layout = ProjectLayout.at(tmp_path)
    session = ReviewSession(layout, document, "es")
    session.split(first, session.split_points(first)[0])
    assert session.unit(first).target == "El comité se reunió en mayo."
    assert session.unit(first).mt is None
    assert session.unit(second).target == "El consejo aprobó el plan."
    session.save()
    po = (folder / "doc.es.po").read_text(encoding="utf-8")
    assert "#. mt:\n" not in po, po


def test_a_join_of_a_carried_over_part_writes_no_stale_previous_source_or_note(
    tmp_path: Path,
) -> None:
    # termwise saved the paragraph as one segment; the segmenter now cuts it in two, so
    # the first part holds the whole translation (its #| msgid: the old sentence) and the
    # second waits. F3 makes the old sentence again.
    whole = "The committee met in May. The council approved the plan."
    document = tmp_path / "d.txt"
    document.write_text(whole + "\n", encoding="utf-8")
    (tmp_path / "translations").mkdir()
    po = tmp_path / "translations" / "d.es.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Language: es\\n"\n"X-Source-Language: en\\n"\n\n'
        f'msgctxt "{content_hash(whole)}"\nmsgid "{whole}"\n'
        'msgstr "El comité se reunió en mayo y aprobó el plan."\n',
        encoding="utf-8",
    )
    layout = ProjectLayout.at(tmp_path)
    session = ReviewSession(layout, document, "es")
    first, second = (row.segment_id for row in session.rows)
    assert session.unit(first).previous_source == whole
    assert translation_in_neighbour(session.unit(second))
    session.join_with_next(first)
    session.save()
    text = po.read_text(encoding="utf-8")
    assert "#| msgid" not in text, text
    aside = text[text.index(f'#~ msgctxt "{second}"') - 400 : text.index(f'#~ msgctxt "{second}"')]
    assert IN_NEIGHBOUR_NOTE not in aside.rsplit("\n\n", 1)[-1], text
    (obsolete,) = TranslationFile.load(po).obsolete
    assert not translation_in_neighbour(obsolete) and waited_for(obsolete) is None

    # Split again, the part waits as it did; the file says so.
    session.split(first, session.split_points(first)[0])
    assert waited_for(session.unit(second)) == first
    session.save()
    assert waited_for(TranslationFile.load(po).units[second]) == first


XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="doc.txt" source-language="en" target-language="es" datatype="plaintext">
<body>
<trans-unit id="2" translate="no">
<source>The project grew fast across the region, and the budget doubled.</source>
</trans-unit>
</body>
</file>
</xliff>
"""


def test_a_lock_another_program_adds_to_the_open_translation_is_enforced(
    tmp_path: Path,
) -> None:
    layout, document = translated(tmp_path, SOURCE)
    session = ReviewSession(layout, document, "es")
    first, second, _ = (row.segment_id for row in session.rows)
    assert session.read_only_reason(second) is None
    session.set_target(first, "El comité se reunió en mayo.")
    session.save()
    # Its own save locks nothing.
    assert session.read_only_reason(second) is None

    # Another program locks #2 in the file under review (an import of a client's XLIFF).
    xliff = tmp_path / "client.xlf"
    xliff.write_text(XLIFF, encoding="utf-8")
    imported = CliRunner().invoke(
        cli,
        ["--project", str(tmp_path), "import", str(xliff), "--doc", str(document), "--to", "es"],
    )
    assert imported.exit_code == 0, imported.output
    assert "#, read-only" in layout.translation_file(document, "es").read_text(encoding="utf-8")
    assert session.read_only_reason(second) is not None
    with pytest.raises(ReadOnlySegment, match="#2 is read-only, so editing is refused"):
        session.set_target(second, "Otra cosa.")
    assert session.read_only_reason(first) is None
    session.set_target(first, "El comité se reunió en mayo de 2020.")


def test_the_later_part_of_an_aligned_group_split_waits(tmp_path: Path) -> None:
    document = tmp_path / "doc.txt"
    document.write_text(
        "The committee met in May. The project grew fast across the region.\n\n"
        "The council approved the plan.\n",
        encoding="utf-8",
    )
    layout = ProjectLayout.at(tmp_path)
    source = load_source(layout, document, lang="en")
    targets = [
        "El comité se reunió en mayo y el proyecto creció rápido en la región.",
        "El consejo aprobó el plan.",
    ]
    # A 2-1 group, as the aligner makes one: the two source sentences joined.
    beads = [Bead((0, 1), (0,), 0.9), Bead((2,), (1,), 0.95)]
    write_project(layout, document, source, targets, beads, "es")
    session = ReviewSession(layout, document, "es")
    group = session.rows[0].segment_id
    session.split(group, session.split_points(group)[0])
    part = session.rows[1].segment_id
    assert session.unit(group).target == targets[0]
    assert translation_in_neighbour(session.unit(part))
    assert waited_for(session.unit(part)) == group
    inputs, translated, _ = session.check_inputs()
    issues = session.compute_issues(inputs, translated)
    assert not [issue for issue in issues if issue.segment_id == part], issues
