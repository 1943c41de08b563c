"""``termwise align`` judges the languages of short texts too, by their function words, and
reads every file it needs before it machine-translates the source."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.align.language_check import refuse_other_languages
from termwise.errors import InputError

# As test_aligner finds it: beside the repository.
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DEV = SHARED / "align-dev"
SEED = SHARED / "seeds" / "000_204c7e650900ae41.txt"
needs_apertium = pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium absent")

# A new user's walk-through: 130 words of English and their Spanish translation.
WIND = """# Wind energy in small towns

Wind turbines convert the kinetic energy of moving air into electricity. A modern turbine \
stands about 120 metres tall. Its three blades turn a shaft connected to a generator. In \
2021, the town of Aldea installed its first four turbines on the ridge above the river.

The project cost 14 million euros. Local families bought shares in a cooperative that owns \
the turbines. Every shareholder receives a part of the profits each year. Some neighbours \
complained about the noise at night.

The council measured the sound levels for six months. The results stayed below the legal \
limit of 35 decibels. Today the turbines supply about 60 percent of the electricity the \
town uses. Other towns in the region now want to copy the model.
"""
WIND_ES = """# La energía eólica en los pueblos pequeños

Los aerogeneradores convierten la energía cinética del aire en movimiento en electricidad. \
Un aerogenerador moderno mide unos 120 metros de altura. Sus tres palas hacen girar un eje \
conectado a un generador. En 2021, el pueblo de Aldea instaló sus cuatro primeros \
aerogeneradores en la loma que domina el río.

El proyecto costó 14 millones de euros. Las familias del pueblo compraron participaciones \
de una cooperativa. Esa cooperativa es la propietaria de los aerogeneradores. Algunos \
vecinos se quejaron del ruido por la noche.

El ayuntamiento midió los niveles de sonido durante seis meses. Los resultados se \
mantuvieron por debajo del límite legal de 35 decibelios. Hoy los aerogeneradores \
suministran cerca del 60 por ciento de la electricidad que consume el pueblo. Otros pueblos \
de la región quieren ahora copiar el modelo.
"""
# Short texts in languages whose function words overlap Spanish and French the most.
ITALIAN = """Il vento che attraversa le colline dell'Appennino è da secoli una risorsa per chi \
vive in montagna. Nel 2019 il comune di Castelnuovo ha deciso di installare quattro turbine \
sul crinale che domina la valle. Il progetto è costato dodici milioni di euro ed è stato \
finanziato in gran parte da una cooperativa di cittadini.

All'inizio molti abitanti erano contrari. Temevano il rumore delle pale e l'impatto sul \
paesaggio, che attira ogni estate migliaia di escursionisti. Il sindaco ha organizzato una \
serie di incontri pubblici nella sala del consiglio, dove gli ingegneri hanno spiegato come \
funzionano le macchine e quanto spazio occupano.
"""
PORTUGUESE = """O rio que atravessa a cidade foi durante muito tempo a principal via de \
transporte da região. No século dezenove, os barcos levavam café e açúcar até o porto, e as \
margens estavam cheias de armazéns. Com a chegada da estrada de ferro, o tráfego no rio \
diminuiu e muitos desses edifícios foram abandonados.

