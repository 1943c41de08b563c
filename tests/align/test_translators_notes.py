"""Translator's notes, which translate nothing of the source, told from sentences."""

from __future__ import annotations

from termwise.align.features import is_translators_note


def test_translators_notes_are_told_from_sentences() -> None:
    notes = [
        "(N.d.T. : le texte allemand cite ici un passage du rapport .)",
        "[Translator's note: the author means the pass.]",
        "N. d. T. : voir plus haut .",
        "(Anm. d. Übers.: im Original englisch.)",
        "（译注：即今之昆明。）",
        "(le col du Géant — N.d.T.)",
        "Nota del traductor: en el original, en francés.",
        "NdT : le mot est en patois .",
    ]
    sentences = [
        "Nous partîmes à l'aube .",
        "T. N. Smith led the second party.",
        "NDT methods found the crack in the weld.",
        "N.d.R. : la rédaction remercie l'auteur .",
        "Die Route (N.d.T. folgt) war lang.",
    ]
    assert all(is_translators_note(text) for text in notes)
    assert not any(is_translators_note(text) for text in sentences)
