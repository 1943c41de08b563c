"""gettext plural entries (``msgid_plural``, ``msgstr[0..n-1]``) are kept whole: on import,
in the project file and its parse cache, in the checks and in a PO export; other formats
say they hold only the singular's form."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner, Result

from termwise.cli import cli
from termwise.project import parse_cache
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState

BIN = Path(sys.executable).parent
DOC = "The file was saved.\n\nNothing else happened.\n"
# The rule Poedit and gettext's documentation give for Arabic: form 0 is for zero, 1 for one.
ARABIC_RULE = (
    "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
    "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
)
ARABIC = (
    "لم يُحفظ أي ملف.",  # zero
    "حُفظ الملف.",  # one: the translation of the singular source
    "حُفظ الملفان.",  # two
    "حُفظت الملفات.",  # few
    "حُفظ ملفًا.",  # many
    "حُفظ ملف.",  # other
)
SPANISH = ("Se guardó el archivo.", "Se guardaron los archivos.")


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def pot(tmp_path: Path) -> Path:
    path = tmp_path / "doc.pot"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n"\n\n'
        'msgid "The file was saved."\nmsgid_plural "The files were saved."\n'
        'msgstr[0] ""\nmsgstr[1] ""\n\nmsgid "Nothing else happened."\nmsgstr ""\n',
        encoding="utf-8",
    )
    return path


def arabic_po(tmp_path: Path, forms: tuple[str, ...] = ARABIC) -> Path:
    """Made by gettext's msginit, the Arabic rule and translations filled in as Poedit would."""
    out = tmp_path / "ar.po"
    subprocess.run(
        ["msginit", "--no-translator", "-l", "ar", "-i", str(pot(tmp_path)), "-o", str(out)],
        check=True,
        capture_output=True,
    )
    po = polib.pofile(str(out))
    po.metadata["Plural-Forms"] = ARABIC_RULE
    for entry in po:
        if entry.msgid_plural:
            entry.msgstr_plural = dict(enumerate(forms))
        else:
            entry.msgstr = "لم يحدث شيء آخر."
    po.save(str(out))
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(out)], check=True)
    return out


def project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    root.mkdir()
    (root / "doc.txt").write_text(DOC, encoding="utf-8")
    return root


def plural_unit(root: Path, lang: str) -> tuple[TranslationFile, object]:
    tfile = TranslationFile.load(root / "translations" / f"doc.{lang}.po")
    return tfile, next(u for u in tfile.units.values() if u.is_plural)


def test_arabic_plural_import_keeps_every_form_and_takes_the_one_form(tmp_path: Path) -> None:
    root = project(tmp_path)
    result = run(
        root,
        "import",
        str(arabic_po(tmp_path)),
        "--doc",
        str(root / "doc.txt"),
        "--to",
        "ar",
        "--from",
        "en",
    )
    assert result.exit_code == 0, result.output
    assert "plural entries:         1 (all forms kept)" in result.output
    path = root / "translations" / "doc.ar.po"
    tfile, unit = plural_unit(root, "ar")
    # The segment's translation is the form for n=1 (msgstr[1]), not the zero form.
    assert unit.target == "حُفظ الملف."
    assert unit.state is SegmentState.REVIEWED
    assert unit.plural_source == "The files were saved."
    assert unit.all_forms() == ARABIC
    # The project file holds the whole entry, under the file's rule; gettext accepts it.
    entry = next(e for e in polib.pofile(str(path)) if e.msgid_plural)
    assert entry.msgid_plural == "The files were saved."
    assert [entry.msgstr_plural[i] for i in range(6)] == list(ARABIC)
    assert polib.pofile(str(path)).metadata["Plural-Forms"] == ARABIC_RULE
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True)


