"""An OmegaT export counts what it wrote: "wrote 2 concepts" was said of a file that held
one, the warning after it naming the other as not written. The writer says how many
concepts it left out, and ``concepts_written`` counts the rest."""

from __future__ import annotations

from pathlib import Path

from termwise.glossary.formats import (
    ConceptsNotWritten,
    WriteOptions,
    concepts_written,
    read_file,
    save_glossary,
)
from termwise.glossary.model import Concept, Glossary, Term, TermStatus


def glossary() -> Glossary:
    written = Concept(id="T1")
    written.add(Term("wind turbine", "en", TermStatus.PREFERRED))
    written.add(Term("aerogenerador", "es", TermStatus.PREFERRED))
    only_deprecated = Concept(id="T2")
    only_deprecated.add(Term("windmill", "en", TermStatus.PREFERRED))
    only_deprecated.add(Term("molino", "es", TermStatus.DEPRECATED))
    untranslated = Concept(id="T3")
    untranslated.add(Term("rotor", "en", TermStatus.PREFERRED))
    return Glossary(concepts=[written, only_deprecated, untranslated], lang="en")


def test_the_count_leaves_out_the_concepts_not_written(tmp_path: Path) -> None:
    terms = glossary()
    target = tmp_path / "out.txt"
    problems = save_glossary(
        terms, target, fmt="omegat", options=WriteOptions(source_lang="en", target_lang="es")
    )
    left_out = [p for p in problems if isinstance(p, ConceptsNotWritten)]
    assert [(p.count, p.message) for p in left_out] == [
        (2, "2 concepts have no official term in both en and es; not written")
    ]
    assert concepts_written(terms, problems) == 1
    assert len(read_file(target).concepts) == 1


def test_a_format_that_writes_all_counts_all(tmp_path: Path) -> None:
    terms = glossary()
    problems = save_glossary(terms, tmp_path / "out.csv", fmt="csv")
    assert concepts_written(terms, problems) == 3


def test_the_export_command_says_what_it_wrote(tmp_path: Path) -> None:
    from support.command_line import termwise

    save_glossary(glossary(), tmp_path / "glossary" / "terms.tbx", fmt="tbx")
    exported = termwise(
        *("--project", ".", "glossary", "export", "--format", "omegat"),
        *("--from", "en", "--to", "es", "-o", "out.txt"),
        cwd=tmp_path,
    )
    assert exported.returncode == 0, exported.stderr
    assert "wrote 1 concept to out.txt" in exported.stdout, exported.stdout
