"""``termwise terms extract`` as a user runs it: formats, glossary statuses, exact spans."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from termwise.cli import cli
from termwise.document import load_document

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_204c7e650900ae41.txt"


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, ["--project", str(ROOT), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_json_has_the_issue_shape_and_spans_point_at_the_forms() -> None:
    data = json.loads(_run("terms", "extract", str(SEED), "--format", "json"))
    assert set(data) == {"cut_off", "floor", "candidates"}
    keys = {
        "term",
        "variants",
        "frequency",
        "score",
        "concept",
        "status",
        "glossary_status",
        "kind",
        "occurrences",
        "cut_off_side",
        "kept_because",
    }
    assert data["candidates"] and all(set(c) == keys for c in data["candidates"])
    document = load_document(SEED, lang="en")
    by_id = {segment.id: segment.text for segment in document.segments}
    t01 = next(c for c in data["candidates"] if c["concept"] == "T01")
    assert t01["status"] in ("known", "unrecorded-variant")
    forms = {t01["term"].lower(), *(v.lower() for v in t01["variants"])}
    assert t01["frequency"] == len(t01["occurrences"]) >= 30
    for occurrence in t01["occurrences"]:
        text = by_id[occurrence["segment"]][occurrence["start"] : occurrence["end"]]
        assert " ".join(text.split()).lower() in forms


def test_new_only_leaves_out_known_groups() -> None:
    everything = json.loads(_run("terms", "extract", str(SEED), "--format", "json"))
    new = json.loads(_run("terms", "extract", str(SEED), "--format", "json", "--new-only"))
    assert any(c["status"] == "known" for c in everything["candidates"])
    assert new["candidates"] and all(c["status"] != "known" for c in new["candidates"])
    # Fragments of glossary terms are not new terms: "human destiny" stood inside
    # "community of human destiny" 32 of its 33 times. A word the text also uses on its
    # own as often as inside a term stays.
    listed = {c["term"] for c in new["candidates"]}
    assert not listed & {"human destiny", "destiny", "community"}
    assert {"globalization", "governance"} <= listed


def test_csv_text_and_tbx_outputs(tmp_path: Path) -> None:
    rows = list(csv.reader(io.StringIO(_run("terms", "extract", str(SEED), "--format", "csv"))))
    assert rows[0] == [
        "term",
        "variants",
        "frequency",
        "score",
        "concept",
        "status",
        "kind",
        "cut_off",
        "cut_off_side",
        "kept_because",
    ]
    kinds = {row[0]: row[6] for row in rows[1:]}
    assert kinds["China"] == "name" and kinds["global governance"] == "term"
    text = _run("terms", "extract", str(SEED))
    assert "community of human destiny" in text and "candidates (cut-off" in text
    out = tmp_path / "candidates.tbx"
    _run("terms", "extract", str(SEED), "--format", "tbx", "-o", str(out), "--new-only")
    root = etree.fromstring(out.read_bytes())
    assert root.tag.endswith("tbx") and len(root.findall(".//{*}conceptEntry")) >= 1


def test_without_glossary_and_in_french(tmp_path: Path) -> None:
    paper = tmp_path / "papier.txt"
    paper.write_text(
        "Le réglage de la fréquence assure la stabilité du réseau électrique. "
        "Le réglage de la fréquence utilise la réserve primaire du réseau électrique. "
        "La production d'électricité du parc éolien dépend du vent. "
        "Le parc éolien et le réseau électrique sont couplés.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli,
        [
            "--project",
            str(tmp_path),
            "terms",
            "extract",
            str(paper),
            "--lang",
            "fr",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    terms = [c["term"] for c in json.loads(result.output)["candidates"]]
    assert "réseau électrique" in terms
    assert all(c is None for c in (json.loads(result.output)["candidates"][0]["concept"],))


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    import pytest

    from termwise.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["--project", str(tmp_path), "terms", "extract", str(tmp_path / "nope.txt")])
    assert exit_info.value.code == 2
