"""Sentence alignment by dynamic programming over lengths, anchors and (optionally) MT similarity.

The search is Gale and Church's: a path through the grid of (source sentences consumed,
target sentences consumed), moving by beads 1-1, 1-0, 0-1, 1-2, 2-1, 2-2, 1-3 and 3-1 (and,
in the last pass, 1-4, 4-1, 2-3, 3-2, 1-5 and 5-1), each with a cost. What differs:

* The cost adds, to the length model, mismatches of anchor marks (numbers, ?, !, quotes,
  parentheses, glossary concepts), paragraph boundaries crossed inside a group, and, when a
  machine translation of the source is at hand, how much the MT of the source group looks
  like the target group (without MT: the source itself, or a word-by-word translation
  through a table learned from the first pass). Each sentence of a group earns what the
  other side shows of it, so a group whose clauses cross a sentence boundary beats the two
  half-right 1-1 pairs it could be split into; with MT, a cut between two groups costs
  what the sentences on either side of it show across it. A group that ends at a colon or
  semicolon on one side only has likely cut a sentence; a run of lines that resemble
  nothing on the other side (captions, plates) is cheap to leave out, so it is not shared
  out among the groups around it.
* Nothing is fixed for a language pair in advance: a first pass with neutral settings aligns
  the texts, and from its 1-1 groups the length ratio, the length variance, how often each
  kind of group occurs, how reliably each anchor class is carried over and whether the two
  sides end lines alike (at commas, colons and semicolons) are estimated; a second pass
  aligns with those. A Chinese translation that splits every long English verse in
  two thus gets cheap 1-2 groups, and the colons of the King James Bible, which the Chinese
  does not keep, stop counting. A page has few 1-1 groups to learn from: the model is
  learned from 8, and with fewer the MT's scale is read from the band it is searched in.
* A first pass by lengths alone cannot see a block one side lacks, and shares it out over the
  text; pairs of sentences too alike to be chance (by the MT or the shared strings, see
  ``anchors``), or across scripts without MT the length ratio whose alignment teaches the
  best word table, show that it went astray, and it is redone through them. The MT's own
  line lengths give the length ratio where the totals' ratio is off (a side lacks a passage).
  A side with twice the other's sentences or more holds a part the other lacks (a translated
  chapter, a partial edition): the length ratio is then the sentences' mean lengths', and
  that side's head and tail are open, so what the other lacks is left out there in one run.
* An MT given is checked before it is trusted: one whose line lengths do not follow the
  source's (of another file, or out of step, where its content agrees), or that ranks the
  first pass's pairs no better than chance, is dropped and the texts are aligned as without
  it, for its anchors would pin the search to the wrong lines. An MT termwise made, a call
  per sentence, cannot be out of step, and its lengths are not judged.
* Time and memory stay linear: the texts are first aligned as blocks of sentences, and each
  later pass searches only a band around the previous path. Inside the band, all costs of a
  block of rows are computed at once with numpy and the recursion runs row by row, with the
  0-1 moves inside a row solved by a running minimum.
"""

from __future__ import annotations

import copy
import itertools
import math
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy.special import log_ndtr

from termwise.align.anchors import RARE_NGRAMS, TABLE_RARE_UNITS, anchors
from termwise.align.beads import Bead
from termwise.align.features import CLASS_COUNT, SideFeatures, coarsen, sentence_length
from termwise.align.lexicon import lexicon_similarity
from termwise.align.similarity import MAX_GROUP, BandSimilarity, Pairs

Array = npt.NDArray[np.float64]
Index = npt.NDArray[np.int64]

BEAD_KINDS: tuple[tuple[int, int], ...] = (
    (1, 1),
    (1, 0),
    (0, 1),
    (1, 2),
    (2, 1),
    (2, 2),
    (1, 3),
    (3, 1),
)
# Larger groups, searched only in the narrow band of the last pass (each kind adds a tenth to
# the time of a pass). A sentence that the other side splits in five (a list, a title with its
# imprint) occurs twice in Text+Berg's 422 gold groups; without 1-5 each became a 1-4 group and
# a line left out (strict F1 with the strong MT 0.923 -> 0.930, without MT 0.915 -> 0.922).
# 3-3 and 2-4 / 4-2 cost more than they gained (with the strong MT 0.930 -> 0.926 each).
WIDE_KINDS: tuple[tuple[int, int], ...] = ((1, 4), (4, 1), (2, 3), (3, 2), (1, 5), (5, 1))
ALL_KINDS = BEAD_KINDS + WIDE_KINDS
MAX_KIND_SIZE = max(max(kind) for kind in ALL_KINDS)
assert MAX_KIND_SIZE <= MAX_GROUP, "the similarity sums groups of at most MAX_GROUP sentences"
_INSERTION = ALL_KINDS.index((0, 1))
# Neutral first-pass priors (roughly those of Gale and Church and of later aligners).
DEFAULT_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.85,
    (1, 0): 0.03,
    (0, 1): 0.03,
    (1, 2): 0.05,
    (2, 1): 0.05,
    (2, 2): 0.01,
    (1, 3): 0.003,
    (3, 1): 0.003,
    (1, 4): 0.001,
    (4, 1): 0.001,
    (2, 3): 0.002,
    (3, 2): 0.002,
    (1, 5): 0.0005,
    (5, 1): 0.0005,
}
# Below this many grid cells the first pass searches the whole grid. It costs about 4 µs a
# cell here (6 s at the limit), but a band around the alignment of blocks of sentences is
# misled by a large block one side lacks: Text+Berg with 150 of its 554 French lines cut
# scored 0.35 strict F1 in a band, 0.57 in the whole grid (0.84 with the ratio redone, below).
FULL_GRID_CELLS = 1_500_000
# A first pass whose 1-1 groups show a length ratio more than 10% (in log) off the one it
# assumed is redone with theirs, up to RATIO_RETRIES times. Text+Berg with 150 of its 554
# French lines cut in one block: the totals say 0.70, the pairs 0.90, then 1.00; strict F1
# 0.57 -> 0.84 (the French cut from the start: 0.74 -> 0.76; the German cut in the middle:
# 0.61 -> 0.82). Untouched texts never drift that far: every alignment of the development
# data is unchanged.
RATIO_DRIFT = 0.1
RATIO_RETRIES = 3
# Without MT or shared strings, a first pass whose word table ranks its own 1-1 pairs below
# RANK_DOUBT is searched again with the length ratio times each of RATIO_FACTORS, and the
# one whose table ranks at least RANK_GAIN better is kept (see _scanned_ratio). The gain
# lies far above the noise of a rank over a few hundred pairs (0.02-0.03): the Bible's first
# 800 verses with 200 lines cut from one side gained 0.11 to 0.23.
RANK_DOUBT = 0.9
RANK_GAIN = 0.1
RATIO_FACTORS = (0.5, 0.6, 0.7, 0.8, 0.9, 1 / 0.9, 1 / 0.8, 1 / 0.7, 1 / 0.6, 1 / 0.5)
# A first pass with at least this many anchors (see align/anchors.py) outside the band the
# next pass would search is redone in a band through the anchors.
ANCHORS_ASTRAY = 3
COARSE_BLOCK = 8
# The search computes the costs of about this many cells at once. Blocks of a fixed 256 rows
# were right for a band (about 70 cells wide) but held 300,000 cells of a whole grid, whose
# arrays then missed the cache: the whole grid of 1,170 x 1,108 blocks took 5.6 s in blocks
# of 256 rows, 2.1 s in blocks of 16,384 cells (4,096: 2.4 s, 32,768: 4.7 s; the Bible's
# bands the same at 8,192 to 32,768).
BLOCK_CELLS = 16_384
MARK_WEIGHT = 4.0
BREAK_WEIGHT = 3.0
HEADING_WEIGHT = 3.0
# A group that holds a heading and a sentence of the text (on one side): joined, the sentence
# printed as a heading in every edition (and the book's other headings a level lower). A
# heading that a translation runs into its text is rarer than a chapter's last verse that
# the translation moved: the group is all but ruled out, and the sentence finds another.
MIXED_HEADING_COST = 50.0
# Where both sides mark headings, leaving one out costs this many nats more than a sentence:
# a translation keeps its headings (a sentence's prior of being left out is about 0.03, a
# heading's here exp(-5) of that, one in 5,000). Without it, a short heading was the cheapest
# line to leave out: the wind report's "Challenges" and "Retos" were both left out so that a
# sentence the Spanish drops before the heading could pair with one it adds after (a sure 1-1
# group, without MT). Leaving out the two long sentences instead cost 3.4 more in the whole
# report, up to 4.5 more in its shorter cuts (fewer 1-1 groups to learn the model from); 5
# pairs the headings in all of them. A heading the other side lacks is left out on every
# path alike; one it sets as a paragraph now pairs with it (and is listed, see
# _headings_unsure). Every benchmark text is read line by line, without headings: unchanged.
HEADING_LEFT_OUT = 5.0
# A group that pairs a heading with a sentence, or a heading left out while the other side
# leaves a heading out within the search band's margin (REFINE_MARGINS) of it: one of the two
# structures is wrong, and the costs alone need not show it (the local margins compare
# neighbouring groups, and the alternative, pairing the headings, lies further off). Its
# confidence is capped here, so that the review lists it.
HEADING_CONFIDENCE = 0.5
MT_WEIGHT = 8.0
# A table learned from the texts ranks translations about as well as an MT does (0.98 of
# the Bible's 1-1 pairs above both neighbours two lines away), so it is trusted as much; the
# estimate scales it down on texts where it ranks worse.
LEXICON_WEIGHT = MT_WEIGHT
# Beside an MT or the source itself, the table counts half as much (chosen on the first half
# of Text+Berg with each MT, among 0.5 and 1; the second halves gain 0.020 and 0.001, and
# without MT, beside the source, 0.021).
TABLE_BESIDE_MT = 0.5
# A sentence of a larger group must itself look like the other side: below this much of the
# evidence of a typical 1-1 pair, each missing unit costs MEMBER_WEIGHT (tuned on the first
# half of Text+Berg with each MT; both MTs gain on the second half too). Every member pays
# for its own shortfall: when only the weakest paid, a 4-1 group took in three lines the
# other side lacks for the price of one (Text+Berg pages lacking a quarter of the French,
# strong MT: 145 of 230 such lines left out, 154 now; strict F1 0.816 -> 0.822, the whole
# texts the same to four places, the first half with the strong MT 0.931 -> 0.938).
MEMBER_WEIGHT = 4.0
MEMBER_FLOOR = 0.3
# Lines that resemble nothing on the other side (below ORPHAN_BELOW of a typical 1-1 pair's
# evidence, against every sentence in the band) and come in runs of at least ORPHAN_RUN are
# a block the other side does not have: plates and captions, a translator's note. Leaving
# each of them out costs SKIP_RELIEF less, about the prior of a left-out line, so the block
# is not shared out among the groups around it. (Chosen on Text+Berg, whose French has 36
# lines of photo captions in one block: every half and each MT at least as good; the whole
# file with the strong MT 0.917 → 0.923.)
SKIP_RELIEF = 3.0
ORPHAN_BELOW = 0.2
ORPHAN_RUN = 3
MT_CAP = 1.5
# 1-1 groups of the first pass on which to judge whether the two sides share telling strings.
COGNATE_SAMPLE = 400
# A first pass gone astray (a page that lacks a passage) has no right pairs to judge the
# shared strings on. Up to COGNATE_ANCHOR_LINES lines on the shorter side, they are then
# judged by their anchors instead: where at least COGNATE_ANCHORS of the shorter side's
# lines (and RANK_MIN_PAIRS) are anchors, they tell translations apart, and the stretches
# between anchors tell the length ratio.
# Text+Berg's pages of 20-40 lines, whole or a quarter of the French cut, have 0.28-0.89;
# the Bible's, across scripts, none. (The n-grams of 1,000 English and 1,300 Chinese lines
# take 0.3 s, of 10,000 and 13,000 3 s.)
COGNATE_ANCHOR_LINES = 1000
COGNATE_ANCHORS = 0.2
# The fewest 1-1 groups of the first pass on which an MT's rank is judged, the model
# re-estimated and the shared strings' rank judged. A wrong MT (of another file) must be
# caught in a one-page text too; with 8 pairs, chance gives a smoothed rate of about 0.37
# (no weight) and a usable MT 0.7 or more. (The estimate once needed 20: a page of 20 to 40
# lines kept the neutral model, and Text+Berg cut in such windows scored 0.888 with the
# strong MT, 0.837 without; 0.914 and 0.880 at 8, the whole texts unchanged.)
RANK_MIN_PAIRS = 8
# An MT whose line lengths follow the source's (log-length correlation 0.93-0.98 for both
# MTs of Text+Berg, 0.1-0.3 one line off) tells the length ratio of the two languages
# whatever either side lacks.
MT_LENGTH_CORRELATION = 0.8
# Below this, or below the correlation with the source one line off, the MT is not a
# line-by-line translation of the source (of another file, lines out of order or shifted) and
# the texts are aligned as without it. On pages of 20-40 lines, the right MTs of Text+Berg
# have 0.93-1.00 and the Bible's stand-in 0.55-0.97 (English against Chinese), 0.27 or more
# above the correlation one line off; the MT of lines 200 on, or in reverse order, -0.57-0.46,
# one line off -0.46-0.65 but 0.2 or more below the correlation one line off. A wrong MT
# that passes is left to the rank test, which needs 8 1-1 groups of the first pass, and a
# page that lacks a passage often has fewer (such pages with a wrong MT: 0.59, without 0.70).
MT_FOLLOWS = 0.4
INNER_SOFT_WEIGHT = 3.0
DEBRIS_WEIGHT = 1.5
# A group ending at a comma on one side only (a verse that runs on); scaled like the next.
SOFT_END_WEIGHT = 3.0
PRIOR_STRENGTH = 10000.0
SKIP_LENGTH_WEIGHT = 0.25
# The length variance of a sentence left out is at least this many times the length ratio
# (the first pass assumes 4). Where the lengths match closely (a post-edited MT; a page whose
# few pairs happened to fit), the estimated variance is small, and leaving out a long sentence
# cost far more than taking it into a neighbour's group, whose spread grows with its length:
# the seed paper against its Apertium Spanish lacking a passage put a sentence the Spanish
# lacks into a 3-2 group (its variance 1.1 times the ratio; Text+Berg 5.3 times, the Bible 9).
# Text+Berg's pages lacking a quarter: strict F1 0.713 / 0.827 / 0.803 -> 0.722 / 0.838 /
# 0.813 (no MT / strong / weak); every whole text, page and long cut the same (at 4: the
# pages 0.896 -> 0.894 without MT).
SKIP_VARIANCE = 3.0
# A group ending at a colon or semicolon on one side and a full stop on the other: in
# Text+Berg's gold 5% of groups do, so a mismatch costs about -log(0.05). Scaled down on
# texts whose sides do not split alike (see _agreement_weight).
OPEN_END_WEIGHT = 3.0
# Column margins of the passes after the first, each around the previous path; a pass whose
# path runs along the band's edge is searched again with the margin doubled, up to WIDENINGS
# times (Text+Berg with its first 120 French lines cut: strict F1 0.76 -> 0.83; no path of
# the development data touches an edge).
REFINE_MARGINS = (12,)
# In those passes, each sentence left out after another of the same side (the second and
# later of a run of 1-0 or of 0-1 groups) costs this many nats less, so a passage one side
# lacks is left out in one run rather than shared out as short runs between stray groups
# from its edges (the Bible's first 800 verses without Chinese lines 300-499: 34 stray
# groups, strict F1 0.912 -> 0.985; Text+Berg's pages lacking a quarter of the French 0.842
# -> 0.869 with the strong MT). No whole text or half loses (Text+Berg without MT 0.9217 ->
# 0.9233); a cut text loses at most 0.005. Starting a run costs nothing more (0.5 more lost
# on every whole text); a relief of 2 lost 0.009 on Text+Berg with the strong MT, 0.5 gained
# half as much on the cut texts, and the relief in the first passes too lost 0.010-0.012 on
# the first half of Text+Berg (without MT and with the weak MT).
RUN_RELIEF = 1.0
# In those passes with MT, a group boundary (a cut between source sentences i-1 | i and
# target sentences j-1 | j) costs this many nats per unit of the evidence that source i-1
# shows in target j, and source i in target j-1: content seen across a cut is a sentence
# the cut splits from its translation, as a number on one side of the cut and its
# counterpart on the other is (MARK_WEIGHT). Text+Berg with the weak MT: German 173 ("…
# Spiti, wo 1955 die « Cambridge University Expedition » tätig war") ends in French 211
# ("L' expédition de l' Université de Cambridge y fut en 1955 …"), so the gold 3-2 group
# 173-175 / 210-211 beats 173 / 210 and 174-175 / 211 (0.9367 -> 0.9402, no half or other
# set moves). At 0.15 nothing moves; at 0.45 and more the first half loses German 97-100,
# whose French 148 ends German 97 though the gold gives it to 98-100. Without MT (the word
# table, the shared strings) it cost Text+Berg's first half and the Bible (0.5: 0.9324,
# 0.9750 against 0.9353, 0.9758).
CROSSING_WEIGHT = 0.3
# A side with at least PART_COUNT times the other's sentences may hold more than the other
# translates: a translation of a part of its source (a chapter, a partial edition), or a
# source of which the other side is a part. Translations of whole texts keep their sentence
# counts well within it (the Bible's Chinese 1.34 times the English lines, Text+Berg's
# French 1.18 times the German). Where the first pass shows it (see _part_model), two
# things change. The length ratio is that of the
# sentences' mean lengths, not of the totals: a Chinese translation of the seed paper's
# first 15 of its 102 sentences has 0.04 characters per English one in all, and at that
# ratio every Chinese sentence took five English ones, spread from start to end. And the
# longer side's head and tail are open: a sentence left out before the first or after the
# last sentence of the other side costs no more than a pair (see _Costs.of), so what the
# shorter side lacks is left out in one run at the start or end, not shared out among its
# groups.
PART_COUNT = 2.0
# And it holds a part only where the other side covers less than PART_SHARE of its
# characters, counted at the pair's usual ratio (PART_SCRIPT_RATIO): a translation that
# joins short sentences into long ones (a checklist of 30 lines in 12 Spanish sentences,
# 2.5 times fewer) covers all of them (1.3 Spanish characters per English one), and was
# taken for the translation of a part: 16 English lines left out, every pair wrong. A part
# of a fifth or a third covers that share of the characters.
PART_SHARE = 0.5
# Characters of a Chinese or Japanese text per character of an alphabetic one that says as
# much (the Bible's Chinese 0.30 per English one); alphabetic texts are taken as 1 to 1.
PART_SCRIPT_RATIO = 0.3
WIDENINGS = 3
VARIANCE_WIDENING = 3.0
# Aligned with MT, a group that the alignment without MT (the texts' own strings, the word
# table, lengths) does not share, and whose own margin gives it less than DISPUTE_BELOW, is
# as likely wrong as an unsure one: on Text+Berg with either MT, whole, in 8 cuts and in 37
# pages, 28-55% of such groups not already unsure were wrong (8-19% of all groups), and
# above 0.97 no more often than the rest. Its confidence is capped at DISPUTED_CONFIDENCE, so
# the review lists it: the whole text with the strong MT 41 unsure groups catching 13 of 37
# wrong ones -> 52 catching 19; its pages 321 / 144 of 360 -> 411 / 183.
DISPUTE_BELOW = 0.97
DISPUTED_CONFIDENCE = 0.6
# The confidence of a group with both sides that a translator's note lies inside, or of a
# group of several source sentences right beside a note: below output.LOW_CONFIDENCE, so
# that it is listed for review (and such a group's join is not recorded unreviewed).
NOTE_CONFIDENCE = 0.5
# A short text's shared strings taken unjudged (Model.mt_against False): this much evidence
# (a cosine, less the text's noise) is a shared name, number or cognate, not chance. In the
# short-text scored set, pairs that share one have 0.1-0.3; a pair the right path leaves
# apart is at most 0.03 above what its sentences show in their own groups. Where a pair the
# path leaves apart shows this much more, the lengths went astray somewhere in the text, and
# every group they decided alone (no member showing this much) is capped at
# DISPUTED_CONFIDENCE: the audit's wound-care steps, aligned 1-1 throughout, 5 of 6 wrong,
# were all sure (0.98) while "saline solution" / "solución salina" lay two lines apart.
UNJUDGED_SHOWN = 0.1
# Aligned with MT, a sentence that its own group shows less than MEMBER_FLOOR of, while a
# sentence of another group shows at least this much more of it (in a typical 1-1 pair's
# evidence), belongs there or nowhere: its group is capped at DISPUTED_CONFIDENCE (see
# _unsupported). On Text+Berg's pages lacking a quarter of the French, 15 of the 32 groups
# it adds to the unsure ones with the strong MT are wrong, 18 of 33 with the weak (18-20% of
# all groups); on the whole text 1 of 15 and 0 of 11 (6% of all). At 0 it adds 22 and 23
# groups there (2 and 1 wrong), at 0.2 12 and 7 (0 wrong).
SHOWN_ELSEWHERE = 0.1


