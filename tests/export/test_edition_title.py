"""An edition is titled with the document's title, not with whatever heading comes first."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from termwise.document import load_document
from termwise.export.edition import build_edition
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

from .sample_project import Project

SEED = Path(__file__).resolve().parents[2] / "seeds/000_204c7e650900ae41.txt"


def h1(html: str) -> str:
    found = re.search(r"<h1>(.*?)</h1>", html)
    assert found, html
    return found.group(1)


def test_a_document_that_opens_with_its_abstract_is_titled_by_its_file_name(
    tmp_path: Path,
) -> None:
    # The seed paper starts with "Abstract: ..." and its first heading is "1. Introduction".
    paper = tmp_path / "community-of-destiny.txt"
    shutil.copy2(SEED, paper)
    document = load_document(paper)
    edition = build_edition(document, open_translation(ProjectLayout.at(tmp_path), document, "zh"))
    assert edition.title == "community-of-destiny"
    assert edition.target_title == "community-of-destiny"


def test_a_first_line_that_is_a_heading_is_the_title(project: Project) -> None:
    out = project.root / "paper.es.html"
    result = project.run(
        "export", str(project.paper), "--to", "es", "--format", "html", "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<title>Community of Destiny</title>" in html
    # The first row shows the title beside its translation; a header above it saying the
    # same again printed the title twice.
    headings = [re.sub(r"<[^>]+>", "", found) for found in re.findall(r"<h1>(.*?)</h1>", html)]
    assert headings == ["Community of Destiny", "Comunidad de destino"]
    assert "<h1>" not in html.split('<header class="edition">')[1].split("</header>")[0]


def test_title_overrides_it_in_every_edition(project: Project) -> None:
    for fmt, suffix in (("html", "html"), ("md", "md"), ("html", "target.html")):
        out = project.root / f"paper.es.{suffix}"
        extra = ["--target-only"] if suffix.startswith("target") else []
        result = project.run(
            "export", str(project.paper), "--to", "es", "--format", fmt, "-o", str(out),
            "--title", "Una comunidad de futuro compartido", *extra,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        text = out.read_text(encoding="utf-8")
        if fmt == "html":
            assert h1(text) == "Una comunidad de futuro compartido"
            if extra:  # the translation names what it translates: the document's title
                assert 'español · <span lang="en">Community of Destiny</span>' in text
        else:
            assert text.startswith("# Una comunidad de futuro compartido\n")


def test_a_cjk_font_is_installed_for_chinese_editions() -> None:
    # scripts/setup installs fonts-noto-cjk: without a font that covers Chinese, browsers
    # draw the Chinese column of an edition as boxes.
    assert shutil.which("fc-list"), "fontconfig comes with the browser the tests use"
    fonts = subprocess.run(
        ["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=True
    ).stdout
    assert fonts.strip(), "no font covers Chinese; run scripts/setup"


def test_the_plain_text_edition_prints_its_title_once(project: Project) -> None:
    # It printed none: --title was ignored without a word.
    for extra in ([], ["--target-only"]):
        out = project.root / f"paper.es{len(extra)}.txt"
        result = project.run(
            "export", str(project.paper), "--to", "es", "--format", "txt", "-o", str(out),
            "--title", "Una comunidad de futuro compartido", *extra,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        text = out.read_text(encoding="utf-8")
        assert text.startswith("Una comunidad de futuro compartido\n\n")
        assert text.count("Una comunidad de futuro compartido") == 1
    # Without --title, a document that opens with its heading prints it once, as its first
    # block, in the bilingual edition as in the translation's.
    for extra in ([], ["--target-only"]):
        out = project.root / f"plain{len(extra)}.txt"
        result = project.run(
            "export", str(project.paper), "--to", "es", "--format", "txt", "-o", str(out), *extra
        )
        assert result.exit_code == 0, result.output
        text = out.read_text(encoding="utf-8")
        first = "Comunidad de destino" if extra else "Community of Destiny"
        assert text.startswith(first + "\n"), text[:80]
        assert text.count(first) == 1


def test_the_plain_text_edition_of_a_paper_without_a_heading_is_titled_by_its_file_name(
    tmp_path: Path,
) -> None:
    from termwise.export.text_formats import text_edition

    paper = tmp_path / "community-of-destiny.txt"
    shutil.copy2(SEED, paper)
    document = load_document(paper)
    edition = build_edition(document, open_translation(ProjectLayout.at(tmp_path), document, "zh"))
    assert text_edition(edition).startswith("community-of-destiny\n\nAbstract")
    assert text_edition(edition, target_only=True).startswith("community-of-destiny\n\n")
