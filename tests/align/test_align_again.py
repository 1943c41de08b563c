"""``termwise align`` run again on a project it has aligned: the same texts give the same
project, and the translator's joins and work stay.

Aligned over the joins its first run recorded, a second run grouped the joined segments
anew and joined again: a Text+Berg page drifted from 116 segments to 102 and 99 over three
runs, and groups flagged unsure came back as sure ones, their flags gone without review.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from support.command_line import termwise
from termwise.document import load_document
from termwise.project.translation_file import TranslationFile

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_204c7e650900ae41.txt"
# The "translation" is the English text itself, which the language check would refuse.
ALIGN = [
    *["align", "paper.txt", "paper.es.txt", "--from", "en", "--to", "es", "--no-mt"],
    "--no-language-check",
]
PO = Path("translations") / "paper.es.po"
JOINS = Path("translations") / "paper.segmentation.json"


def _paper(folder: Path, *, joined: bool = True) -> list[str]:
    """Two paragraphs of the seed paper, and a "translation" that makes one sentence of
    sentences 4 and 5, one of 8, 9 and 10, and one of 16 and 17 (``joined``, else only of
    8, 9 and 10 and 16 and 17): 2-1 and 3-1 groups the aligner finds from the lengths and
    the shared words alone."""
    segments = load_document(SEED, lang="en").segments
    source = [segment.text for segment in segments][7:33]

    def join(*parts: str) -> str:
        return "; ".join(part.rstrip(".") for part in parts[:-1]) + "; " + parts[-1]

    target = [*source[:3]]
    target += [join(source[3], source[4])] if joined else source[3:5]
    target += [*source[5:7], join(*source[7:10]), *source[10:15]]
    target += [join(source[15], source[16]), *source[17:]]
    (folder / "paper.txt").write_text(
        " ".join(source[:12]) + "\n\n" + " ".join(source[12:]) + "\n", encoding="utf-8"
    )
    cut = 10 if joined else 11
    (folder / "paper.es.txt").write_text(
        " ".join(target[:cut]) + "\n\n" + " ".join(target[cut:]) + "\n", encoding="utf-8"
    )
    return source


def _align(folder: Path) -> str:
    result = termwise(*ALIGN, cwd=folder)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _entries(folder: Path) -> str:
    """The translation file without its header (which dates the save)."""
    return (folder / PO).read_text(encoding="utf-8").split("\n\n", 1)[1]


def _joins(folder: Path) -> list[list[str]]:
    data = json.loads((folder / JOINS).read_text(encoding="utf-8"))
    joins: list[list[str]] = data["joins"]
    return joins


def test_aligning_unchanged_texts_again_changes_nothing(tmp_path: Path) -> None:
    _paper(tmp_path)
    said = _align(tmp_path)
    assert "4 sentence joins recorded" in said
    first = _entries(tmp_path), (tmp_path / JOINS).read_text(encoding="utf-8")
    units = TranslationFile.load(tmp_path / PO).units.values()
    assert len(units) == 26 - 4
    kinds = sorted(c.split("group ")[1][:3] for u in units for c in u.comments if "group" in c)
    assert kinds.count("2-1") == 2 and kinds.count("3-1") == 1, kinds
    for _ in range(2):
        again = _align(tmp_path)
        assert (_entries(tmp_path), (tmp_path / JOINS).read_text(encoding="utf-8")) == first
        assert again == said
    # Every later command reads the source with the joins, named the aligner's.
    data = json.loads((tmp_path / JOINS).read_text(encoding="utf-8"))
    assert data["aligned_joins"] == {"es": data["joins"]} and len(data["joins"]) == 4


def test_a_project_aligned_before_its_joins_were_named_is_aligned_as_it_was(
    tmp_path: Path,
) -> None:
    # A project aligned by an earlier termwise has joins the file does not name as the
    # aligner's: the segments' align: comments tell them.
    _paper(tmp_path)
    _align(tmp_path)
    first = _entries(tmp_path), _joins(tmp_path)
    data = json.loads((tmp_path / JOINS).read_text(encoding="utf-8"))
    del data["aligned_joins"]
    (tmp_path / JOINS).write_text(json.dumps(data), encoding="utf-8")
    _align(tmp_path)
    assert (_entries(tmp_path), _joins(tmp_path)) == first


def test_a_join_the_translator_made_survives_aligning_again(tmp_path: Path) -> None:
    from termwise.project.layout import ProjectLayout
    from termwise.review.session import ReviewSession

    source = _paper(tmp_path)
    _align(tmp_path)
    aligners = _joins(tmp_path)
    # F3 in the workbench on two 1-1 groups of the second paragraph.
    session = ReviewSession(ProjectLayout.at(tmp_path), tmp_path / "paper.txt", "es")
    first = next(row.segment_id for row in session.rows if row.source == source[12])
    second = session.rows[session.row_index[first] + 1].segment_id
    session.join_with_next(first)
    session.save()
    joined = session.unit(first).target
    assert joined == f"{source[12]} {source[13]}"
    assert _joins(tmp_path) == [*aligners, [first, second]]
    entries = _entries(tmp_path)
    for _ in range(2):
        said = _align(tmp_path)
        assert "1 earlier translation kept" in said
        # The translator's join first now: the aligner's are made again after it.
        assert sorted(_joins(tmp_path)) == sorted([*aligners, [first, second]])
        unit = TranslationFile.load(tmp_path / PO).units[first]
        assert unit.source == f"{source[12]} {source[13]}" and unit.target == joined
        assert _entries(tmp_path) == entries
    data = json.loads((tmp_path / JOINS).read_text(encoding="utf-8"))
    assert data["aligned_joins"] == {"es": aligners}


def test_a_changed_translation_changes_only_the_groups_it_touches(tmp_path: Path) -> None:
    # The corrected translation no longer makes one sentence of sentences 4 and 5: their
    # join goes, unless the joined segment holds the translator's work.
    source = _paper(tmp_path)
    _align(tmp_path)
    aligners = _joins(tmp_path)
    before = TranslationFile.load(tmp_path / PO).units
    _paper(tmp_path, joined=False)
    assert "3 sentence joins recorded" in _align(tmp_path)
    assert _joins(tmp_path) == aligners[1:]
    after = TranslationFile.load(tmp_path / PO).units
    assert len(after) == len(before) + 1
    fourth = next(unit for unit in after.values() if unit.source == source[3])
    assert fourth.target == source[3] and fourth.previous_source is None
    assert next(unit for unit in after.values() if unit.source == source[4]).target == source[4]
    # The rest as it was (a neighbour's confidence may move by a hundredth).
    for key, unit in before.items():
        if key != fourth.segment_id:
            assert (after[key].target, after[key].flags) == (unit.target, unit.flags)

    # Aligned with the join again, and the joined segment's translation edited by hand: the
    # corrected translation no longer splits that segment (its id and text are kept).
    _paper(tmp_path)
    _align(tmp_path)
    assert _joins(tmp_path) == aligners
    tfile = TranslationFile.load(tmp_path / PO)
    tfile.units[fourth.segment_id].set_translation("Edited by hand.")
    tfile.save()
    _paper(tmp_path, joined=False)
    said = _align(tmp_path)
    assert "1 earlier translation kept" in said
    assert _joins(tmp_path)[0] == aligners[0]
    kept = TranslationFile.load(tmp_path / PO).units[fourth.segment_id]
    assert kept.source == f"{source[3]} {source[4]}" and kept.target == "Edited by hand."


def test_the_record_names_the_aligners_joins_while_they_stand(tmp_path: Path) -> None:
    from termwise.document.resegmentation import Resegmentation

    path = tmp_path / "paper.segmentation.json"
    path.write_text('{"splits": {}, "joins": [["a", "b"]]}', encoding="utf-8")
    # Written before the aligner's joins were named: it does not say whose they are.
    assert Resegmentation.load(path).aligned is None
    record = Resegmentation(path, joins=[("a", "b"), ("c", "d")], aligned={"es": [("c", "d")]})
    record.save()
    assert Resegmentation.load(path).aligned == {"es": [("c", "d")]}
    # Split again in the workbench, the join is no one's: made there again, it is the
    # translator's.
    record.joins.remove(("c", "d"))
    record.save()
    record.joins.append(("c", "d"))
    record.save()
    assert Resegmentation.load(path).aligned == {}


def test_a_join_another_languages_translation_holds_stays(tmp_path: Path) -> None:
    # The joins are the document's segmentation, which every language of it shares: aligned
    # into French over the Spanish alignment's joins, the French translation is keyed by
    # them, and aligning into Spanish again must not take one away.
    source = _paper(tmp_path)
    _align(tmp_path)
    aligners = _joins(tmp_path)
    shutil.copy(tmp_path / "paper.es.txt", tmp_path / "paper.fr.txt")
    french = [*ALIGN[:2], "paper.fr.txt", "--from", "en", "--to", "fr", *ALIGN[7:]]
    result = termwise(*french, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "sentence join" not in result.stdout  # grouped over the joins made
    _paper(tmp_path, joined=False)
    said = _align(tmp_path)
    assert _joins(tmp_path) == aligners
    assert "sentence join" not in said  # aligned over them
    data = json.loads((tmp_path / JOINS).read_text(encoding="utf-8"))
    assert data["aligned_joins"] == {"es": aligners}
    unit = TranslationFile.load(tmp_path / "translations" / "paper.fr.po").units[aligners[0][0]]
    assert unit.source == f"{source[3]} {source[4]}"


def test_a_group_inside_a_joined_segment_is_labelled_by_its_sentences(tmp_path: Path) -> None:
    # F3 in the workbench joins sentences 4 and 5 before the text is aligned; the
    # translation makes one sentence of them. Aligned over the sentences and folded onto
    # the join, the group's comment said "group 1-1": a 2-1 group of the text's sentences.
    from termwise.project.layout import ProjectLayout
    from termwise.review.session import ReviewSession

    source = _paper(tmp_path)
    session = ReviewSession(ProjectLayout.at(tmp_path), tmp_path / "paper.txt", "es")
    first = next(row.segment_id for row in session.rows if row.source == source[3])
    session.join_with_next(first)
    session.save()
    translators = _joins(tmp_path)
    assert len(translators) == 1

    def comment() -> str:
        unit = TranslationFile.load(tmp_path / PO).units[first]
        assert unit.source == f"{source[3]} {source[4]}"
        return next(c for c in unit.comments if c.startswith("align: "))

    assert "3 sentence joins recorded" in _align(tmp_path)
    said = comment()
    assert "group 2-1 in 1 segment" in said, said
    _align(tmp_path)
    assert comment() == said
    # Read as a project aligned before the aligner's joins were named, the label still
    # tells the translator's join (one segment) from a group the aligner joined.
    data = json.loads((tmp_path / JOINS).read_text(encoding="utf-8"))
    del data["aligned_joins"]
    (tmp_path / JOINS).write_text(json.dumps(data), encoding="utf-8")
    _align(tmp_path)
    assert translators[0] in _joins(tmp_path) and comment() == said
