"""Every reader on mutated and generated files: it parses, or refuses with file and position.

The property lives in ``targets.run_reader``; ``bench/fuzz.py`` runs the same targets with
10,000 examples each and more. Inputs that once crashed a reader are pinned as ``@example``s
(or in ``test_regressions.py``), so they stay fixed whatever Hypothesis draws next.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given

from .targets import TARGETS, Target, run_reader

CHEAP = [name for name in TARGETS if name not in ("argosmodel", "docx")]


def _check(target: Target, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        run_reader(target, data, Path(folder))


@pytest.mark.parametrize("name", CHEAP)
def test_every_seed_parses(name: str) -> None:
    # The mutations start from files the reader accepts; a seed it refused would prove nothing.
    target = TARGETS[name]
    with tempfile.TemporaryDirectory() as folder:
        for seed in target.seeds():
            assert run_reader(target, seed, Path(folder)).parsed


def _fuzz_test(name: str):  # type: ignore[no-untyped-def]
    target = TARGETS[name]

    @given(data=target.inputs())
    def test(data: bytes) -> None:
        _check(target, data)

    test.__name__ = f"test_{name.replace('-', '_')}_reader_parses_or_refuses"
    return test


test_po_reader = _fuzz_test("po")
test_tmx_reader = _fuzz_test("tmx")
test_xliff12_reader = _fuzz_test("xliff12")
test_xliff2_reader = _fuzz_test("xliff2")
test_tbx_basic_reader = _fuzz_test("tbx-basic")
test_tbx_min_reader = _fuzz_test("tbx-min")
test_tbx_2008_reader = _fuzz_test("tbx-2008")
test_csv_reader = _fuzz_test("csv")
test_omegat_reader = _fuzz_test("omegat")
test_markdown_reader = _fuzz_test("markdown")
test_text_reader = _fuzz_test("text")
test_docx_reader = _fuzz_test("docx")
test_argos_package_reader = _fuzz_test("argosmodel")
test_project_po_reader = _fuzz_test("po-project")
test_import_validation = _fuzz_test("import-validation")
test_segmenter = _fuzz_test("segmenter")
test_term_matcher = _fuzz_test("term-matcher")
test_alignment_reader = _fuzz_test("alignment")
test_sentence_lines = _fuzz_test("sentence-lines")
test_segmentation_json = _fuzz_test("segmentation-json")
test_ids_json = _fuzz_test("ids-json")
test_ignores_json = _fuzz_test("ignores-json")
test_rejected_terms_json = _fuzz_test("rejected-terms-json")
test_settings_toml = _fuzz_test("settings-toml")
