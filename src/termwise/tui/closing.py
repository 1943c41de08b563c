"""Results that reach the workbench once it is closing are dropped, quietly.

Checks, saves, machine translation and term extraction run in thread workers and hand their
results to the UI thread; timers start checks, saves and looks at the disk. When the app
shuts down (Ctrl+Q, a closed terminal, the end of a Pilot test), a worker can finish, or a
timer fire, after the widgets its callback reaches for were removed: a finished check run
then raised ``NoMatches`` for ``#issues-panel`` (a CI flake, one run in five). Nothing such
a callback would show can be seen any more, so it is not run. ``closing`` is the one rule;
``hand_over`` (for workers) and ``unless_closing`` (for timers) apply it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual.message_pump import MessagePump

T = TypeVar("T")


def closing(node: MessagePump) -> bool:
    """Whether what was made for ``node`` (the app, or a widget of the workbench) can no
    longer be shown: the app stopped running (its shutdown began), it began to exit, or the
    node left the screen. The app's own results are the workbench's: they go with it."""
    from termwise.tui.workbench import Workbench  # the workbench imports this module

    app = node.app
    if not app.is_running or not app.screen_stack:
        return True
    if node is app:
        found = app.screen_stack[0].query(Workbench)
        if not found:
            return True
        node = found.first()
    # False once ``exit`` was called, or once the node or a parent of it was removed.
    return not node.is_attached


def unless_closing(node: MessagePump, callback: Callable[[], Any]) -> Callable[[], None]:
    """``callback`` for a timer of ``node``: it does nothing once the workbench is closing
    (Textual's timers stop at ``exit``, not when a Pilot test ends)."""

    def run() -> None:
        if not closing(node):
            callback()

    return run


def hand_over(node: MessagePump, callback: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
    """From a thread worker of ``node``: run ``callback`` on the UI thread and return what
    it returns; None, without running it, once the workbench is closing (see ``closing``),
    or once the app no longer runs at all."""
    app = node.app

    def run() -> T | None:
        return None if closing(node) else callback(*args, **kwargs)

    try:
        return app.call_from_thread(run)
    except RuntimeError:
        # "App is not running": its loop is gone. One the callback raised goes on.
        if app.is_running:
            raise
        return None
