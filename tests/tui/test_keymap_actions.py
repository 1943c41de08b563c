"""Every entry of the keymap table names an action that exists where its keys are bound."""

from __future__ import annotations

from textual.actions import parse

from termwise.tui.app import ROUTES, ReviewApp
from termwise.tui.dialogs import AddTerm, AskText, Choose, ConfirmPreview, TextInput
from termwise.tui.editor import TranslationEditor
from termwise.tui.grid import SegmentGrid
from termwise.tui.keymap import KEYMAP, textual_bindings
from termwise.tui.keys_screen import KeysList
from termwise.tui.panels import GlossaryPanel, IssuesPanel
from termwise.tui.panels.candidates import CandidatesPanel
from termwise.tui.translating import MTProgress
from termwise.tui.workbench import Workbench

# Where the bindings of each scope are bound, and so where their actions must exist.
OWNERS: dict[str, tuple[type, ...]] = {
    "grid": (SegmentGrid,),
    "editor": (TranslationEditor,),
    "issues": (IssuesPanel,),
    "glossary": (GlossaryPanel,),
    "candidates": (CandidatesPanel,),
    "preview": (ConfirmPreview,),
    "dialog": (AskText, Choose, AddTerm),
    "input": (TextInput,),
    "keys": (KeysList,),
}


def owners(scope: str, action: str) -> tuple[type, ...]:
    if scope != "review":
        return OWNERS[scope]
    # The app holds the review keys and routes each action to its widget (ReviewApp.ROUTES).
    return {"workbench": (Workbench,), "mt": (MTProgress,)}.get(
        ROUTES.get(action, ""), (ReviewApp,)
    )


def test_every_keymap_entry_names_an_existing_action() -> None:
    missing = []
    for binding in KEYMAP.values():
        namespace, action, _ = parse(binding.action)
        # "app.next_segment" on the editor runs the app's action, routed as the review's.
        scope = "review" if namespace == "app" else binding.scope
        for owner in owners(scope, action):
            if not callable(getattr(owner, f"action_{action}", None)):
                missing.append(f"{binding.id}: {owner.__name__}.action_{action}")
    assert missing == []


def test_dialog_keys_are_remappable_table_entries() -> None:
    for dialog, scope in ((ConfirmPreview, "preview"), (AskText, "dialog"), (Choose, "dialog")):
        ids = {getattr(binding, "id", None) for binding in dialog.BINDINGS}
        assert ids == {binding.id for binding in textual_bindings(scope)}  # type: ignore[attr-defined]
    assert KEYMAP["preview.apply"].keys == "y,enter"
    assert KEYMAP["preview.cancel"].keys == "n,escape"
