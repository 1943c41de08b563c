"""``termwise align`` and ``termwise align-score`` run as a user runs them."""

from __future__ import annotations

import re
import shutil
from html import escape
from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.align.beads import Bead, beads_text, read_beads
from termwise.align.scoring import score_file
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_204c7e650900ae41.txt"
needs_apertium = pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium absent")


def seed_sentences(count: int) -> list[str]:
    from termwise.document import load_document

    return [segment.text for segment in load_document(SEED, lang="en").segments][:count]


@pytest.fixture(scope="module")
def spanish_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Bead]]:
    """The seed's first 60 sentences, their Apertium translation perturbed, and the gold.

    The target merges two sentences, drops one, splits one at a comma and gains a caption
    that has no source, the usual differences between a text and its published translation.
    """
    from termwise.mt.apertium import ApertiumEngine

    folder = tmp_path_factory.mktemp("pair")
    source = seed_sentences(60)
    spanish = [r.target for r in ApertiumEngine().translate(source, "en", "es")]
    target: list[str] = []
    gold: list[Bead] = []
    i = 0
    while i < len(source):
        if i == 5:
            gold.append(Bead((5, 6), (len(target),)))
            target.append(spanish[5] + " " + spanish[6])
            i += 2
            continue
        if i == 20:
            gold.append(Bead((20,), ()))
        elif i == 30 and "," in spanish[30]:
            head, _, tail = spanish[30].partition(",")
            gold.append(Bead((30,), (len(target), len(target) + 1)))
            target += [head + ",", tail.strip()]
        else:
            gold.append(Bead((i,), (len(target),)))
            target.append(spanish[i])
        if i == 40:
            gold.append(Bead((), (len(target),)))
            target.append("Figura 3: Mapa de la Ruta de la Seda, 2013.")
        i += 1
    (folder / "paper.en.txt").write_text("\n".join(source) + "\n", encoding="utf-8")
    (folder / "paper.es.txt").write_text("\n".join(target) + "\n", encoding="utf-8")
    return folder, gold


def strict_f1(gold: list[Bead], beads_file: Path) -> float:
    return score_file(gold, read_beads(beads_file)).values()["f1_strict"]


@needs_apertium
def test_apertium_mt_path_end_to_end(spanish_pair: tuple[Path, list[Bead]], tmp_path: Path) -> None:
    folder, gold = spanish_pair
    common = ["paper.en.txt", "paper.es.txt", "--from", "en", "--to", "es", "--presegmented"]
    with_mt = termwise("align", *common, "-o", str(tmp_path / "mt.align"), cwd=folder)
    assert with_mt.returncode == 0, with_mt.stderr
    assert "with MT similarity" in with_mt.stderr
    plain = termwise("align", *common, "--no-mt", "-o", str(tmp_path / "plain.align"), cwd=folder)
    assert "without MT similarity" in plain.stderr
    assert strict_f1(gold, tmp_path / "mt.align") >= 0.95
    assert strict_f1(gold, tmp_path / "plain.align") >= 0.8
    # The same MT given as a file (what --source-mt is for) aligns as well.
    from termwise.mt.apertium import ApertiumEngine

    source = (folder / "paper.en.txt").read_text(encoding="utf-8").splitlines()
    mt = [r.target for r in ApertiumEngine().translate(source, "en", "es")]
    (tmp_path / "mt.es").write_text("\n".join(mt) + "\n", encoding="utf-8")
    given = termwise(
        "align",
        *common,
        "--source-mt",
        str(tmp_path / "mt.es"),
        "-o",
        str(tmp_path / "given.align"),
        cwd=folder,
    )
    assert given.returncode == 0, given.stderr
    assert strict_f1(gold, tmp_path / "given.align") >= 0.95
    rank = re.search(
        r"right target sentence over its neighbours for (\d+)% of the pairs", given.stderr
    )
    assert rank is not None and int(rank[1]) >= 80
    assert "warning" not in given.stderr


@needs_apertium
def test_an_mt_of_another_text_is_reported_and_not_used(
    spanish_pair: tuple[Path, list[Bead]], tmp_path: Path
) -> None:
    # A user who passes the MT of another file (here: the right MT, lines in reverse order,
    # so the line count still matches) must hear that it does not fit and get the alignment
    # they would have had without it, not one steered by it.
    from termwise.mt.apertium import ApertiumEngine

    folder, gold = spanish_pair
    source = (folder / "paper.en.txt").read_text(encoding="utf-8").splitlines()
    mt = [r.target for r in ApertiumEngine().translate(source, "en", "es")]
    (tmp_path / "wrong.es").write_text("\n".join(reversed(mt)) + "\n", encoding="utf-8")
    common = ["paper.en.txt", "paper.es.txt", "--from", "en", "--to", "es", "--presegmented"]
    wrong = str(tmp_path / "wrong.es")
    result = termwise(
        "align", *common, "--source-mt", wrong, "-o", str(tmp_path / "wrong.align"), cwd=folder
    )
    assert result.returncode == 0, result.stderr
    assert "warning: the MT of the source does not follow it line by line" in result.stderr
    assert "so it was not used. Is it a translation of paper.en.txt into es" in result.stderr
    assert "without MT similarity" in result.stderr
    plain = termwise("align", *common, "--no-mt", cwd=folder)
    assert (tmp_path / "wrong.align").read_text(encoding="utf-8") == plain.stdout