@dataclass(frozen=True)
class Model:
    """Everything the cost of a group depends on."""

    ratio: float  # target length per source length unit
    variance: float  # of the target length, per unit of mean length
    priors: dict[tuple[int, int], float] = field(default_factory=lambda: dict(DEFAULT_PRIORS))
    mark_weights: Array = field(default_factory=lambda: np.full(CLASS_COUNT, MARK_WEIGHT))
    soft_end_weight: float = 1.0  # a group ending mid-sentence on one side only
    mt_random: float = 0.0  # typical MT similarity of unrelated sentences
    mt_aligned: float = 1.0  # typical MT similarity of translations
    mt_weight: float = MT_WEIGHT  # how far the similarity is trusted (how well it ranks)
    open_end_weight: float = 0.0  # a group ending at a colon or semicolon on one side only
    # Whether a pair the similarity finds less alike than unrelated ones is evidence against
    # it, and a run of lines alike to nothing a block the other side lacks. Not for shared
    # strings taken unjudged (see _align_text): that a sentence shares nothing with its
    # translation is the rule for them ("Nobody was hurt." / "Nadie resultó herido."), so
    # they only add where they exist. A larger group still asks each of its sentences to
    # show itself (MEMBER_FLOOR), a claim a pair does not make: without it, "Bring the torque
    # wrench." joined "Bring the multimeter." against "Traiga el multímetro.".
    mt_against: bool = True
    # Whether the source's, and the target's, head and tail are open: it holds a part the
    # other side lacks (see PART_COUNT).
    open_sides: tuple[bool, bool] = (False, False)


@dataclass
class Alignment:
    """The result: beads in order, and the model the last pass used."""

    beads: list[Bead]
    model: Model
    # How often the given MT ranked a first-pass 1-1 pair above its neighbours (about a
    # third by chance); None without MT or the source texts, or when too few pairs could tell.
    mt_rank: float | None = None
    # How well the log line lengths of the given MT follow the source's; None without MT or
    # with too few lines to tell.
    mt_length_correlation: float | None = None
    mt_out_of_step: bool = False  # its lengths follow the source's better one line off
    # The MT was made a call per source sentence (by termwise), so its lengths were not judged.
    mt_in_step: bool = False

    @property
    def mt_unfollowed(self) -> bool:
        """Whether the MT's line lengths show it is not a line-by-line translation of the
        source, so that it was not used."""
        if self.mt_in_step:
            return False
        return _unfollowed(self.mt_length_correlation, self.mt_out_of_step)

    @property
    def mt_ignored(self) -> bool:
        """Whether the MT was not used (its lengths do not follow the source's, or it ranked
        pairs no better than chance): a user who passed it should hear that it is not a
        translation of these texts."""
        ranked_nothing = self.mt_rank is not None and _rank_weight(self.mt_rank) == 0
        return self.mt_unfollowed or ranked_nothing


@dataclass
class _Side:
    """Prefix sums of one side's features: a group's total is a difference."""

    count: int
    lengths: npt.NDArray[Any]
    marks: npt.NDArray[Any]
    breaks: npt.NDArray[Any]
    headings: npt.NDArray[Any]
    soft_ends: npt.NDArray[Any]
    soft_flags: npt.NDArray[Any]
    debris: npt.NDArray[Any]
    open_flags: npt.NDArray[Any]

    @classmethod
    def of(cls, features: SideFeatures) -> _Side:
        count = len(features)

        def prefix(values: npt.NDArray[Any]) -> npt.NDArray[Any]:
            out = np.zeros((count + 1, *values.shape[1:]), values.dtype)
            np.cumsum(values, axis=0, out=out[1:])
            return out

        return cls(
            count=count,
            lengths=prefix(features.lengths.astype(np.float64)),
            marks=prefix(features.marks.astype(np.int32)),
            breaks=prefix(features.breaks.astype(np.int64)),
            headings=prefix(features.headings.astype(np.int64)),
            soft_ends=prefix(features.soft_ends.astype(np.int64)),
            soft_flags=np.concatenate([features.soft_ends, [False]]),
            debris=prefix(features.debris.astype(np.int64)),
            open_flags=np.concatenate([features.open_ends, [False]]),
        )

    def last(self, flags: npt.NDArray[Any], start: Index, size: int) -> npt.NDArray[Any]:
        """The flag of the last of ``size`` sentences from each ``start`` (False past the end)."""
        ends: npt.NDArray[Any] = flags[np.minimum(start + size - 1, self.count)]
        return ends

    def total(self, prefix: npt.NDArray[Any], start: Index, size: int) -> npt.NDArray[Any]:
        """Sum over ``size`` sentences from each ``start``; starts must lie in 0..count."""
        last = np.minimum(start + size, self.count)
        difference: npt.NDArray[Any] = prefix[last] - prefix[start]
        return difference


@dataclass
class _Band:
    """For each DP row i (source sentences consumed), the target positions [low, high)."""

    low: Index
    high: Index

    @property
    def starts(self) -> Index:
        starts = np.zeros(len(self.low) + 1, np.int64)
        np.cumsum(self.high - self.low, out=starts[1:])
        return starts

    @classmethod
    def full(cls, rows: int, columns: int) -> _Band:
        return cls(np.zeros(rows + 1, np.int64), np.full(rows + 1, columns + 1, np.int64))


