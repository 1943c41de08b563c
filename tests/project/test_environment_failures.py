"""What the environment does to a command: a full disk, read-only folders, FIFOs given as
input, a broken ``termwise.toml``. Each ends with one line naming the file and what to do,
exit status 2, no traceback and nothing half-written. Everything runs the installed
``termwise`` as a user would; the full disk is a real tmpfs and the read-only folder a real
read-only mount (a private mount namespace: root, or util-linux's ``unshare`` as a user).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

TERMWISE = Path(sys.executable).parent / "termwise"
REPOSITORY = Path(__file__).resolve().parents[2]

DOCUMENT = "The cat is blue.\n\nThe dog is red. The house is big.\n"
TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence"
 adminlang="en" creationtool="test" creationtoolversion="1" o-tmf="test"/>
<body><tu><tuv xml:lang="en"><seg>The cat is blue.</seg></tuv>
<tuv xml:lang="es"><seg>El gato es azul.</seg></tuv></tu></body></tmx>
"""


def termwise(
    *args: str, cwd: Path, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(TERMWISE), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def assert_refused(result: subprocess.CompletedProcess[str], *needles: str) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "glossary").mkdir(parents=True)
    shutil.copy(REPOSITORY / "glossary" / "key-terms.tbx", root / "glossary")
    (root / "doc.txt").write_text(DOCUMENT)
    (root / "memory.tmx").write_text(TMX)
    return root


# --- FIFOs --------------------------------------------------------------------------------

FIFO_COMMANDS = [
    ("segments", "{fifo}.txt"),
    ("translate", "{fifo}.txt", "--to", "es", "--engine", "apertium"),
    ("check", "{fifo}.txt"),
    ("check", "doc.txt", "--to", "es", "--target", "{fifo}.po"),
    ("check", "doc.txt", "--glossary", "{fifo}.tbx"),
    ("import", "{fifo}.tmx", "--doc", "doc.txt", "--to", "es"),
    ("import", "memory.tmx", "--doc", "{fifo}.txt", "--to", "es"),
    ("stats", "{fifo}.txt"),
    ("export", "{fifo}.txt", "--to", "es", "--format", "html", "-o", "out.html"),
    ("review", "{fifo}.txt", "--to", "es", "--no-mt"),
    ("glossary", "import", "{fifo}.tbx", "-o", "imported.tbx"),
    ("glossary", "show", "{fifo}.tbx"),
    ("glossary", "validate", "{fifo}.tbx"),
    ("glossary", "export", "{fifo}.tbx", "--format", "csv", "-o", "out.csv"),
    ("models", "install", "--file", "{fifo}.argosmodel"),
    ("fix", "{fifo}.txt", "--dry-run"),
]


@pytest.mark.parametrize("args", FIFO_COMMANDS, ids=lambda args: " ".join(args[:2]))
def test_a_fifo_given_as_input_is_refused_at_once(project: Path, args: tuple[str, ...]) -> None:
    named = [arg.format(fifo="pipe") for arg in args]
    fifo = next(arg for arg in named if arg.startswith("pipe."))
    os.mkfifo(project / fifo)
    before = sorted(p.name for p in project.iterdir())
    # Nobody ever writes to the FIFO: a command that opens it for reading waits forever.
    result = termwise(*named, cwd=project, timeout=30)
    assert_refused(result, fifo, "named pipe (FIFO), not a regular file")
    assert sorted(p.name for p in project.iterdir()) == before


def test_a_fifo_as_the_translation_file_or_settings_is_refused(project: Path) -> None:
    (project / "translations").mkdir()
    os.mkfifo(project / "translations" / "doc.es.po")
    result = termwise("check", "doc.txt", "--to", "es", cwd=project, timeout=30)
    assert_refused(result, "doc.es.po", "named pipe")
    os.mkfifo(project / "termwise.toml")
    result = termwise("check", "doc.txt", cwd=project, timeout=30)
    assert_refused(result, "termwise.toml", "named pipe")


# --- termwise.toml ------------------------------------------------------------------------