@needs_apertium
def test_a_wrong_mt_is_caught_in_a_one_page_text(tmp_path: Path) -> None:
    # Twelve sentences: too few to re-estimate the length model, enough to tell a fitting MT
    # from the MT of another text.
    from termwise.mt.apertium import ApertiumEngine

    source = seed_sentences(12)
    spanish = [r.target for r in ApertiumEngine().translate(source, "en", "es")]
    (tmp_path / "page.en.txt").write_text("\n".join(source) + "\n", encoding="utf-8")
    (tmp_path / "page.es.txt").write_text("\n".join(spanish) + "\n", encoding="utf-8")
    (tmp_path / "right.es").write_text("\n".join(spanish) + "\n", encoding="utf-8")
    (tmp_path / "wrong.es").write_text("\n".join(reversed(spanish)) + "\n", encoding="utf-8")
    common = ["page.en.txt", "page.es.txt", "--from", "en", "--to", "es", "--presegmented"]
    right = termwise("align", *common, "--source-mt", "right.es", cwd=tmp_path)
    assert right.returncode == 0, right.stderr
    rank = re.search(
        r"with MT similarity \(the MT picks the right target sentence over its "
        r"neighbours for (\d+)% of the pairs",
        right.stderr,
    )
    # 12 of 12 pairs, smoothed: (12 + 1) / (12 + 2).
    assert rank is not None and int(rank[1]) == 93, right.stderr
    assert "warning" not in right.stderr
    wrong = termwise("align", *common, "--source-mt", "wrong.es", cwd=tmp_path)
    assert wrong.returncode == 0, wrong.stderr
    # Twelve lines are few: reversed, they may follow the source one line off by chance.
    assert re.search(
        r"warning: the MT of the source (does not follow it|is out of step).*so it was not used",
        wrong.stderr,
    )
    plain = termwise("align", *common, "--no-mt", cwd=tmp_path)
    assert wrong.stdout == plain.stdout