def _length_cost(model: Model, source: Array, target: Array) -> Array:
    """-log of the two-tailed probability of the length difference (Gale and Church)."""
    spread = np.sqrt(model.variance * (model.ratio * source + target) / 2 + 1.0)
    delta = np.abs(target - model.ratio * source) / spread
    return -(math.log(2.0) + log_ndtr(-delta))  # type: ignore[no-any-return]


class _Costs:
    """The cost of every kind of group at many grid positions at once."""

    def __init__(
        self,
        source: _Side,
        target: _Side,
        model: Model,
        similarity: BandSimilarity | None,
        kinds: tuple[tuple[int, int], ...] = BEAD_KINDS,
        run_relief: float = 0.0,
        crossing_weight: float = 0.0,
    ) -> None:
        self.source = source
        self.target = target
        self.model = model
        self.similarity = similarity
        self.prior_cost = {
            kind: -math.log(max(model.priors.get(kind, 0.0), 1e-6)) for kind in ALL_KINDS
        }
        self.mt_scale = max(model.mt_aligned - model.mt_random, 1e-3)
        self.skip_model = replace(model, variance=max(model.variance, SKIP_VARIANCE * model.ratio))
        self.kinds = kinds
        # What a sentence left out right after another of its side costs less (see _search).
        self.run_relief = run_relief
        # What a group's first cut costs per unit of evidence seen across it (see _crossing).
        self.crossing_weight = crossing_weight
        # Only the classes that occur and count: most texts use a handful of the 22.
        used = (source.marks[-1] + target.marks[-1] > 0) & (model.mark_weights > 0)
        columns = np.flatnonzero(used)
        self.mark_weights = model.mark_weights[columns].astype(np.float64)
        # The marks of every group of each size, from each start (the search asks for them
        # at every cell of the band, and two prefix lookups per ask cost a third of a pass).
        self.src_marks = _narrowest(_windows(source, source.marks[:, columns]))
        self.tgt_marks = _narrowest(_windows(target, target.marks[:, columns]))
        self.src_marked = {size: np.any(sums, axis=1) for size, sums in self.src_marks.items()}
        self.tgt_marked = {size: np.any(sums, axis=1) for size, sums in self.tgt_marks.items()}
        self.src_lengths = _windows(source, source.lengths)
        self.tgt_lengths = _windows(target, target.lengths)
        any_breaks = bool(source.breaks[-1] or target.breaks[-1])
        self.src_inner = _inner_costs(source, any_breaks)
        self.tgt_inner = _inner_costs(target, any_breaks)
        self.src_ends = _end_codes(source)
        self.tgt_ends = _end_codes(target)
        # What each combination of unlike ends costs, indexed by the XOR of the two codes.
        any_headings = bool(source.headings[-1] or target.headings[-1])
        unlike = np.arange(8)
        self.end_costs = (
            model.soft_end_weight * (unlike & _SOFT_END > 0)
            + model.open_end_weight * (unlike & _OPEN_END > 0)
            + (HEADING_WEIGHT if any_headings else 0.0) * (unlike & _HEADING > 0)
        )
        self.any_unlike_ends = bool(np.any(self.end_costs))
        # Only where both sides mark headings: a text read line by line marks none.
        # (What leaving out each sentence costs more, a last entry for out-of-grid starts.)
        both = bool(source.headings[-1]) and bool(target.headings[-1])
        self.src_heading_skip = HEADING_LEFT_OUT * both * (np.diff(source.headings, append=0) > 0)
        self.tgt_heading_skip = HEADING_LEFT_OUT * both * (np.diff(target.headings, append=0) > 0)
        # Whether each side's head and tail are open (see PART_COUNT), and what leaving out
        # one of their sentences costs there: as much as a pair's prior, whatever its length
        # (the run relief, which the search takes off every sentence of a run but its first,
        # added back).
        self.open_sides = model.open_sides
        self.edge_cost = self.prior_cost[1, 1] + run_relief
        # What leaving out each sentence is relieved of (a last entry for out-of-grid starts).
        self.src_relief = np.zeros(source.count + 1)
        self.tgt_relief = np.zeros(target.count + 1)
        if similarity is not None and model.mt_against:  # unjudged, most lines share nothing
            trust = model.mt_weight / MT_WEIGHT
            orphans = self.orphans()
            for orphan, relief in zip(orphans, (self.src_relief, self.tgt_relief), strict=True):
                relief[:-1] = SKIP_RELIEF * trust * _in_runs(orphan, ORPHAN_RUN)

    def evidence(self, cosine: Array) -> Array:
        """A cosine as a share of a typical 1-1 pair's evidence above unrelated pairs'."""
        return (cosine - self.model.mt_random) / self.mt_scale

    def orphans(self) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
        """Which source and which target sentences resemble nothing on the other side within
        the prepared band (below ORPHAN_BELOW against every sentence there)."""
        assert self.similarity is not None
        best_src, best_tgt = self.similarity.best_cosines()
        return self.evidence(best_src) < ORPHAN_BELOW, self.evidence(best_tgt) < ORPHAN_BELOW

    def of(
        self, kind: tuple[int, int], src: Index, tgt: Index, pairs: Pairs | None = None
    ) -> Array:
        """Cost of groups of ``kind`` starting at source ``src`` and target ``tgt`` (``pairs``:
        the groups' MT products, where the caller has them already)."""
        a, b = kind
        source, target, model = self.source, self.target, self.model
        # Positions outside the grid belong to cells the search discards; keep them indexable.
        src = np.minimum(np.maximum(src, 0), source.count)
        tgt = np.minimum(np.maximum(tgt, 0), target.count)
        length_model = model if a and b else self.skip_model
        length_cost = _length_cost(length_model, self.src_lengths[a][src], self.tgt_lengths[b][tgt])
        if not (a and b):
            # A sentence left out is rare but not rarer the longer it is in the way the length
            # model would say; its length counts for little.
            length_cost = SKIP_LENGTH_WEIGHT * length_cost
            length_cost -= self.src_relief[src] if a else self.tgt_relief[tgt]
            # A heading, though short, is not: a translation keeps its headings.
            length_cost += self.src_heading_skip[src] if a else self.tgt_heading_skip[tgt]
        cost = length_cost + self.prior_cost[kind]
        if not (a and b) and self.open_sides[0 if a else 1]:
            # Before the other side's first sentence or after its last (the grid's edge).
            other, count = (tgt, target.count) if a else (src, source.count)
            cost = np.where((other == 0) | (other == count), self.edge_cost, cost)
        if len(self.mark_weights):
            # Most groups have no marks at all: compare mark vectors only where there are some.
            marked = np.flatnonzero(self.src_marked[a][src] | self.tgt_marked[b][tgt])
            if len(marked):
                src_marks = self.src_marks[a][src[marked]]
                tgt_marks = self.tgt_marks[b][tgt[marked]]
                cost[marked] += np.abs(src_marks - tgt_marks) @ self.mark_weights
        if a >= 2 and b >= 2:
            cost += self.src_inner[a][src] + self.tgt_inner[b][tgt]
        elif a >= 2:
            cost += self.src_inner[a][src]
        elif b >= 2:
            cost += self.tgt_inner[b][tgt]
        if a and b and self.any_unlike_ends:
            cost += self.end_costs[self.src_ends[a][src] ^ self.tgt_ends[b][tgt]]
        if a and b and self.similarity is not None:
            least = -1.0 if model.mt_against else 0.0
            if a == 1 and b == 1:
                cosine = self.similarity.group_cosine(src, 1, tgt, 1, pairs)
                evidence = np.clip(self.evidence(cosine), least, MT_CAP)
            else:
                # Each sentence of a group earns what the other side of its group shows of
                # it, and a group earns half the sum, so a 1-1 pair earns its evidence once.
                # A group's own cosine would hardly drop when a caption or a line of OCR
                # debris joins it, and would give a 2-2 group half the reward of the two
                # 1-1 pairs it could be split into, however much the pairs' content crosses.
                members = [
                    np.clip(self.evidence(cosine), least, MT_CAP)
                    for cosine in self.similarity.member_cosines(src, a, tgt, b, pairs)
                ]
                evidence = np.sum(members, axis=0) / 2
                if MEMBER_WEIGHT:
                    shortfall = np.sum(
                        [np.clip(MEMBER_FLOOR - member, 0.0, MEMBER_FLOOR) for member in members],
                        axis=0,
                    )
                    cost += MEMBER_WEIGHT * (model.mt_weight / MT_WEIGHT) * shortfall
            cost -= model.mt_weight * evidence
        if self.crossing_weight and self.similarity is not None:
            trust = model.mt_weight / MT_WEIGHT
            cost += self.crossing_weight * trust * self._crossing(src, tgt)
        return cost

    def _crossing(self, src: Index, tgt: Index) -> Array:
        """The evidence seen across the cut before groups starting at ``src`` and ``tgt``:
        what the source sentence before the cut shows of the target sentence after it, and
        the source sentence after it of the target sentence before it. Charged to the group
        after the cut, so every cut of a path is charged once (none at the grid's start: a
        pair outside the grid, or the band, has a cosine of 0, no evidence)."""
        assert self.similarity is not None
        shown = np.zeros(len(src), np.float64)
        for before, after in ((src - 1, tgt), (src, tgt - 1)):
            cosine = self.similarity.group_cosine(before, 1, after, 1)
            shown += np.clip(self.evidence(cosine), 0.0, MT_CAP)
        return shown


class _Cells:
    """Cells of the search grid, and the MT products of sentence pairs that the groups ending
    there share: a 2-2 group needs four pairs, three of which other kinds need as well."""

    def __init__(self, rows: Index, columns: Index, similarity: BandSimilarity | None) -> None:
        self.rows = rows
        self.columns = columns
        self.similarity = similarity
        self._dots: dict[tuple[int, int], Array] = {}

    def pairs(self, kind: tuple[int, int]) -> Pairs | None:
        """``BandSimilarity.pairs`` of the groups of ``kind`` that end at the cells."""
        a, b = kind
        if self.similarity is None or not (a and b):
            return None
        return [[self._pair_dots(a - x, b - y) for y in range(b)] for x in range(a)]

    def _pair_dots(self, back: int, up: int) -> Array:
        if (back, up) not in self._dots:
            assert self.similarity is not None
            self._dots[back, up] = self.similarity.pair_dots(self.rows - back, self.columns - up)
        return self._dots[back, up]


def _inner_costs(side: _Side, any_breaks: bool) -> dict[int, Array]:
    """For each group size, what the inside of the group from every start costs: paragraph
    breaks crossed, lines of OCR debris, and sentences that run on (end with a comma) and
    so are not the inside of a group."""
    starts = np.arange(side.count + 1)
    after_first = np.minimum(starts + 1, side.count)
    out = {}
    for size in range(MAX_KIND_SIZE + 1):
        cost = np.zeros(side.count + 1)
        if size >= 2:
            if any_breaks:
                cost += BREAK_WEIGHT * side.total(side.breaks, after_first, size - 1)
            cost += DEBRIS_WEIGHT * side.total(side.debris, starts, size)
            cost += INNER_SOFT_WEIGHT * side.total(side.soft_ends, starts, size - 1)
            headings = side.total(side.headings, starts, size)
            cost += MIXED_HEADING_COST * ((headings > 0) & (headings < size))
        out[size] = cost
    return out


_SOFT_END, _OPEN_END, _HEADING = 1, 2, 4


def _end_codes(side: _Side) -> dict[int, npt.NDArray[np.uint8]]:
    """For each group size, how the group from every start ends (at a comma, at a colon or
    semicolon) and whether it holds a heading, as bits: two groups are unlike where the
    XOR of their codes has a bit set."""
    starts = np.arange(side.count + 1)
    return {
        size: (
            _SOFT_END * side.last(side.soft_flags, starts, size)
            + _OPEN_END * side.last(side.open_flags, starts, size)
            + _HEADING * (side.total(side.headings, starts, size) > 0)
        ).astype(np.uint8)
        for size in range(1, MAX_KIND_SIZE + 1)
    }


def _windows(side: _Side, prefix: npt.NDArray[Any]) -> dict[int, npt.NDArray[Any]]:
    """For each group size 0..MAX_KIND_SIZE, ``side.total`` of ``prefix`` from every start
    (looked up rather than computed: the search asks at every cell of its band)."""
    starts = np.arange(side.count + 1)
    return {size: side.total(prefix, starts, size) for size in range(MAX_KIND_SIZE + 1)}


def _narrowest(sums: dict[int, npt.NDArray[Any]]) -> dict[int, npt.NDArray[np.signedinteger]]:
    """Counts in the smallest integer type that holds the difference of two of them (the
    search gathers and subtracts them at every cell: int8 takes half the time of int32)."""
    largest = max((int(values.max(initial=0)) for values in sums.values()), default=0)
    dtype = np.int8 if largest <= 127 else np.int16 if largest <= 32767 else np.int32
    return {size: values.astype(dtype) for size, values in sums.items()}


def _in_runs(flags: npt.NDArray[np.bool_], least: int) -> npt.NDArray[np.bool_]:
    """Which flags belong to a run of at least ``least`` consecutive true flags."""
    edges = np.diff(np.concatenate([[0], flags.astype(np.int8), [0]]))
    out = np.zeros(len(flags), np.bool_)
    for start, end in zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1), strict=True):
        if end - start >= least:
            out[start:end] = True
    return out


