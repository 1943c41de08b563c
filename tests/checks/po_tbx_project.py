"""A translator's project as other tools leave it, for ``termwise check`` run in a process:
a plain-text paper, a hand-written TBX-Basic glossary (one element a line, as a
terminologist's tool exports it) and the translation as Poedit saves a PO file."""

from __future__ import annotations

import json
from pathlib import Path

from support.command_line import termwise

# (concept id, [(language, term, TBX administrative status)]), in the glossary's order: the
# matcher gives a shared term's first concept, the others in ``also``.
GlossaryRows = list[tuple[str, list[tuple[str, str, str]]]]


def write_tbx(path: Path, rows: GlossaryRows) -> None:
    """A TBX-Basic file, one element a line, as a terminologist's tool exports it."""
    entries = []
    for concept, terms in rows:
        by_lang: dict[str, list[str]] = {}
        for lang, text, status in terms:
            by_lang.setdefault(lang, []).append(
                "          <termSec>\n"
                f"            <term>{text}</term>\n"
                '            <termNote type="administrativeStatus">'
                f"{status}Term-admn-sts</termNote>\n"
                "          </termSec>\n"
            )
        sections = "".join(
            f'        <langSec xml:lang="{lang}">\n{"".join(secs)}        </langSec>\n'
            for lang, secs in by_lang.items()
        )
        entries.append(f'      <conceptEntry id="{concept}">\n{sections}      </conceptEntry>\n')
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">\n'
        "  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n"
        "        <p>Plant terms</p>\n"
        "      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n"
        "  <text>\n    <body>\n"
        f"{''.join(entries)}"
        "    </body>\n  </text>\n</tbx>\n",
        encoding="utf-8",
    )


def po_entry(context: str, source: str, target: str) -> str:
    return f'msgctxt "{context}"\nmsgid "{source}"\nmsgstr "{target}"\n'


def make_project(folder: Path, pairs: list[tuple[str, str]], rows: GlossaryRows) -> Path:
    """A project whose paper holds each pair's source as a paragraph, translated in
    ``translations/paper.es.po`` as a translator's PO editor saves it."""
    folder.mkdir()
    (folder / "paper.txt").write_text(
        "\n\n".join(source for source, _ in pairs) + "\n", encoding="utf-8"
    )
    (folder / "glossary").mkdir()
    write_tbx(folder / "glossary" / "plant.tbx", rows)
    listed = termwise("segments", "paper.txt", "--format", "json", cwd=folder)
    assert listed.returncode == 0, listed.stderr
    ids = {segment["text"]: segment["id"] for segment in json.loads(listed.stdout)}
    header = (
        'msgid ""\nmsgstr ""\n'
        '"Project-Id-Version: paper\\n"\n"Language: es\\n"\n"MIME-Version: 1.0\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Content-Transfer-Encoding: 8bit\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n"X-Generator: Poedit 3.4\\n"\n'
    )
    entries = [po_entry(ids[source], source, target) for source, target in pairs]
    (folder / "translations").mkdir()
    (folder / "translations" / "paper.es.po").write_text(
        "\n".join([header, *entries]), encoding="utf-8"
    )
    return folder


def check_issues(project: Path) -> list[dict[str, str]]:
    """Every issue ``termwise check paper.txt --to es`` reports, as its JSON gives them."""
    done = termwise(
        "check", "paper.txt", "--to", "es", "--format", "json", "--fail-on", "never", cwd=project
    )
    assert done.returncode == 0, done.stderr
    issues: list[dict[str, str]] = json.loads(done.stdout)
    return issues


def terminology_issues(project: Path) -> list[tuple[str, str, str]]:
    """(check, concept, text) of every terminology issue ``termwise check --to es`` reports."""
    return sorted(
        (issue["check"], issue["concept"], issue["text"])
        for issue in check_issues(project)
        if issue["check"].startswith("term-")
    )
