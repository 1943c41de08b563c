"""A new MT of a segment a person translated: the stored MT is refreshed, the text is not.

The MT beside an edited or reviewed translation is what the workbench shows and Ctrl+T
takes; a stale one brought back a rendering the glossary had since deprecated. A
translation made without MT gets none (an MT beside it would say where its draft came
from), and an edited text the new MT spells out keeps its MT (a fuzzy PO entry whose text
is its MT reads as untouched MT, which the next run replaces).
"""

from __future__ import annotations

from termwise.mt.engine import MTResult
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import open_translation, store_machine_translation
from termwise.project.units import SegmentState

from .papers import make_document


def results(tfile: TranslationFile, target: str) -> dict[str, MTResult]:
    return {
        segment_id: MTResult(unit.source, f"{target} {unit.source}", "apertium", "eng-spa")
        for segment_id, unit in tfile.units.items()
    }


def test_mt_beside_own_text_is_refreshed_and_the_text_kept(layout: ProjectLayout) -> None:
    document = make_document()
    tfile = open_translation(layout, document, "es")
    assert store_machine_translation(tfile, results(tfile, "OLD")).filled == len(tfile.units)
    reviewed, edited, by_hand, spelled_out, *rest = tfile.units.values()
    reviewed.set_translation("Revisado.", reviewed=True)
    edited.set_translation("Editado.")
    by_hand.mt = by_hand.mt_engine = by_hand.mt_model = None
    by_hand.set_translation("A mano.", reviewed=True)
    spelled_out.set_translation(f"NEW {spelled_out.source}")
    assert spelled_out.state is SegmentState.EDITED
    old_of_spelled_out = spelled_out.mt
    tfile.save()

    again = open_translation(layout, document, "es")
    stored = store_machine_translation(again, results(again, "NEW"))
    assert (stored.filled, stored.refreshed) == (len(rest), 2)
    units = again.units
    assert units[reviewed.segment_id].mt == f"NEW {reviewed.source}"
    assert units[reviewed.segment_id].target == "Revisado."
    assert units[reviewed.segment_id].state is SegmentState.REVIEWED
    assert units[edited.segment_id].mt == f"NEW {edited.source}"
    assert units[edited.segment_id].target == "Editado."
    assert units[edited.segment_id].state is SegmentState.EDITED
    assert units[by_hand.segment_id].mt is None
    assert units[spelled_out.segment_id].mt == old_of_spelled_out
    assert units[spelled_out.segment_id].state is SegmentState.EDITED

    # The same MT again refreshes nothing.
    assert store_machine_translation(again, results(again, "NEW")).refreshed == 0
