"""``-o FILE`` names the format by its suffix where --format is not given, as `export` does:
`check -o report.html` wrote plain text into the .html file, and `terms extract -o
terms.tbx` a listing that `glossary import` then refused as malformed XML."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lxml import etree

from support.command_line import termwise
from termwise.command_line import output_format
from termwise.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_204c7e650900ae41.txt"


def test_check_and_terms_extract_write_the_format_their_output_names(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    shutil.copy(SEED, tmp_path / "paper.txt")
    termwise("check", "paper.txt", "-o", "report.html", cwd=tmp_path)
    assert (tmp_path / "report.html").read_text(encoding="utf-8").lstrip().startswith("<!DOCTYPE")
    termwise("check", "paper.txt", "-o", "report.json", cwd=tmp_path)
    assert isinstance(json.loads((tmp_path / "report.json").read_text(encoding="utf-8")), list)
    done = termwise("terms", "extract", "paper.txt", "-o", "terms.tbx", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    root = etree.fromstring((tmp_path / "terms.tbx").read_bytes())
    assert root.tag.endswith("tbx")
    # An unknown suffix, or --format given, as before.
    termwise("check", "paper.txt", "-o", "report.log", cwd=tmp_path)
    assert ": source-variant: " in (tmp_path / "report.log").read_text(encoding="utf-8")
    termwise("terms", "extract", "paper.txt", "--format", "csv", "-o", "t.tbx", cwd=tmp_path)
    assert (tmp_path / "t.tbx").read_text(encoding="utf-8").startswith("term,")


def test_an_output_name_with_no_suffix_is_named_so(tmp_path: Path) -> None:
    # `export -o out` said "cannot tell the format from the suffix ''".
    with pytest.raises(InputError, match=r"from a name with no suffix; give --format \(html, md\)"):
        output_format(None, tmp_path / "out", ("html", "md"))
