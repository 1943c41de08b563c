"""Every command says the same thing the same way: unknown languages, missing files, JSON."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest

from termwise.mt import select_engine
from termwise.mt.apertium_packages import DEBIAN_PAIRS, debian_package

ROOT = Path(__file__).resolve().parents[1]
PAPER = ROOT / "seeds/000_204c7e650900ae41.txt"


def run_termwise(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from termwise.cli import main; main()", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copy2(PAPER, tmp_path / "paper.txt")
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    (tmp_path / "empty.tmx").write_text("", encoding="utf-8")
    return tmp_path


LANGUAGE_COMMANDS = [
    ["stats", "paper.txt", "--to", "xx"],
    ["review", "paper.txt", "--to", "xx"],
    ["review", "paper.txt", "--to", "zh", "--from", "qq"],
    ["translate", "paper.txt", "--to", "xx"],
    ["export", "paper.txt", "--to", "xx", "--format", "html", "-o", "out.html"],
    ["check", "paper.txt", "--to", "xx"],
    ["import", "empty.tmx", "--doc", "paper.txt", "--to", "xx"],
    ["fix", "paper.txt", "--to", "xx", "--dry-run"],
    ["align", "paper.txt", "paper.txt", "--from", "en", "--to", "xx"],
    ["glossary", "import", "empty.tmx", "--to", "xx"],
    ["glossary", "export", "--from", "en", "--to", "xx", "-o", "out.csv"],
    ["glossary", "show", "--lang", "xx"],
    ["glossary", "find", "a community", "--lang", "xx"],
    ["glossary", "add", "a community", "--lang", "xx"],
    ["segments", "paper.txt", "--lang", "xx"],
    ["terms", "extract", "paper.txt", "--lang", "xx"],
    ["terms", "targets", "paper.txt", "--to", "xx"],
    ["terms", "targets", "paper.txt", "--to", "es", "--from", "qq"],
    ["import", "empty.tmx", "--doc", "paper.txt", "--to", "es", "--from", "qq"],
]


@pytest.mark.parametrize("args", LANGUAGE_COMMANDS, ids=lambda args: " ".join(args[:1] + args[2:]))
def test_an_unknown_language_is_refused_in_one_line(project: Path, args: list[str]) -> None:
    result = run_termwise(*args, cwd=project)
    assert result.returncode == 2
    bad = "qq" if "qq" in args else "xx"
    option = args[args.index(bad) - 1]  # which option was wrong, where a command has two
    assert result.stderr == (
        f"termwise: error: {option}: '{bad}' is not a known language; "
        "use a BCP 47 tag such as en, zh or pt-BR\n"
    )
    assert not (project / "translations").exists()


MISSING_FILE_COMMANDS = [
    ["segments", "nothere.txt"],
    ["check", "nothere.txt"],
    ["stats", "nothere.txt"],
    ["review", "nothere.txt", "--to", "zh"],
    ["translate", "nothere.txt", "--to", "es"],
    ["export", "nothere.txt", "--to", "zh", "--format", "html", "-o", "out.html"],
    ["import", "nothere.txt", "--doc", "paper.txt", "--to", "zh"],
    ["import", "empty.tmx", "--doc", "nothere.txt", "--to", "zh"],
    ["glossary", "import", "nothere.txt"],
    ["fix", "nothere.txt", "--dry-run"],
]


@pytest.mark.parametrize("args", MISSING_FILE_COMMANDS, ids=" ".join)
def test_a_missing_file_is_one_line_in_every_command(project: Path, args: list[str]) -> None:
    result = run_termwise(*args, cwd=project)
    assert result.returncode == 2
    assert result.stderr == "termwise: error: nothere.txt: no such file\n"


def test_a_directory_given_for_a_file_is_one_line(project: Path) -> None:
    result = run_termwise("stats", "glossary", cwd=project)
    assert result.returncode == 2
    assert result.stderr == "termwise: error: glossary: is a folder, not a file\n"


def test_stats_takes_format_json_like_every_other_command(project: Path) -> None:
    as_format = run_termwise("stats", "paper.txt", "--to", "zh", "--format", "json", cwd=project)
    assert as_format.returncode == 0, as_format.stderr
    reports = json.loads(as_format.stdout)
    assert [(report["target_lang"], report["segments"]["new"]) for report in reports] == [
        ("zh", 102)
    ]
    # The old flag still works, and is no longer offered.
    assert run_termwise("stats", "paper.txt", "--to", "zh", "--json", cwd=project).stdout == (
        as_format.stdout
    )
    shown = run_termwise("stats", "--help", cwd=project).stdout
    assert "--format" in shown
    assert "--json" not in shown


def test_apertium_hints_name_only_packages_debian_has() -> None:
    assert debian_package("en", "es") == "apertium-eng-spa"
    assert debian_package("es", "en") == "apertium-eng-spa"
    assert debian_package("en", "zh") is None
    with pytest.raises(Exception, match="no machine translation") as caught:
        select_engine(None, "en", "zh")
    assert "apertium" not in str(caught.value)


def test_the_package_list_is_debians() -> None:
    assert shutil.which("apt-cache"), "termwise is set up on Debian or Ubuntu (README)"
    listed = subprocess.run(
        ["apt-cache", "search", "--names-only", "^apertium-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    known = {line.split(" ", 1)[0] for line in listed.splitlines()}
    assert set(DEBIAN_PAIRS) <= known


@pytest.mark.parametrize("redirected", ["output", "input"])
def test_review_without_a_terminal_says_so(project: Path, redirected: str) -> None:
    # `script` gives the command a real terminal; the shell then redirects one side of it,
    # as `termwise review ... > file` or `... < file` does.
    command = shlex.join(
        [sys.executable, "-c", "from termwise.cli import main; main()"]
        + ["review", "paper.txt", "--to", "zh"]
    )
    command += " > out.txt" if redirected == "output" else " < /dev/null"
    result = subprocess.run(
        ["script", "-qec", command, "/dev/null"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    # script's terminal carries the command's stderr to our stdout.
    assert f"review needs a terminal, and its {redirected} is not one" in result.stdout
    if redirected == "output":
        assert (project / "out.txt").read_text(encoding="utf-8") == ""
    assert not (project / "translations").exists()


OVERWRITING_COMMANDS = [
    # The output named is one of the command's own inputs: the paper, the existing
    # translation, the glossary (the default PATH of `glossary export` is the folder).
    (["export", "paper.txt", "--to", "es", "--format", "html", "-o", "paper.txt"], "paper.txt"),
    (["check", "paper.txt", "-o", "paper.txt"], "paper.txt"),
    (
        ["align", "paper.txt", "paper.es.txt", "--from", "en", "--to", "es", "--no-mt"]
        + ["--format", "tmx", "-o", "paper.es.txt"],
        "paper.es.txt",
    ),
    (["glossary", "export", "--format", "csv", "-o", "glossary/key-terms.tbx"], None),
    (["glossary", "import", "terms.csv", "-o", "terms.csv"], "terms.csv"),
    (["terms", "extract", "paper.txt", "--format", "csv", "-o", "paper.txt"], "paper.txt"),
    # The project's own files, though not named as inputs: `check -o glossary/key-terms.tbx`
    # replaced the glossary with a report.
    (["check", "paper.txt", "-o", "glossary/key-terms.tbx"], None),
    (["check", "paper.txt", "-o", "glossary/../glossary/key-terms.tbx"], None),
    (["terms", "extract", "paper.txt", "--format", "tbx", "-o", "glossary/key-terms.tbx"], None),
]


@pytest.mark.parametrize(
    ("args", "kept"),
    OVERWRITING_COMMANDS,
    ids=[" ".join(args[:2]) for args, _ in OVERWRITING_COMMANDS],
)
def test_an_output_over_the_commands_own_input_is_refused(
    project: Path, args: list[str], kept: str | None
) -> None:
    # `export paper.txt -o paper.txt` replaced the paper with its HTML edition, no backup.
    (project / "paper.es.txt").write_text("Una frase.\nOtra frase.\n", encoding="utf-8")
    (project / "terms.csv").write_text("en,es\ncommunity,comunidad\n", encoding="utf-8")
    before = {path: path.read_bytes() for path in project.rglob("*") if path.is_file()}
    result = run_termwise(*args, cwd=project)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"termwise: error: {args[-1]}: ")
    assert result.stderr.count("\n") == 1
    after = {path: path.read_bytes() for path in project.rglob("*") if path.is_file()}
    assert after == before
    if kept is not None:
        assert "input" in result.stderr


@pytest.mark.parametrize("name", ["translations/paper.es.po", "termwise.toml"])
def test_an_output_over_a_project_file_is_refused(project: Path, name: str) -> None:
    (project / name).parent.mkdir(exist_ok=True)
    (project / name).write_text("# the translator's file\n", encoding="utf-8")
    args = ["export", "paper.txt", "--to", "es", "--format", "html", "-o", name]
    result = run_termwise(*args, cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith(f"termwise: error: {name}: is ")
    assert "write the output elsewhere" in result.stderr
    assert (project / name).read_text(encoding="utf-8") == "# the translator's file\n"
    # A new file beside the glossary is the user's to make.
    report = run_termwise("check", "paper.txt", "-o", "glossary/report.txt", cwd=project)
    assert report.returncode in (0, 1) and (project / "glossary" / "report.txt").exists()


def test_an_output_over_another_file_is_written(project: Path) -> None:
    (project / "old.html").write_text("yesterday's report", encoding="utf-8")
    args = ["check", "paper.txt", "--format", "html", "-o", "old.html"]
    assert run_termwise(*args, cwd=project).returncode in (0, 1)
    assert "yesterday" not in (project / "old.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("codec", ["base64", "rot13", "zlib", "no-such-codec"])
@pytest.mark.parametrize(
    "args",
    [
        ["segments", "paper.txt"],
        ["align", "paper.txt", "paper.txt", "--from", "en", "--to", "es", "--presegmented"],
        ["glossary", "export", "--format", "csv", "-o", "out.csv"],
    ],
    ids=lambda args: " ".join(args[:2]),
)
def test_an_encoding_that_is_no_text_encoding_is_refused_in_one_line(
    project: Path, codec: str, args: list[str]
) -> None:
    # base64 and its kind are codecs but not text encodings: LookupError tracebacks.
    result = run_termwise(*args, "--encoding", codec, cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith(f"termwise: error: '{codec}' is not a ")
    assert result.stderr.count("\n") == 1
    assert not (project / "out.csv").exists()


def test_a_glossary_export_in_an_encoding_that_cannot_hold_its_terms_writes_nothing(
    project: Path,
) -> None:
    # latin-1 has no 人: UnicodeEncodeError was a traceback.
    args = ["glossary", "export", "--format", "csv", "--encoding", "latin-1", "-o", "out.csv"]
    result = run_termwise(*args, cwd=project)
    assert result.returncode == 2
    assert "termwise: error: out.csv: the encoding latin-1 cannot hold" in result.stderr
    assert "export as utf-8 or utf-16" in result.stderr
    assert not (project / "out.csv").exists()


@pytest.mark.parametrize(
    ("folder", "says"),
    [("paper.txt", "is a file, not a folder"), ("no-such-project", "no such directory")],
)
def test_a_project_folder_that_is_not_one_is_refused_in_one_line(
    project: Path, folder: str, says: str
) -> None:
    # A mistyped --project was an empty project ("no translations yet", exit 0), and a file
    # got click's three lines of usage.
    result = run_termwise("--project", folder, "stats", "paper.txt", cwd=project)
    assert result.returncode == 2
    assert result.stderr == f"termwise: error: {folder}: {says}\n"


@pytest.mark.parametrize("term", ["", "   ", "\t\n", "—", "?!"])
def test_a_term_without_a_letter_or_digit_is_not_recorded(project: Path, term: str) -> None:
    # `glossary add ""` said "added '' to T01" (the TBX writer then dropped it).
    before = (project / "glossary" / "key-terms.tbx").read_bytes()
    result = run_termwise("glossary", "add", term, "--concept", "T01", cwd=project)
    assert result.returncode == 2
    assert "is no term: a term needs a letter or a digit" in result.stderr
    assert (project / "glossary" / "key-terms.tbx").read_bytes() == before


def _every_command() -> list[tuple[str, click.Command]]:
    from termwise.cli import COMMANDS, cli

    found: list[tuple[str, click.Command]] = []
    context = click.Context(cli)

    def walk(name: str, command: click.Command) -> None:
        found.append((name, command))
        if isinstance(command, click.Group):
            for sub_name, sub in command.commands.items():
                walk(f"{name} {sub_name}", sub)

    for name in COMMANDS:
        command = cli.get_command(context, name)
        assert command is not None, name
        walk(name, command)
    return found


def test_every_language_option_takes_only_known_languages() -> None:
    # Four commands took --to/--from/--lang as plain text and went on with "xx" silently;
    # this keeps commands written later from doing the same.
    from termwise.command_line import LanguageTag

    plain = [
        f"{name} {option}"
        for name, command in _every_command()
        for param in command.params
        if isinstance(param, click.Option)
        for option in param.opts
        if option in ("--to", "--from", "--lang") and not isinstance(param.type, click.Path)
        if not isinstance(param.type, LanguageTag)
    ]
    assert plain == []


def test_every_glossary_option_is_the_same_option() -> None:
    # Declared word for word in five places, one of which had drifted: `glossary find`
    # alone said "(default: glossary/)", a folder of the current directory, not the project's.
    options = {
        name: param
        for name, command in _every_command()
        for param in command.params
        if isinstance(param, click.Option) and "--glossary" in param.opts
    }
    assert {
        "check",
        "export",
        "translate",
        "glossary add",
        "glossary find",
        "glossary remove",
        "terms extract",
        "terms targets",
    } <= set(options)
    for name, param in options.items():
        assert param.name == "glossary_path", name
        assert isinstance(param.type, click.Path), name
        assert "(default: the project's glossary/" in (param.help or ""), (name, param.help)
    # Only a command that uses the glossary in its own way says so in its own words.
    own_words = {"export", "translate", "terms extract"}
    assert {options[name].help for name in set(options) - own_words} == {
        "Glossary file or folder (default: the project's glossary/)."
    }
