"""Key bindings have ids; a user's keymap.toml remaps them, and a bad one is refused clearly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from termwise.errors import InputError
from termwise.project.layout import ProjectLayout
from termwise.tui.keymap import KEYMAP, KeymapError, load_keymap, textual_bindings


def test_every_binding_has_a_unique_id_and_a_textual_binding() -> None:
    assert "review.accept_mt" in KEYMAP and "issues.fix" in KEYMAP
    for scope in ("grid", "review", "editor", "issues", "glossary"):
        bindings = textual_bindings(scope)
        assert bindings
        assert all(getattr(b, "id", None) in KEYMAP for b in bindings)


def test_keymap_file_overrides_defaults(tmp_path: Path) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text('"review.accept_mt" = "f5"\n"review.note" = "ctrl+n, f11"\n')
    assert load_keymap(path) == {"review.accept_mt": "f5", "review.note": "ctrl+n,f11"}
    assert load_keymap(tmp_path / "missing.toml") == {}


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        ('"review.accept_mt" = "f5"\n"review.nonsense" = "x"\n', "unknown binding id", 2),
        ('"review.note" = 5\n', "keys must be a string", 1),
        ('"review.note" = "ctrl+ x"\n', "not a key name", 1),
        ('"review.note" = "ctrl+t"\n', "bound to both", 1),
        ('"review.note" = "f5"\n"review.save" = ctrl\n', "invalid TOML", 2),
    ],
)
def test_bad_keymap_is_an_error_naming_file_and_line(
    tmp_path: Path, content: str, message: str, line: int
) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text(content)
    # Broken TOML comes from the project module's reader (an InputError too).
    with pytest.raises(InputError) as caught:
        load_keymap(path)
    error = caught.value
    assert message in str(error)
    assert str(path) in str(error)
    assert error.line == line
    assert isinstance(error, KeymapError) or message == "invalid TOML"


def test_review_command_refuses_a_bad_keymap_before_starting(
    review_project: ProjectLayout, paper: Path, tmp_path: Path
) -> None:
    config = tmp_path / "xdg"
    (config / "termwise").mkdir(parents=True)
    (config / "termwise" / "keymap.toml").write_text('"review.frobnicate" = "x"\n')
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from termwise.cli import main; main()",
            "--project",
            str(review_project.root),
            "review",
            str(paper),
            "--to",
            "es",
            "--no-mt",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={"XDG_CONFIG_HOME": str(config), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 2
    assert "keymap.toml:1" in result.stderr and "unknown binding id" in result.stderr
    assert "Traceback" not in result.stderr