def test_editing_the_singular_keeps_the_other_forms(tmp_path: Path) -> None:
    root = project(tmp_path)
    run(
        root,
        "import",
        str(arabic_po(tmp_path)),
        "--doc",
        str(root / "doc.txt"),
        "--to",
        "ar",
        "--from",
        "en",
    )
    tfile, unit = plural_unit(root, "ar")
    unit.set_translation("تم حفظ الملف.", reviewed=True)
    tfile.save()
    again, unit = plural_unit(root, "ar")
    assert unit.all_forms() == (ARABIC[0], "تم حفظ الملف.", *ARABIC[2:])
    entry = next(e for e in polib.pofile(str(tfile.path)) if e.msgid_plural)
    assert entry.msgstr_plural[1] == "تم حفظ الملف." and entry.msgstr_plural[0] == ARABIC[0]


def test_parse_cache_keeps_plural_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = project(tmp_path)
    run(
        root,
        "import",
        str(arabic_po(tmp_path)),
        "--doc",
        str(root / "doc.txt"),
        "--to",
        "ar",
        "--from",
        "en",
    )
    path = root / "translations" / "doc.ar.po"
    loaded = TranslationFile.from_bytes(path.read_bytes(), path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    parse_cache.write_later(path, digest, loaded)
    parse_cache.flush()
    cached = parse_cache.read(path, digest)
    assert cached is not None
    assert cached.plural_forms == ARABIC_RULE
    assert cached.units == loaded.units
    assert any(unit.all_forms() == ARABIC for unit in cached.units.values())


def test_the_files_plural_rule_is_kept_not_babels(tmp_path: Path) -> None:
    """gettext gives Spanish two forms; Babel (CLDR) three. The file's own rule indexes its
    forms, so a save keeps it and its two forms."""
    out = tmp_path / "es.po"
    subprocess.run(
        ["msginit", "--no-translator", "-l", "es", "-i", str(pot(tmp_path)), "-o", str(out)],
        check=True,
        capture_output=True,
    )
    po = polib.pofile(str(out))
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    for entry in po:
        if entry.msgid_plural:
            entry.msgstr_plural = dict(enumerate(SPANISH))
        else:
            entry.msgstr = "No pasó nada más."
    po.save(str(out))
    root = project(tmp_path)
    result = run(
        root, "import", str(out), "--doc", str(root / "doc.txt"), "--to", "es", "--from", "en"
    )
    assert result.exit_code == 0, result.output
    tfile, unit = plural_unit(root, "es")
    assert unit.target == SPANISH[0] and unit.all_forms() == SPANISH
    tfile.save()
    saved = polib.pofile(str(tfile.path))
    assert saved.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    entry = next(e for e in saved if e.msgid_plural)
    assert entry.msgstr_plural == {0: SPANISH[0], 1: SPANISH[1]}
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(tfile.path)], check=True)


def test_checks_report_a_missing_form(tmp_path: Path) -> None:
    root = project(tmp_path)
    forms = (*ARABIC[:3], "", *ARABIC[4:])
    run(
        root,
        "import",
        str(arabic_po(tmp_path, forms)),
        "--doc",
        str(root / "doc.txt"),
        "--to",
        "ar",
        "--from",
        "en",
    )
    result = CliRunner().invoke(
        cli, ["--project", str(root), "check", str(root / "doc.txt"), "--to", "ar"]
    )
    assert re.search(
        r"plural-forms: error: #\d+ \w+: target: plural form 3 of 6 not translated \(msgstr\[3\]\)",
        result.output,
    )
    assert result.exit_code == 1
    complete = tmp_path / "complete"
    complete.mkdir()
    root = project(complete)
    run(
        root,
        "import",
        str(arabic_po(complete)),
        "--doc",
        str(root / "doc.txt"),
        "--to",
        "ar",
        "--from",
        "en",
    )
    result = CliRunner().invoke(
        cli, ["--project", str(root), "check", str(root / "doc.txt"), "--to", "ar"]
    )
    assert "plural-forms" not in result.output