Nos últimos anos, a prefeitura começou um programa para recuperar as margens. Os armazéns \
mais antigos foram transformados em bibliotecas, oficinas e um pequeno museu sobre a \
história da navegação. Um caminho para pedestres e ciclistas liga agora o centro da cidade \
ao parque que fica na antiga ilha dos pescadores.
"""


def sentences(text: str) -> list[str]:
    return [line for line in text.replace(". ", ".\n").splitlines() if line.strip()]


def runs(lines: list[str], words: int) -> list[list[str]]:
    """``lines`` in consecutive runs of at least ``words`` words: short texts."""
    found: list[list[str]] = []
    run: list[str] = []
    count = 0
    for line in lines:
        run.append(line)
        count += len(line.split())
        if count >= words:
            found.append(run)
            run, count = [], 0
    return found


@pytest.fixture
def wind(tmp_path: Path) -> Path:
    (tmp_path / "wind.txt").write_text(WIND, encoding="utf-8")
    (tmp_path / "wind.es.txt").write_text(WIND_ES, encoding="utf-8")
    return tmp_path


def test_a_short_spanish_translation_said_to_be_french_is_refused(wind: Path) -> None:
    # Written as translations/wind.fr.po holding Spanish, exit status 0, no word said.
    result = termwise("align", "wind.txt", "wind.es.txt", "--to", "fr", "--no-mt", cwd=wind)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(
        "termwise: error: wind.es.txt: looks Spanish, not French (--to fr): name its "
        "language with --to"
    )
    assert not (wind / "translations").exists()
    swapped = termwise("align", "wind.es.txt", "wind.txt", "--to", "es", "--no-mt", cwd=wind)
    assert swapped.returncode == 2
    assert "are SOURCE and TARGET swapped?" in swapped.stderr
    assert not (wind / "translations").exists()
    right = termwise("align", "wind.txt", "wind.es.txt", "--to", "es", "--no-mt", cwd=wind)
    assert right.returncode == 0, right.stderr


@pytest.mark.parametrize(("lang", "text"), [("es", WIND_ES), ("it", ITALIAN), ("pt", PORTUGUESE)])
def test_short_texts_labelled_right_are_aligned(tmp_path: Path, lang: str, text: str) -> None:
    (tmp_path / "source.txt").write_text(WIND, encoding="utf-8")
    (tmp_path / f"target.{lang}.txt").write_text(text, encoding="utf-8")
    args = ["source.txt", f"target.{lang}.txt", "--from", "en", "--to", lang, "--no-mt"]
    result = termwise("align", *args, "--format", "beads", cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def short_real_texts() -> list[tuple[str, list[str]]]:
    """Runs of 15 to 130 words of real text, each with its language."""
    texts: list[tuple[str, list[str]]] = []
    for lang, text in (("es", WIND_ES), ("it", ITALIAN), ("pt", PORTUGUESE), ("en", WIND)):
        texts.extend((lang, run) for words in (15, 40) for run in runs(sentences(text), words))
    for lang, path in (
        ("de", DEV / "textberg-de-fr" / "dev.de"),
        ("fr", DEV / "textberg-de-fr" / "dev.fr"),
        ("en", SEED),
    ):
        if path.exists():
            lines = path.read_text(encoding="utf-8").splitlines()
            texts.extend((lang, run) for words in (15, 40, 130) for run in runs(lines, words))
    return texts


def test_no_short_real_text_labelled_right_is_refused() -> None:
    texts = short_real_texts()
    assert len(texts) > 100
    refused = []
    for lang, text in texts:
        try:
            refuse_other_languages(
                (Path("source"), text), (Path("target"), text), lang, lang, source_lang_given=True
            )
        except InputError as error:
            refused.append(f"{lang}: {error}: {' '.join(text)[:120]}")
    assert refused == []


BROKEN_PO = """msgid ""
msgstr ""
"Language: {lang}\\n"
"Content-Type: text/plain; charset=utf-8\\n"

msgctxt "6605470d124d"
msgid "The project cost 14 million euros."
msgstr "El proyecto costó "14 millones" de euros."
"""


@needs_apertium
@pytest.mark.parametrize("lang", ["es", "fr"])
def test_a_broken_translation_file_is_refused_before_the_source_is_translated(
    wind: Path, lang: str
) -> None:
    # The MT of a book took minutes before the error; "fr": another language's file, read
    # for the segments it holds.
    (wind / "translations").mkdir()
    (wind / "translations" / f"wind.{lang}.po").write_text(
        BROKEN_PO.format(lang=lang), encoding="utf-8"
    )
    result = termwise("align", "wind.txt", "wind.es.txt", "--to", "es", cwd=wind)
    assert result.returncode == 2
    assert f"wind.{lang}.po:8:" in result.stderr
    assert "Machine-translating" not in result.stderr