def _search(costs: _Costs, band: _Band) -> list[tuple[int, int]]:
    """The cheapest path from (0, 0) to (S, T) inside ``band``, as a list of bead kinds.

    A sentence left out right after another of the same side (a 1-0 group after a 1-0, a 0-1
    after a 0-1) costs ``costs.run_relief`` less, so besides the cheapest path to each cell
    the search keeps the cheapest one that ends by leaving out a source sentence (the next
    row's 1-0 group may continue it) and, within the row, one that ends by leaving out a
    target sentence. Where two ways cost the same, the earlier kind in ``costs.kinds`` wins,
    a 0-1 group only where strictly cheaper, and a run is continued only where strictly
    cheaper than starting one.
    """
    rows = costs.source.count
    columns = costs.target.count
    relief = costs.run_relief
    low, high = band.low, band.high
    starts = band.starts
    cells = int(starts[-1])
    # Per cell (the last one stands for "outside the band"): the cheapest path to it, and the
    # cheapest that ends with a 1-0 group.
    best = np.full(cells + 1, np.inf)
    leaving_source = np.full(cells + 1, np.inf)
    # The last group of the cheapest path; whether a 1-0 or a 0-1 group ending at the cell
    # continues a run of them (else it follows the cheapest path to where it starts).
    back = np.zeros(cells, np.int8)
    source_run = np.zeros(cells, np.bool_)
    target_run = np.zeros(cells, np.bool_)
    diagonal = [kind for kind in costs.kinds if kind[0] >= 1]
    diagonal_index = np.asarray([ALL_KINDS.index(kind) for kind in diagonal])
    deletion = diagonal.index((1, 0))
    kinds = len(diagonal)
    # Rows are taken in blocks of about BLOCK_CELLS cells, whatever the band's width.
    cuts = np.searchsorted(starts[:-1], np.arange(0, max(cells, 1), BLOCK_CELLS), "right") - 1
    bounds = [*np.unique(np.maximum(cuts, 0)).tolist(), rows + 1]
    for first, last in itertools.pairwise(bounds):
        widths = high[first:last] - low[first:last]
        row_of = np.repeat(np.arange(first, last), widths)
        col_of = np.concatenate([np.arange(low[r], high[r]) for r in range(first, last)])
        offset = int(starts[first])
        ending = _Cells(row_of, col_of, costs.similarity)
        previous = np.empty((kinds, len(row_of)), np.int64)
        step = np.empty((kinds, len(row_of)), np.float64)
        for k, (a, b) in enumerate(diagonal):
            src = row_of - a
            tgt = col_of - b
            src_row = np.clip(src, 0, rows)
            inside = (src >= 0) & (tgt >= 0) & (tgt >= low[src_row]) & (tgt < high[src_row])
            previous[k] = np.where(inside, starts[src_row] + tgt - low[src_row], cells)
            step[k] = costs.of((a, b), src, tgt, ending.pairs((a, b)))
        insertion = costs.of((0, 1), row_of, col_of - 1)
        for r in range(first, last):
            lo = int(starts[r]) - offset
            hi = int(starts[r + 1]) - offset
            if hi <= lo:
                continue
            here = slice(lo + offset, hi + offset)
            candidates = best[previous[:, lo:hi]] + step[:, lo:hi]
            if relief:
                # A 1-0 group after a 1-0 group (with no relief, never cheaper).
                above = previous[deletion, lo:hi]
                continued = leaving_source[above] - relief + step[deletion, lo:hi]
                source_run[here] = continued < candidates[deletion]
                candidates[deletion] = np.minimum(candidates[deletion], continued)
                leaving_source[here] = candidates[deletion]
            choice = np.argmin(candidates, axis=0)
            arrived = candidates[choice, np.arange(hi - lo)]
            if r == 0 and low[0] == 0:
                arrived[0] = 0.0
            # Moves within the row (0-1). What a 0-1 group from cell j to j + 1 starts from:
            # from_here[j] = min(arrived[j], leaving_target[j] - relief), where
            # leaving_target[j] = from_here[j - 1] + c[j], solved by a running minimum.
            step_in_row = insertion[lo:hi] - relief
            step_in_row[0] = 0.0
            running = np.cumsum(step_in_row)
            from_here = running + np.minimum.accumulate(arrived - running)
            leaving_target = np.full(hi - lo, np.inf)
            leaving_target[1:] = from_here[:-1] + insertion[lo + 1 : hi]
            # Compared again rather than read off the running minimum, whose rounding could
            # point left to a cell that was never better.
            came_from_left = leaving_target < arrived
            target_run[lo + offset + 1 : hi + offset] = leaving_target[:-1] - relief < arrived[:-1]
            back[here] = np.where(came_from_left, _INSERTION, diagonal_index[choice])
            best[here] = np.where(came_from_left, leaving_target, arrived)
    if not (low[rows] <= columns < high[rows]) or not np.isfinite(
        best[starts[rows] + columns - low[rows]]
    ):
        raise RuntimeError("the alignment band does not reach the end of both texts")
    path: list[tuple[int, int]] = []
    i, j = rows, columns
    continues = {(1, 0): source_run, (0, 1): target_run}
    run: tuple[int, int] | None = None  # the kind of the run the group after this one continued
    while i > 0 or j > 0:
        cell = starts[i] + j - low[i]
        kind = run or ALL_KINDS[back[cell]]
        path.append(kind)
        run = kind if kind in continues and continues[kind][cell] else None
        i -= kind[0]
        j -= kind[1]
    path.reverse()
    return path


def _path_points(path: Sequence[tuple[int, int]]) -> tuple[Index, Index]:
    points_i = np.zeros(len(path) + 1, np.int64)
    points_j = np.zeros(len(path) + 1, np.int64)
    if path:
        kinds = np.asarray(path, np.int64)
        np.cumsum(kinds[:, 0], out=points_i[1:])
        np.cumsum(kinds[:, 1], out=points_j[1:])
    return points_i, points_j


def _band_around(
    points_i: Index, points_j: Index, rows: int, columns: int, margin: int, row_margin: int = 3
) -> _Band:
    """Rows 0..rows, each spanning the path's columns within ``row_margin`` rows, ± ``margin``."""
    path_low = np.full(rows + 1, columns, np.int64)
    path_high = np.zeros(rows + 1, np.int64)
    np.minimum.at(path_low, points_i, points_j)
    np.maximum.at(path_high, points_i, points_j)
    # Rows the path jumps over (inside a 2-1 group) lie between their neighbours.
    visited = np.zeros(rows + 1, np.bool_)
    visited[points_i] = True
    path_low = np.where(visited, path_low, columns)
    path_high = np.where(visited, path_high, 0)
    path_low = np.minimum.accumulate(path_low[::-1])[::-1]
    path_high = np.maximum.accumulate(path_high)
    window = 2 * row_margin + 1
    padded_low = np.pad(path_low, row_margin, mode="edge")
    padded_high = np.pad(path_high, row_margin, mode="edge")
    low = np.lib.stride_tricks.sliding_window_view(padded_low, window).min(axis=1) - margin
    high = np.lib.stride_tricks.sliding_window_view(padded_high, window).max(axis=1) + margin + 1
    low = np.clip(low, 0, columns)
    high = np.clip(high, 1, columns + 1)
    return _Band(low.astype(np.int64), high.astype(np.int64))


def _neutral_model(ratio: float, open_sides: tuple[bool, bool] = (False, False)) -> Model:
    """The first pass's model: a length ratio, a wide variance, the neutral priors (and
    which sides hold a part the other lacks, which no pass learns)."""
    return Model(ratio=ratio, variance=max(ratio, 0.05) * 4.0, open_sides=open_sides)