@needs_apertium
def test_a_passage_the_translation_lacks_is_named(tmp_path: Path) -> None:
    # A translation without ten of the source's sentences: the user hears which ones, and
    # they are left out in one run, not shared out among the groups around them.
    from termwise.mt.apertium import ApertiumEngine

    source = seed_sentences(40)
    spanish = [r.target for r in ApertiumEngine().translate(source, "en", "es")]
    target = spanish[:25] + spanish[35:]
    (tmp_path / "paper.en.txt").write_text("\n".join(source) + "\n", encoding="utf-8")
    (tmp_path / "paper.es.txt").write_text("\n".join(target) + "\n", encoding="utf-8")
    (tmp_path / "mt.es").write_text("\n".join(spanish) + "\n", encoding="utf-8")
    common = ["paper.en.txt", "paper.es.txt", "--from", "en", "--to", "es", "--presegmented"]
    done = termwise("align", *common, "--source-mt", "mt.es", "--format", "beads", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    named = re.search(
        r"note: source sentences (\d+)–(\d+) \((\d+)\) have no counterpart", done.stderr
    )
    # Sentences 26-35 (1-based) were cut; the alignment leaves out all ten in one run. Before
    # the MT's scale was taken from the band on a page this short, 3 joined their neighbours;
    # before a left-out sentence's length was judged with a variance no narrower than 3 times
    # the length ratio, the last, a 47-character heading, joined the next group.
    assert named is not None, done.stderr
    assert (int(named[1]), int(named[2]), int(named[3])) == (26, 35, 10)
    beads = set(done.stdout.splitlines())
    assert {f"[{i}]:[]" for i in range(25, 35)} <= beads
    assert {"[24]:[24]", "[35]:[25]"} <= beads


@pytest.mark.parametrize("cut", [range(17, 25), range(33, 41), range(10, 13)])
def test_lines_a_translation_lacks_each_cost_their_place_in_a_group(cut: range) -> None:
    # A page whose translation lacks a few sentences: each sentence that joins a group it
    # has no part in costs the group, not only the weakest of them (before, 6 and 5 of the
    # 8 were left out, two of them together in one group beside the gap). And leaving out a
    # long sentence costs no more than the length model of a loose translation says: the
    # Spanish is Apertium's, its lengths match the source's closely, the variance learned is
    # narrow, and the last of 33-40 and of 10-12 joined a group beside the gap.
    from termwise.align.aligner import align
    from termwise.align.features import side_features
    from termwise.mt.apertium import ApertiumEngine

    source = seed_sentences(60)
    spanish = [r.target for r in ApertiumEngine().translate(source, "en", "es")]
    target = spanish[: cut.start] + spanish[cut.stop :]
    beads = align(
        side_features(source, lang="en"),
        side_features(target, lang="es"),
        source_mt=spanish,
        source_texts=source,
        target_texts=target,
    ).beads
    assert {i for b in beads if not b.tgt for i in b.src} >= set(cut)


def test_align_score_prints_strict_and_lax(tmp_path: Path) -> None:
    gold = [Bead((0,), (0,)), Bead((1, 2), (1,)), Bead((3,), (2,))]
    test = [Bead((0,), (0,)), Bead((1,), (1,)), Bead((2,), ()), Bead((3,), (2,))]
    (tmp_path / "gold.align").write_text(beads_text(gold), encoding="utf-8")
    (tmp_path / "test.align").write_text(beads_text(test), encoding="utf-8")
    result = termwise("align-score", "gold.align", "test.align", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    strict = re.search(r"strict\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", result.stdout)
    assert strict is not None
    # Precision 2/4 strict; recall 2/3 strict.
    assert float(strict[1]) == pytest.approx(0.5) and float(strict[2]) == pytest.approx(
        2 / 3, abs=1e-4
    )


@needs_apertium
def test_document_alignment_becomes_a_project_every_command_reads(tmp_path: Path) -> None:
    from termwise.mt.apertium import ApertiumEngine

    source = seed_sentences(24)
    (tmp_path / "paper.txt").write_text(
        " ".join(source[:12]) + "\n\n" + " ".join(source[12:]) + "\n", encoding="utf-8"
    )
    spanish = [r.target.rstrip(".") for r in ApertiumEngine().translate(source, "en", "es")]
    # The translator made one sentence of sentences 3 and 4.
    joined = [
        *spanish[:3],
        spanish[3] + "; " + spanish[4][:1].lower() + spanish[4][1:],
        *spanish[5:],
    ]
    paragraphs = [". ".join(joined[:11]) + ".", ". ".join(joined[11:]) + "."]
    (tmp_path / "paper.es.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    result = termwise(
        "align", "paper.txt", "paper.es.txt", "--from", "en", "--to", "es", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "1 sentence join recorded" in result.stdout
    po = tmp_path / "translations" / "paper.es.po"
    tfile = TranslationFile.load(po)
    units = list(tfile.units.values())
    assert units and all(unit.state is SegmentState.EDITED for unit in units)
    # The summary says how its counts meet the workbench's, which counts segments.
    assert f"for the document's {len(units)} segments" in result.stdout, result.stdout
    assert all(any(c.startswith("align: confidence") for c in unit.comments) for unit in units)
    # The two English sentences that became one Spanish sentence are one segment now.
    assert (tmp_path / "translations" / "paper.segmentation.json").exists()
    assert any(source[3] in unit.source and source[4] in unit.source for unit in units)
    stats = termwise("stats", "paper.txt", "--to", "es", "--json", cwd=tmp_path)
    assert stats.returncode == 0, stats.stderr
    assert '"edited"' in stats.stdout
    html = termwise(
        "export",
        "paper.txt",
        "--to",
        "es",
        "--include-unreviewed",
        "-o",
        "paper.html",
        cwd=tmp_path,
    )
    assert html.returncode == 0, html.stderr
    edition = (tmp_path / "paper.html").read_text(encoding="utf-8")
    # The edition prints the translator's joined sentence beside the two it translates.
    assert escape(joined[3].split(";")[1].strip(), quote=False) in edition
    tmx = termwise(
        "align",
        "paper.txt",
        "paper.es.txt",
        "--from",
        "en",
        "--to",
        "es",
        "--no-mt",
        "--format",
        "tmx",
        "-o",
        "paper.tmx",
        cwd=tmp_path,
    )
    assert tmx.returncode == 0, tmx.stderr
    from termwise.project.interchange import read_units

    tmx_units = read_units(tmp_path / "paper.tmx", target_lang="es")
    assert len(tmx_units) == len(units)


@needs_apertium
def test_a_word_document_aligns_with_its_markdown_translation(tmp_path: Path) -> None:
    """Headings pair with headings, paragraphs with paragraphs, whatever each format calls
    them: the project then holds each heading's translation as its own segment."""
    import docx

    from termwise.mt.apertium import ApertiumEngine

    source = seed_sentences(16)
    headings = ["The community of human destiny", "Its origins"]
    translated = [r.target for r in ApertiumEngine().translate([*source, *headings], "en", "es")]
    spanish, titles = translated[: len(source)], translated[len(source) :]
    word = docx.Document()
    word.add_heading(headings[0], level=1)
    word.add_paragraph(" ".join(source[:8]))
    word.add_heading(headings[1], level=2)
    word.add_paragraph(" ".join(source[8:]))
    word.save(str(tmp_path / "paper.docx"))
    # The translator ran sentences 2 and 3 together.
    first = [*spanish[:2], spanish[2].rstrip(".") + "; " + spanish[3], *spanish[4:8]]
    markdown = [f"# {titles[0]}", " ".join(first), f"## {titles[1]}", " ".join(spanish[8:])]
    (tmp_path / "paper.es.md").write_text("\n\n".join(markdown) + "\n", encoding="utf-8")

    result = termwise(
        "align", "paper.docx", "paper.es.md", "--from", "en", "--to", "es", cwd=tmp_path
    )

    assert result.returncode == 0, result.stderr
    assert "1 sentence join recorded" in result.stdout
    units = {
        unit.source: unit
        for unit in TranslationFile.load(tmp_path / "translations" / "paper.es.po").units.values()
    }
    for heading, title in zip(headings, titles, strict=True):
        assert units[heading].target == title.strip()
    assert any(source[2] in text and source[3] in text for text in units)
    assert units[source[8]].target == spanish[8]


@pytest.mark.parametrize(
    ("name", "payload", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 50, ""),
        ("latin1.txt", "Años de señales\n".encode("latin-1"), ""),
        # No NUL byte: it was read as GB18030 "text" and aligned.
        ("paper.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "pdftotext"),
    ],
)
def test_bad_input_is_an_error_naming_the_file_and_writes_nothing(
    tmp_path: Path, name: str, payload: bytes, message: str
) -> None:
    (tmp_path / "good.txt").write_text("One sentence.\nAnother one.\n", encoding="utf-8")
    (tmp_path / name).write_bytes(payload)
    # A Latin-1 file is only wrong when it was said to be UTF-8 (detection reads it fine).
    encoding = ["--encoding", "utf-8"] if "latin" in name else []
    for args in (["good.txt", name, "--presegmented", *encoding], ["good.txt", name, *encoding]):
        result = termwise("align", *args, "--from", "en", "--to", "es", "--no-mt", cwd=tmp_path)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert name in result.stderr and "Traceback" not in result.stderr
        assert message in result.stderr
    assert not (tmp_path / "translations").exists()


def test_a_file_of_blank_lines_is_refused_as_such(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("One sentence.\n", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("\n \n\n", encoding="utf-8")
    args = ["good.txt", "blank.txt", "--presegmented", "--from", "en", "--to", "es", "--no-mt"]
    result = termwise("align", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert "blank.txt:1: no sentences to align: the file holds only blank lines" in result.stderr


def test_mt_file_with_the_wrong_number_of_lines_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One.\nTwo.\nThree.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Uno.\nDos.\nTres.\n", encoding="utf-8")
    (tmp_path / "mt.txt").write_text("Uno.\n", encoding="utf-8")
    result = termwise(
        "align",
        "a.txt",
        "b.txt",
        "--from",
        "en",
        "--to",
        "es",
        "--presegmented",
        "--source-mt",
        "mt.txt",
        cwd=tmp_path,
    )
    assert result.returncode == 2 and "mt.txt" in result.stderr and "3 sentences" in result.stderr


def test_tmx_says_why_a_disputed_group_is_unsure() -> None:
    from termwise.align.output import tmx_units

    beads = [
        Bead((0,), (0,), 0.95),
        Bead((1,), (1, 2), 0.6, disputed=True),
        Bead((2, 3), (3, 4), 0.65, mt_splits=True),
    ]
    units = tmx_units(
        ["One.", "Two.", "Three", "and four."],
        ["Uno.", "Dos", "y tres.", "Tres y", "cuatro."],
        beads,
        "en",
        "es",
    )
    assert "x-alignment-note" not in units[0].properties
    assert units[1].properties["x-alignment-note"] == "grouped otherwise without MT"
    assert units[1].properties["x-alignment-confidence"] == "0.60"
    assert units[2].properties["x-alignment-note"] == "split otherwise with MT"


def _joined_pair(folder: Path) -> list[str]:
    """A paper of 12 sentences and a "translation" (the same text) that joins the 4th and
    5th: a join the aligner finds from the lengths and shared words alone."""
    # Past the paper's first heading: run into a line, "1. Introduction" is no sentence.
    source = seed_sentences(19)[7:]
    target = [*source[:3], source[3].rstrip(".") + "; " + source[4], *source[5:]]
    (folder / "paper.txt").write_text(" ".join(source) + "\n", encoding="utf-8")
    (folder / "paper.es.txt").write_text(" ".join(target) + "\n", encoding="utf-8")
    return source


# The "translation" is the English text itself, which the language check would refuse as
# not Spanish.
ALIGN = [
    *["align", "paper.txt", "paper.es.txt", "--from", "en", "--to", "es", "--no-mt"],
    "--no-language-check",
]


@pytest.mark.parametrize("damage", ["not a PO file", "read-only"])
def test_a_failed_project_write_records_no_join(tmp_path: Path, damage: str) -> None:
    # The join of sentences 4 and 5 goes into paper.segmentation.json, which every later
    # command applies: written alone, it changed how the source was read after a failed run
    # that said "Nothing was written".
    _joined_pair(tmp_path)
    po = tmp_path / "translations" / "paper.es.po"
    joins = tmp_path / "translations" / "paper.segmentation.json"
    if damage == "read-only":
        first = termwise(*ALIGN, cwd=tmp_path)
        assert first.returncode == 0 and "1 sentence join recorded" in first.stdout
        joins.unlink()
        po.chmod(0o444)
        # A sentence more on both sides, so that the file must change: one that would not
        # is left as it is, read-only or not, and the run succeeds.
        for name in ("paper.txt", "paper.es.txt"):
            text = (tmp_path / name).read_text(encoding="utf-8")
            (tmp_path / name).write_text(text.rstrip() + " It ends here.\n", encoding="utf-8")
    else:
        po.parent.mkdir()
        po.write_text("not touched\n", encoding="utf-8")
    before = po.read_bytes()
    result = termwise(*ALIGN, cwd=tmp_path)
    assert result.returncode == 2, result.stdout
    assert "paper.es.po" in result.stderr and "Traceback" not in result.stderr
    assert not joins.exists()
    assert po.read_bytes() == before


def test_beads_number_the_files_own_sentences_after_a_project_join(tmp_path: Path) -> None:
    source = _joined_pair(tmp_path)
    assert termwise(*ALIGN, cwd=tmp_path).returncode == 0
    assert (tmp_path / "translations" / "paper.segmentation.json").exists()
    # The project reads the paper with the join; beads and TMX number the file's sentences.
    result = termwise(*ALIGN, "--format", "beads", "-o", "paper.align", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"Aligned {len(source)} source" in result.stderr
    assert "Wrote 11 groups to paper.align" in result.stderr
    beads = read_beads(tmp_path / "paper.align")
    assert Bead((3, 4), (3,)) in beads
    assert max(i for bead in beads for i in bead.src) == len(source) - 1


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("missing/x.tmx", "the folder missing does not exist"),
        ("paper.txt/x.tmx", "a part of the path is a file, not a folder"),
        ("-", "is not standard output here"),
    ],
)
def test_an_output_that_cannot_be_written_is_refused_before_aligning(
    tmp_path: Path, output: str, message: str
) -> None:
    _joined_pair(tmp_path)
    result = termwise(*ALIGN, "--format", "tmx", "-o", output, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and "Aligned" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["paper.es.txt", "paper.txt"]


def test_o_is_refused_where_the_alignment_goes_to_the_project(tmp_path: Path) -> None:
    _joined_pair(tmp_path)
    result = termwise(*ALIGN, "-o", "x.po", cwd=tmp_path)
    assert result.returncode == 2 and "-o is for --format beads or tmx" in result.stderr
    assert not (tmp_path / "x.po").exists() and not (tmp_path / "translations").exists()


def test_a_second_alignment_says_what_it_kept_and_how_to_start_afresh(tmp_path: Path) -> None:
    source = _joined_pair(tmp_path)
    assert termwise(*ALIGN, cwd=tmp_path).returncode == 0
    po = tmp_path / "translations" / "paper.es.po"
    # A correction to the published file comes in: the aligner's own text is no one's work
    # (a second alignment kept all of it, and the correction went nowhere).
    published = tmp_path / "paper.es.txt"
    published.write_text(
        published.read_text(encoding="utf-8").replace(source[0], "Corrected first sentence."),
        encoding="utf-8",
    )
    again = termwise(*ALIGN, cwd=tmp_path)
    assert again.returncode == 0 and "kept" not in again.stdout
    assert 'msgstr "Corrected first sentence."' in po.read_text(encoding="utf-8")
    # A translation a person changed is kept, and the command says how to start afresh.
    tfile = TranslationFile.load(po)
    edited = next(unit for unit in tfile.units.values() if unit.target == source[1])
    edited.set_translation("Edited by hand.")
    tfile.save()
    third = termwise(*ALIGN, cwd=tmp_path)
    assert "1 earlier translation kept" in third.stdout
    assert f"to align afresh, move {po} aside" in third.stderr
    assert TranslationFile.load(po).units[edited.segment_id].target == "Edited by hand."


def test_a_sentence_the_corrected_translation_drops_loses_its_earlier_text(
    tmp_path: Path,
) -> None:
    # Aligned again, a segment the new alignment leaves without a sentence kept the earlier
    # alignment's text, while the group that now has the sentence held it too: every
    # edition printed it twice, and each run duplicated more.
    source = _joined_pair(tmp_path)
    assert termwise(*ALIGN, cwd=tmp_path).returncode == 0
    po = tmp_path / "translations" / "paper.es.po"
    published = tmp_path / "paper.es.txt"
    dropped = source[8]
    published.write_text(
        published.read_text(encoding="utf-8").replace(dropped + " ", ""), encoding="utf-8"
    )
    assert termwise(*ALIGN, cwd=tmp_path).returncode == 0
    units = list(TranslationFile.load(po).units.values())
    left = next(unit for unit in units if unit.source == dropped)
    assert left.target == "" and not any(c.startswith("aligned text") for c in left.comments)
    targets = [unit.target for unit in units if unit.target]
    assert " ".join(targets).split() == published.read_text(encoding="utf-8").split()
    # Once more, nothing changed: nothing changes.
    before = po.read_text(encoding="utf-8")
    assert termwise(*ALIGN, cwd=tmp_path).returncode == 0
    assert [u.target for u in TranslationFile.load(po).units.values()] == [
        u.target for u in units
    ], before


def test_a_sentence_confirmed_as_left_out_that_the_translation_adds_later_is_flagged(
    tmp_path: Path,
) -> None:
    # The translator confirmed that the translation leaves a sentence out (F7); the
    # published file then gained it, and aligning again said "0 aligned translations": the
    # added text went nowhere, without a word.
    from termwise.align.output import confirmed_comments

    source = _joined_pair(tmp_path)
    published = tmp_path / "paper.es.txt"
    full = published.read_text(encoding="utf-8")
    dropped = source[8]
    published.write_text(full.replace(dropped + " ", ""), encoding="utf-8")
    assert termwise(*ALIGN, cwd=tmp_path).returncode == 0
    po = tmp_path / "translations" / "paper.es.po"
    tfile = TranslationFile.load(po)
    left = next(unit for unit in tfile.units.values() if unit.source == dropped)
    assert left.target == ""
    left.comments = confirmed_comments(left.comments)
    tfile.save()
    published.write_text(full, encoding="utf-8")
    again = termwise(*ALIGN, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    unit = TranslationFile.load(po).units[left.segment_id]
    assert "align-check" in unit.flags
    assert any("published text changed" in c and dropped[:30] in c for c in unit.comments), (
        unit.comments
    )


def test_a_translators_note_after_a_heading_goes_with_the_paragraph_after_it(
    tmp_path: Path,
) -> None:
    # "## Choosing the technology", then a translator's note as a paragraph of its own: the
    # note was appended to the heading, and every edition printed it as a heading.
    body = seed_sentences(19)[7:13]
    source = f"# Water\n\n{body[0]} {body[1]}\n\n## Choosing the technology\n\n"
    source += f"{body[2]} {body[3]}\n\n{body[4]} {body[5]}\n"
    note = "Translator's note: the word spring is used throughout for every source of water."
    target = source.replace(
        "## Choosing the technology\n\n", f"## Choosing the technology\n\n{note}\n\n"
    )
    (tmp_path / "guide.md").write_text(source, encoding="utf-8")
    (tmp_path / "guide.es.md").write_text(target, encoding="utf-8")
    result = termwise(
        "align", "guide.md", "guide.es.md", "--from", "en", "--to", "es", "--no-mt",
        "--no-language-check", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    units = TranslationFile.load(tmp_path / "translations" / "guide.es.po").units.values()
    heading = next(unit for unit in units if unit.source == "Choosing the technology")
    assert heading.target == "Choosing the technology"
    assert any(unit.target.startswith(note) for unit in units), [u.target for u in units]


def test_a_passage_placed_without_mt_is_said_to_be_a_guess(tmp_path: Path) -> None:
    # Without MT a passage the French lacked was placed 20 sentences off by the lengths, and
    # the note named it as if it were sure.
    source = seed_sentences(40)[7:]
    target = source[:12] + source[20:]
    (tmp_path / "paper.txt").write_text(" ".join(source) + "\n", encoding="utf-8")
    (tmp_path / "paper.es.txt").write_text(" ".join(target) + "\n", encoding="utf-8")
    result = termwise(*ALIGN, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "have no counterpart in the target" in result.stderr
    assert "Without MT its place is a guess from the sentence lengths" in result.stderr


def test_align_score_refuses_a_line_in_two_groups(tmp_path: Path) -> None:
    (tmp_path / "gold.align").write_text("[0]:[0]\n[1]:[1]\n", encoding="utf-8")
    (tmp_path / "test.align").write_text("[0]:[0]\n[0, 1]:[1]\n", encoding="utf-8")
    result = termwise("align-score", "gold.align", "test.align", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "termwise: error: test.align:2: source line 0 is also in the group on line 1\n"
    )
    (tmp_path / "test.align").write_text("[0]:[0, 0]\n", encoding="utf-8")
    result = termwise("align-score", "gold.align", "test.align", cwd=tmp_path)
    assert "test.align:1: target line 0 is twice in this group" in result.stderr


def test_align_score_input_errors_fit_a_command_without_encoding(tmp_path: Path) -> None:
    (tmp_path / "gold.align").write_text("[0]:[0]\n[1]:[1]\n[2]:[2]\n", encoding="utf-8")
    (tmp_path / "latin.align").write_bytes("[0]:[0] é\n".encode("latin-1"))
    result = termwise("align-score", "gold.align", "latin.align", cwd=tmp_path)
    assert result.returncode == 2
    assert "latin.align" in result.stderr and "save it as UTF-8" in result.stderr
    assert "--encoding" not in result.stderr
    (tmp_path / "labels.bin").write_bytes(b"\x7fELF\x00\x00\x01")
    (tmp_path / "short.verse").write_text("GEN 1:1\nGEN 1:2\n", encoding="utf-8")
    verse = ["align-score", "gold.align", "gold.align", "--verse-tgt", "short.verse"]
    result = termwise(*verse, "--verse-src", "labels.bin", cwd=tmp_path)
    assert result.returncode == 2 and "labels.bin" in result.stderr
    assert "binary file" in result.stderr
    result = termwise(*verse, "--verse-src", "short.verse", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "termwise: error: short.verse: has 2 verse labels, but gold.align names line 2 "
        "(0-based) of that side\n"
    )


def test_an_edition_of_an_unreviewed_alignment_says_why_it_is_empty(tmp_path: Path) -> None:
    # Every aligned group is "edited", not reviewed, so an edition leaves it out: it said
    # only "Wrote … edition", and the edition read "[untranslated]" throughout.
    _joined_pair(tmp_path)
    assert termwise(*ALIGN, cwd=tmp_path).returncode == 0
    result = termwise("export", "paper.txt", "--to", "es", "-o", "paper.html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "note: 11 translated segments are not reviewed yet" in result.stderr
    assert "--include-unreviewed" in result.stderr
    printed = termwise(
        "export", "paper.txt", "--to", "es", "-o", "all.html", "--include-unreviewed", cwd=tmp_path
    )
    assert printed.returncode == 0 and "note:" not in printed.stderr
    memory = termwise("export", "paper.txt", "--to", "es", "-o", "paper.tmx", cwd=tmp_path)
    assert memory.returncode == 0
    assert "note: 11 translated segments are not reviewed yet and are left out" in memory.stderr


def test_an_alignment_tmx_imports_as_edited_not_reviewed(tmp_path: Path) -> None:
    # A TMX unit without termwise's x-state reads as confirmed; an alignment is a person's
    # translation that nobody has reviewed against its source yet, as in the project.
    _joined_pair(tmp_path)
    result = termwise(*ALIGN, "--format", "tmx", "-o", "paper.tmx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    imported = termwise("import", "paper.tmx", "--doc", "paper.txt", "--to", "es", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    units = TranslationFile.load(tmp_path / "translations" / "paper.es.po").units.values()
    states = [unit.state for unit in units if unit.target]
    assert len(states) >= 10 and set(states) == {SegmentState.EDITED}


def test_a_gap_is_named_as_the_workbench_numbers_its_segments(tmp_path: Path) -> None:
    # The translation joins the 4th and 5th sentences and lacks the 16th to 21st. Beads count
    # the file's sentences; the project counts its segments, one fewer after the join, as
    # the workbench's #N does.
    source = seed_sentences(37)[7:]  # past "1. Introduction", as in _joined_pair
    target = [*source[:3], source[3].rstrip(".") + "; " + source[4], *source[5:15], *source[21:]]
    (tmp_path / "paper.txt").write_text(" ".join(source) + "\n", encoding="utf-8")
    (tmp_path / "paper.es.txt").write_text(" ".join(target) + "\n", encoding="utf-8")
    beads = termwise(*ALIGN, "--format", "beads", cwd=tmp_path)
    assert "note: source sentences 16–21 (6) have no counterpart" in beads.stderr
    project = termwise(*ALIGN, cwd=tmp_path)
    assert project.returncode == 0, project.stderr
    assert "note: source sentences 15–20 (6) have no counterpart" in project.stderr
    from termwise.project.layout import ProjectLayout
    from termwise.review.session import ReviewSession

    session = ReviewSession(ProjectLayout.at(tmp_path), tmp_path / "paper.txt", "es")
    assert session.rows[14].source == source[15] and not session.rows[14].target


ENCODED_SOURCE = """# Water for three villages

The first phase cost €850,000. Most of the money came from a regional fund. The health
centre (café) in the northern village was connected in 2021. Six technicians now maintain
the network.
"""
ENCODED_TARGET = """# Agua para tres pueblos

La primera fase costó 850.000 euros. La mayor parte del dinero provino de un fondo
regional. El centro de salud (cafetería) del pueblo del norte se conectó en 2021. Seis
técnicos mantienen ahora la red.
"""
ENCODED = ["align", "report.md", "report.es.md", "--from", "en", "--to", "es", "--no-mt"]


def _utf8_source_latin1_target(folder: Path) -> None:
    (folder / "report.md").write_text(ENCODED_SOURCE, encoding="utf-8")
    (folder / "report.es.md").write_bytes(ENCODED_TARGET.encode("latin-1"))


def test_a_latin1_target_of_a_utf8_source_is_named_alone(tmp_path: Path) -> None:
    # --encoding latin-1 read the UTF-8 source as Latin-1 too: msgids "â¬850,000" and
    # "cafÃ©", under ids that no other command finds in the document.
    import json

    _utf8_source_latin1_target(tmp_path)
    result = termwise(*ENCODED, "--target-encoding", "latin-1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    tfile = TranslationFile.load(tmp_path / "translations" / "report.es.po")
    targets = {unit.source: unit.target for unit in tfile.units.values()}
    assert targets["The first phase cost €850,000."] == "La primera fase costó 850.000 euros."
    assert "(café)" in " ".join(targets) and "(cafetería)" in " ".join(targets.values())
    segments = termwise("segments", "report.md", "--format", "json", cwd=tmp_path)
    assert segments.returncode == 0, segments.stderr
    assert set(tfile.units) == {segment["id"] for segment in json.loads(segments.stdout)}


def test_a_utf8_file_named_latin1_is_refused_at_its_first_letter_beyond_ascii(
    tmp_path: Path,
) -> None:
    _utf8_source_latin1_target(tmp_path)
    result = termwise(*ENCODED, "--encoding", "latin-1", cwd=tmp_path)
    assert result.returncode == 2, result.stdout
    # Line 3, column 22: the "€" of "€850,000".
    assert result.stderr.startswith("termwise: error: report.md:3:22: this file is UTF-8 text")
    assert "--target-encoding" in result.stderr
    assert not (tmp_path / "translations").exists()
    result = termwise(*ENCODED, "--source-encoding", "cp1252", cwd=tmp_path)
    assert result.returncode == 2 and "leave --source-encoding out" in result.stderr


def test_a_source_the_project_cannot_read_is_refused_for_the_project_only(
    tmp_path: Path,
) -> None:
    # check, review, stats and export take no encoding: a PO keyed by a Latin-1 reading of
    # the source was of no use to them.
    (tmp_path / "report.md").write_bytes(ENCODED_SOURCE.replace("€", "EUR ").encode("latin-1"))
    (tmp_path / "report.es.md").write_text(ENCODED_TARGET, encoding="utf-8")
    result = termwise(*ENCODED, "--source-encoding", "latin-1", cwd=tmp_path)
    assert result.returncode == 2, result.stdout
    # Line 4: the "é" of "café" (the "€" is "EUR " here).
    assert "report.md:4: --source-encoding latin-1 reads this source" in result.stderr
    assert "take no encoding" in result.stderr and "save it as UTF-8" in result.stderr
    assert not (tmp_path / "translations").exists()
    beads = termwise(*ENCODED, "--source-encoding", "latin-1", "--format", "beads", cwd=tmp_path)
    assert beads.returncode == 0, beads.stderr
    assert beads.stdout.splitlines()[:2] == ["[0]:[0]", "[1]:[1]"]


REPORT = """# Annual Report on the River Valley Water Project

## Background

The River Valley Water Project began on 12 March 2019 in three small villages. Its aim was to \
bring clean drinking water to about 4,500 people. Before the project, most families walked \
more than two kilometres every day to fetch water. The local council provided the land for \
the first pumping station. A team of twelve engineers designed the network during the first \
winter.

The first pipes were laid in June 2019. By the end of that year, 1,200 households were \
connected. The cost of the first phase was 850,000 euros. Most of the money came from a \
regional development fund. The rest was raised by the villages themselves.

## Results in 2023

In 2023 the project reached its largest number of users so far. More than 9,800 people now \
receive water at home. The number of reported cases of stomach illness fell by 37 percent. \
Schools reported that fewer children missed classes.
"""
# Published, not machine-made; it makes one sentence of the council's and the engineers'.
PUBLISHED = """# Informe anual sobre el Proyecto de Agua del Valle del Río

## Antecedentes

El Proyecto de Agua del Valle del Río empezó el 12 de marzo de 2019 en tres pequeños \
pueblos. Su objetivo era llevar agua potable limpia a unas 4.500 personas. Antes del \
proyecto, la mayoría de las familias caminaban más de dos kilómetros todos los días para \
buscar agua. El ayuntamiento cedió el terreno para la primera estación de bombeo y un equipo \
de doce ingenieros diseñó la red durante el primer invierno.

Las primeras tuberías se colocaron en junio de 2019. A finales de aquel año, 1.200 hogares \
estaban conectados. El coste de la primera fase fue de 850.000 euros. La mayor parte del \
dinero provino de un fondo de desarrollo regional. El resto lo aportaron los propios pueblos.

## Resultados en 2023

En 2023 el proyecto alcanzó el mayor número de usuarios hasta la fecha. Más de 9.800 \
personas reciben ahora agua en casa. El número de casos declarados de enfermedades \
estomacales cayó un 37 por ciento. Las escuelas informaron de que menos niños faltaron a clase.
"""
COUNCIL = "The local council provided the land for the first pumping station."
ENGINEERS = "A team of twelve engineers designed the network during the first winter."


@needs_apertium
@pytest.mark.parametrize(
    ("worked", "untouched", "how"),
    [(ENGINEERS, COUNCIL, "reviewed"), (COUNCIL, ENGINEERS, "edited")],
    ids=["second-reviewed", "first-edited"],
)
def test_a_group_beside_kept_work_keeps_its_published_text_for_the_translator(
    tmp_path: Path, worked: str, untouched: str, how: str
) -> None:
    # The group of the council's and the engineers' sentences could not be applied, for one
    # of them holds the translator's work: the other kept its raw MT, unflagged, and the
    # published sentence was nowhere, while the command said only "1 earlier translation kept".
    from termwise.align.output import CHECK_FLAG
    from termwise.review.alignment import needs_check

    (tmp_path / "report.md").write_text(REPORT, encoding="utf-8")
    (tmp_path / "report.es.md").write_text(PUBLISHED, encoding="utf-8")
    translate = termwise(
        "translate", "report.md", "--to", "es", "--engine", "apertium", cwd=tmp_path
    )
    assert translate.returncode == 0, translate.stderr
    po = tmp_path / "translations" / "report.es.po"
    tfile = TranslationFile.load(po)
    by_source = {unit.source: unit for unit in tfile.units.values()}
    mine = by_source[worked]
    if how == "reviewed":
        mine.mark_reviewed()
    else:
        mine.set_translation("El concejo cedió el terreno de la primera estación de bombeo.")
    tfile.save(po)
    kept_unit = (mine.target, mine.state)
    machine = by_source[untouched].target

    result = termwise(
        "align", "report.md", "report.es.md", "--from", "en", "--to", "es", cwd=tmp_path
    )

    assert result.returncode == 0, result.stderr
    assert "1 earlier translation kept" in result.stdout
    assert "1 not applied because a segment of it was kept" in result.stdout
    units = {unit.source: unit for unit in TranslationFile.load(po).units.values()}
    assert (units[worked].target, units[worked].state) == kept_unit
    other = units[untouched]
    assert other.target == machine and other.state is SegmentState.MT
    assert CHECK_FLAG in other.flags and needs_check(other)
    [comment] = [c for c in other.comments if c.startswith("align: ")]
    assert "group 2-1, not applied: another segment of the group holds" in comment
    assert comment.endswith(
        'published: "El ayuntamiento cedió el terreno para la primera estación de bombeo y un '
        'equipo de doce ingenieros diseñó la red durante el primer invierno."'
    )


def test_numbered_headings_pair_with_their_translations(tmp_path: Path) -> None:
    # "## Chapter 3" recurs with a number, as a page's running header does; the aligner left
    # every such heading out of the alignment, even against the document itself.

    english = "They walked on through the valley until the evening came, tired and quiet."
    spanish = "Siguieron por el valle hasta que llegó la tarde, cansados y callados."
    source = "\n\n".join(f"## Chapter {n}\n\n" + " ".join([english] * 9) for n in range(1, 5))
    target = "\n\n".join(f"## Capítulo {n}\n\n" + " ".join([spanish] * 9) for n in range(1, 5))
    (tmp_path / "book.md").write_text(source + "\n", encoding="utf-8")
    (tmp_path / "libro.md").write_text(target + "\n", encoding="utf-8")
    (tmp_path / "book-copy.md").write_text(source + "\n", encoding="utf-8")
    for other in ("book-copy.md", "libro.md"):
        to = "en-GB" if other == "book-copy.md" else "es"
        result = termwise(
            "align", "book.md", other, "--from", "en", "--to", to, "--no-mt",
            "--no-language-check", "--format", "beads", cwd=tmp_path,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        beads = result.stdout.split()
        for heading in (0, 10, 20, 30):
            assert f"[{heading}]:[{heading}]" in beads, (other, beads)


def test_target_sentences_a_group_took_in_are_named_with_it(tmp_path: Path) -> None:
    # A long English verse the Chinese cut in nine: the surplus went into the verse's group,
    # and the note still asked "a passage the source lacks?" of sentences that were there.
    from termwise.mt.apertium import ApertiumEngine

    source = seed_sentences(30)
    spanish = [r.target for r in ApertiumEngine().translate(source, "en", "es")]
    added = [
        "Nota del traductor: el término se tradujo de varias maneras.",
        "Aquí seguimos la versión oficial del gobierno.",
        "Las otras versiones aparecen en el glosario.",
        "El lector encontrará allí sus fuentes.",
        "Fin de la nota.",
    ]
    target = [*spanish[:15], *added, *spanish[15:]]
    # Paragraphs of five sentences, the note inside the third of the translation's.
    (tmp_path / "paper.en.txt").write_text(
        "\n\n".join(" ".join(source[k : k + 5]) for k in range(0, 30, 5)) + "\n", encoding="utf-8"
    )
    (tmp_path / "paper.es.txt").write_text(
        "\n\n".join(" ".join(part) for part in (target[:15], target[15:25], target[25:])) + "\n",
        encoding="utf-8",
    )
    done = termwise(
        "align", "paper.en.txt", "paper.es.txt", "--from", "en", "--to", "es", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    named = re.search(
        r"note: target sentences \d+–\d+ \(5\) have no counterpart in the source: added to "
        r"the translation of segment #(\d+), flagged",
        done.stderr,
    )
    assert named is not None, done.stderr
    assert 14 <= int(named[1]) <= 16


@needs_apertium
def test_the_mt_of_a_joined_project_is_of_the_sentences_segments_no_joins_lists(
    tmp_path: Path,
) -> None:
    # After a join the project has fewer segments than align has sentences; the count error
    # said only "one MT line per source sentence", and `segments` listed the joined ones.
    (tmp_path / "a.txt").write_text(
        "The committee met on Monday morning in the capital. It approved the budget.\n\n"
        "The weather was fine all day long in the city.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "El comité se reunió el lunes por la mañana en la capital y aprobó el presupuesto.\n\n"
        "El tiempo fue bueno todo el día en la ciudad.\n",
        encoding="utf-8",
    )
    common = ["a.txt", "b.txt", "--from", "en", "--to", "es"]
    first = termwise("align", *common, cwd=tmp_path)  # Apertium's MT: 2-1, one join
    assert first.returncode == 0, first.stderr
    assert "1 sentence join recorded" in first.stdout + first.stderr
    joined = termwise("segments", "a.txt", "--format", "lines", cwd=tmp_path)
    assert joined.stdout.count("\n") == 2
    (tmp_path / "mt.txt").write_text(joined.stdout, encoding="utf-8")
    wrong = termwise("align", *common, "--source-mt", "mt.txt", cwd=tmp_path)
    assert wrong.returncode != 0
    assert "`termwise segments SOURCE --no-joins --format lines`" in wrong.stderr
    sentences = termwise("segments", "a.txt", "--no-joins", "--format", "lines", cwd=tmp_path)
    assert sentences.stdout.splitlines() == [
        "The committee met on Monday morning in the capital.",
        "It approved the budget.",
        "The weather was fine all day long in the city.",
    ]
    (tmp_path / "mt.txt").write_text(
        "El comité se reunió el lunes por la mañana en la capital.\n"
        "Aprobó el presupuesto.\nEl tiempo fue bueno todo el día en la ciudad.\n",
        encoding="utf-8",
    )
    right = termwise("align", *common, "--source-mt", "mt.txt", cwd=tmp_path)
    assert right.returncode == 0, right.stderr
    assert "with MT similarity" in right.stderr
