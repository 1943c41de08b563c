"""Memory for a long review session: the C allocator told to give freed buffers back."""

from __future__ import annotations


def tune_memory_for_a_long_session() -> None:
    """Ask glibc's allocator to give memory back: map buffers of 1 MiB or more on their own
    (so freeing one unmaps it) and keep to two arenas.

    A save builds the book's PO file (27 MB for 50,000 segments) and drops it again; with
    glibc's adaptive threshold such buffers soon come from the heap, which does not shrink,
    and the workbench would grow by their size with the first saves. A session opened in a
    worker thread would otherwise fill an arena of its own beside the main one. Call it
    before reading a book. Elsewhere (another C library, no ctypes) it does nothing.
    """
    import ctypes
    import ctypes.util

    m_mmap_threshold, m_arena_max = -3, -8  # from glibc's malloc.h
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt(m_mmap_threshold, 1 << 20)
        libc.mallopt(m_arena_max, 2)
    except (OSError, AttributeError):
        return
