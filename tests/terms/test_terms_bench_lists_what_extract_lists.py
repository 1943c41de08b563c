"""``bench/terms.py`` scores what ``terms extract`` lists.

The bench built its lists from the scores alone (``train.Corpus.extracted``), without the
occurrences: it could not see the rules that need them (a candidate written mostly inside
one longer candidate is a fragment of it and is not listed), nor the vetoes after the
combiner that only ``extract_terms`` applied, and it reported ACTER F1 0.471 (en) and 0.404
(fr) for a path no user runs (0.455 and 0.387 on the CLI's path).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

from click.testing import CliRunner

from termwise.cli import cli
from termwise.document.model import SegmentKind
from termwise.document.reading import load_document
from termwise.terms import candidates as cand
from termwise.terms.extract import segment_texts, segments_document
from termwise.terms.model import load_combiner

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_204c7e650900ae41.txt"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("terms_bench", ROOT / "bench" / "terms.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_bench_lists_the_forms_terms_extract_lists(tmp_path: Path) -> None:
    every, unnamed = _bench().listed([load_document(SEED, lang="en")], "en", load_combiner("en"))
    result = CliRunner().invoke(
        cli,
        ["--project", str(tmp_path), "terms", "extract", str(SEED), "--format", "json"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)["candidates"]
    assert every == {form for candidate in listed for form in _forms(candidate)}
    # A fragment of "community of human destiny" is not listed, and so not scored.
    assert "community of human destiny" in every
    assert "community of human" not in every
    names = [candidate for candidate in listed if candidate["kind"] == "name"]
    assert "china" in {cand.fold(candidate["term"]) for candidate in names}
    assert unnamed == every - {form for candidate in names for form in _forms(candidate)}


def _forms(candidate: dict[str, Any]) -> set[str]:
    """The folded forms of one candidate of the JSON output, as the text writes them."""
    return {cand.fold(" ".join(s.split())) for s in [candidate["term"], *candidate["variants"]]}


def test_a_piece_of_a_corpus_keeps_its_headings() -> None:
    """The bench's one-document pieces are made of segment texts (``segment_texts``): a
    heading among them is a heading again, which a candidate found only in headings needs
    ("Introduction" names a section, not a term)."""
    texts = segment_texts(load_document(SEED, lang="en"))
    assert any(isinstance(text, cand.Heading) for text in texts)
    document = segments_document([(str(i), text) for i, text in enumerate(texts)], "en")
    kinds = [segment.kind is SegmentKind.HEADING for segment in document.segments]
    assert kinds == [isinstance(text, cand.Heading) for text in texts]