BROKEN_SETTINGS = [
    ("[checks.severity]\nterm-missing = 5\n", "checks.severity.term-missing", "severity 5"),
    ('[checks.length-ratio]\ntolerance = "abc"\n', "checks.length-ratio.tolerance", '"abc"'),
    ('[checks.length-ratio]\ntolerance = "nan"\n', "checks.length-ratio.tolerance", '"nan"'),
    ("[checks.length-ratio]\ntolerance = nan\n", "checks.length-ratio.tolerance", "not nan"),
    ("[checks.length-ratio]\ntolerance = 0.5\n", "checks.length-ratio.tolerance", "greater"),
    ("[checks]\nregex = 5\n", "checks.regex", "[[checks.regex]]"),
    ('[[checks.regex]]\nid = "x"\npattern = 5\nmessage = "m"\n', "checks.regex[1].pattern", ""),
    ('[checks]\ndisable = "length-ratio"\n', "checks.disable", "list of strings"),
    ('[checks.consistency]\nignore-case = "yes"\n', "checks.consistency.ignore-case", "true or"),
    ("[checks.spelling]\ndictionaries = { es = 5 }\n", "checks.spelling.dictionaries.es", ""),
    ("checks = 5\n", "checks", "must be a table"),
    ("[spelling]\nwords = []\n", "spelling", "unknown table"),
    ('[mt]\nengine = "google"\n', "mt.engine", "argos, apertium"),
    ("[mt]\nbeam = 0\n", "mt.beam", "1 to 64"),
    ('[mt]\nbeam = "4"\n', "mt.beam", "whole number"),
    ("[checks\n", "invalid TOML", ""),
]


@pytest.mark.parametrize(("toml", "key", "detail"), BROKEN_SETTINGS)
@pytest.mark.parametrize("command", ["check", "translate"])
def test_a_broken_setting_is_one_line_naming_file_and_key(
    project: Path, toml: str, key: str, detail: str, command: str
) -> None:
    (project / "termwise.toml").write_text(toml)
    args = ["check", "doc.txt"] if command == "check" else ["translate", "doc.txt", "--to", "es"]
    result = termwise(*args, cwd=project)
    assert_refused(result, f"{project / 'termwise.toml'}", key, detail)
    assert not (project / "translations").exists()


def test_settings_that_are_not_utf8_or_a_folder(project: Path) -> None:
    config = project / "termwise.toml"
    config.write_bytes(b'[checks]\ndisable = ["\xff\xfe"]\n')
    line = assert_refused(termwise("check", "doc.txt", cwd=project), "termwise.toml:2")
    assert "not valid UTF-8" in line
    config.unlink()
    config.mkdir()
    assert_refused(termwise("check", "doc.txt", cwd=project), "termwise.toml", "is a folder")


def test_the_mt_engine_comes_from_termwise_toml(project: Path) -> None:
    (project / "termwise.toml").write_text('[mt]\nengine = "apertium"\n')
    result = termwise("translate", "doc.txt", "--to", "es", "--format", "json", cwd=project)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {row["engine"] for row in rows} == {"apertium"}
    assert rows[0]["target"].startswith("El gato")


def test_the_beam_comes_from_termwise_toml_and_the_flag_wins(
    project: Path, installed_argos_package: Path
) -> None:
    from termwise.mt.cache import TranslationCache, default_cache_path

    def beams() -> set[int]:
        connection = TranslationCache(default_cache_path())._connection()
        options = [
            json.loads(row[0]) for row in connection.execute("SELECT options FROM translations")
        ]
        connection.close()
        return {int(option["beam_size"]) for option in options}

    (project / "termwise.toml").write_text('[mt]\nengine = "argos"\nbeam = 3\n')
    result = termwise("translate", "doc.txt", "--to", "es", "--no-save", cwd=project)
    assert result.returncode == 0, result.stderr
    assert beams() == {3}
    result = termwise(
        "translate", "doc.txt", "--to", "es", "--no-save", "--beam-size", "2", cwd=project
    )
    assert result.returncode == 0, result.stderr
    assert beams() == {2, 3}


# --- a full disk and read-only folders (a private mount namespace) -----------------------