def _script_weight(texts: Sequence[str] | None) -> float:
    """Characters of ``texts`` per character of an alphabetic text that says as much: 1, or
    PART_SCRIPT_RATIO for a text mostly in Chinese or Japanese characters (1 unknown)."""
    if not texts:
        return 1.0
    sample = "".join(texts[:: max(1, len(texts) // 200)])
    letters = sum(1 for char in sample if char.isalpha())
    wide = sum(1 for char in sample if "\u3040" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff")
    return PART_SCRIPT_RATIO if letters and wide > letters / 2 else 1.0


def _part_model(
    source: SideFeatures,
    target: SideFeatures,
    model: Model,
    source_texts: Sequence[str] | None = None,
    target_texts: Sequence[str] | None = None,
) -> Model:
    """``model``, or where one side has PART_COUNT times the other's sentences or more, and
    the other covers less than PART_SHARE of its characters, and it holds a part the other
    lacks, the model that says so (see PART_COUNT).

    Such a side may also hold lines the other has none of, most of them short (Text+Berg's
    French has 36 captions in one block, pages of 19 and 30 German lines 56 and 67 French
    ones), and the texts' length ratio is then right. The first passes by both models tell
    them apart: the one whose ratio is right pairs more sentences one to one."""
    rows, columns = len(source), len(target)
    # The target's characters per source character, over those the pair's scripts lead one
    # to expect: a target that translates a part of the source has a fraction of them.
    expected = _script_weight(target_texts) / _script_weight(source_texts)
    covered = float(target.lengths.sum()) / max(float(source.lengths.sum()), 1.0) / expected
    open_sides = (
        rows >= PART_COUNT * columns and covered < PART_SHARE,
        columns >= PART_COUNT * rows and covered > 1.0 / PART_SHARE,
    )
    if not any(open_sides):
        return model
    part = _neutral_model(model.ratio * rows / columns, open_sides)
    src_side, tgt_side = _Side.of(source), _Side.of(target)

    def pairs(candidate: Model) -> int:
        costs = _Costs(src_side, tgt_side, candidate, None)
        path = _search(costs, _coarse_band(source, target, candidate))
        return path.count((1, 1))

    return part if pairs(part) > pairs(model) else model


def _mt_confirms_part(
    source: SideFeatures,
    target: SideFeatures,
    part: Model,
    whole: Model,
    similarity: BandSimilarity,
) -> bool:
    """Whether the MT ranks the pairs of the first pass by ``part`` (one side holding a part
    the other lacks, see PART_COUNT) no worse than those by ``whole``: lengths alone do not
    tell a part from a passage missing in the middle (15 of 30 sentences, the middle 15
    lacking), whose end the part model paired with the wrong lines, nor where a part lies
    in a longer side with both ends open (10 sentences placed in the middle of 30, where
    the MT then ranked them at chance and was dropped). Where it does not, the texts are
    aligned as whole translations, as the MT's pinning finds a passage one side lacks."""
    rows, columns = len(source), len(target)
    rates = []
    for candidate in (part, whole):
        _, path = _first_pass(source, target, candidate)
        rate = _rank_rates((similarity,), path, _beads_of(path), rows, columns)
        rates.append(None if rate is None else rate[0])
    part_rate, whole_rate = rates
    if part_rate is None:  # too few pairs to tell: the lengths decide
        return whole_rate is None
    # A part placed where the MT ranks its pairs at chance is misplaced, whatever the other
    # model's pass (with too few pairs to rank, or none) shows.
    return _rank_weight(part_rate) > 0 and (whole_rate is None or part_rate >= whole_rate)


def _along_edge(points_i: Index, points_j: Index, band: _Band, columns: int) -> bool:
    """Whether a path runs along the band's edge anywhere but the grid's own."""
    low = (points_j <= band.low[points_i]) & (points_j > 0)
    high = (points_j >= band.high[points_i] - 1) & (points_j < columns)
    return bool(np.any(low | high))


def _coarse_band(
    source: SideFeatures, target: SideFeatures, model: Model, whole_grid: int = FULL_GRID_CELLS
) -> _Band:
    """A band for the first fine pass: the whole grid of a text of at most ``whole_grid``
    cells; for a longer one, the band around the alignment of blocks of a few sentences,
    itself found the same way, so that every level searches a band of constant width and the
    whole stays linear."""
    rows, columns = len(source), len(target)
    if (rows + 1) * (columns + 1) <= whole_grid:
        return _Band.full(rows, columns)
    src_block = COARSE_BLOCK
    # Blocks of like content; where one side is a part of the other, its sentences are the
    # other's sentence for sentence, not the whole texts' count apart (see PART_COUNT).
    per_sentence = 1.0 if any(model.open_sides) else columns / max(rows, 1)
    tgt_block = max(1, round(COARSE_BLOCK * per_sentence))
    coarse_model = model  # block lengths are sums, so the ratio and variance carry over
    coarse_source = coarsen(source, src_block)
    coarse_target = coarsen(target, tgt_block)
    coarse_costs = _Costs(_Side.of(coarse_source), _Side.of(coarse_target), coarse_model, None)
    coarse_path = _search(coarse_costs, _coarse_band(coarse_source, coarse_target, model))
    points_i, points_j = _path_points(coarse_path)
    fine_i = np.minimum(points_i * src_block, rows)
    fine_j = np.minimum(points_j * tgt_block, columns)
    margin = 3 * max(src_block, tgt_block) // 2 + 6
    return _band_between(fine_i, fine_j, rows, columns, margin)


def _band_between(points_i: Index, points_j: Index, rows: int, columns: int, margin: int) -> _Band:
    """A band in which every row between two consecutive points (rising on both sides) may go
    anywhere between their columns, ± ``margin``."""
    dense_i = [points_i[0:1]]
    dense_j = [points_j[0:1]]
    for k in range(1, len(points_i)):
        span = np.arange(points_i[k - 1], points_i[k] + 1)
        dense_i += [span, span]
        dense_j += [np.full(len(span), points_j[k - 1]), np.full(len(span), points_j[k])]
    return _band_around(np.concatenate(dense_i), np.concatenate(dense_j), rows, columns, margin)


def _anchor_band(
    similarity: BandSimilarity,
    path: Sequence[tuple[int, int]],
    rows: int,
    columns: int,
    rare: int = RARE_NGRAMS,
) -> _Band | None:
    """A band through the anchors (see ``anchors``) when enough of them lie off ``path``'s
    own band, that is, when the path went astray; None when it did not."""
    src, tgt = anchors(similarity, rare)
    points_i, points_j = _path_points(path)
    band = _band_around(points_i, points_j, rows, columns, REFINE_MARGINS[0])
    astray = (tgt < band.low[src]) | (tgt >= band.high[src])
    if int(np.sum(astray)) < ANCHORS_ASTRAY:
        return None
    corner_i = np.asarray([rows], np.int64)
    corner_j = np.asarray([columns], np.int64)
    through_i = np.concatenate([[0], np.ravel(np.column_stack([src, src + 1])), corner_i])
    through_j = np.concatenate([[0], np.ravel(np.column_stack([tgt, tgt + 1])), corner_j])
    return _band_between(through_i, through_j, rows, columns, REFINE_MARGINS[0])


def _mt_lengths(source_mt: Sequence[str]) -> Array:
    return np.fromiter((sentence_length(line) for line in source_mt), np.float64)


def _log_correlation(source: Array, mt: Array) -> float | None:
    """The correlation of the log lengths over the lines the MT translated (an empty line is
    a sentence it failed on, not a short translation), None where it cannot be told."""
    translated = mt > 0
    if int(np.sum(translated)) < RANK_MIN_PAIRS:
        return None
    a, b = np.log1p(source[translated]), np.log1p(mt[translated])
    if np.std(a) == 0 or np.std(b) == 0:
        return None
    return float(np.corrcoef(a, b)[0, 1])


def _length_fit(source: SideFeatures, mt_lengths: Array) -> tuple[float | None, bool]:
    """How well the MT's log line lengths follow the source's, and whether they follow the
    source one line off, and better (an MT out of step with its source)."""
    lengths = source.lengths
    in_step = _log_correlation(lengths, mt_lengths)
    if in_step is None:
        return None, False
    off = [
        _log_correlation(lengths[1:], mt_lengths[:-1]),
        _log_correlation(lengths[:-1], mt_lengths[1:]),
    ]
    return in_step, any(value is not None and value >= max(in_step, MT_FOLLOWS) for value in off)


def _reads_one_off(
    source: SideFeatures,
    target: SideFeatures,
    model: Model,
    source_mt: Sequence[str],
    target_texts: Sequence[str],
) -> bool | None:
    """Whether the MT resembles the target more one line off than in line, over the 1-1
    pairs of a first pass by lengths (which the MT does not steer); None where that pass has
    too few pairs to tell.

    The lengths alone are a weak witness on a page: twelve sentences of 33-52 characters
    followed the source's lengths one line off (0.675) as well as in line (0.673), and
    Apertium's own MT of them was dropped as out of step. What the MT says does not
    coincide so: in line it resembles the target's sentences, one line off their
    neighbours."""
    rows, columns = len(source), len(target)
    _, path = _first_pass(source, target, model)
    inner = [bead for bead in _beads_of(path) if bead.kind == (1, 1) and 0 < bead.src[0] < rows - 1]
    if len(inner) < RANK_MIN_PAIRS:
        return None
    similarity = BandSimilarity(source_mt, target_texts)
    points_i, points_j = _path_points(path)
    band = _band_around(points_i, points_j, rows, columns, REFINE_MARGINS[0])
    similarity.prepare(band.low, band.high)
    src = np.asarray([bead.src[0] for bead in inner], np.int64)
    tgt = np.asarray([bead.tgt[0] for bead in inner], np.int64)
    in_line = float(similarity.group_cosine(src, 1, tgt, 1).sum())
    return any(
        float(similarity.group_cosine(src + shift, 1, tgt, 1).sum()) > in_line for shift in (-1, 1)
    )


def _unfollowed(correlation: float | None, out_of_step: bool) -> bool:
    """Whether an MT's length fit (see ``_length_fit``) shows it is not a line-by-line
    translation of the source."""
    return out_of_step or (correlation is not None and correlation < MT_FOLLOWS)


def _mt_ratio(source: SideFeatures, mt_lengths: Array, correlation: float | None) -> float | None:
    """The length ratio of the source's MT to the source, or None where the MT's line
    lengths do not follow the source's closely (see MT_LENGTH_CORRELATION)."""
    if correlation is None or correlation < MT_LENGTH_CORRELATION:
        return None
    translated = mt_lengths > 0
    return float(mt_lengths[translated].sum() / max(source.lengths[translated].sum(), 1.0))


def _first_pass(
    source: SideFeatures, target: SideFeatures, model: Model
) -> tuple[Model, list[tuple[int, int]]]:
    """The path of a search by ``model`` (lengths and marks only), and the model it ended
    with: the ratio of the texts' total lengths is the length ratio only if neither side
    lacks a block of the other, so where the 1-1 groups found say otherwise, the search is
    redone with their ratio (up to RATIO_RETRIES times)."""
    src_side, tgt_side = _Side.of(source), _Side.of(target)
    path = _search(_Costs(src_side, tgt_side, model, None), _coarse_band(source, target, model))
    for _ in range(RATIO_RETRIES):
        paired = _estimate(model, source, target, _beads_of(path), None).ratio
        if min(paired, model.ratio) <= 0 or abs(math.log(paired / model.ratio)) <= RATIO_DRIFT:
            break
        model = _neutral_model(paired, model.open_sides)
        band = _coarse_band(source, target, model)
        path = _search(_Costs(src_side, tgt_side, model, None), band)
    return model, path


def _table_rank(
    table: BandSimilarity,
    path: Sequence[tuple[int, int]],
    beads: list[Bead],
    rows: int,
    columns: int,
) -> float:
    """How well a word table learned from an alignment ranks that alignment's 1-1 pairs
    (0 when it has too few): about 0.97 on the Bible aligned right, 0.74 to 0.81 where the
    first pass shared a block one side lacks out over the whole text."""
    rates = _rank_rates((table,), path, beads, rows, columns)
    return rates[0] if rates else 0.0


def _scanned_ratio(
    source: SideFeatures,
    target: SideFeatures,
    model: Model,
    source_texts: Sequence[str],
    target_texts: Sequence[str],
    rank: float,
) -> tuple[Model, list[tuple[int, int]], BandSimilarity] | None:
    """A first-pass model whose length ratio gives an alignment whose word table ranks its
    pairs clearly better than ``rank`` (the table of the alignment found), with that
    alignment's path and table; or None.

    Across scripts and without MT nothing but lengths places the first pass, and a block one
    side lacks makes the texts' length ratio wrong in a way the 1-1 groups then agree with
    (the Bible's first 800 verses without the last 200 English ones: strict F1 0.005). Near
    the right ratio the alignment is good enough for its table to know the words (ranks
    0.97 against 0.74), though the pass still scatters the lines one side lacks among the
    others; the table's anchors then show where the block is. Each candidate is searched in
    a band around blocks of sentences, which is enough to learn a table from.
    """
    side_source, side_target = _Side.of(source), _Side.of(target)
    best = None
    best_rank = rank + RANK_GAIN
    for factor in RATIO_FACTORS:
        candidate = _neutral_model(model.ratio * factor, model.open_sides)
        band = _coarse_band(source, target, candidate, whole_grid=0)
        path = _search(_Costs(side_source, side_target, candidate, None), band)
        beads = _beads_of(path)
        table = lexicon_similarity(source_texts, target_texts, beads, LEXICON_WEIGHT)
        candidate_rank = _table_rank(table, path, beads, len(source), len(target))
        if candidate_rank > best_rank:
            best, best_rank = (candidate, path, table), candidate_rank
    return best


def _beads_of(path: Sequence[tuple[int, int]]) -> list[Bead]:
    beads: list[Bead] = []
    i = j = 0
    for a, b in path:
        beads.append(Bead(tuple(range(i, i + a)), tuple(range(j, j + b))))
        i += a
        j += b
    return beads


def _estimate(
    model: Model,
    source: SideFeatures,
    target: SideFeatures,
    beads: Sequence[Bead],
    similarity: BandSimilarity | None,
) -> Model:
    """A model re-estimated from an alignment of these very texts."""
    ones = [bead for bead in beads if bead.kind == (1, 1)]
    if len(ones) < RANK_MIN_PAIRS:
        return _calibrated_by_band(model, similarity)
    src_index = np.asarray([bead.src[0] for bead in ones], np.int64)
    tgt_index = np.asarray([bead.tgt[0] for bead in ones], np.int64)
    src_length = source.lengths[src_index]
    tgt_length = target.lengths[tgt_index]
    ratio = float(np.median(tgt_length / np.maximum(src_length, 1.0)))
    ratio = float(np.sum(tgt_length) / max(np.sum(src_length), 1.0)) if ratio <= 0 else ratio
    scaled = (tgt_length - ratio * src_length) ** 2 / ((ratio * src_length + tgt_length) / 2 + 1)
    # The median of a chi-square with one degree of freedom is 0.455: robust to the wrong pairs.
    # Length differences have heavy tails (a translator adds a clause); the median gives the
    # core of the distribution, and the factor widens it to where it ranks groups best.
    variance = max(VARIANCE_WIDENING * float(np.median(scaled)) / 0.455, 0.05)

    # Bead frequencies are shrunk towards the neutral priors: a first pass that overused a
    # kind must not teach the second pass to use it even more.
    counts = {kind: PRIOR_STRENGTH * DEFAULT_PRIORS[kind] for kind in ALL_KINDS}
    for bead in beads:
        if bead.kind in counts:
            counts[bead.kind] += 1.0
    total = sum(counts.values())
    # The floor keeps a kind the first pass never searched (the wide ones) possible, but no
    # likelier than its neutral prior: at a floor of 0.002 for all, a 1-5 group cost no more
    # than a 1-4, and German 257 took French 301 from its neighbour's 1-2 group.
    priors = {
        kind: max(count / total, min(0.002, DEFAULT_PRIORS[kind])) for kind, count in counts.items()
    }

    # How reliably each anchor class is carried over: in the 1-1 groups where either side has
    # the mark, how often both have the same number of them.
    src_marks = source.marks[src_index]
    tgt_marks = target.marks[tgt_index]
    present = (src_marks + tgt_marks) > 0
    agree = (src_marks == tgt_marks) & present
    seen = present.sum(axis=0)
    rate = (agree.sum(axis=0) + 1.0) / (seen + 2.0)
    weights = MARK_WEIGHT * np.clip((rate - 0.5) / 0.4, 0.0, 1.0)
    weights = np.where(seen >= 5, weights, MARK_WEIGHT * 0.5)

    # A group ending at a comma (a verse that runs on) or at a colon or semicolon on one side
    # only: what it costs depends on whether the two sides end their lines alike at all.
    soft_end_weight = _agreement_weight(
        source.soft_ends, target.soft_ends, src_index, tgt_index, SOFT_END_WEIGHT
    )
    open_end_weight = _agreement_weight(
        source.open_ends, target.open_ends, src_index, tgt_index, OPEN_END_WEIGHT
    )

    mt_random, mt_aligned, mt_weight = model.mt_random, model.mt_aligned, model.mt_weight
    if similarity is not None:
        aligned = similarity.group_cosine(src_index, 1, tgt_index, 1)
        before = similarity.group_cosine(src_index, 1, np.maximum(tgt_index - 2, 0), 1)
        mt_aligned = float(np.median(aligned))
        mt_random = float(np.median(before))
        # How often the pair the first pass chose beats both its neighbours two lines away:
        # near 1 for a good MT, near chance for a text compared with itself across scripts.
        rate = _rank_rate(similarity, src_index, tgt_index, len(target))
        mt_weight = similarity.weight * _rank_weight(rate)
    return Model(
        ratio,
        variance,
        priors,
        weights,
        soft_end_weight,
        mt_random,
        mt_aligned,
        mt_weight,
        open_end_weight,
        model.mt_against,
        model.open_sides,
    )


def _calibrated_by_band(model: Model, similarity: BandSimilarity | None) -> Model:
    """``model`` with the similarity's scale (an MT's, the shared strings', a word table's)
    taken from its prepared band, for a first pass with too few 1-1 groups to learn it from
    (a page one side of which lacks a passage): unrelated pairs fill most of a band, and
    most sentences' best match in it is their translation.

    Left at the neutral 0 and 1, a cosine of 0.3 between translations earned a third of
    what it earns once calibrated, and the lengths decided alone.
    """
    if similarity is None:
        return model
    cosines = similarity.band_cosines()
    if not len(cosines):
        return model
    best_source, _ = similarity.best_cosines()
    random = float(np.median(cosines))
    if not model.mt_against:
        # Shared strings taken unjudged: a short text's best pairs are mostly noise (Text+Berg
        # in windows of 2 to 7 lines: translations 0.02-0.04 above unrelated pairs), and
        # scaled by them a chance "re" decided (the audit's "The river rose quickly." left
        # out). Only the noise is taken off: a cosine counts as it is.
        return replace(model, mt_random=random, mt_aligned=1.0)
    return replace(model, mt_random=random, mt_aligned=float(np.median(best_source)))


def _agreement_weight(
    src_flags: npt.NDArray[np.bool_],
    tgt_flags: npt.NDArray[np.bool_],
    src_index: Index,
    tgt_index: Index,
    full_weight: float,
) -> float:
    """What a group whose last lines disagree on a flag (ends at a comma; at a colon or
    semicolon) costs on these texts, up to ``full_weight``.

    Where both translations end their lines alike, a group that ends at such a mark on one
    side only has most likely cut a sentence in two. How much more often the first pass's
    1-1 pairs agree on the flag than lines one apart (a log-likelihood ratio) says whether
    the two sides end lines alike at all: not at all for a Chinese Bible whose segmentation
    never splits at ；, and the ratio is 0 where neither side has the mark.
    """
    src_flag = src_flags[src_index]
    aligned = (float(np.sum(src_flag != tgt_flags[tgt_index])) + 1.0) / (len(src_index) + 2.0)
    shifted = tgt_flags[np.minimum(tgt_index + 1, len(tgt_flags) - 1)]
    unrelated = (float(np.sum(src_flag != shifted)) + 1.0) / (len(src_index) + 2.0)
    return full_weight * float(np.clip(math.log(unrelated / aligned), 0.0, 1.0))


def _rank_rate(similarity: BandSimilarity, src: Index, tgt: Index, columns: int) -> float:
    """How often a 1-1 pair is more alike than the pairs two target lines before and after
    (smoothed); about a third by chance, near 1 for a similarity that tells translations."""
    aligned = similarity.group_cosine(src, 1, tgt, 1)
    before = similarity.group_cosine(src, 1, np.maximum(tgt - 2, 0), 1)
    after = similarity.group_cosine(src, 1, np.minimum(tgt + 2, columns - 1), 1)
    # A pair at either end of the text has one neighbour to beat, not none: in a page of
    # twelve pairs, the two ends would otherwise pull a perfect MT's rate from 0.93 to 0.79.
    ranks = ((aligned > before) | (tgt < 2)) & ((aligned > after) | (tgt >= columns - 2))
    return (float(np.sum(ranks)) + 1.0) / (len(ranks) + 2.0)


def _rank_weight(rate: float) -> float:
    """The share of its full weight a similarity earns by how well it ranks."""
    return float(np.clip((rate - 0.4) / 0.5, 0.0, 1.0))


def _rank_rates(
    parts: Sequence[BandSimilarity],
    path: Sequence[tuple[int, int]],
    beads: Sequence[Bead],
    rows: int,
    columns: int,
) -> list[float] | None:
    """How often each similarity ranks a 1-1 pair of the first pass above the pairs two
    target lines away (None when the first pass has too few 1-1 pairs to tell)."""
    ones = [bead for bead in beads if bead.kind == (1, 1)]
    if len(ones) < RANK_MIN_PAIRS:
        return None
    points_i, points_j = _path_points(path)
    band = _band_around(points_i, points_j, rows, columns, REFINE_MARGINS[0])
    src = np.asarray([bead.src[0] for bead in ones], np.int64)
    tgt = np.asarray([bead.tgt[0] for bead in ones], np.int64)
    rates = []
    for part in parts:
        part.prepare(band.low, band.high)
        rates.append(_rank_rate(part, src, tgt, columns))
    return rates


def _cognates_rank(
    source_texts: Sequence[str], target_texts: Sequence[str], beads: Sequence[Bead]
) -> bool:
    """Whether the shared strings of the two sides tell translations apart at all, judged on a
    sample of the first pass's 1-1 groups (building the n-grams of a whole book for two
    texts in different scripts would cost more than the rest of the alignment)."""
    ones = [bead for bead in beads if bead.kind == (1, 1)]
    if len(ones) < RANK_MIN_PAIRS:
        return False
    step = max(1, len(ones) // COGNATE_SAMPLE)
    sample = ones[::step][:COGNATE_SAMPLE]
    columns = len(target_texts)
    picked = sorted({bead.tgt[0] + d for bead in sample for d in (-2, 0, 2)} & set(range(columns)))
    local = {j: k for k, j in enumerate(picked)}
    src_texts = [source_texts[bead.src[0]] for bead in sample]
    similarity = BandSimilarity(src_texts, [target_texts[j] for j in picked])
    count = len(src_texts)
    similarity.prepare(np.zeros(count + 1, np.int64), np.full(count + 1, len(picked) + 1, np.int64))
    src = np.arange(count, dtype=np.int64)
    centre = np.asarray([local[bead.tgt[0]] for bead in sample], np.int64)
    before = np.asarray(
        [local.get(max(bead.tgt[0] - 2, 0), local[bead.tgt[0]]) for bead in sample], np.int64
    )
    after = np.asarray(
        [local.get(min(bead.tgt[0] + 2, columns - 1), local[bead.tgt[0]]) for bead in sample],
        np.int64,
    )
    aligned = similarity.group_cosine(src, 1, centre, 1)
    ranks = (aligned > similarity.group_cosine(src, 1, before, 1)) & (
        aligned > similarity.group_cosine(src, 1, after, 1)
    )
    rate = (float(np.sum(ranks)) + 1.0) / (len(ranks) + 2.0)
    return _rank_weight(rate) > 0


def _anchored_own_ngrams(
    source: SideFeatures,
    target: SideFeatures,
    source_texts: Sequence[str],
    target_texts: Sequence[str],
) -> tuple[BandSimilarity, float] | None:
    """The two sides' own n-grams and the length ratio the anchors show (which a passage
    one side lacks leaves right), where enough lines are anchors (see COGNATE_ANCHORS) to
    show that the shared strings tell translations apart; else None."""
    own = BandSimilarity(source_texts, target_texts)
    src, tgt = anchors(own)
    if len(src) < max(RANK_MIN_PAIRS, COGNATE_ANCHORS * min(len(source), len(target))):
        return None
    # Between consecutive anchors (an anchor pair is often one line of a 1-2 group, so the
    # pairs alone would shorten one side); the median passes over the stretch with the gap.
    src_total = np.concatenate([[0.0], np.cumsum(source.lengths)])
    tgt_total = np.concatenate([[0.0], np.cumsum(target.lengths)])
    spans = (tgt_total[tgt[1:]] - tgt_total[tgt[:-1]]) / np.maximum(
        src_total[src[1:]] - src_total[src[:-1]], 1.0
    )
    return own, float(max(np.median(spans), 0.05))


def _group_costs(costs: _Costs, kind: tuple[int, int], src: Index, tgt: Index) -> Array:
    """The cost of groups of one ``kind`` at each ``src``, ``tgt``: 0 for the empty group,
    inf for a kind the search does not use."""
    if kind == (0, 0):
        return np.zeros(len(src))
    if kind not in ALL_KINDS:
        return np.full(len(src), np.inf)
    return costs.of(kind, src, tgt)


def _local_margins(costs: _Costs, beads: list[Bead]) -> Array:
    """For each group, how much more the best other way of grouping its sentences with a
    neighbour's costs: the stretch of two neighbouring groups cut elsewhere or not at all,
    or the group itself cut in two. A group that a reviewer's move or merge would barely
    make worse is one to check, however far both are from leaving the sentences out."""
    count = len(beads)
    kinds = np.asarray([bead.kind for bead in beads], np.int64).reshape(count, 2)
    starts = np.zeros((count + 1, 2), np.int64)
    np.cumsum(kinds, axis=0, out=starts[1:])
    own = np.zeros(count)
    for kind in {bead.kind for bead in beads}:
        here = np.flatnonzero((kinds[:, 0] == kind[0]) & (kinds[:, 1] == kind[1]))
        own[here] = _group_costs(costs, kind, starts[here, 0], starts[here, 1])
    margins = np.full(count, np.inf)
    # Stretches of two neighbouring groups (first = k, k + 1), and of one group on its own.
    for width in (2, 1):
        first = np.arange(count - width + 1)
        span = starts[first + width] - starts[first]
        chosen = own[first] + (own[first + 1] if width == 2 else 0.0)
        for a, b in {(int(x), int(y)) for x, y in span}:
            if max(a, b) > 2 * MAX_KIND_SIZE:
                continue
            here = first[(span[:, 0] == a) & (span[:, 1] == b)]
            src, tgt = starts[here, 0], starts[here, 1]
            best = np.full(len(here), np.inf)
            for head_a in range(a + 1):
                for head_b in range(b + 1):
                    head, tail = (head_a, head_b), (a - head_a, b - head_b)
                    if width == 1 and (head == (0, 0) or tail == (0, 0)):
                        continue
                    alternative = _group_costs(costs, head, src, tgt) + _group_costs(
                        costs, tail, src + head_a, tgt + head_b
                    )
                    if width == 2:
                        # The split the path chose is no alternative to itself.
                        same = (kinds[here, 0] == head_a) & (kinds[here, 1] == head_b)
                        alternative[same] = np.inf
                    best = np.minimum(best, alternative)
            delta = best - chosen[here]
            margins[here] = np.minimum(margins[here], delta)
            if width == 2:
                margins[here + 1] = np.minimum(margins[here + 1], delta)
    return margins


def _stretches(
    first: Sequence[Bead], second: Sequence[Bead]
) -> list[tuple[list[Bead], list[Bead]]]:
    """Two alignments of the same texts cut where both have a group boundary at the same
    place: the groups of each between two such places, side by side."""
    out: list[tuple[list[Bead], list[Bead]]] = []
    here: tuple[list[Bead], list[Bead]] = ([], [])
    at = [(0, 0), (0, 0)]  # the (source, target) position each has reached
    remaining = [list(reversed(first)), list(reversed(second))]
    while remaining[0] or remaining[1]:
        # The one behind (in source + target sentences) takes its next group: a position
        # both paths pass is then reached by each before the other goes beyond it.
        side = 0 if not remaining[1] or (remaining[0] and sum(at[0]) <= sum(at[1])) else 1
        bead = remaining[side].pop()
        here[side].append(bead)
        at[side] = (at[side][0] + len(bead.src), at[side][1] + len(bead.tgt))
        if at[0] == at[1]:
            out.append(here)
            here = ([], [])
    assert not (here[0] or here[1]), "the two alignments cover different texts"
    return out


def _kept_whole(beads: list[Bead], without_mt: Sequence[Bead]) -> list[Bead]:
    """The MT's groups, but where the alignment without MT makes one group of sentences that
    the MT's alignment splits into several groups with both sides, that group, unless it is
    at the start or end of the texts.

    There the translator moved a clause across a sentence boundary: the MT finds each
    sentence's content on the other side whichever way they are grouped, and only the lengths
    show where the boundary went. On Text+Berg the alignment without MT was right in 5 of 6
    such places with the strong MT and in 6 of 6 with the weak one (strict F1 0.930 -> 0.944
    and 0.916 -> 0.937; their 37 pages 0.922 -> 0.927 and 0.909 -> 0.915; 14 of 16 long cuts
    gain or stay). Every other disagreement is the MT's to settle: there the alignment
    without MT was right in 1 of its 19 groups, the MT's in 19 of 21 (both MTs).

    Such a group is unsure all the same, as a disputed one is: on pages of 20-40 lines (a
    window every 10 lines), 12 of the 30 kept with the strong MT were wrong, although the
    MT's groups there were worse. At the texts' ends the alignment without MT takes up
    whatever length the lines before left over: all 4 kept there were wrong (the 37 pages
    lacking a quarter 0.840 -> 0.842 without them).
    """
    out: list[Bead] = []
    stretches = _stretches(beads, without_mt)
    for number, (with_mt, without) in enumerate(stretches):
        if (
            0 < number < len(stretches) - 1
            and len(with_mt) > 1
            and len(without) == 1
            and all(bead.src and bead.tgt for bead in [*with_mt, *without])
        ):
            group = without[0]
            out.append(
                replace(
                    group, confidence=min(group.confidence, DISPUTED_CONFIDENCE), mt_splits=True
                )
            )
        else:
            out.extend(with_mt)
    return out


def _disputed(beads: list[Bead], without_mt: Sequence[Bead]) -> list[Bead]:
    """The MT's groups; one that the alignment without MT does not share and that is less
    sure than DISPUTE_BELOW is disputed, its confidence capped at DISPUTED_CONFIDENCE."""
    shared = {(bead.src, bead.tgt) for bead in without_mt}
    return [
        bead
        if (bead.src, bead.tgt) in shared or bead.confidence >= DISPUTE_BELOW
        else replace(bead, confidence=min(bead.confidence, DISPUTED_CONFIDENCE), disputed=True)
        for bead in beads
    ]


def _probability(margin: Array) -> Array:
    """The probability of a choice that costs ``margin`` less than its best alternative."""
    return 1.0 / (1.0 + np.exp(-np.clip(margin, -50.0, 50.0) / 2))  # type: ignore[no-any-return]


def _confidence(costs: _Costs, beads: list[Bead]) -> list[Bead]:
    """Each group's probability against leaving all its sentences unaligned and against the
    best other grouping of it and a neighbour (the lower of the two); a sentence left out,
    against the best grouping of it with a neighbour.

    Left-out sentences were all unsure (0.5) once: they made four in five of the unsure
    groups of Text+Berg's pages, nine in ten of them rightly left out, and every line of a
    passage one side lacks, which ``termwise align`` names anyway, was listed for review.
    """
    rows, columns = costs.source.count, costs.target.count
    # Judged without what is seen across the cuts (``_Costs._crossing``): that steers the
    # path between near ties, but as a margin it flagged sure groups (the Bible with a poor
    # MT: 34 more, nearly all right).
    costs = copy.copy(costs)
    costs.crossing_weight = 0.0
    local = _local_margins(costs, beads)
    # What leaving each sentence out would cost, for every sentence at once, beside a
    # sentence of the other side inside it (at its open start or end it would cost less).
    src_apart = costs.of((1, 0), np.arange(rows), np.full(rows, columns // 2, np.int64))
    tgt_apart = costs.of((0, 1), np.full(columns, rows // 2, np.int64), np.arange(columns))
    src_prefix = np.concatenate([[0.0], np.cumsum(src_apart)])
    tgt_prefix = np.concatenate([[0.0], np.cumsum(tgt_apart)])
    confidence = np.full(len(beads), 0.5)
    by_kind: dict[tuple[int, int], list[int]] = {}
    for position, bead in enumerate(beads):
        if bead.src and bead.tgt:
            by_kind.setdefault(bead.kind, []).append(position)
    alone = [k for k, bead in enumerate(beads) if not (bead.src and bead.tgt)]
    confidence[alone] = _probability(local[alone])
    for (a, b), positions in by_kind.items():
        src = np.asarray([beads[k].src[0] for k in positions], np.int64)
        tgt = np.asarray([beads[k].tgt[0] for k in positions], np.int64)
        together = costs.of((a, b), src, tgt)
        apart = src_prefix[src + a] - src_prefix[src] + tgt_prefix[tgt + b] - tgt_prefix[tgt]
        confidence[positions] = _probability(np.minimum(apart - together, local[positions]))
    return [
        replace(bead, confidence=float(value))
        for bead, value in zip(beads, confidence, strict=True)
    ]


@dataclass
class _Shown:
    """What each sentence's own group shows of it (nothing where it is left out), which
    group it is in, and the evidence of every cell of the prepared band."""

    own_src: Array
    own_tgt: Array
    src_group: Index
    tgt_group: Index
    cell_src: Index
    cell_tgt: Index
    cell_evidence: Array

    def apart(self) -> npt.NDArray[np.bool_]:
        """Which cells pair two sentences that the groups keep apart."""
        apart: npt.NDArray[np.bool_] = (
            self.src_group[self.cell_src] != self.tgt_group[self.cell_tgt]
        )
        return apart


def _shown(costs: _Costs, beads: list[Bead]) -> _Shown:
    """``_Shown`` of ``beads`` under the similarity of ``costs``."""
    similarity = costs.similarity
    assert similarity is not None
    rows, columns = costs.source.count, costs.target.count
    own_src, own_tgt = np.zeros(rows), np.zeros(columns)
    src_group = np.zeros(rows, np.int64)
    tgt_group = np.zeros(columns, np.int64)
    by_kind: dict[tuple[int, int], list[Bead]] = {}
    for number, bead in enumerate(beads):
        src_group[list(bead.src)] = number
        tgt_group[list(bead.tgt)] = number
        if bead.src and bead.tgt:
            by_kind.setdefault(bead.kind, []).append(bead)
    # A kind at a time, as _confidence asks: not a call per group, for a book of them.
    for (a, b), groups in by_kind.items():
        first_src = np.asarray([bead.src[0] for bead in groups], np.int64)
        first_tgt = np.asarray([bead.tgt[0] for bead in groups], np.int64)
        members = similarity.member_cosines(first_src, a, first_tgt, b)
        for x in range(a):
            own_src[first_src + x] = costs.evidence(members[x])
        for y in range(b):
            own_tgt[first_tgt + y] = costs.evidence(members[a + y])
    src, tgt, cosine = similarity.band_cells()
    return _Shown(own_src, own_tgt, src_group, tgt_group, src, tgt, costs.evidence(cosine))


def _contradicted(costs: _Costs, beads: list[Bead]) -> list[Bead]:
    """``beads``, where the shared strings taken unjudged show a pair that the path leaves
    apart (UNJUDGED_SHOWN more alike than its sentences' own groups), with each group that
    they show nothing of capped at DISPUTED_CONFIDENCE.

    Taken unjudged, sharing nothing is no evidence against a pair, so such a short text's
    groups are chosen, and judged sure, by lengths and priors alone: a path shifted by a
    split and a sentence left out costs no more than a sure group's margin ever sees. Where
    the only evidence the text has contradicts the path, the lengths are shown wrong there,
    and a group they alone decided is no surer than they are.
    """
    if costs.similarity is None or costs.model.mt_against:
        return beads
    shown = _shown(costs, beads)
    src, tgt, evidence = shown.cell_src, shown.cell_tgt, shown.cell_evidence
    excess = np.minimum(evidence - shown.own_src[src], evidence - shown.own_tgt[tgt])
    if not np.any(shown.apart() & (excess >= UNJUDGED_SHOWN)):
        return beads
    return [
        bead
        if bead.src
        and bead.tgt
        and max(*shown.own_src[list(bead.src)], *shown.own_tgt[list(bead.tgt)]) >= UNJUDGED_SHOWN
        else replace(bead, confidence=min(bead.confidence, DISPUTED_CONFIDENCE))
        for bead in beads
    ]


def _unsupported(costs: _Costs, beads: list[Bead]) -> list[Bead]:
    """``beads``, with each group holding a sentence that the MT does not find in it capped at
    DISPUTED_CONFIDENCE: its own group shows less than MEMBER_FLOOR of it, and either a
    sentence of another group shows SHOWN_ELSEWHERE more of it, or it resembles nothing on
    the other side (see ``_Costs.orphans``) and shares its side of the group with others.

    Lengths and priors chose such a group: leaving a sentence out costs about 8 nats, and a
    group's margin is taken against regroupings the lengths judge, so a sentence the
    translation drops was paired with its neighbour's second half at 0.90 ("Every
    shareholder receives a part of the profits each year." beside "Esa cooperativa es la
    propietaria de los aerogeneradores.", which the MT finds in the sentence before), or
    taken into a sure 2-1 group. A 1-1 pair whose two sentences both resemble nothing is
    left alone: there the MT failed on a loose translation as often as not.
    """
    if costs.similarity is None or not costs.model.mt_against:
        return beads
    shown = _shown(costs, beads)
    src, tgt, evidence = shown.cell_src, shown.cell_tgt, shown.cell_evidence
    apart = shown.apart()
    elsewhere_src = np.full(costs.source.count, -np.inf)
    elsewhere_tgt = np.full(costs.target.count, -np.inf)
    np.maximum.at(elsewhere_src, src[apart], evidence[apart])
    np.maximum.at(elsewhere_tgt, tgt[apart], evidence[apart])
    orphan_src, orphan_tgt = costs.orphans()
    out = []
    for bead in beads:
        unsupported = False
        for lines, own, elsewhere, orphan in (
            (bead.src, shown.own_src, elsewhere_src, orphan_src),
            (bead.tgt, shown.own_tgt, elsewhere_tgt, orphan_tgt),
        ):
            for line in lines:
                weak = own[line] < MEMBER_FLOOR
                claimed = elsewhere[line] - own[line] >= SHOWN_ELSEWHERE
                carried = orphan[line] and len(lines) > 1
                unsupported |= bool(weak and (claimed or carried))
        if bead.src and bead.tgt and unsupported:
            bead = replace(bead, confidence=min(bead.confidence, DISPUTED_CONFIDENCE))
        out.append(bead)
    return out


def align(
    source: SideFeatures,
    target: SideFeatures,
    *,
    source_mt: Sequence[str] | None = None,
    target_texts: Sequence[str] | None = None,
    source_texts: Sequence[str] | None = None,
    mt_in_step: bool = False,
) -> Alignment:
    """Align two texts' sentences; give ``source_mt`` (and ``target_texts``) to use MT, and
    ``mt_in_step`` where it was made a call per source sentence (by termwise), so that its
    lines cannot be out of step with the source's: only an MT given by a user is checked
    for that, by its line lengths.

    The lines of a page (its number, its running header: ``SideFeatures.furniture``) are
    aligned with nothing: the text is aligned without them, and each comes back inside the
    group whose sentences a page break cut, or as a group of its own. Left in, about half
    went into a neighbouring group, some paired with a sentence; costs on them could not
    tell a group they stray into from one a page break runs through. A translator's note
    (``SideFeatures.notes``) is aligned with nothing the same way: aligned as a sentence, it
    was paired with a source sentence the translation leaves out, as a sure group.
    """
    src_keep = _text_lines(source)
    tgt_keep = _text_lines(target)
    if len(src_keep) == len(source) and len(tgt_keep) == len(target):
        result = _align_text(
            source,
            target,
            source_mt=source_mt,
            target_texts=target_texts,
            source_texts=source_texts,
            mt_in_step=mt_in_step,
        )
        return replace(result, beads=_headings_unsure(result.beads, source, target))

    def kept(texts: Sequence[str] | None, keep: list[int]) -> list[str] | None:
        return None if texts is None else [texts[k] for k in keep]

    result = _align_text(
        _subset(source, src_keep),
        _subset(target, tgt_keep),
        source_mt=kept(source_mt, src_keep),
        target_texts=kept(target_texts, tgt_keep),
        source_texts=kept(source_texts, src_keep),
        mt_in_step=mt_in_step,
    )
    beads = _with_page_lines(result.beads, src_keep, tgt_keep, len(source), len(target))
    beads = _notes_unsure(beads, source.notes, target.notes)
    return replace(result, beads=_headings_unsure(beads, source, target))


def _headings_unsure(beads: list[Bead], source: SideFeatures, target: SideFeatures) -> list[Bead]:
    """``beads``, with a group that pairs a heading with a sentence, and a heading left out
    while the other side leaves one out near it, unsure (HEADING_CONFIDENCE), with the groups
    between the two: a translation keeps its headings, so one of the two structures is
    wrong, however sure the costs are."""
    src_headings, tgt_headings = source.headings, target.headings
    if not (src_headings.any() and tgt_headings.any()):
        return beads
    # Where each group starts on each side, and the headings left out (by side, their groups).
    at = np.zeros((len(beads), 2), np.int64)
    np.cumsum([bead.kind for bead in beads[:-1]], axis=0, out=at[1:])
    left_out: tuple[list[int], list[int]] = ([], [])
    unsure = set()
    for number, bead in enumerate(beads):
        src_heading = any(src_headings[k] for k in bead.src)
        tgt_heading = any(tgt_headings[k] for k in bead.tgt)
        if bead.src and bead.tgt and src_heading != tgt_heading:
            unsure.add(number)
        elif src_heading and not bead.tgt:
            left_out[0].append(number)
        elif tgt_heading and not bead.src:
            left_out[1].append(number)
    near = REFINE_MARGINS[0]
    for source_group in left_out[0]:
        for target_group in left_out[1]:
            # Both sides' positions: how far apart the two headings lie, on either side.
            if np.all(np.abs(at[source_group] - at[target_group]) <= near):
                # And the groups between them, which pairing the headings would regroup.
                first, last = sorted((source_group, target_group))
                unsure.update(range(first, last + 1))
    return [
        replace(bead, confidence=min(bead.confidence, HEADING_CONFIDENCE))
        if number in unsure
        else bead
        for number, bead in enumerate(beads)
    ]


def _notes_unsure(
    beads: list[Bead],
    source_notes: npt.NDArray[np.bool_] | None,
    target_notes: npt.NDArray[np.bool_] | None,
) -> list[Bead]:
    """``beads``, where a translator's note came back inside a group with both sides (it lay
    between the group's lines), that group unsure: a note is the translation of nothing, and
    the group it sits in is one a reviewer should see. So is a group of several source
    sentences right beside a note's own group: a note stands where the translator parted
    from the source, and a source sentence the translation leaves there was taken into the
    next group as a sure 2-1 (0.92 on Text+Berg), which the project records as a join."""
    if source_notes is None and target_notes is None:
        return beads

    def noted(bead: Bead) -> bool:
        return (source_notes is not None and any(source_notes[k] for k in bead.src)) or (
            target_notes is not None and any(target_notes[k] for k in bead.tgt)
        )

    # A note's own group: one-sided, every line of it a note.
    alone = [
        noted(bead)
        and not (bead.src and bead.tgt)
        and all(source_notes is not None and source_notes[k] for k in bead.src)
        and all(target_notes is not None and target_notes[k] for k in bead.tgt)
        for bead in beads
    ]
    out = []
    for number, bead in enumerate(beads):
        beside = (number > 0 and alone[number - 1]) or (
            number + 1 < len(beads) and alone[number + 1]
        )
        if bead.src and bead.tgt and (noted(bead) or (beside and len(bead.src) > 1)):
            bead = replace(bead, confidence=min(bead.confidence, NOTE_CONFIDENCE))
        out.append(bead)
    return out


def _text_lines(features: SideFeatures) -> list[int]:
    """The lines that are not a page's number or header, nor a translator's note."""
    aside = np.zeros(len(features), np.bool_)
    for flags in (features.furniture, features.notes):
        if flags is not None:
            aside |= flags
    return [int(k) for k in np.flatnonzero(~aside)]


def _subset(features: SideFeatures, keep: list[int]) -> SideFeatures:
    index = np.asarray(keep, np.int64)
    return SideFeatures(
        lengths=features.lengths[index],
        marks=features.marks[index],
        breaks=features.breaks[index],
        headings=features.headings[index],
        soft_ends=features.soft_ends[index],
        debris=features.debris[index],
        open_ends=features.open_ends[index],
        notes=None if features.notes is None else features.notes[index],
    )


def _with_page_lines(
    beads: Sequence[Bead], src_keep: list[int], tgt_keep: list[int], rows: int, columns: int
) -> list[Bead]:
    """``beads`` of the text lines, numbered as in the whole files, with the page lines put
    back: inside a group whose lines they lie between (a group stays a run of lines), else
    each as a group of its own, in order."""

    def run(lines: tuple[int, ...], keep: list[int]) -> tuple[int, ...]:
        """The group's lines in the whole file, with the page lines between them."""
        return tuple(range(keep[lines[0]], keep[lines[-1]] + 1)) if lines else ()

    filled = [replace(b, src=run(b.src, src_keep), tgt=run(b.tgt, tgt_keep)) for b in beads]
    # Every text line is in a group: the lines no group covers are the page lines left over.
    covered = ({k for b in filled for k in b.src}, {k for b in filled for k in b.tgt})
    pending = (
        deque(k for k in range(rows) if k not in covered[0]),
        deque(k for k in range(columns) if k not in covered[1]),
    )
    out: list[Bead] = []
    for bead in filled:
        for number, lines in ((0, bead.src), (1, bead.tgt)):
            while lines and pending[number] and pending[number][0] < lines[0]:
                line = (pending[number].popleft(),)
                out.append(Bead(line, ()) if number == 0 else Bead((), line))
        out.append(bead)
    out += [Bead((k,), ()) for k in pending[0]] + [Bead((), (k,)) for k in pending[1]]
    return out


def _align_text(
    source: SideFeatures,
    target: SideFeatures,
    *,
    source_mt: Sequence[str] | None = None,
    target_texts: Sequence[str] | None = None,
    source_texts: Sequence[str] | None = None,
    mt_in_step: bool = False,
) -> Alignment:
    """``align`` for texts without page lines.

    Without MT, ``source_texts`` and ``target_texts`` let the source itself stand in for its
    translation: names, numbers and cognates shared by both sides count for as much as they
    are found to rank pairs on these texts. Where they rank nothing (across scripts), a
    word table learned from the first pass translates the source word by word instead; with
    MT, that table joins the MT's similarity.
    """
    rows, columns = len(source), len(target)
    if rows == 0 or columns == 0:
        beads = [Bead((i,), ()) for i in range(rows)] + [Bead((), (j,)) for j in range(columns)]
        return Alignment(beads, Model(1.0, 1.0))
    ratio = float(target.lengths.sum() / max(source.lengths.sum(), 1.0))
    model = _part_model(source, target, _neutral_model(ratio), source_texts, target_texts)
    src_side, tgt_side = _Side.of(source), _Side.of(target)

    similarity: BandSimilarity | None = None
    mt_rank: float | None = None
    correlation: float | None = None
    without: Alignment | None = None
    if source_mt is not None:
        if target_texts is None or len(source_mt) != rows or len(target_texts) != columns:
            raise ValueError("MT needs one line per source sentence and the target texts")
        # Aligned first, before the MT's vectors are built, so that a book's peak memory is
        # that of the larger alignment, not of both: the result if the MT is dropped, else a
        # second opinion on the MT's groups (_disputed).
        without = align(source, target, source_texts=source_texts, target_texts=target_texts)
        mt_lengths = _mt_lengths(source_mt)
        correlation, out_of_step = _length_fit(source, mt_lengths)
        # An MT made here, a call per sentence, is in step by construction, and a page's
        # lengths may follow it badly by chance: only an MT given is judged by them.
        if not mt_in_step:
            if out_of_step:
                one_off = _reads_one_off(source, target, model, source_mt, target_texts)
                out_of_step = one_off is not False  # the lengths stand where pairs are few
            if _unfollowed(correlation, out_of_step):
                return replace(
                    without, mt_length_correlation=correlation, mt_out_of_step=out_of_step
                )
        similarity = BandSimilarity(source_mt, target_texts, weight=MT_WEIGHT)
        # The ratio of the totals is wrong where one side lacks a passage, and a page has too
        # few 1-1 groups for the first pass to correct it (Text+Berg cut in windows of 20 to
        # 40 lines, a quarter of the French missing: 0.61 -> 0.82 with the strong MT).
        told = _mt_ratio(source, mt_lengths, correlation)
        whole = _neutral_model(ratio)
        if told is not None and abs(math.log(told / ratio)) > RATIO_DRIFT:
            model = _neutral_model(told, model.open_sides)
            whole = _neutral_model(told)
        if any(model.open_sides) and not _mt_confirms_part(
            source, target, model, whole, similarity
        ):
            model = whole
    cognates = source_texts is not None and target_texts is not None
    if cognates and (len(source_texts or ()) != rows or len(target_texts or ()) != columns):
        raise ValueError("the texts must have one line per sentence")

    # Pass 1: neutral model, lengths and marks only (MT similarity is not calibrated yet).
    model, path = _first_pass(source, target, model)
    beads = _beads_of(path)
    # What shows where a first pass went astray: the MT; else the source's own n-grams
    # (names, numbers, cognates) where they tell translations apart. (Not, across scripts,
    # the word table below: learned from a stray first pass, its rare units pin nothing.)
    own_ngrams: BandSimilarity | None = None
    if similarity is None and cognates:
        if _cognates_rank(source_texts or (), target_texts or (), beads):
            own_ngrams = BandSimilarity(source_texts or (), target_texts or ())
        elif min(rows, columns) <= COGNATE_ANCHOR_LINES:
            anchored = _anchored_own_ngrams(source, target, source_texts or (), target_texts or ())
            if anchored is not None:
                # Text+Berg's pages lacking a quarter of the French, without MT: strict F1
                # 0.656 -> 0.704 (the whole pages 0.878 -> 0.893).
                own_ngrams, told = anchored
                if abs(math.log(told / model.ratio)) > RATIO_DRIFT:
                    model, path = _first_pass(
                        source, target, _neutral_model(told, model.open_sides)
                    )
                    beads = _beads_of(path)
    # A short text (a list of a few items, a paragraph or two) has fewer than the
    # RANK_MIN_PAIRS 1-1 groups that shared strings are judged by: they are then taken
    # unjudged, as evidence only where they exist (multimeter / multímetro; see
    # Model.mt_against), and no word table is learned: one of two or three pairs holds only
    # the words every line has ("the", "el") and merged whole lists. Gated on the first
    # pass's pairs, not the lines: 9 English and 8 Spanish lines with a 2-1 group have 7,
    # and the table learned from them put the 2-1 group a line off. (Text+Berg's pages of
    # 20-40 lines lacking a quarter of the French, without MT: 0.727 -> 0.717; the whole
    # pages and those with MT unchanged.)
    judged = sum(1 for bead in beads if bead.kind == (1, 1)) >= RANK_MIN_PAIRS
    unjudged = similarity is None and cognates and own_ngrams is None and not judged
    # With MT, or with the shared strings judged by their anchors, a page of few pairs still
    # learns its table (skipped there, Text+Berg's whole pages lost 0.010 without MT).
    learnable = not unjudged and min(rows, columns) >= RANK_MIN_PAIRS
    if unjudged:
        own_ngrams = BandSimilarity(source_texts or (), target_texts or ())
    pinning = similarity or own_ngrams
    rare = RARE_NGRAMS
    table: BandSimilarity | None = None
    if pinning is None and source_texts is not None and target_texts is not None and learnable:
        table = lexicon_similarity(source_texts, target_texts, beads, LEXICON_WEIGHT)
        rank = _table_rank(table, path, beads, rows, columns)
        scanned = None
        if rank < RANK_DOUBT:
            scanned = _scanned_ratio(source, target, model, source_texts, target_texts, rank)
        if scanned is not None:
            model, path, table = scanned
            beads = _beads_of(path)
            pinning = table
            rare = TABLE_RARE_UNITS
    if pinning is not None:
        # A block one side lacks at its start or end leaves the ratio of the 1-1 groups
        # consistent with itself: the first pass spreads the surplus evenly (Text+Berg
        # without its last 168 German lines: 0.27 strict F1). Sentence pairs too alike to
        # be chance show where it went astray (0.82; with an MT 0.24 -> 0.84).
        pinned = _anchor_band(pinning, path, rows, columns, rare)
        if pinned is not None:
            path = _search(_Costs(src_side, tgt_side, model, None), pinned)
            beads = _beads_of(path)
            # The ratio was learned from the stray path; the pinned one's 1-1 groups know it.
            paired = _estimate(model, source, target, beads, None).ratio
            model = _neutral_model(paired, model.open_sides)
            path = _search(_Costs(src_side, tgt_side, model, None), pinned)
            beads = _beads_of(path)
            table = None  # learned from the path before it was pinned
    if source_texts is not None and target_texts is not None and learnable:
        # A table of the words that stand together in the first pass's groups translates the
        # source word by word. It knows this text's names and its translator's habits, which
        # a weak or out-of-domain MT gets wrong, and it is all there is across scripts.
        if table is None:
            table = lexicon_similarity(source_texts, target_texts, beads, LEXICON_WEIGHT)
        shares = (1.0, TABLE_BESIDE_MT)
        rates = None
        if similarity is not None:
            rates = _rank_rates((similarity, table), path, beads, rows, columns)
        if rates is not None:
            # An MT's quality is not known in advance, and a weak one must not drown a
            # table that ranks well: on the Bible, with a stand-in Chinese MT whose
            # characters are 90% wrong, the MT ranks a third of the pairs first (chance) and
            # the table 0.97, and at the fixed shares the MT cost 0.008 strict F1 against
            # no MT. So each part counts as much as it ranks, and an MT that ranks no
            # better than chance (of another text, or into another language) is dropped:
            # the texts are aligned as without it, for its anchors may have led the first
            # pass astray already.
            mt_rank = rates[0]
            shares = (_rank_weight(rates[0]), TABLE_BESIDE_MT * _rank_weight(rates[1]))
            if shares[0] == 0:
                assert without is not None
                return replace(
                    without,
                    mt_rank=mt_rank,
                    mt_length_correlation=correlation,
                    mt_in_step=mt_in_step,
                )
        if similarity is None and own_ngrams is not None:
            # The source itself stands in for its MT: names, numbers, cognates. (They keep
            # their share: _cognates_rank has judged them, and scaling them by their rank
            # too cost Text+Berg 0.002.)
            similarity = own_ngrams
        if similarity is None:
            similarity = table
        else:
            similarity = BandSimilarity.combined(
                [(similarity, shares[0]), (table, shares[1])], weight=MT_WEIGHT
            )
    if similarity is None:
        similarity = own_ngrams  # too few pairs to learn a table from
    if unjudged:
        model = replace(model, mt_against=False)
    # Only the combined vectors are searched from here on; holding the parts too took a
    # third of the memory of a 47,000-sentence book with MT.
    del pinning, own_ngrams, table
    for margin in REFINE_MARGINS:
        points_i, points_j = _path_points(path)
        band = _band_around(points_i, points_j, rows, columns, margin)
        if similarity is not None:
            similarity.prepare(band.low, band.high)
        model = _estimate(model, source, target, beads, similarity)
        crossing = CROSSING_WEIGHT if source_mt is not None else 0.0
        costs = _Costs(src_side, tgt_side, model, similarity, ALL_KINDS, RUN_RELIEF, crossing)
        path = _search(costs, band)
        for _ in range(WIDENINGS):
            # A path along the band's edge wanted to go beyond it: the first pass, which
            # placed the band, went astray there (a block one side lacks), and the evidence
            # of this pass can put it right in a wider band.
            points_i, points_j = _path_points(path)
            if not _along_edge(points_i, points_j, band, columns):
                break
            margin *= 2
            band = _band_around(points_i, points_j, rows, columns, margin)
            if similarity is not None:
                similarity.prepare(band.low, band.high)
            path = _search(costs, band)
        beads = _beads_of(path)
    # The confidence is judged by the costs of the last pass (REFINE_MARGINS is never empty).
    beads = _contradicted(costs, _confidence(costs, beads))
    if source_mt is not None:
        beads = _unsupported(costs, beads)
    if without is not None and source_texts is not None:
        beads = _disputed(_kept_whole(beads, without.beads), without.beads)
    return Alignment(beads, model, mt_rank, correlation, mt_in_step=mt_in_step)