def test_exports_keep_or_say(tmp_path: Path) -> None:
    root = project(tmp_path)
    run(
        root,
        "import",
        str(arabic_po(tmp_path)),
        "--doc",
        str(root / "doc.txt"),
        "--to",
        "ar",
        "--from",
        "en",
    )
    po_out = tmp_path / "out.po"
    result = run(
        root, "export", str(root / "doc.txt"), "--to", "ar", "--format", "po", "-o", str(po_out)
    )
    assert "warning" not in result.output
    entry = next(e for e in polib.pofile(str(po_out)) if e.msgid_plural)
    assert [entry.msgstr_plural[i] for i in range(6)] == list(ARABIC)
    for fmt, name in (("xliff", "out.xlf"), ("tmx", "out.tmx"), ("csv", "out.csv")):
        result = run(
            root,
            "export",
            str(root / "doc.txt"),
            "--to",
            "ar",
            "--format",
            fmt,
            "-o",
            str(tmp_path / name),
        )
        assert "warning: 1 plural entry" in result.output, fmt
        assert "only the form for n=1 was written" in result.output
        assert "حُفظ الملف." in (tmp_path / name).read_text(encoding="utf-8-sig")


SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"


def spanish_po(tmp_path: Path) -> Path:
    out = tmp_path / "es.po"
    subprocess.run(
        ["msginit", "--no-translator", "-l", "es", "-i", str(pot(tmp_path)), "-o", str(out)],
        check=True,
        capture_output=True,
    )
    po = polib.pofile(str(out))
    for entry in po:
        if entry.msgid_plural:
            entry.msgstr_plural = dict(enumerate(SPANISH))
        else:
            entry.msgstr = "No pasó nada más."
    po.save(str(out))
    return out


def test_po2xliff_plural_group_imports_whole(tmp_path: Path) -> None:
    xlf = tmp_path / "es.xlf"
    subprocess.run(
        [str(BIN / "po2xliff"), str(spanish_po(tmp_path)), str(xlf)],
        check=True,
        capture_output=True,
    )
    assert 'restype="x-gettext-plurals"' in xlf.read_text(encoding="utf-8")
    root = project(tmp_path)
    result = run(
        root, "import", str(xlf), "--doc", str(root / "doc.txt"), "--to", "es", "--from", "en"
    )
    assert result.exit_code == 0, result.output
    assert "plural entries:         1 (all forms kept)" in result.output
    tfile, unit = plural_unit(root, "es")
    assert unit.all_forms() == SPANISH and unit.target == SPANISH[0]
    # XLIFF carries no Plural-Forms: two forms are gettext's two-form rule (Babel has three).
    assert tfile.plural_forms == "nplurals=2; plural=(n != 1);"


def test_xliff12_export_holds_plurals_and_comes_back(tmp_path: Path) -> None:
    from lxml import etree
    from translate.storage.poxliff import PoXliffFile

    root = project(tmp_path)
    run(
        root,
        "import",
        str(arabic_po(tmp_path)),
        "--doc",
        str(root / "doc.txt"),
        "--to",
        "ar",
        "--from",
        "en",
    )
    out = tmp_path / "out.xlf"
    result = run(
        root, "export", str(root / "doc.txt"), "--to", "ar", "--format", "xliff12", "-o", str(out)
    )
    assert "warning" not in result.output

    class LocalSchemas(etree.Resolver):
        def resolve(self, system_url: str, public_id: str, context: object) -> object:
            if system_url.endswith("xml.xsd"):
                return self.resolve_filename(str(SCHEMAS / "w3c" / "xml.xsd"), context)
            return None

    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(LocalSchemas())
    xsd = etree.XMLSchema(
        etree.parse(str(SCHEMAS / "xliff-1.2" / "xliff-core-1.2-strict.xsd"), parser)
    )
    assert xsd.validate(etree.parse(str(out))), xsd.error_log
    # translate-toolkit's plural-aware reader sees one plural unit with the six forms.
    plural = next(u for u in PoXliffFile.parsefile(str(out)).units if u.hasplural())
    assert list(plural.target.strings) == list(ARABIC)
    other = tmp_path / "other"
    other.mkdir()
    again = project(other)
    run(again, "import", str(out), "--doc", str(again / "doc.txt"), "--to", "ar", "--from", "en")
    _, unit = plural_unit(again, "ar")
    assert unit.all_forms() == ARABIC and unit.target == ARABIC[1]
