"""The aligner on real texts: the development data (when present) and small built pairs."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from support.garbled_mt import garbled_mt
from support.paginated import paginate
from termwise.align.aligner import Alignment, align
from termwise.align.beads import Bead, read_beads
from termwise.align.features import (
    chinese_numerals,
    english_number_words,
    number_key,
    side_features,
)
from termwise.align.lexicon import lexicon_similarity, units
from termwise.align.output import LOW_CONFIDENCE
from termwise.align.scoring import merge_within_verses, score_file, score_files
from termwise.align.similarity import BandSimilarity

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "align-dev"
needs_dev = pytest.mark.skipif(not DEV.is_dir(), reason=f"{DEV} (development data) is absent")


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1]


@dataclass(frozen=True)
class TextBerg:
    """The German-French development file, its gold groups and the two MTs of the German."""

    source: list[str]
    target: list[str]
    gold: list[Bead]
    mt: dict[str, list[str]]


@functools.cache
def text_berg() -> TextBerg:
    folder = DEV / "textberg-de-fr"
    return TextBerg(
        lines(folder / "dev.de"),
        lines(folder / "dev.fr"),
        read_beads(folder / "dev.align"),
        {name: lines(folder / f"dev.mt-{name}.fr") for name in ("google", "europarl")},
    )


@dataclass(frozen=True)
class BibleSlice:
    """The first 1,500 English verses, the Chinese lines of the same verses, and the gold."""

    source: list[str]
    target: list[str]
    src_verses: list[str]
    tgt_verses: list[str]
    gold: list[Bead]

    def f1(self, beads: list[Bead]) -> float:
        """Strict F1 in verse mode, as the Bible is scored."""
        merged = merge_within_verses(beads, self.src_verses, self.tgt_verses)
        return score_file(self.gold, merged).values()["f1_strict"]


@functools.cache
def bible_slice() -> BibleSlice:
    folder = DEV / "bible-en-zh"
    source, target = lines(folder / "dev.en")[:1500], lines(folder / "dev.zh")
    src_verses, tgt_verses = lines(folder / "dev.en.verse"), lines(folder / "dev.zh.verse")
    end = max(k for k, verse in enumerate(tgt_verses) if verse == src_verses[1499]) + 1
    gold = [
        bead
        for bead in read_beads(folder / "dev.align")
        if bead.src and max(bead.src) < 1500 and bead.tgt and max(bead.tgt) < end
    ]
    return BibleSlice(source, target[:end], src_verses, tgt_verses, gold)


def test_numbers_compare_across_separator_conventions() -> None:
    assert number_key("1,000.5") == number_key("1.000,5") == number_key("1 000,5")
    assert number_key("8848") != number_key("8847")


def test_numbers_in_words_have_their_values() -> None:
    assert english_number_words("threescore and ten palm trees, twelve wells") == [70, 12]
    assert english_number_words("two hundred and fifty shekels in the fortieth year") == [250, 40]
    assert english_number_words("one man and a beast") == []
    # The King James Bible's "an hundred": 二千一百七十二 on the Chinese side.
    assert english_number_words("two thousand an hundred seventy and two") == [2172]
    assert english_number_words("a thousand cubits, an hundred and twenty years") == [1000, 120]
    assert chinese_numerals("七十棵棕树，十二股水泉，二百五十舍客勒，一万二千") == [
        70,
        12,
        250,
        12000,
    ]
    assert chinese_numerals("百姓没有水喝") == []


def test_spanish_number_words_and_a_bare_chinese_ten_have_their_values() -> None:
    from termwise.align.features import chinese_counts, spanish_number_words

    assert spanish_number_words("La cafetería cierra a las cinco.") == [5]
    assert spanish_number_words("once jugadores, doscientos cincuenta, treinta y dos") == [
        11,
        250,
        32,
    ]
    assert spanish_number_words("dos mil millones, 4,5 millones") == [2_000_000_000, 1_000_000]
    assert spanish_number_words("Una mujer y un niño.") == []
    # "y" joins tens and units only: two numbers, not their sum.
    assert spanish_number_words("entre dos y tres horas, las once y diez") == [2, 3, 11, 10]
    assert spanish_number_words("ciento treinta y dos") == [132]
    # 十欧元 is ten euros; 十分 "very" and 十字 a cross, but 十分之一 a tenth.
    assert chinese_counts("门票十欧元，十分之一，二十") == [20, 10, 10]
    assert chinese_counts("十分好看的十字架") == []
    en, es = (
        side_features(["Eleven players."], lang="en"),
        side_features(["Once jugadores."], lang="es"),
    )
    assert (en.marks == es.marks).all()


def test_a_bare_japanese_ten_is_ten_as_in_chinese() -> None:
    """Japanese writes ten euros 十ユーロ, a bare 十 that ``chinese_numerals`` passes over as
    a word; 十分 ("enough") stays a word."""
    english = side_features(["Tickets cost ten euros."], lang="en")
    japanese = side_features(["入場券は十ユーロです。"], lang="ja")
    assert english.marks.any()
    assert (english.marks == japanese.marks).all()
    assert not side_features(["時間は十分あります。"], lang="ja").marks.any()


def test_beads_cover_every_sentence_once_in_order() -> None:
    source = ["One.", "Two is here.", "Three is a longer sentence than two.", "Four."]
    target = ["Uno.", "Dos está aquí.", "Tres es una frase", "más larga que dos.", "Cuatro."]
    beads = align(side_features(source), side_features(target)).beads
    assert [i for bead in beads for i in bead.src] == list(range(len(source)))
    assert [j for bead in beads for j in bead.tgt] == list(range(len(target)))
    assert Bead((2,), (2, 3)) in [Bead(b.src, b.tgt) for b in beads]
    assert all(0.0 <= bead.confidence <= 1.0 for bead in beads)


def test_numbers_pull_a_sentence_to_its_counterpart() -> None:
    # Equal lengths everywhere: only the numbers say that the 2nd target has no source.
    source = ["Alpha ran 4122 m up.", "Beta ran 7310 m up.", "Gamma ran 5050 m up."]
    target = ["Alfa hizo 4122 m.", "Nota al pie 999 x.", "Beta hizo 7310 m.", "Gama hizo 5050 m."]
    beads = [(b.src, b.tgt) for b in align(side_features(source), side_features(target)).beads]
    assert ((1,), (2,)) in beads and ((2,), (3,)) in beads


def test_one_sided_input_gives_one_sided_beads() -> None:
    beads = align(side_features([]), side_features(["Solo."])).beads
    assert [(b.src, b.tgt) for b in beads] == [((), (0,))]


def _runs_on(count: int) -> list[str]:
    """Lines of varied length, a third of them ending at a comma (a verse that runs on)."""
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]
    return [
        " ".join(words[: 3 + (k * 7) % 8]).capitalize() + ("," if k % 3 == 1 else ".")
        for k in range(count)
    ]


def test_line_ends_count_only_where_both_sides_end_lines_alike() -> None:
    source = _runs_on(60)
    alike = align(side_features(source), side_features(source)).model
    # The same lines with full stops: the commas of the source say nothing of the target.
    unlike = align(side_features(source), side_features([t[:-1] + "." for t in source])).model
    assert alike.soft_end_weight > 1.0
    assert unlike.soft_end_weight == 0
    # Neither side ends a line at a colon or semicolon.
    assert alike.open_end_weight == 0


@needs_dev
def test_text_berg_slice_without_mt() -> None:
    source, target, gold = text_berg().source, text_berg().target, text_berg().gold
    result = align(side_features(source), side_features(target))
    values = score_file(gold, result.beads).values()
    # Gale and Church's length model alone reaches about 0.70 strict F1 on this file.
    assert values["f1_strict"] > 0.72
    assert 0.9 < result.model.ratio < 1.2


@needs_dev
def test_text_berg_with_the_strong_mt_beats_without() -> None:
    source, target, gold = text_berg().source, text_berg().target, text_berg().gold
    mt = text_berg().mt["google"]
    plain = align(side_features(source), side_features(target))
    with_mt = align(side_features(source), side_features(target), source_mt=mt, target_texts=target)
    assert (
        score_file(gold, with_mt.beads).values()["f1_strict"]
        > score_file(gold, plain.beads).values()["f1_strict"]
    )


def _aligned_without_mt(german: list[str], french: list[str]) -> Alignment:
    return align(
        side_features(german, lang="de"),
        side_features(french, lang="fr"),
        source_texts=german,
        target_texts=french,
    )


def _text_berg_without(cut: range, side: str) -> tuple[list[str], list[str], list[Bead]]:
    """Text+Berg without the lines ``cut`` of one side, and its gold renumbered (the cut
    lines' partners left in groups of their own)."""
    source, target, gold = text_berg().source, text_berg().target, text_berg().gold
    lines = source if side == "source" else target
    kept = [k for k in range(len(lines)) if k not in cut]
    renumber = {k: new for new, k in enumerate(kept)}
    shortened = [lines[k] for k in kept]

    def moved(group: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(renumber[k] for k in group if k in renumber)

    if side == "source":
        cut_gold = [Bead(moved(b.src), b.tgt) for b in gold]
        return shortened, target, [b for b in cut_gold if b.src or b.tgt]
    cut_gold = [Bead(b.src, moved(b.tgt)) for b in gold]
    return source, shortened, [b for b in cut_gold if b.src or b.tgt]


@needs_dev
@pytest.mark.parametrize(
    ("cut", "found"), [(range(150, 300), 0.8), (range(0, 120), 0.65)], ids=["middle", "start"]
)
def test_a_block_one_side_lacks_is_left_out_not_spread_over_the_text(
    cut: range, found: float
) -> None:
    # A translation that lacks a chapter: 150 of Text+Berg's 554 French lines cut in one
    # block. The ratio of the texts' total lengths is then 0.70 against a true 1.0, and the
    # first pass, taking it, spread the gap over the whole text (strict F1 0.57). Without
    # its first 120 lines, the first pass's path strays further than the band around it
    # reached (0.76).
    source, shortened, cut_gold = _text_berg_without(cut, "target")
    result = _aligned_without_mt(source, shortened)
    assert score_file(cut_gold, result.beads).values()["f1_strict"] > 0.8
    assert 0.9 < result.model.ratio < 1.15
    # The German lines whose French was cut are left out, not merged into their neighbours.
    lacking = {i for b in cut_gold if not b.tgt for i in b.src}
    left_out = {i for b in result.beads if not b.tgt for i in b.src}
    assert len(lacking & left_out) > found * len(lacking)


@needs_dev
@pytest.mark.parametrize("cut", [range(300, 468), range(0, 100)], ids=["end", "start"])
def test_a_block_the_source_lacks_at_an_end_is_found_by_anchors(cut: range) -> None:
    # The French has a block the German lacks (an appendix, a translator's preface): the
    # 1-1 groups of a first pass that spreads the surplus evenly agree with its ratio, so
    # only sentence pairs too alike to be chance show where it went (strict F1 at the end
    # 0.27, at the start 0.69, before the anchors).
    shortened, target, cut_gold = _text_berg_without(cut, "source")
    result = _aligned_without_mt(shortened, target)
    assert score_file(cut_gold, result.beads).values()["f1_strict"] > 0.78
    lacking = {j for b in cut_gold if not b.src for j in b.tgt}
    left_out = {j for b in result.beads if not b.src for j in b.tgt}
    assert len(lacking & left_out) > 0.8 * len(lacking)


def _text_berg_page(start: int, size: int) -> tuple[slice, slice, list[Bead]]:
    """The German lines of Text+Berg's gold groups that begin in ``start`` .. ``start + size``
    (from a group's first line), the French lines of those groups, and their gold."""
    gold = text_berg().gold
    firsts = sorted(min(bead.src) for bead in gold if bead.src)
    first = min(i for i in firsts if i >= start)
    end = max(i for i in firsts if i <= first + size)
    inside = [bead for bead in gold if bead.src and first <= min(bead.src) < end]
    tgt = [j for bead in inside for j in bead.tgt]
    french = slice(min(tgt), max(tgt) + 1)
    page = [
        bead
        for bead in gold
        if (bead.src or bead.tgt)
        and all(first <= i < end for i in bead.src)
        and all(french.start <= j < french.stop for j in bead.tgt)
    ]
    moved = [
        Bead(tuple(i - first for i in b.src), tuple(j - french.start for j in b.tgt)) for b in page
    ]
    return slice(first, end), french, moved


def _text_berg_cut_pages() -> list[tuple[slice, list[str], list[Bead]]]:
    """Twelve pages of 20 or 30 German lines (see ``_text_berg_page``), a quarter of each
    French page cut a third of the way in: the German lines, the French kept, the gold."""
    berg = text_berg()
    pages = []
    for size in (20, 30):
        for start in range(0, 440, 74):
            german, french, page = _text_berg_page(start, size)
            target = berg.target[french]
            cut = range(len(target) // 3, len(target) // 3 + max(3, len(target) // 4))
            kept = [j for j in range(len(target)) if j not in cut]
            renumber = {j: k for k, j in enumerate(kept)}
            gold = []
            for bead in page:
                tgt = tuple(renumber[j] for j in bead.tgt if j in renumber)
                gold += [Bead(bead.src, tgt)] if tgt else [Bead((i,), ()) for i in bead.src]
            pages.append((german, [target[j] for j in kept], gold))
    return pages


@needs_dev
@pytest.mark.parametrize("name", ["google", "europarl"])
def test_a_page_that_lacks_a_passage_is_aligned_by_its_mt(name: str) -> None:
    # The ratio of the totals is about 0.75 on these pages, and a page has too few 1-1
    # groups for the first pass to correct it or for the model to be learned: the MT's own
    # lengths tell the ratio (strict F1 0.54 with either MT before, 0.79 and 0.77 now).
    berg = text_berg()
    pooled = []
    for german, shortened, gold in _text_berg_cut_pages():
        source = berg.source[german]
        result = align(
            side_features(source, lang="de"),
            side_features(shortened, lang="fr"),
            source_mt=berg.mt[name][german],
            source_texts=source,
            target_texts=shortened,
        )
        assert 0.8 < result.model.ratio < 1.25
        pooled.append((gold, result.beads))
    assert score_files(pooled).values()["f1_strict"] > 0.72


def _german_french(german: list[str], french: list[str], mt: list[str] | None = None) -> Alignment:
    return align(
        side_features(german, lang="de"),
        side_features(french, lang="fr"),
        source_mt=mt,
        source_texts=german,
        target_texts=french,
    )


@needs_dev
def test_a_page_with_the_mt_of_another_page_is_aligned_as_without_mt() -> None:
    # The MT of the German 200 lines on: a page that lacks a passage has too few 1-1 groups
    # to judge the MT's rank by, and it was trusted (strict F1 0.59 on such pages against
    # 0.70 without MT). Its line lengths do not follow the source's.
    berg = text_berg()
    mt = berg.mt["google"]
    for german, shortened, _ in _text_berg_cut_pages():
        source = berg.source[german]
        other = [mt[(i + 200) % len(mt)] for i in range(german.start, german.stop)]
        plain = _german_french(source, shortened)
        wrong = _german_french(source, shortened, other)
        assert wrong.mt_unfollowed and wrong.mt_ignored
        assert [(b.src, b.tgt) for b in wrong.beads] == [(b.src, b.tgt) for b in plain.beads]


@needs_dev
@pytest.mark.parametrize("shift", [1, 200])
def test_an_mt_out_of_step_with_its_source_is_not_used(shift: int) -> None:
    # A line-by-line MT whose lines are shifted: its anchors pin the search to the wrong
    # target lines (200 lines on: strict F1 0.03 on the whole of Text+Berg). Its lengths
    # follow the source's one line off better than in line, or hardly at all.
    berg = text_berg()
    mt = berg.mt["google"]
    shifted = [mt[(i + shift) % len(mt)] for i in range(len(mt))]
    source, target = side_features(berg.source, lang="de"), side_features(berg.target, lang="fr")
    texts = {"source_texts": berg.source, "target_texts": berg.target}
    result = align(source, target, source_mt=shifted, **texts)
    plain = align(source, target, **texts)
    right = align(source, target, source_mt=mt, **texts)
    assert result.mt_ignored and not right.mt_ignored
    assert right.mt_length_correlation is not None and right.mt_length_correlation > 0.9
    assert result.mt_unfollowed and (result.mt_out_of_step or shift != 1)
    assert [(b.src, b.tgt) for b in result.beads] == [(b.src, b.tgt) for b in plain.beads]
    assert score_file(berg.gold, result.beads).values()["f1_strict"] > 0.9


@needs_dev
def test_a_page_without_mt_is_aligned_by_the_strings_both_sides_share() -> None:
    # The same twelve pages, whole and without MT. Where the first pass went astray its
    # 1-1 groups cannot show that names and numbers tell translations apart; their anchors
    # can (a third or more of a page's lines here, none across scripts). Strict F1 0.838
    # before; one page's ratio was 0.65.
    berg = text_berg()
    pooled = []
    for size in (20, 30):
        for start in range(0, 440, 74):
            german, french, gold = _text_berg_page(start, size)
            source, target = berg.source[german], berg.target[french]
            result = align(
                side_features(source, lang="de"),
                side_features(target, lang="fr"),
                source_texts=source,
                target_texts=target,
            )
            assert 0.8 < result.model.ratio < 1.25
            pooled.append((gold, result.beads))
    assert score_files(pooled).values()["f1_strict"] > 0.86


@needs_dev
def test_bible_slice_in_verse_mode_learns_the_length_ratio() -> None:
    bible = bible_slice()
    result = align(side_features(bible.source, lang="en"), side_features(bible.target, lang="zh"))
    assert bible.f1(result.beads) > 0.82
    # Chinese is counted in characters: about a third of the English letters.
    assert 0.2 < result.model.ratio < 0.45
    assert np.isfinite(result.model.variance)
    # The Chinese side is never split at a semicolon: its ends say nothing of the English.
    assert result.model.open_end_weight == 0


@needs_dev
def test_text_berg_without_mt_gains_from_shared_names_and_numbers() -> None:
    # The German text itself stands in for its French translation: names, numbers and
    # cognates shared by both sides, and beside them the word table learned from the first
    # pass, move the strict F1 from 0.832 to 0.915.
    source, target, gold = text_berg().source, text_berg().target, text_berg().gold
    features = (side_features(source, lang="de"), side_features(target, lang="fr"))
    plain = align(*features)
    cognates = align(*features, source_texts=source, target_texts=target)
    plain_f1 = score_file(gold, plain.beads).values()["f1_strict"]
    cognate_f1 = score_file(gold, cognates.beads).values()["f1_strict"]
    assert cognate_f1 > plain_f1 + 0.04
    assert cognate_f1 > 0.905
    assert cognates.model.mt_weight > 0


def test_across_scripts_a_word_table_is_learned_from_the_texts() -> None:
    # English and Chinese share no character n-grams, so the source cannot stand in for its
    # translation; the words that stand together in the first pass's groups can.
    subjects = {
        "shepherd": "牧人",
        "king": "王",
        "prophet": "先知",
        "priest": "祭司",
        "scribe": "文士",
        "soldier": "兵丁",
        "farmer": "农夫",
    }
    places = {"mountain": "山", "river": "河", "city": "城", "field": "田"}
    english, chinese = [], []
    for round_ in range(4):
        for k, (who, 谁) in enumerate(subjects.items()):
            where, 处 = list(places.items())[(k + round_) % len(places)]
            english.append(f"The {who} went to the {where} and stayed there.")
            chinese.append(f"{谁}往{处}去，住在那里。")
    assert units("The king went, the king.") == ["king", "the", "went"]
    assert units("王往山去，") == sorted(["王", "往", "山", "去"])
    gold = [Bead((k,), (k,)) for k in range(len(english))]
    similarity = lexicon_similarity(english, chinese, gold, weight=8.0)
    count = len(english)
    similarity.prepare(np.zeros(count + 1, np.int64), np.full(count + 1, count + 1, np.int64))
    rows = np.arange(count, dtype=np.int64)
    right = similarity.group_cosine(rows, 1, rows, 1)
    for shift in (1, 2, 3):
        assert np.all(right > similarity.group_cosine(rows, 1, (rows + shift) % count, 1))


@needs_dev
def test_bible_slice_gains_from_the_word_table() -> None:
    # Length and anchors give 0.941 strict F1 on these 1,500 verses, the table 0.980.
    bible = bible_slice()
    features = (side_features(bible.source, lang="en"), side_features(bible.target, lang="zh"))
    alone = bible.f1(align(*features).beads)
    beside = bible.f1(align(*features, source_texts=bible.source, target_texts=bible.target).beads)
    assert beside > 0.97 and beside > alone + 0.025


def _with_mt(name: str) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    source, target, mt = text_berg().source, text_berg().target, text_berg().mt[name]
    result = align(
        side_features(source, lang="de"),
        side_features(target, lang="fr"),
        source_mt=mt,
        target_texts=target,
    )
    return [(b.src, b.tgt) for b in result.beads]


@needs_dev
@pytest.mark.parametrize(("name", "caption"), [("google", 27), ("europarl", 51)])
def test_captions_stay_out_of_groups_the_mt_supports(name: str, caption: int) -> None:
    # French lines 27 ("Everest ( 8848 m ) et Col Sud"), 51 ("10 - Photo Indian Air Force")
    # and 329 ("24 a !") are captions and OCR debris with no German counterpart; the group's
    # cosine hardly drops when they join it, but their own similarity to the German MT shows
    # that they are not there. (With the strong MT, the captions 49-51 now join line 14's
    # group: the sentence beside them is covered so well that the group pays for them.)
    pairs = _with_mt(name)
    assert ((), (caption,)) in pairs
    assert ((), (329,)) in pairs and ((285,), (330, 331)) in pairs


@needs_dev
@pytest.mark.parametrize("name", ["google", "europarl"])
def test_groups_whose_sentences_cross_are_found(name: str) -> None:
    # The gold 2-3, 2-2 and 3-2 groups of lines 8-9, 164-165 and 173-175: the translator moved
    # a clause across a sentence boundary, so the two 1-1 pairs inside each group both look
    # half right. Scored by the group's cosine, a group earned half what its 1-1 pairs
    # together earned and the search split it; scored by how well each sentence is covered
    # by the other side of its group, the whole group wins.
    pairs = _with_mt(name)
    assert ((8, 9), (10, 11, 12)) in pairs
    assert ((164, 165), (204, 205)) in pairs
    assert ((173, 174, 175), (210, 211)) in pairs


@needs_dev
@pytest.mark.parametrize("name", ["none", "google", "europarl"])
def test_a_sentence_the_translation_splits_in_five_is_one_group(name: str) -> None:
    # German 61 lists six scientists and their years in one sentence; the French gives each
    # year a line (95-99). German 364 runs three sentences together that the French splits,
    # and its lines break again after "Spoleto-Prof ." and "L' E ." (420-424). With groups of at
    # most four, each became a 1-4 group and a line left out or given to a neighbour.
    pairs = _aligned(name)
    assert ((61,), (95, 96, 97, 98, 99)) in pairs
    assert ((364,), (420, 421, 422, 423, 424)) in pairs


def test_combined_similarity_is_the_weighted_mean_of_its_parts() -> None:
    mt = ["the king went up", "a shepherd stayed", "the river ran dry"]
    target = ["le roi monta", "un berger resta", "the river ran dry"]
    count = len(mt)
    band = (np.zeros(count + 1, np.int64), np.full(count + 1, count + 1, np.int64))
    first, second = BandSimilarity(mt, target), BandSimilarity(target, target)
    both = BandSimilarity.combined([(first, 1.0), (second, 0.5)], weight=8.0)
    for similarity in (first, second, both):
        similarity.prepare(*band)
    rows = np.repeat(np.arange(count, dtype=np.int64), count)
    columns = np.tile(np.arange(count, dtype=np.int64), count)
    expected = (
        first.group_cosine(rows, 1, columns, 1) + 0.25 * second.group_cosine(rows, 1, columns, 1)
    ) / 1.25
    assert np.allclose(both.group_cosine(rows, 1, columns, 1), expected)
    assert both.weight == 8.0


@needs_dev
def test_text_berg_with_the_strong_mt_gains_from_the_word_table() -> None:
    # The MT alone gives 0.897 strict F1, the MT and the table learned from the texts 0.923.
    source, target, gold = text_berg().source, text_berg().target, text_berg().gold
    mt = text_berg().mt["google"]
    features = (side_features(source, lang="de"), side_features(target, lang="fr"))
    alone = align(*features, source_mt=mt, target_texts=target)
    beside = align(*features, source_mt=mt, target_texts=target, source_texts=source)
    assert (
        score_file(gold, beside.beads).values()["f1_strict"]
        > score_file(gold, alone.beads).values()["f1_strict"] + 0.015
    )


@needs_dev
def test_alignment_is_the_same_in_every_process() -> None:
    # Python orders the strings of a set differently in each process (hash randomisation);
    # the word table must not let that order break its ties.
    script = (
        "import sys; from pathlib import Path\n"
        "from termwise.align.aligner import align\n"
        "from termwise.align.features import side_features\n"
        "folder = Path(sys.argv[1])\n"
        "src = folder.joinpath('dev.de').read_text(encoding='utf-8').split('\\n')[:-1]\n"
        "tgt = folder.joinpath('dev.fr').read_text(encoding='utf-8').split('\\n')[:-1]\n"
        "beads = align(side_features(src, lang='de'), side_features(tgt, lang='fr'),\n"
        "              source_texts=src, target_texts=tgt).beads\n"
        "print([(b.src, b.tgt) for b in beads])\n"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script, str(DEV / "textberg-de-fr")],
            capture_output=True,
            text=True,
            env=environment,
            check=True,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1


@functools.cache
def _text_berg_alignment(name: str) -> Alignment:
    """Text+Berg aligned with the German text itself ("none") or with an MT of it."""
    source, target = text_berg().source, text_berg().target
    return align(
        side_features(source, lang="de"),
        side_features(target, lang="fr"),
        source_mt=text_berg().mt.get(name),
        target_texts=target,
        source_texts=source,
    )


def _aligned(name: str) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    result = _text_berg_alignment(name)
    assert result.model.open_end_weight > 0
    return [(b.src, b.tgt) for b in result.beads]


@needs_dev
@pytest.mark.parametrize("name", ["none", "google", "europarl"])
def test_a_group_does_not_end_where_one_side_goes_on(name: str) -> None:
    # German 256 is one sentence; the French splits it at a colon ("… traînées de cirrus :" /
    # "il faut se hâter ."), and German 315 at a colon and a semicolon. Ending the group at
    # the colon left "il faut se hâter" (and "peine perdue") out as if the translator had
    # added them; a group that ends at a colon or semicolon on one side only is now as rare
    # as the texts show it to be.
    pairs = _aligned(name)
    assert ((256,), (300, 301)) in pairs
    assert ((315,), (364, 365, 366)) in pairs


@needs_dev
@pytest.mark.parametrize("name", ["google", "europarl"])
def test_a_block_the_other_side_lacks_is_left_out_whole(name: str) -> None:
    # French lines 16-51 are the photo captions and OCR debris of the plates: nothing in the
    # German resembles them. Each line left out cost its prior, so the search shared four of
    # them (24-27) out to German line 13 and left 13's real translation, French 15, alone.
    # A run of lines that resemble nothing on the other side is now cheap to leave out.
    pairs = _aligned(name)
    assert ((13,), (15,)) in pairs
    assert all(((), (line,)) in pairs for line in range(16, 52))


@needs_dev
def test_a_weak_mt_does_not_drown_the_word_table() -> None:
    # With nine characters in ten wrong, the MT ranks the right verse first about as often
    # as chance; at its fixed share beside the table it pulled the Bible slice from 0.980
    # (no MT) to 0.969 strict F1. Each part now counts as much as it ranks, so an MT no
    # better than chance is dropped (the alignment is the one without MT), and a fair one
    # (half the characters right) still helps (0.985).
    bible = bible_slice()
    source, target = bible.source, bible.target
    features = (side_features(source, lang="en"), side_features(target, lang="zh"))

    def f1(mt: list[str] | None) -> float:
        return bible.f1(
            align(*features, source_mt=mt, source_texts=source, target_texts=target).beads
        )

    without = f1(None)
    assert f1(garbled_mt(bible.gold, source, target, 0.9)) == without
    assert f1(garbled_mt(bible.gold, source, target, 0.5)) > without


@needs_dev
@pytest.mark.parametrize("with_mt", [True, False], ids=["stand-in MT", "no MT"])
def test_a_book_whose_translation_goes_on_is_pinned_down(with_mt: bool) -> None:
    # The Chinese goes on for 600-odd lines past the last English verse (books the English
    # edition lacks). By lengths alone the first pass spread the surplus over the whole
    # book, its 1-1 groups agreed with the wrong ratio it took from the texts' totals, and
    # the passes after it, searching near it, kept the error: strict F1 0.005 with a fair
    # MT and without. With the MT, sentence pairs too alike to be chance now pin it down;
    # without, the length ratio whose alignment teaches a word table that ranks its pairs
    # well is searched for, and that table's anchors pin it.
    bible = bible_slice()
    kept = 1000
    source = bible.source[:kept]
    cut_gold = [bead for bead in bible.gold if max(bead.src) < kept]
    cut_gold += [Bead((), bead.tgt) for bead in bible.gold if min(bead.src) >= kept]
    mt = garbled_mt(bible.gold, bible.source, bible.target, 0.5)[:kept] if with_mt else None
    result = align(
        side_features(source, lang="en"),
        side_features(bible.target, lang="zh"),
        source_mt=mt,
        source_texts=source,
        target_texts=bible.target,
    )
    merged = merge_within_verses(result.beads, bible.src_verses, bible.tgt_verses)
    assert score_file(cut_gold, merged).values()["f1_strict"] > 0.9
    assert 0.2 < result.model.ratio < 0.45
    surplus = {j for bead in cut_gold if not bead.src for j in bead.tgt}
    left_out = {j for bead in result.beads if not bead.src for j in bead.tgt}
    assert len(surplus & left_out) > 0.8 * len(surplus)


@needs_dev
@pytest.mark.parametrize("name", ["google", "europarl"])
def test_sentences_whose_boundary_the_translation_moved_stay_one_group(name: str) -> None:
    # German 242 ends "250 Höhenmeter erforderten zwei Tage", which opens French 284; German
    # 395-396 and 419-420 are entries of a list that the French breaks elsewhere. The MT finds
    # each German sentence's content in the French either way and split each group into
    # 1-1 pairs; the lengths show where the boundary went, and the alignment without MT
    # keeps each group whole. Where that alignment leaves a sentence out instead, the MT's
    # group stays (German 220 with French 259-260; without MT, 260 is left out).
    result = _text_berg_alignment(name)
    pairs = [(b.src, b.tgt) for b in result.beads]
    kept = [((242, 243), (283, 284)), ((395, 396), (465, 466)), ((419, 420), (496, 497))]
    assert all(group in pairs for group in kept)
    assert ((220,), (259, 260)) in pairs
    marked = {(b.src, b.tgt) for b in result.beads if b.mt_splits}
    assert set(kept) <= marked and len(marked) <= 8
    without = {(b.src, b.tgt) for b in _text_berg_alignment("none").beads}
    assert marked <= without
    assert not any(b.disputed for b in result.beads if b.mt_splits)


@needs_dev
@pytest.mark.parametrize("name", ["none", "google", "europarl"])
def test_unsure_groups_are_where_the_errors_are(name: str) -> None:
    # A group's confidence was judged only against leaving its sentences out, which a pair
    # of sentences of similar length always beats: no two-sided group of Text+Berg was
    # unsure, so the review's filter showed none of the 33-39 wrong ones. Judged also
    # against the best other grouping of it and a neighbour, 37-42 groups are unsure and
    # 14-34% of them are wrong, 2.4-4.3 times the rate of wrong groups overall. (With MT it
    # was 3.6 times and more until the groups the MT split wrongly, all of them unsure, were
    # kept whole: 9 fewer wrong groups, and as many left uncaught as before.)
    result = _text_berg_alignment(name)
    right = {(bead.src, bead.tgt) for bead in text_berg().gold}
    paired = [bead for bead in result.beads if bead.src and bead.tgt]
    unsure = [bead for bead in paired if bead.confidence < LOW_CONFIDENCE]
    wrong_overall = sum((b.src, b.tgt) not in right for b in paired) / len(paired)
    wrong_unsure = sum((b.src, b.tgt) not in right for b in unsure) / max(len(unsure), 1)
    assert len(unsure) >= 20
    assert wrong_overall < 0.11 and wrong_unsure > 2 * wrong_overall


@needs_dev
@pytest.mark.parametrize("name", ["google", "europarl"])
def test_groups_the_alignment_without_mt_makes_otherwise_are_unsure(name: str) -> None:
    # A second opinion: the alignment without MT (the texts' own names and numbers, lengths)
    # groups some sentences otherwise. Where a passage is missing, those groups are wrong far
    # more often than the rest (Text+Berg lacking French 150-299 or German 100-249: 14 of 28
    # with the strong MT, 16 of 28 with the weak, against 15-20% of all groups), so they are
    # unsure too. (On the whole text, the disagreements left once the groups the MT split
    # are kept whole are the MT's to settle, and it does: 0 and 2 of 10 and 11 wrong.)
    wrong = groups = wrong_disputed = disputed_count = 0
    for cut, side in ((range(150, 300), "target"), (range(100, 250), "source")):
        source, target, gold = _text_berg_without(cut, side)
        mt = text_berg().mt[name]
        mt = [line for k, line in enumerate(mt) if side == "target" or k not in cut]
        result = align(
            side_features(source, lang="de"),
            side_features(target, lang="fr"),
            source_mt=mt,
            target_texts=target,
            source_texts=source,
        )
        without = {(b.src, b.tgt) for b in _aligned_without_mt(source, target).beads}
        right = {(bead.src, bead.tgt) for bead in gold}
        disputed = [bead for bead in result.beads if bead.disputed]
        assert all(
            (b.src, b.tgt) not in without and b.confidence < LOW_CONFIDENCE for b in disputed
        )
        assert all(
            b.disputed or (b.src, b.tgt) in without or b.confidence >= 0.97 for b in result.beads
        )
        groups += len(result.beads)
        wrong += sum((b.src, b.tgt) not in right for b in result.beads)
        disputed_count += len(disputed)
        wrong_disputed += sum((b.src, b.tgt) not in right for b in disputed)
    assert disputed_count >= 15
    assert wrong_disputed / disputed_count > 2.5 * wrong / groups


@needs_dev
@pytest.mark.parametrize("name", ["none", "google"])
def test_a_passage_one_side_lacks_is_left_out_without_asking(name: str) -> None:
    # Text+Berg without French lines 150-299: the German lines whose French was cut are
    # left out, and a reviewer need not look at each; those a neighbour's group would take
    # nearly as cheaply are unsure. Every left-out line was unsure (0.5) before: 1,427 of
    # the 3,624 groups of the eight cut texts without MT, 146 of them wrong.
    berg = text_berg()
    kept = [j for j in range(len(berg.target)) if not 150 <= j < 300]
    renumber = {j: k for k, j in enumerate(kept)}
    target = [berg.target[j] for j in kept]
    gold: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
    for bead in berg.gold:
        tgt = tuple(renumber[j] for j in bead.tgt if j in renumber)
        gold |= {(bead.src, tgt)} if tgt or not bead.src else {((i,), ()) for i in bead.src}
    result = _german_french(berg.source, target, None if name == "none" else berg.mt[name])
    alone = [bead for bead in result.beads if not (bead.src and bead.tgt)]
    right = [bead for bead in alone if (bead.src, bead.tgt) in gold]
    wrong = [bead for bead in alone if (bead.src, bead.tgt) not in gold]
    assert len(right) > 100
    sure = [bead for bead in right if bead.confidence >= LOW_CONFIDENCE]
    assert len(sure) > 0.85 * len(right)
    unsure_rate = sum(b.confidence < LOW_CONFIDENCE for b in wrong) / max(len(wrong), 1)
    assert unsure_rate > 2 * (1 - len(sure) / len(right))


def _path(kinds: list[tuple[int, int]]) -> list[Bead]:
    beads, i, j = [], 0, 0
    for a, b in kinds:
        beads.append(Bead(tuple(range(i, i + a)), tuple(range(j, j + b)), 0.9))
        i, j = i + a, j + b
    return beads


def test_a_group_the_mt_splits_is_kept_whole_only_where_every_part_has_both_sides() -> None:
    from termwise.align.aligner import _kept_whole

    with_mt = _path([(1, 1), (1, 1), (1, 1), (1, 1), (1, 0), (1, 1), (1, 2)])
    without = _path([(1, 1), (2, 2), (1, 1), (2, 1), (1, 1), (0, 1)])
    kept = _kept_whole(with_mt, without)
    assert [(b.src, b.tgt) for b in kept] == [
        ((0,), (0,)),
        ((1, 2), (1, 2)),  # split in two 1-1 pairs by the MT: kept whole
        ((3,), (3,)),
        ((4,), ()),  # a part left out: the MT's groups stay
        ((5,), (4,)),
        ((6,), (5, 6)),  # coarser than the alignment without MT: the MT's group stays
    ]
    assert [b.mt_splits for b in kept] == [False, True, False, False, False, False]
    assert kept[1].confidence < LOW_CONFIDENCE
    # At either end of the texts the alignment without MT takes up what the lengths left.
    ends = _kept_whole(_path([(1, 1)] * 5), _path([(2, 2), (1, 1), (2, 2)]))
    assert not any(b.mt_splits for b in ends) and len(ends) == 5


@given(st.lists(st.sampled_from([(1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2)]), max_size=30))
def test_kept_groups_still_cover_every_sentence_once_in_order(
    kinds: list[tuple[int, int]],
) -> None:
    from termwise.align.aligner import _kept_whole

    with_mt = _path(kinds)
    # The alignment without MT: every 1-1 pair followed by another joined with it.
    joined: list[tuple[int, int]] = []
    made: list[bool] = []  # whether each of its groups is such a join
    for kind in kinds:
        if joined and kind == (1, 1) and joined[-1] == (1, 1) and not made[-1]:
            joined[-1], made[-1] = (2, 2), True
        else:
            joined.append(kind)
            made.append(False)
    kept = _kept_whole(with_mt, _path(joined))
    assert [i for b in kept for i in b.src] == [i for b in with_mt for i in b.src]
    assert [j for b in kept for j in b.tgt] == [j for b in with_mt for j in b.tgt]
    assert sum(b.mt_splits for b in kept) == sum(made[1:-1])


@needs_dev
def test_page_numbers_and_headers_of_a_pdf_are_left_out() -> None:
    # About half of the page lines went into a neighbouring group, some paired 1-1 with a
    # sentence ("Die Alpen 1957 — 25" ↔ "mais c'est en vain .") and not flagged.
    source, target, gold = text_berg().source, text_berg().target, text_berg().gold
    german, de_place = paginate(source, 35, 20, "Die Alpen 1957 — {}")
    french, fr_place = paginate(target, 41, 30, "Les Alpes 1957 — {}")
    moved = [
        Bead(tuple(de_place[i] for i in b.src), tuple(fr_place[j] for j in b.tgt)) for b in gold
    ]
    page_de = set(range(len(german))) - set(de_place)
    page_fr = set(range(len(french))) - set(fr_place)

    def spanned(groups: list[tuple[int, ...]]) -> set[int]:
        return {k for group in groups if group for k in range(min(group), max(group) + 1)}

    # Only a page break inside a gold group's sentences can be in a group: groups are runs.
    inside = spanned([b.src for b in moved]) & page_de, spanned([b.tgt for b in moved]) & page_fr
    result = _aligned_without_mt(german, french)
    taken_in = {k for b in result.beads if b.src and b.tgt for k in b.src} & page_de
    taken_in_fr = {k for b in result.beads if b.src and b.tgt for k in b.tgt} & page_fr
    assert taken_in <= inside[0] and taken_in_fr <= inside[1]
    # Where a page break runs through a group, its TMX unit holds the text without the page.
    from termwise.align.output import tmx_units

    units = tmx_units(german, french, result.beads, "de", "fr")
    assert not [u for u in units if "Alpen 1957" in u.source or "Alpes 1957" in u.target]
    # Scored with the page lines taken out of the groups (as the gold has them).
    stripped = [
        Bead(
            tuple(i for i in b.src if i not in page_de), tuple(j for j in b.tgt if j not in page_fr)
        )
        for b in result.beads
    ]
    kept = [b for b in stripped if b.src or b.tgt]
    clean = score_file(gold, _aligned_without_mt(source, target).beads).values()["f1_strict"]
    assert score_file(moved, kept).values()["f1_strict"] > clean - 0.01


def test_a_heading_is_never_grouped_with_a_sentence_of_the_text() -> None:
    # An English book's "1 Samuel 4" was aligned with its next verse against the Chinese
    # heading, and joined: every edition printed the verse as a heading, the only one of its
    # level, and the book's other 634 headings one level lower.
    english = [
        "Chapter 1",
        "The travellers left the village before dawn and followed the river north.",
        "They reached the old bridge at noon and rested under the trees.",
        "Chapter 2",
        "And the word of the elder came to all the people of the valley.",
        "The next morning they crossed the bridge and climbed towards the pass.",
        "Snow lay on the high ground, and the path was hard to find.",
    ]
    spanish = [
        "Capítulo 1",
        "Los viajeros dejaron el pueblo antes del alba y siguieron el río hacia el norte.",
        "Llegaron al viejo puente a mediodía y descansaron bajo los árboles.",
        "Capítulo 2 Y la palabra del anciano llegó a todo el pueblo del valle.",
        "A la mañana siguiente cruzaron el puente y subieron hacia el paso.",
        "La nieve cubría las alturas y el camino era difícil de encontrar.",
    ]
    source_headings = [text.startswith("Chapter") for text in english]
    target_headings = [text.startswith("Capítulo") for text in spanish]
    beads = align(
        side_features(english, lang="en", headings=source_headings),
        side_features(spanish, lang="es", headings=target_headings),
    ).beads
    for bead in beads:
        marked = {source_headings[k] for k in bead.src}
        assert len(marked) <= 1, bead


@needs_dev
def test_a_passage_the_translation_lacks_is_left_out_in_one_run() -> None:
    # The Bible's first 800 verses without Chinese lines 300-499, so that 149 English lines
    # have lost their verses' translation. When every sentence left out cost as much as the
    # first, the search shared the hole out: 34 groups paired one of those English lines
    # with a Chinese line from the hole's edges, between runs of one to three lines left
    # out (110 of the 149; strict F1 0.912). A sentence left out right after another of its
    # side costs RUN_RELIEF less, and the passage is left out in one run (148; 0.985).
    bible = bible_slice()
    end = max(k for k, verse in enumerate(bible.tgt_verses) if verse == bible.src_verses[799]) + 1
    kept = [j for j in range(end) if not 300 <= j < 500]
    renumber = {j: k for k, j in enumerate(kept)}
    source, target = bible.source[:800], [bible.target[j] for j in kept]
    gold = [
        Bead(bead.src, tuple(renumber[j] for j in bead.tgt if j in renumber))
        for bead in bible.gold
        if max(bead.src) < 800
    ]
    lacking = {i for bead in gold if not bead.tgt for i in bead.src}
    assert len(lacking) > 140
    result = align(
        side_features(source, lang="en"),
        side_features(target, lang="zh"),
        source_texts=source,
        target_texts=target,
    )
    left_out = {i for bead in result.beads if not bead.tgt for i in bead.src}
    assert len(lacking & left_out) > 0.95 * len(lacking)
    strays = [bead for bead in result.beads if bead.tgt and lacking & set(bead.src)]
    assert len(strays) <= 3
    verses = (bible.src_verses[:800], [bible.tgt_verses[j] for j in kept])
    merged = merge_within_verses(result.beads, *verses)
    assert score_file(gold, merged).values()["f1_strict"] > 0.97


def _with_heading_and_note(
    source_line: int, target_line: int, note: str
) -> tuple[list[str], list[str]]:
    """Text+Berg around a group boundary, a heading put in on both sides (line 15), then a
    German sentence the French lacks and, in the French, a translator's note (line 16)."""
    tb = text_berg()
    german = [
        *tb.source[source_line - 15 : source_line],
        "Der Abstieg über den Gletscher",
        "Wir hatten am Vorabend lange über die Route gesprochen , aber niemand wusste , ob "
        "die Brücken über die Spalten noch halten würden .",
        *tb.source[source_line : source_line + 15],
    ]
    french = [
        *tb.target[target_line - 15 : target_line],
        "La descente par le glacier",
        note,
        *tb.target[target_line : target_line + 15],
    ]
    return german, french


NOTES = [
    "(N.d.T. : le texte allemand cite ici un passage du rapport officiel de l' expédition , "
    "que nous ne reproduisons pas .)",
    "[Translator's note: the author uses the local name of the pass .]",
]


@needs_dev
@pytest.mark.parametrize("note", NOTES)
@pytest.mark.parametrize(("source_line", "target_line"), [(134, 176), (86, 129), (204, 238)])
def test_a_translators_note_is_not_the_translation_of_a_sentence_left_out(
    note: str, source_line: int, target_line: int
) -> None:
    # An audit: after a heading, the German had a sentence the French lacks and the French
    # a translator's note; the note was paired with the sentence as a sure 1-1 group (0.90
    # to 0.98), or the heading, sentence and note made one sure group, so nothing was
    # listed for review. A note is aligned with nothing. (The sentence the French lacks may
    # still join the next group; with the headings unmarked, as one sentence per line has
    # them, the German heading may go with the sentences before it.)
    german, french = _with_heading_and_note(source_line, target_line, note)
    for marked in (True, False):
        source_headings = [k == 15 for k in range(len(german))] if marked else None
        target_headings = [k == 15 for k in range(len(french))] if marked else None
        beads = align(
            side_features(german, lang="de", headings=source_headings),
            side_features(french, lang="fr", headings=target_headings),
            source_texts=german,
            target_texts=french,
        ).beads
        groups = [(bead.src, bead.tgt) for bead in beads]
        assert ((), (16,)) in groups
        assert not [bead for bead in beads if 16 in bead.tgt and bead.src]
        if marked:
            assert ((15,), (15,)) in groups


@needs_dev
@pytest.mark.parametrize(("source_line", "target_line"), [(382, 443), (304, 354), (339, 392)])
def test_a_join_beside_a_translators_note_is_listed_for_review(
    source_line: int, target_line: int
) -> None:
    # The German sentence the French lacks, beside the note, went into the next group as a
    # sure 2-1 (0.92), 3-1 (0.91) or 2-2 (0.96): the project joined the left-out sentence
    # to its neighbour without listing it. A group of several source sentences beside a
    # note's own group is unsure, so its join is reviewed.
    german, french = _with_heading_and_note(source_line, target_line, NOTES[0])
    for marked in (True, False):
        source_headings = [k == 15 for k in range(len(german))] if marked else None
        target_headings = [k == 15 for k in range(len(french))] if marked else None
        beads = align(
            side_features(german, lang="de", headings=source_headings),
            side_features(french, lang="fr", headings=target_headings),
            source_texts=german,
            target_texts=french,
        ).beads
        note = beads.index(Bead((), (16,)))
        joins = [bead for bead in beads[note - 1 : note + 2] if len(bead.src) > 1 and bead.tgt]
        assert joins and 16 in joins[-1].src
        assert all(bead.confidence < LOW_CONFIDENCE for bead in joins)


@needs_dev
@pytest.mark.parametrize(("source_line", "target_line"), [(21, 57), (205, 241), (361, 416)])
def test_a_group_a_translators_note_lies_inside_is_unsure(
    source_line: int, target_line: int
) -> None:
    # A German sentence the French translates in two, a note between the two: the note
    # comes back inside their group, and a group holding the translation of nothing is
    # one to review, however sure its sentences are.
    tb = text_berg()
    assert Bead((source_line,), (target_line, target_line + 1)) in tb.gold
    german = tb.source[source_line - 12 : source_line + 12]
    french = [
        *tb.target[target_line - 12 : target_line + 1],
        "[N.d.T. : l' auteur emploie ici le nom local du col .]",
        *tb.target[target_line + 1 : target_line + 12],
    ]
    beads = align(
        side_features(german, lang="de"),
        side_features(french, lang="fr"),
        source_texts=german,
        target_texts=french,
    ).beads
    holding = [bead for bead in beads if 13 in bead.tgt]
    assert len(holding) == 1
    if holding[0].src:
        assert holding[0].confidence < LOW_CONFIDENCE
