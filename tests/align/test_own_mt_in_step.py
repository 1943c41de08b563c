"""The MT an alignment uses is judged out of step with its source only where it can be.

The MT termwise makes itself, a call per sentence, cannot be; an MT file given can, but on
a page the sentence lengths alone may follow the source one line off by coincidence.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.command_line import termwise

needs_apertium = pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium absent")

# Twelve sentences of 33-52 characters: their lengths follow Apertium's Spanish of them one
# line off (0.675) as well as in line (0.673). The Spanish drops the third sentence and
# splits the last of the second paragraph in two.
STORY_EN = """\
The village lies at the foot of a green mountain. Every morning the baker opens his shop \
at six. Children walk to school along the river. In spring the fields are full of flowers.

The old bridge was built in 1887. It was repaired twice during the last century. Tourists \
come to photograph it every summer. The mayor wants to build a museum next to it.

Last year a storm damaged many roofs. Nobody was hurt, but the repairs took months. The \
villagers helped each other with great patience. Now the village is preparing its annual \
festival.
"""
STORY_ES = """\
El pueblo está al pie de una montaña verde. Cada mañana el panadero abre su tienda a las \
seis. En primavera los campos están llenos de flores.

El viejo puente fue construido en 1887. Fue reparado dos veces durante el siglo pasado. \
Los turistas vienen a fotografiarlo cada verano. El alcalde quiere construir un museo. Lo \
construirá justo al lado del puente.

El año pasado una tormenta dañó muchos tejados. Nadie resultó herido, pero las reparaciones \
duraron meses. Los vecinos se ayudaron unos a otros con gran paciencia. Ahora el pueblo \
prepara su fiesta anual.
"""


def _story(folder: Path) -> list[str]:
    """The story written into ``folder``; the source's sentences, as the aligner reads them."""
    from termwise.document import load_document

    (folder / "story.en.txt").write_text(STORY_EN, encoding="utf-8")
    (folder / "story.es.txt").write_text(STORY_ES, encoding="utf-8")
    return [s.text for s in load_document(folder / "story.en.txt", lang="en").segments]


def _apertium(sentences: list[str]) -> list[str]:
    from termwise.mt.apertium import ApertiumEngine

    return [r.target for r in ApertiumEngine().translate(sentences, "en", "es")]


@needs_apertium
def test_the_mt_termwise_makes_is_not_judged_out_of_step(tmp_path: Path) -> None:
    _story(tmp_path)
    result = termwise(
        "align", "story.en.txt", "story.es.txt", "--to", "es", "--format", "beads", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "out of step" not in result.stderr
    assert "with MT similarity" in result.stderr, result.stderr
    # The dropped sentence stays in a group with its neighbours (the lengths keep it whole),
    # but that group is unsure: the MT splits it.
    assert "[1, 2, 3]:[1, 2]\n" in result.stdout
    assert "1 kept whole by their lengths where the MT splits them" in result.stderr


@needs_apertium
def test_an_mt_file_whose_lengths_follow_one_line_off_by_chance_is_used(tmp_path: Path) -> None:
    sentences = _story(tmp_path)
    spanish = _apertium(sentences)
    (tmp_path / "mt.es").write_text("\n".join(spanish) + "\n", encoding="utf-8")
    common = ["story.en.txt", "story.es.txt", "--from", "en", "--to", "es", "--format", "beads"]
    result = termwise("align", *common, "--source-mt", "mt.es", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr, result.stderr
    assert "with MT similarity" in result.stderr


@needs_apertium
def test_an_mt_file_truly_one_line_off_is_still_refused(tmp_path: Path) -> None:
    sentences = _story(tmp_path)
    spanish = _apertium(sentences)
    shifted = spanish[1:] + spanish[:1]
    (tmp_path / "shifted.es").write_text("\n".join(shifted) + "\n", encoding="utf-8")
    common = ["story.en.txt", "story.es.txt", "--from", "en", "--to", "es", "--format", "beads"]
    result = termwise("align", *common, "--source-mt", "shifted.es", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "so it was not used. Is it a translation of story.en.txt" in result.stderr
    assert "without MT similarity" in result.stderr
