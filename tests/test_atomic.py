from __future__ import annotations

import os
from pathlib import Path

import pytest

from termwise.atomic import WriteError, backup_path, write_atomic


def test_write_atomic_replaces_and_keeps_backup(tmp_path: Path) -> None:
    target = tmp_path / "a.po"
    write_atomic(target, "one")
    write_atomic(target, "two", backup=True)
    assert target.read_text() == "two"
    assert backup_path(target).read_text() == "one"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_failed_write_leaves_last_good_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.po"
    write_atomic(target, "good")

    def failing_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(WriteError, match="the disk is full"):
        write_atomic(target, "new content that does not fit")
    monkeypatch.undo()
    assert target.read_text() == "good"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.po"]


def test_new_file_gets_the_umask_mode_and_replacement_keeps_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "new.po"
        write_atomic(target, "x")
        assert target.stat().st_mode & 0o777 == 0o644
        target.chmod(0o600)
        write_atomic(target, "y")
        assert target.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old)


def test_backup_is_the_replaced_file_itself_and_survives_later_saves(tmp_path: Path) -> None:
    target = tmp_path / "a.po"
    write_atomic(target, "one")
    replaced = target.stat().st_ino
    write_atomic(target, "two", backup=True)
    # The old file became the backup (no copy), and the new one shares nothing with it.
    assert backup_path(target).stat().st_ino == replaced != target.stat().st_ino
    write_atomic(target, "three", backup=True)
    assert (target.read_text(), backup_path(target).read_text()) == ("three", "two")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.po", "a.po~"]


def test_backup_is_copied_where_hard_links_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.po"
    write_atomic(target, "one")

    def no_links(source: object, destination: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    write_atomic(target, "two", backup=True)
    assert (target.read_text(), backup_path(target).read_text()) == ("two", "one")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.po", "a.po~"]


def test_a_pipe_is_written_into_not_replaced(tmp_path: Path) -> None:
    # `-o /dev/null` renamed a file over /dev/null (as root the device became a plain file);
    # a named pipe is the same kind of target, safe to test with.
    import stat
    import threading

    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_atomic(fifo, "the report\n")
    reader.join(timeout=10)
    assert received == [b"the report\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.fifo"]


def test_a_socket_is_refused(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    try:
        with pytest.raises(WriteError, match="is a device or socket"):
            write_atomic(path, "x")
    finally:
        server.close()
