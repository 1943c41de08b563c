"""A sentence the MT finds nowhere in its group, which only the lengths put there.

A new user's short text (13 sentences, English → Spanish): the Spanish splits "Local families
bought shares in a cooperative that owns the turbines." in two and drops the next sentence,
"Every shareholder receives a part of the profits each year.". The lengths favour 1-1 pairs
(the split is twice as long as its source), so the dropped sentence was paired with the
split's second half at 0.90, "0 of low confidence", though Apertium's MT of it ("Cada
accionista recibe…") shares nothing with it and the MT of the sentence before finds it
there. With the drop alone, the dropped sentence was folded into a sure 2-1 group. Both
groups are flagged now (``aligner._unsupported``).
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.align.beads import parse_side
from termwise.align.output import LOW_CONFIDENCE

needs_apertium = pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium absent")

WIND = """# Wind energy in small towns

Wind turbines convert the kinetic energy of moving air into electricity. A modern turbine \
stands about 120 metres tall. Its three blades turn a shaft connected to a generator. In \
2021, the town of Aldea installed its first four turbines on the ridge above the river.

The project cost 14 million euros. Local families bought shares in a cooperative that owns \
the turbines. Every shareholder receives a part of the profits each year. Some neighbours \
complained about the noise at night.

The council measured the sound levels for six months. The results stayed below the legal \
limit of 35 decibels. Today the turbines supply about 60 percent of the electricity the town \
uses. Other towns in the region now want to copy the model.
"""
EOLICA = """# La energía eólica en los pueblos pequeños

Los aerogeneradores convierten la energía cinética del aire en movimiento en electricidad. \
Un aerogenerador moderno mide unos 120 metros de altura. Sus tres palas hacen girar un eje \
conectado a un generador. En 2021, el pueblo de Aldea instaló sus cuatro primeros \
aerogeneradores en la loma que domina el río.

El proyecto costó 14 millones de euros. {families} Algunos vecinos se quejaron del ruido por \
la noche.

El ayuntamiento midió los niveles de sonido durante seis meses. Los resultados se \
mantuvieron por debajo del límite legal de 35 decibelios. Hoy los aerogeneradores \
suministran cerca del 60 por ciento de la electricidad que consume el pueblo. Otros pueblos \
de la región quieren ahora copiar el modelo.
"""
SPLIT = (
    "Las familias del pueblo compraron participaciones de una cooperativa. "
    "Esa cooperativa es la propietaria de los aerogeneradores."
)
WHOLE = (
    "Las familias del pueblo compraron participaciones de una cooperativa que es la "
    "propietaria de los aerogeneradores."
)
DROPPED = 7  # "Every shareholder receives…" (0: the heading)

Groups = dict[tuple[tuple[int, ...], tuple[int, ...]], float]


def aligned(folder: Path, families: str, *options: str) -> tuple[Groups, int]:
    """The two-sided groups of ``termwise align`` with their confidence, and how many groups
    its summary calls of low confidence."""
    (folder / "wind.txt").write_text(WIND, encoding="utf-8")
    (folder / "wind.es.txt").write_text(EOLICA.format(families=families), encoding="utf-8")
    args = ["wind.txt", "wind.es.txt", "--to", "es", *options, "--format", "tmx", "-o", "out.tmx"]
    done = termwise("align", *args, cwd=folder)
    assert done.returncode == 0, done.stderr
    groups: Groups = {}
    for unit in ET.parse(folder / "out.tmx").getroot().iter("tu"):
        props = {prop.get("type"): prop.text or "" for prop in unit.iter("prop")}
        src, tgt = props["x-alignment"].split(":")
        groups[parse_side(src), parse_side(tgt)] = float(props["x-alignment-confidence"])
    summary = re.search(r"\((\d+) of low confidence", done.stdout + done.stderr)
    assert summary is not None
    return groups, int(summary[1])


def check_dropped_sentence(groups: Groups, low: int) -> None:
    """A group that holds the dropped sentence with a target sentence is flagged (left out,
    it is in no TMX unit, and flagged as every sentence the translation leaves out); every
    other group keeps its confidence, each of its sentences found where it is."""
    holding = {g: c for g, c in groups.items() if DROPPED in g[0]}
    assert all(c < LOW_CONFIDENCE for c in holding.values()), holding
    assert low >= len(holding)
    others = {g: c for g, c in groups.items() if g not in holding}
    assert all(c >= LOW_CONFIDENCE for c in others.values()), others


@needs_apertium
def test_a_dropped_sentence_paired_with_a_split_half_the_mt_finds_elsewhere_is_flagged(
    tmp_path: Path,
) -> None:
    groups, low = aligned(tmp_path, SPLIT, "--engine", "apertium")
    # The lengths still pair it with the split's second half, [7]:[7] (right: [6]:[6, 7]
    # and [7]:[]); was 0.90, and "0 of low confidence".
    assert ((DROPPED,), (DROPPED,)) in groups
    check_dropped_sentence(groups, low)


@needs_apertium
def test_a_dropped_sentence_folded_into_a_larger_group_is_flagged(tmp_path: Path) -> None:
    groups, low = aligned(tmp_path, WHOLE, "--engine", "apertium")
    # Still folded into [6, 7]:[6] by the lengths (the Spanish sentence is as long as the two
    # English ones); was sure, at 0.92.
    assert ((DROPPED - 1, DROPPED), (DROPPED - 1,)) in groups
    check_dropped_sentence(groups, low)