DRIVER = textwrap.dedent(
    """
    import json, os, shutil, subprocess, sys
    from pathlib import Path

    termwise, project, mode = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    env = dict(os.environ)

    def run(*args, user=False):
        command = [termwise, *args]
        if user:
            command = ["setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups", *command]
        done = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env,
                              timeout=120, stdin=subprocess.DEVNULL)
        return {"args": list(args), "rc": done.returncode, "stderr": done.stderr}

    def snapshot():
        return {str(p.relative_to(project)): p.read_bytes().hex() if p.is_file() else None
                for p in sorted(project.rglob("*")) if p.name != "filler"}

    results = []
    first = run("translate", "doc.txt", "--to", "es", "--engine", "apertium")
    assert first["rc"] == 0, first
    # A sentence added since: every command below has a change to write (a file with
    # nothing new in it is left as it is, and no disk is asked for room).
    with open(project / "doc.txt", "a") as doc:
        doc.write("\\nThe bird is green.\\n")
    if mode == "full":
        filler = os.open(project / "filler", os.O_CREAT | os.O_WRONLY)
        try:
            while True:
                os.write(filler, b"x" * 4096)
        except OSError:
            os.close(filler)
        commands = [
            ("translate", "doc.txt", "--to", "es", "--engine", "apertium", "--no-cache"),
            ("translate", "doc.txt", "--to", "es", "--engine", "apertium"),
            ("import", "memory.tmx", "--doc", "doc.txt", "--to", "es", "--overwrite"),
            ("export", "doc.txt", "--to", "es", "--format", "html", "-o", "edition.html"),
            ("export", "doc.txt", "--to", "es", "--format", "tmx", "-o", "out.tmx"),
            ("glossary", "import", "glossary/key-terms.tbx", "-o", "copy.tbx"),
            ("check", "doc.txt", "--to", "es", "--format", "html", "-o", "report.html"),
        ]
        before = snapshot()
        results = [run(*args) for args in commands]
    else:
        translations = project / "translations"
        if mode == "read-only":
            subprocess.run(["mount", "--bind", translations, translations], check=True)
            subprocess.run(["mount", "-o", "remount,bind,ro", translations], check=True)
        else:  # "permission": the folders belong to root, the user is nobody
            for path in [project, *project.rglob("*")]:
                os.chmod(path, 0o755 if path.is_dir() else 0o644)
        commands = [
            ("translate", "doc.txt", "--to", "es", "--engine", "apertium", "--no-cache"),
            ("import", "memory.tmx", "--doc", "doc.txt", "--to", "es", "--overwrite"),
        ]
        before = snapshot()
        results = [run(*args, user=mode == "permission") for args in commands]
    print(json.dumps({"results": results, "unchanged": snapshot() == before,
                      "left": sorted(p.name for p in project.rglob(".*"))}))
    """
)


def _in_private_mounts(tmp_path: Path, mode: str) -> dict[str, object]:
    assert shutil.which("unshare") is not None or os.geteuid() == 0
    # Mounted over /mnt in the private namespace (no one else sees it), where the user
    # nobody can reach it: pytest's own folders are private to root.
    mountpoint = Path("/mnt")
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER)
    project = mountpoint / "project"
    (tmp_path / "memory.tmx").write_text(TMX)
    (tmp_path / "doc.txt").write_text(DOCUMENT)
    setup = (
        f"mkdir -p {project}/glossary {mountpoint}/home && "
        f"cp {REPOSITORY / 'glossary' / 'key-terms.tbx'} {project}/glossary/ && "
        f"cp {tmp_path / 'doc.txt'} {tmp_path / 'memory.tmx'} {project}/ && "
        f"chmod 1777 {mountpoint}"
    )
    shell = (
        f"mount -t tmpfs -o size=2m tmpfs {mountpoint} && {setup} && "
        f"HOME={mountpoint}/home XDG_CACHE_HOME={mountpoint}/home/.cache "
        f"{sys.executable} {driver} {TERMWISE} {project} {mode}"
    )
    command = ["unshare", "-m" if os.geteuid() == 0 else "-Urm", "sh", "-c", shell]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    outcome: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return outcome


def test_a_full_disk_is_one_line_and_changes_nothing(tmp_path: Path) -> None:
    outcome = _in_private_mounts(tmp_path, "full")
    results = outcome["results"]
    assert isinstance(results, list)
    for result in results:
        assert result["rc"] == 2, result
        assert "Traceback" not in result["stderr"], result
        lines = result["stderr"].strip().splitlines()
        assert len(lines) == 1, result
        assert "disk is full" in lines[0], result
    # Each line names the file it could not write.
    assert "translations/doc.es.po" in results[0]["stderr"]
    assert "mt-cache.sqlite" in results[1]["stderr"]
    assert "translations/doc.es.po" in results[2]["stderr"]
    for result, name in zip(
        results[3:], ["edition.html", "out.tmx", "copy.tbx", "report.html"], strict=True
    ):
        assert name in result["stderr"], result
    assert outcome["unchanged"] is True
    assert outcome["left"] == []  # no temporary file left behind


@pytest.mark.parametrize(
    ("mode", "reason"), [("read-only", "read-only"), ("permission", "permission denied")]
)
def test_an_unwritable_translations_folder_is_one_line(
    tmp_path: Path, mode: str, reason: str
) -> None:
    outcome = _in_private_mounts(tmp_path, mode)
    results = outcome["results"]
    assert isinstance(results, list)
    for result in results:
        assert result["rc"] == 2, result
        line = result["stderr"].strip()
        assert "\n" not in line and "Traceback" not in line, result
        assert "translations/doc.es.po" in line and reason in line, result
    assert outcome["unchanged"] is True
