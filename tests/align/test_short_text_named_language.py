"""A short text's function words overrule the language the user named for it only where
they are clearly another language's: names and titles in another language are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.align.language_check import refuse_other_languages, telling_language
from termwise.errors import InputError

# An English list whose names and institutions are German (an audit's case): 15 German
# function words ("der", "für") to 3 English ones ("from", "the", "and").
PARTICIPANTS = (
    "Participants: Hans von der Heide, Anna zu Stolberg, Karl von dem Bussche, Maria von der "
    "Au, Fritz auf der Mauer, Klara von der Leyen, from the Haus der Kunst, Museum für "
    "Gestaltung, Institut für Physik and Zentrum für Kunst."
)
# The same list in Spanish.
PARTICIPANTES = (
    "Participantes: Hans von der Heide, Anna zu Stolberg, Karl von dem Bussche, Maria von der "
    "Au, Fritz auf der Mauer, Klara von der Leyen, de la Haus der Kunst, el Museum für "
    "Gestaltung, el Institut für Physik y el Zentrum für Kunst."
)
# Spanish prose with no French in it, said to be French.
MOLINOS = (
    "Los molinos del pueblo son de una cooperativa. Las familias del pueblo compraron "
    "participaciones de la cooperativa, que es la propietaria de los molinos. Algunos "
    "vecinos se quejaron del ruido por la noche, y el ayuntamiento midió el sonido durante "
    "seis meses: los resultados se mantuvieron por debajo del límite legal."
)


def test_names_in_another_language_do_not_overrule_the_named_one() -> None:
    # Unnamed, the German words tell; named English, the English ones stand against them.
    assert telling_language(PARTICIPANTS) == "de"
    assert telling_language(PARTICIPANTS, "en") is None


def test_a_short_list_of_foreign_names_is_aligned(tmp_path: Path) -> None:
    refuse_other_languages(
        (tmp_path / "en.txt", [PARTICIPANTS]),
        (tmp_path / "es.txt", [PARTICIPANTES]),
        "en",
        "es",
        source_lang_given=True,
    )


def test_a_short_text_clearly_in_another_language_is_still_refused(tmp_path: Path) -> None:
    assert telling_language(MOLINOS, "fr") == "es"
    with pytest.raises(InputError, match="looks Spanish, not French"):
        refuse_other_languages(
            (tmp_path / "en.txt", ["The mills belong to a cooperative."]),
            (tmp_path / "fr.txt", [MOLINOS]),
            "en",
            "fr",
            source_lang_given=True,
        )
