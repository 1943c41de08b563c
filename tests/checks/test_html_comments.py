"""An HTML comment in a Markdown sentence (``Text <!-- TODO check this figure --> more.``) is
no text: no reader sees it (CommonMark), so no check reports anything inside it, on either
side, and no fix rewrites it; only the markup check asks that the translation keeps it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from termwise.checks import CheckConfig, run_checks
from termwise.checks.incremental import IncrementalChecker
from termwise.document import load_document
from termwise.export.markdown_inline import HTML_COMMENT
from termwise.glossary import save_glossary
from termwise.glossary.model import Concept, Glossary, Term, TermStatus
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit

from .documents import build_document

COMMENT = '<!-- TODO check the "community of human destiny" recieve figure of 42 {name} -->'
SOURCE = f"""\
# Report

The community with a shared future for mankind matters {COMMENT} and more text.

Second paragraph has no comment and a figure of 12.

Third <!-- only a note --> sentence ends here.
"""
# Apertium's EN→ES output for each sentence (it keeps a comment as it is).
TRANSLATIONS = {
    "Report": "Informe",
    f"The community with a shared future for mankind matters {COMMENT} and more text.": (
        f"La comunidad de futuro compartido de la humanidad importa {COMMENT} y más texto."
    ),
    "Second paragraph has no comment and a figure of 12.": (
        "Segundo párrafo No tiene ningún comentario y una cifra de 12."
    ),
    "Third <!-- only a note --> sentence ends here.": (
        "Tercio <!-- only a note --> fines de frase aquí."
    ),
}
# A translator who rewrote the first comment (a deprecated Spanish term, straight quotes,
# another number and placeholder in it) and dropped the second.
EDITED_COMMENT = (
    '<!-- TODO revisar la "comunidad de destino de la humanidad" recibir cifra de 43 {nombre} -->'
)
EDITED = {
    **TRANSLATIONS,
    f"The community with a shared future for mankind matters {COMMENT} and more text.": (
        f"La comunidad de futuro compartido de la humanidad importa {EDITED_COMMENT} y más texto."
    ),
    "Third <!-- only a note --> sentence ends here.": "Tercera frase termina aquí.",
}


def glossary() -> Glossary:
    return Glossary(
        [
            Concept(
                "T01",
                all_terms=[
                    Term("人类命运共同体", "zh"),
                    Term("community with a shared future for mankind", "en"),
                    Term("community of human destiny", "en", TermStatus.DEPRECATED),
                    Term("comunidad de futuro compartido de la humanidad", "es"),
                    Term("comunidad de destino de la humanidad", "es", TermStatus.SUPERSEDED),
                ],
            )
        ]
    )


def termwise(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "termwise.cli", "--project", str(project), *args],
        capture_output=True,
        text=True,
        cwd=project,
    )


def make_project(root: Path, translations: dict[str, str]) -> Path:
    (root / "report.md").write_text(SOURCE, encoding="utf-8")
    (root / "glossary").mkdir()
    save_glossary(glossary(), root / "glossary" / "terms.tbx")
    document = load_document(root / "report.md", lang="en")
    tfile = TranslationFile(lang="es", source_lang="en")
    for segment in document.segments:
        tfile.units[segment.id] = TranslationUnit(
            segment_id=segment.id,
            source=segment.text,
            target=translations[segment.text],
            state=SegmentState.REVIEWED,
        )
    (root / "translations").mkdir()
    tfile.save(root / "translations" / "report.es.po")
    return root


def test_no_check_reads_inside_a_comment_on_either_side(tmp_path: Path) -> None:
    # Spelling ("check", "the", "recieve"), typography (the straight quotes, and "¡" for the
    # "!" of "<!--"), source-variant on the deprecated term: all reported inside comments.
    project = make_project(tmp_path, TRANSLATIONS)
    result = termwise(project, "check", "report.md", "--to", "es", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    assert "0 issues" in result.stderr


def test_a_changed_or_dropped_comment_is_the_markup_checks_alone(tmp_path: Path) -> None:
    project = make_project(tmp_path, EDITED)
    result = termwise(project, "check", "report.md", "--to", "es", "--format", "json")
    issues = json.loads(result.stdout)
    assert [(i["check"], i["side"], i["text"], i["message"]) for i in issues] == [
        (
            "markup",
            "target",
            EDITED_COMMENT,
            f"HTML comment changed: the source's reads {COMMENT}",
        ),
        (
            "markup",
            "target",
            "",
            "markup differs: the source has 1 HTML comment, the target none",
        ),
    ]
    assert issues[0]["suggestion"] == COMMENT


def test_fix_rewrites_nothing_inside_a_comment(tmp_path: Path) -> None:
    # The typography fixes made "¡La comunidad … <!--" and «…» inside the comment, and the
    # placeholder fix put {name} back into it.
    project = make_project(tmp_path, EDITED)
    po = project / "translations" / "report.es.po"
    before = po.read_text(encoding="utf-8")
    fixed = termwise(project, "fix", "report.md", "--to", "es", "--everywhere")
    assert fixed.returncode == 1, fixed.stderr  # the markup issues are left to fix by hand
    assert po.read_text(encoding="utf-8") == before
    # The source: the deprecated term is fixed where a reader sees it, not in the comment.
    source = project / "report.md"
    source.write_text(
        "The community of human destiny <!-- the community of human destiny --> is here.\n",
        encoding="utf-8",
    )
    fixed = termwise(project, "fix", "report.md", "--everywhere")
    assert fixed.returncode == 0, fixed.stderr
    assert source.read_text(encoding="utf-8") == (
        "The community with a shared future for mankind "
        "<!-- the community of human destiny --> is here.\n"
    )


@pytest.mark.parametrize("incremental", [False, True])
def test_checks_still_read_the_text_around_a_comment(incremental: bool) -> None:
    source = (
        "We saw the <!-- x --> the figure of 12 and the community of human destiny "
        "<!-- 13 recieve --> today. <!-- a closing note -->"
    )
    target = (
        'Vimos la <!-- x --> la cifra de 14 y la comunidad de destino de la humanidad   "hoy". '
        "<!-- 13 recieve -->"
    )
    document = build_document([source], "en")
    document.fmt = "markdown"
    (segment,) = document.segments
    mapping = {segment.id: target}
    config = CheckConfig(disabled=frozenset({"length-ratio"}))
    if incremental:
        checker = IncrementalChecker(
            source_lang="en", target_lang="es", glossary=glossary(), config=config
        )
        issues = checker.run(document, mapping)
    else:
        issues = run_checks(document, glossary(), target_lang="es", targets=mapping, config=config)
    found = {(i.check, i.side, i.text) for i in issues}
    assert {
        ("source-variant", "source", "community of human destiny"),
        ("term-forbidden", "target", "comunidad de destino de la humanidad"),
        ("numbers", "target", "14"),
        ("double-space", "target", "   "),
        ("typography", "target", '"hoy"'),
        # "la <!-- x --> la" reads "la la": reported, as written, with no fix that would
        # rewrite the comment.
        ("repeated-word", "target", "la <!-- x --> la"),
    } <= found
    for issue in issues:
        text = segment.text if issue.side == "source" else target
        comments = [found.span() for found in HTML_COMMENT.finditer(text)]
        assert not any(start <= issue.start < end for start, end in comments), issue
        if issue.check == "repeated-word":
            assert issue.fix is None
    # The last comment went missing from the target: the one markup issue.
    assert [i.message for i in issues if i.check == "markup"] == [
        "markup differs: the source has 3 HTML comment, the target 2 HTML comment"
    ]


def test_a_comment_is_what_commonmark_reads_as_one() -> None:
    from termwise.checks.qa.markup import comment_spans

    text = "Use `<!-- code -->` and \\<!-- escaped --> but <!-- this --> and <!-->."
    assert [text[start:end] for start, end in comment_spans(text)] == ["<!-- this -->", "<!-->"]
    assert comment_spans("An <!-- unclosed comment is text.") == []


def test_a_sentence_that_is_a_comment_alone_has_nothing_to_check() -> None:
    # A table cell holding only a comment is a segment of its own; Apertium keeps it as it
    # is, and the checks said "the translation is empty", "identical to the source",
    # "closing" misspelt and "¡" missing before "<!". (A comment after a sentence in a
    # paragraph stays in that sentence's segment.)
    from termwise.document.reading import parse_document

    table = "| It ends today. | <!-- a closing note --> |\n|---|---|\n"
    document = parse_document(table, lang="en", fmt="markdown")
    first, note = document.segments
    assert note.text == "<!-- a closing note -->"
    mapping = {first.id: "Termina hoy.", note.id: note.text}
    assert run_checks(document, None, target_lang="es", targets=mapping) == []
    # A translation left empty loses the comment: still reported.
    mapping[note.id] = ""
    issues = run_checks(document, None, target_lang="es", targets=mapping)
    assert [(i.check, i.segment_id) for i in issues] == [("untranslated", note.id)]
