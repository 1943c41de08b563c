"""``glossary add`` without ``--lang``: the term takes the language of the document it was
found in (``--from``), else the glossary's own; where neither can be told, it asks."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from termwise.glossary import load_glossary, save_glossary
from termwise.glossary.model import Concept, Glossary, Term

ROOT = Path(__file__).resolve().parents[2]

# A French document: the term's first sentence holds "Pr.", which French segmentation keeps
# as an abbreviation and English takes for a sentence end.
SOLAIRE = """\
L'énergie solaire

Le rendement d'un onduleur dépend de la température des panneaux. Selon le Pr. Durand, le \
point de puissance maximale change avec la température des panneaux et avec l'ensoleillement.

Les panneaux sont installés sur le toit de la ferme. Il faut que l'onduleur suive ce point \
pour que la production ne soit pas perdue dans les heures les plus chaudes.
"""


def termwise(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "termwise", "--project", str(project), *args],
        capture_output=True,
        text=True,
        cwd=project,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "glossary").mkdir()
    shutil.copy(ROOT / "glossary" / "key-terms.tbx", tmp_path / "glossary" / "key-terms.tbx")
    (tmp_path / "solaire.txt").write_text(SOLAIRE, encoding="utf-8")
    return tmp_path


def test_a_term_of_a_french_document_is_french(project: Path) -> None:
    result = termwise(project, "glossary", "add", "point de puissance maximale", "--from",
                      "solaire.txt")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "'point de puissance maximale' (fr, preferred)" in result.stdout
    loaded = load_glossary(project / "glossary")
    concept = loaded.concept("point-de-puissance-maximale")
    assert [(term.text, term.lang) for term in concept.all_terms] == [
        ("point de puissance maximale", "fr")
    ]
    term = concept.all_terms[0]
    # The context sentence is the one French segmentation reads, "Pr." and all.
    assert term.context is not None and term.context.startswith("Selon le Pr. Durand, le point")


def test_lang_given_still_names_the_terms_language(project: Path) -> None:
    result = termwise(project, "glossary", "add", "maximum power point", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "(en, preferred)" in result.stdout


def test_a_document_too_short_to_tell_is_refused_with_one_line(project: Path) -> None:
    (project / "court.txt").write_text("Le point de puissance maximale.\n", encoding="utf-8")
    before = (project / "glossary" / "key-terms.tbx").read_bytes()
    result = termwise(project, "glossary", "add", "point de puissance maximale", "--from",
                      "court.txt")  # fmt: skip
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("termwise: error: court.txt: ")
    assert lines[0].endswith("give the term's language with --lang")
    assert (project / "glossary" / "key-terms.tbx").read_bytes() == before
    named = termwise(project, "glossary", "add", "point de puissance maximale", "--from",
                     "court.txt", "--lang", "fr")  # fmt: skip
    assert named.returncode == 0 and "(fr, preferred)" in named.stdout


def test_without_a_document_the_glossarys_own_language(tmp_path: Path) -> None:
    (tmp_path / "glossary").mkdir()
    french = Glossary([Concept("S1", all_terms=[Term("onduleur", "fr")])], lang="fr")
    save_glossary(french, tmp_path / "glossary" / "solaire.tbx")
    result = termwise(tmp_path, "glossary", "add", "panneau solaire")
    assert result.returncode == 0, result.stderr
    assert "'panneau solaire' (fr, preferred)" in result.stdout
    assert load_glossary(tmp_path / "glossary").languages() == ["fr"]


def test_a_term_not_in_the_glossarys_script_is_not_given_its_language(tmp_path: Path) -> None:
    # A glossary whose TBX declares Chinese: "global governance" is no Chinese term.
    (tmp_path / "glossary").mkdir()
    chinese = Glossary([Concept("T21", all_terms=[Term("全球治理", "zh")])], lang="zh")
    save_glossary(chinese, tmp_path / "glossary" / "terms.tbx")
    result = termwise(tmp_path, "glossary", "add", "global governance", "--concept", "T21")
    assert result.returncode == 2, result.stdout
    assert "the glossary's own language is zh, which 'global governance' is not" in result.stderr
    assert load_glossary(tmp_path / "glossary").languages() == ["zh"]
    han = termwise(tmp_path, "glossary", "add", "全球治理体系", "--concept", "T21")
    assert han.returncode == 0 and "(zh, " in han.stdout, han.stderr


def test_without_a_document_or_a_glossary_it_asks_for_the_language(tmp_path: Path) -> None:
    (tmp_path / "termwise.toml").write_text("", encoding="utf-8")
    result = termwise(tmp_path, "glossary", "add", "panneau solaire")
    assert result.returncode == 2
    assert result.stderr.startswith("termwise: error: give the term's language with --lang")
    assert not (tmp_path / "glossary").exists()


def test_the_help_says_lang_is_the_terms_and_from_a_file(project: Path) -> None:
    text = " ".join(termwise(project, "glossary", "add", "--help").stdout.split())
    assert "--lang LANG Language of TERM (BCP 47), not of the document" in text
    assert "--from FILE Document FILE the term was found in (a file, not a language)" in text
