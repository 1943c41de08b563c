"""Which file of a glossary folder a new concept goes to: the folder's main file, the one
holding the most concepts. The first by name put every concept the workbench's candidates
panel recorded (``n``) into ``candidates.tbx`` beside the project's ``key-terms.tbx``."""

from __future__ import annotations

import shutil
from pathlib import Path

from termwise.glossary import load_glossary
from termwise.glossary.model import Concept, Glossary, Term
from termwise.glossary.tbx import write_tbx
from termwise.terms.recording import glossary_file, record_term

ROOT = Path(__file__).resolve().parents[2]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "glossary"
    folder.mkdir()
    shutil.copy(ROOT / "glossary" / "key-terms.tbx", folder / "key-terms.tbx")
    one = Glossary(concepts=[Concept("a-candidate", all_terms=[Term("a candidate", "en")])])
    (folder / "candidates.tbx").write_bytes(write_tbx(one)[0])
    return folder


def test_a_new_concept_goes_to_the_file_with_the_most_concepts(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    assert glossary_file(folder, None) == folder / "key-terms.tbx"
    path, concept, _ = record_term(folder, "digital sovereignty", "en", tell=lambda _: None)
    assert path == folder / "key-terms.tbx"
    assert load_glossary(folder / "key-terms.tbx").get(concept) is not None
    assert load_glossary(folder / "candidates.tbx").get(concept) is None


def test_a_variant_still_goes_to_the_file_holding_its_concept(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    assert glossary_file(folder, "a-candidate") == folder / "candidates.tbx"
    assert glossary_file(folder, "T21") == folder / "key-terms.tbx"


def test_of_files_alike_the_first_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "glossary"
    folder.mkdir()
    for name in ("b.tbx", "a.tbx"):
        one = Glossary(concepts=[Concept(name, all_terms=[Term(name, "en")])])
        (folder / name).write_bytes(write_tbx(one)[0])
    assert glossary_file(folder, None) == folder / "a.tbx"
    assert glossary_file(tmp_path / "empty", None) == tmp_path / "empty" / "glossary.tbx"
