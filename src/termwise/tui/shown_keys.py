"""The keys the footer and the keys panel (F1) list, in their places when the user moved them.

Textual applies an app's keymap (``App.set_keymap``) by taking each moved binding out and
putting it back last: with ``"review.accept_mt" = "f5"`` in keymap.toml, "f5 Accept MT" went
to the end of the footer, past the edge of the screen, and to the foot of the keys panel,
below its fold, so that the moved keys seemed to have vanished. A screen with this mixin
lists its active bindings in the order they have without the keymap, each with its key as
the keymap has it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.binding import ActiveBinding


class KeymapInPlace:
    """Mix into a ``Screen`` (before it) to keep moved keys in their places."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        found: dict[str, ActiveBinding] = super().active_bindings  # type: ignore[misc]
        app: Any = self.app  # type: ignore[attr-defined]
        keymap = getattr(app, "_keymap", None)
        if not keymap:
            return found
        # The order without the keymap: the same chain of bindings, nothing moved.
        app._keymap = {}
        try:
            unmoved: dict[str, ActiveBinding] = super().active_bindings  # type: ignore[misc]
        finally:
            app._keymap = keymap
        return in_place(found, unmoved)


def in_place(
    found: dict[str, ActiveBinding], unmoved: dict[str, ActiveBinding]
) -> dict[str, ActiveBinding]:
    """``found`` (key → binding) in the order of ``unmoved``: a binding the keymap moved
    takes its old place (found by its id), the others keep theirs."""
    place_of_key = {key: index for index, key in enumerate(unmoved)}
    place_of_id: dict[str, int] = {}
    for index, active in enumerate(unmoved.values()):
        if active.binding.id:
            place_of_id.setdefault(active.binding.id, index)
    end = len(unmoved)

    def place(item: tuple[str, ActiveBinding]) -> int:
        key, active = item
        binding_id = active.binding.id
        if binding_id and binding_id in place_of_id:
            return place_of_id[binding_id]
        return place_of_key.get(key, end)

    return dict(sorted(found.items(), key=place))
