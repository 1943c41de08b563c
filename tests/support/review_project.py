"""A review project in a temporary folder: the seed paper and a small glossary.

The glossary is written through the glossary module (TBX on disk), with renderings taken
from shared/reference/key-terms.md, so the review and UI tests read a real file the way a
user's project would be read. The conftests of ``tests/review`` and ``tests/tui`` import the
fixtures from here.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from termwise.project.layout import ProjectLayout

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_204c7e650900ae41.txt"


def write_test_glossary(folder: Path) -> Path:
    from termwise.glossary import Concept, Glossary, Term, TermStatus, save_glossary

    def term(
        text: str, lang: str, status: TermStatus = TermStatus.PREFERRED, source: str | None = None
    ) -> Term:
        return Term(text=text, lang=lang, status=status, source=source)

    t01 = Concept(
        id="T01",
        definition="人类命运共同体: China's diplomatic concept of a shared future.",
        all_terms=[
            term("人类命运共同体", "zh"),
            term("community with a shared future for mankind", "en", source="19th CPC report"),
            term("community with a shared future for humanity", "en", TermStatus.ADMITTED),
            term("community of common destiny", "en", TermStatus.SUPERSEDED),
            term("community of human destiny", "en", TermStatus.DEPRECATED),
            term("human destiny community", "en", TermStatus.DEPRECATED),
            term("comunidad de futuro compartido de la humanidad", "es", source="Xinhua es 2024"),
            term("comunidad de destino de la humanidad", "es", TermStatus.SUPERSEDED),
        ],
    )
    t25 = Concept(
        id="T25",
        definition="负责任大国",
        all_terms=[
            term("负责任大国", "zh"),
            term("responsible major country", "en", source="People's Daily en 2024"),
            term("responsible big country", "en", TermStatus.DEPRECATED),
        ],
    )
    t19 = Concept(
        id="T19",
        definition="冷战思维",
        all_terms=[
            term("冷战思维", "zh"),
            term("Cold War mentality", "en", source="China Daily 2016"),
            term("mentalidad de la Guerra Fría", "es"),
        ],
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "paper.tbx"
    save_glossary(Glossary(concepts=[t01, t25, t19]), path)
    return path


@pytest.fixture
def review_project(tmp_path: Path, argos_env: Path) -> ProjectLayout:
    """A project folder with the seed paper in ``seeds/`` and a glossary in ``glossary/``."""
    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    shutil.copy(SEED, root / "seeds" / SEED.name)
    write_test_glossary(root / "glossary")
    return ProjectLayout.at(root)


@pytest.fixture
def paper(review_project: ProjectLayout) -> Path:
    return review_project.root / "seeds" / SEED.name
