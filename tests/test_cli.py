"""The command line's own behaviour: version, help, and turning input errors into one line."""

from __future__ import annotations

import subprocess
import sys

from termwise import __version__


def run_termwise(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from termwise.cli import main; main()", *args],
        capture_output=True,
        text=True,
    )


def test_version() -> None:
    result = run_termwise("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"termwise, version {__version__}"


def test_python_dash_m_runs_the_command_line() -> None:
    # "python -m termwise" said "'termwise' is a package and cannot be directly executed".
    result = subprocess.run(
        [sys.executable, "-m", "termwise", "glossary", "remove"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr.startswith("termwise: error: name a term"), result.stderr


def test_help_lists_commands_without_importing_heavy_modules() -> None:
    program = (
        "import sys\n"
        "from termwise.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('torch', 'stanza', 'argostranslate', 'ctranslate2', 'textual', "
        "'spacy') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for command in ("segments", "glossary", "models", "translate", "check", "export", "review"):
        assert command in result.stdout
    assert "HEAVY []" in result.stdout


def test_unknown_command_fails() -> None:
    result = run_termwise("no-such-command")
    assert result.returncode != 0
    assert "no-such-command" in result.stderr
