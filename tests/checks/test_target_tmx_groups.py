"""``check --target`` reads termwise's own aligned TMX as ``import`` does: a group of
several source sentences is shared out or kept whole in its first segment, the others
waiting on it, and the holder is checked against all their sources. Unpaired, every
sentence of the group was "not translated"."""

from __future__ import annotations

import json
from pathlib import Path

from support.waiting_group import GROUP, PAPER, TMX, import_group, termwise


def _checked_with_target(tmp_path: Path, group: str) -> list[str]:
    """The messages of ``check --target`` on the aligned TMX whose 2-1 group translates as
    ``group``, with no project file at all."""
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "paper.txt").write_text(PAPER, encoding="utf-8")
    (tmp_path / "group.tmx").write_text(TMX.format(group=group), encoding="utf-8")
    checked = termwise(
        tmp_path, "check", "paper.txt", "--target", "group.tmx", "--to", "es", "--format", "json"
    )
    # 1: errors found (--fail-on error).
    assert checked.returncode in (0, 1), checked.stderr
    assert not (tmp_path / "translations").exists()
    return [issue["message"] for issue in json.loads(checked.stdout)]


def test_a_group_kept_whole_is_checked_with_its_waiting_part(tmp_path: Path) -> None:
    # One Spanish sentence for two English ones: kept whole, the second waits; the figure
    # 8597 is the waiting sentence's, so the translation is right.
    assert _checked_with_target(tmp_path, GROUP.format(figure="8597")) == []


def test_a_wrong_figure_of_the_waiting_part_is_found(tmp_path: Path) -> None:
    messages = _checked_with_target(tmp_path, GROUP.format(figure="8598"))
    assert messages == [
        "number 8597 of the source is missing from the target",
        "number 8598 is not in the source",
    ]


def test_the_target_file_and_the_imported_project_agree(tmp_path: Path) -> None:
    given = _checked_with_target(tmp_path / "given", GROUP.format(figure="8598"))
    (tmp_path / "imported").mkdir()
    import_group(tmp_path / "imported", "8598")
    checked = termwise(
        tmp_path / "imported", "check", "paper.txt", "--to", "es", "--format", "json"
    )
    assert given == [issue["message"] for issue in json.loads(checked.stdout)]


def test_a_group_translated_sentence_by_sentence_is_shared_out(tmp_path: Path) -> None:
    group = (
        "El nuevo levantamiento la elevó unos 60 pies. Desde entonces la tercera montaña "
        "más alta del mundo mide unos 8597 m."
    )
    assert _checked_with_target(tmp_path, group) == []
