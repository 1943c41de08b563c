"""The confidence of a short text's groups aligned without MT, its shared strings unjudged.

989f2f3 took such a text's shared strings as evidence only where they exist: sharing nothing
no longer counts against a pair, so a group the lengths decided alone lost every doubt. The
audit's wound-care steps came out 1-1 throughout, 5 of 6 groups wrong and all sure (0.98),
although "saline solution" / "solución salina" lay two lines from where the path put them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from support.command_line import termwise
from termwise.align.aligner import align
from termwise.align.beads import parse_side
from termwise.align.features import side_features
from termwise.align.output import LOW_CONFIDENCE

from .test_short_texts import scored_set

STEPS = [
    "Wash your hands before you touch the wound, and put on clean gloves.",
    "Remove the old dressing carefully.",
    "Clean the wound with saline solution.",
    "Apply the new dressing and secure it with tape.",
    "Write down the date of the change.",
    "Call a nurse if the wound bleeds.",
]
PASOS = [
    "Lávese las manos antes de tocar la herida.",
    "Póngase guantes limpios.",
    "Retire con cuidado el apósito viejo.",
    "Aplique el apósito nuevo y fíjelo con esparadrapo.",
    "Limpie la herida con solución salina.",
    "Llame a una enfermera si la herida sangra.",
]
GOLD = {((0,), (0, 1)), ((1,), (2,)), ((2, 3), (3, 4)), ((4,), ()), ((5,), (5,))}


def test_the_groups_the_shared_strings_contradict_are_flagged(tmp_path: Path) -> None:
    (tmp_path / "c_en.txt").write_text("\n".join(STEPS) + "\n", encoding="utf-8")
    (tmp_path / "c_es.txt").write_text("\n".join(PASOS) + "\n", encoding="utf-8")
    args = ["c_en.txt", "c_es.txt", "--from", "en", "--to", "es", "--presegmented", "--no-mt"]
    done = termwise("align", *args, "--format", "tmx", "-o", "out.tmx", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    confidence: dict[tuple[tuple[int, ...], tuple[int, ...]], float] = {}
    for unit in ET.parse(tmp_path / "out.tmx").getroot().iter("tu"):
        props = {prop.get("type"): prop.text or "" for prop in unit.iter("prop")}
        src, tgt = props["x-alignment"].split(":")
        confidence[parse_side(src), parse_side(tgt)] = float(props["x-alignment-confidence"])
    wrong = [group for group in confidence if group not in GOLD]
    assert wrong  # the lengths alone cannot find the split and the sentence left out
    assert all(confidence[group] < LOW_CONFIDENCE for group in wrong), confidence
    summary = re.search(r"\((\d+) of low confidence", done.stdout + done.stderr)
    assert summary is not None
    assert int(summary[1]) >= len(wrong)


def test_short_texts_the_shared_strings_do_not_contradict_keep_their_flags() -> None:
    """On the scored set, every wrong group is flagged and the right ones flagged stay the
    few the margins flag (10 of 120, and 14 of 124 since the four wrong groups, all flagged,
    came right: the same groups flagged): flagging every group with no shared string for it
    flagged 63."""
    right = wrong = right_flagged = wrong_flagged = 0
    for _, source, target, lang, gold in scored_set():
        found = align(
            side_features(source, lang="en"),
            side_features(target, lang=lang),
            source_texts=source,
            target_texts=target,
        )
        for bead in found.beads:
            flagged = bead.confidence < LOW_CONFIDENCE
            if (bead.src, bead.tgt) in gold:
                right, right_flagged = right + 1, right_flagged + flagged
            else:
                wrong, wrong_flagged = wrong + 1, wrong_flagged + flagged
    assert wrong_flagged == wrong
    assert right_flagged <= 14
    assert right == 124
