"""TMX, XLIFF 2.1/1.2, CSV and PO exports: valid against the official schemas, complete."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from termwise.errors import InputError
from termwise.project.interchange import read_units
from termwise.project.translation_file import TranslationFile

from .sample_project import SCHEMAS, Project


class LocalSchemas(etree.Resolver):
    """Serve the W3C xml.xsd the OASIS schemas import from tests/schemas, never the network."""

    def resolve(self, system_url: str, public_id: str, context: object) -> object:
        if system_url.endswith("xml.xsd"):
            return self.resolve_filename(str(SCHEMAS / "w3c" / "xml.xsd"), context)
        return None


def schema(path: Path) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(LocalSchemas())
    return etree.XMLSchema(etree.parse(str(path), parser))


def validate(schema_obj: etree.XMLSchema | etree.DTD, out: Path) -> None:
    tree = etree.parse(str(out), etree.XMLParser(no_network=True, resolve_entities=False))
    ok = schema_obj.validate(tree)
    assert ok, schema_obj.error_log


def export(project: Project, fmt: str, name: str, *extra: str) -> Path:
    out = project.root / name
    result = project.run(
        "export", str(project.paper), "--to", "es", "--format", fmt, "-o", str(out), *extra
    )
    assert result.exit_code == 0, result.output
    return out


def test_tmx_is_valid_tmx_14b_and_holds_reviewed_units(project: Project) -> None:
    out = export(project, "tmx", "paper.tmx")
    validate(etree.DTD(str(SCHEMAS / "tmx-1.4" / "tmx14.dtd")), out)
    units = read_units(out, target_lang="es")
    assert [u.target for u in units] == [
        "Comunidad de destino",
        "China propuso la comunidad de futuro compartido de la humanidad.",
        "La Iniciativa de la Franja y la Ruta conecta muchos países.",
        "Conclusión",
    ]
    assert units[2].notes == "Official name, CK-es 2017."
    assert units[0].properties["x-state"] == "reviewed"


def test_tmx_with_unreviewed_marks_their_state(project: Project) -> None:
    out = export(project, "tmx", "all.tmx", "--include-unreviewed")
    validate(etree.DTD(str(SCHEMAS / "tmx-1.4" / "tmx14.dtd")), out)
    states = {u.source: u.properties["x-state"] for u in read_units(out)}
    assert states["It is a concept of life."] == "mt"
    assert states["Trade grew by 5% & more in 2020."] == "edited"
    assert "Cooperation brings <win-win> results." not in states  # no translation at all


def test_xliff21_validates_against_oasis_core_schema(project: Project) -> None:
    out = export(project, "xliff", "paper.xlf")
    validate(schema(SCHEMAS / "xliff-2.0" / "xliff-core-2.0.xsd"), out)
    root = etree.parse(str(out)).getroot()
    assert root.get("version") == "2.1"
    units = read_units(out)
    assert len(units) == len(project.document.segments)
    by_source = {u.source: u for u in units}
    assert by_source["Cooperation brings <win-win> results."].target == ""
    assert by_source["It is a concept of life."].reviewed is False
    assert by_source["Conclusion"].reviewed is True
    assert by_source["Conclusion"].id == project.document.segments[-2].id


def test_xliff12_validates_against_oasis_strict_schema(project: Project) -> None:
    out = export(project, "xliff12", "paper12.xlf")
    validate(schema(SCHEMAS / "xliff-1.2" / "xliff-core-1.2-strict.xsd"), out)
    units = read_units(out)
    assert [u.source for u in units] == [s.text for s in project.document.segments]
    text = out.read_text(encoding="utf-8")
    assert 'state-qualifier="mt-suggestion"' in text
    assert '<alt-trans origin="apertium apertium-eng-spa"' in text


def test_xliff12_opens_in_translate_toolkit(project: Project) -> None:
    out = export(project, "xliff12", "paper12.xlf")
    from translate.storage import factory

    store = factory.getobject(str(out))
    sources = [unit.source for unit in store.units if not unit.isheader()]
    assert sources == [s.text for s in project.document.segments]


def test_csv_has_every_segment_with_state(project: Project) -> None:
    out = export(project, "csv", "paper.csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [row["source"] for row in rows] == [s.text for s in project.document.segments]
    states = [row["state"] for row in rows]
    assert states == ["reviewed", "reviewed", "mt", "reviewed", "edited", "reviewed", "new"]
    assert rows[2]["mt_engine"] == "apertium"


def test_po_export_is_the_project_file(project: Project, tmp_path: Path) -> None:
    out = export(project, "po", "copy.po")
    check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(out)], capture_output=True)
    assert check.returncode == 0, check.stderr
    original = TranslationFile.load(project.layout.translation_file(project.paper, "es"))
    assert TranslationFile.load(out).units == original.units


def test_format_from_suffix_and_usage_errors(project: Project) -> None:
    out = project.root / "paper.tmx"
    result = project.run("export", str(project.paper), "--to", "es", "-o", str(out))
    assert result.exit_code == 0 and out.exists()
    result = project.run(
        "export",
        str(project.paper),
        "--to",
        "es",
        "--format",
        "tmx",
        "--target-only",
        "-o",
        str(out),
    )
    assert result.exit_code != 0 and "--target-only" in result.output
    # (One line, as every command refuses a suffix: the CLI's ``main`` prints it.)
    with pytest.raises(InputError, match="give --format"):
        project.run("export", str(project.paper), "--to", "es", "-o", str(project.root / "x.bin"))


@pytest.mark.parametrize("fmt", ["tmx", "xliff", "xliff12", "po"])
def test_exports_read_back_through_our_own_reader(project: Project, fmt: str) -> None:
    out = export(project, fmt, f"round.{fmt}", "--include-unreviewed")
    targets = {u.source: u.target for u in read_units(out, target_lang="es")}
    assert targets["China proposed the community of human destiny."] == (
        "China propuso la comunidad de futuro compartido de la humanidad."
    )


def test_the_schemas_reject_what_they_should(project: Project) -> None:
    # The validation above means something: a wrong state or a missing attribute fails.
    out = export(project, "xliff", "bad.xlf")
    out.write_text(out.read_text(encoding="utf-8").replace('state="reviewed"', 'state="approved"'))
    assert not schema(SCHEMAS / "xliff-2.0" / "xliff-core-2.0.xsd").validate(etree.parse(str(out)))
    out12 = export(project, "xliff12", "bad12.xlf")
    out12.write_text(out12.read_text(encoding="utf-8").replace('datatype="plaintext"', ""))
    strict = schema(SCHEMAS / "xliff-1.2" / "xliff-core-1.2-strict.xsd")
    assert not strict.validate(etree.parse(str(out12)))
    tmx = export(project, "tmx", "bad.tmx")
    tmx.write_text(tmx.read_text(encoding="utf-8").replace(' segtype="sentence"', ""))
    dtd = etree.DTD(str(SCHEMAS / "tmx-1.4" / "tmx14.dtd"))
    assert not dtd.validate(etree.parse(str(tmx), etree.XMLParser(load_dtd=False)))
