"""JSON and CSV say where the cut-off is and which side of it each candidate stands on, and
why it is listed; the CSV opens in Excel (``--encoding utf-8-sig``, as `glossary export`);
the listing explains its stars only where it has one.

The text listing separates "N at or above" from "M below (short text)"; JSON and CSV lost
that, so a short text's best few read as terms the combiner kept.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from termwise.cli import cli
from termwise.errors import InputError
from termwise.terms.model import load_combiner

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_204c7e650900ae41.txt"
REASONS = {"short text", "glossary", "defined abbreviation"}
STAR_NOTE = "* marks a form the glossary lacks"


def _run(project: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--project", str(project), *args], catch_exceptions=False)


def test_json_gives_the_cut_off_and_each_candidate_s_side_of_it() -> None:
    result = _run(ROOT, "terms", "extract", str(SEED), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["cut_off"] == round(load_combiner("en").threshold, 4)
    assert data["floor"] > 0
    sides = set()
    for c in data["candidates"]:
        sides.add(c["cut_off_side"])
        if c["cut_off_side"] == "above":
            assert c["score"] >= data["cut_off"] and c["kept_because"] == "score", c["term"]
        else:
            assert c["cut_off_side"] == "below" and c["kept_because"] in REASONS, c["term"]
            assert c["score"] <= data["cut_off"], c["term"]
    assert sides == {"above", "below"}
    reasons = {c["kept_because"] for c in data["candidates"]}
    assert {"score", "glossary", "short text"} <= reasons


def test_csv_for_excel_carries_the_cut_off_in_every_row(tmp_path: Path) -> None:
    out = tmp_path / "candidates.csv"
    result = _run(ROOT, "terms", "extract", str(SEED), "-o", str(out), "--encoding", "utf-8-sig")
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    threshold = f"{load_combiner('en').threshold:.4f}"
    assert rows and {row["cut_off"] for row in rows} == {threshold}
    for row in rows:
        above = row["cut_off_side"] == "above"
        assert above == (row["kept_because"] == "score"), row
        assert above == (float(row["score"]) >= float(threshold)), row
    assert {row["cut_off_side"] for row in rows} == {"above", "below"}
    # Still known for a candidate list, not read as a glossary.
    with pytest.raises(InputError, match="a candidate list of `terms extract`"):
        _run(tmp_path, "glossary", "import", str(out), "-o", str(tmp_path / "g.tbx"))


def test_encoding_is_for_csv_and_refuses_what_it_cannot_hold(tmp_path: Path) -> None:
    refused = _run(ROOT, "terms", "extract", str(SEED), "--format", "json", "--encoding", "utf-16")
    assert refused.exit_code == 2 and "--encoding applies to CSV output" in refused.output
    paper = tmp_path / "papier.txt"
    paper.write_text(
        "L'énergie éolienne alimente le réseau. L'énergie éolienne produit de l'électricité. "
        "Le parc d'énergie éolienne tourne.\n",
        encoding="utf-8",
    )
    out = tmp_path / "candidats.csv"
    args = ("terms", "extract", str(paper), "--from", "fr", "-o", str(out))
    with pytest.raises(InputError, match="the encoding ascii cannot hold 'é'"):
        _run(tmp_path, *args, "--encoding", "ascii")
    assert not out.exists()
    written = _run(tmp_path, *args, "--encoding", "utf-16")
    assert written.exit_code == 0, written.output
    assert "énergie éolienne" in out.read_bytes().decode("utf-16")


def test_the_star_is_explained_only_where_a_form_is_starred(tmp_path: Path) -> None:
    fresh = _run(tmp_path, "terms", "extract", str(SEED))
    assert fresh.exit_code == 0, fresh.output
    assert "*" not in fresh.output and STAR_NOTE not in fresh.output
    # A glossary with one form of the concept: the text's others are starred.
    added = _run(tmp_path, "glossary", "add", "community of human destiny", "--lang", "en")
    assert added.exit_code == 0, added.output
    linked = _run(tmp_path, "terms", "extract", str(SEED)).output.splitlines()
    assert [line for line in linked[:-1] if "*destiny community" in line]
    assert linked[-1].endswith(STAR_NOTE)
