"""Reading the seed paper and other documents into headings and sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termwise.document import SegmentKind, load_document, parse_document
from termwise.document.reading import detect_language
from termwise.errors import InputError

ROOT = Path(__file__).resolve().parents[2]
PAPER = ROOT / "seeds" / "000_204c7e650900ae41.txt"
GOLD = ROOT / "tests" / "data" / "document" / "seed_paper.gold.jsonl"


def gold() -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    return [(row["kind"], row["text"]) for row in rows]


def test_seed_paper_matches_the_gold_segmentation_exactly() -> None:
    document = load_document(PAPER, lang="en")
    produced = [(segment.kind.value, segment.text) for segment in document.segments]
    assert produced == gold()


def test_gold_keeps_every_word_of_the_paper_in_order() -> None:
    # The gold itself is checked: nothing dropped or altered but whitespace.
    text = PAPER.read_text(encoding="utf-8")
    assert " ".join(segment for _, segment in gold()) == " ".join(text.split())


def test_seed_paper_headings_positions_and_paragraphs() -> None:
    document = load_document(PAPER)
    assert document.lang == "en"
    headings = [s for s in document.segments if s.kind is SegmentKind.HEADING]
    assert [h.text.split()[0] for h in headings] == [
        "1.",
        "2.",
        "2.1.",
        "2.2.",
        "3.",
        "3.1.",
        "3.2.",
        "4.",
    ]
    wrapped = headings[4]
    assert wrapped.text.endswith("Development of Contemporary Chinese Diplomatic Strategic Thought")
    assert (wrapped.line, wrapped.column) == (107, 1)
    first = document.segments[0]
    # The stray leading space is not part of the sentence; the label stays inside it.
    assert first.text.startswith("Abstract: China's construction")
    assert (first.line, first.column) == (1, 2)
    # A sentence starting after a page-break space: "stability and prosperity [6]." on line 42.
    stability = next(s for s in document.segments if s.text.startswith("China's external"))
    assert "peace, stability and prosperity [6]." in stability.text
    # Paragraphs: headings are their own; the abstract is one paragraph; they only increase.
    numbers = [s.paragraph for s in document.segments]
    assert numbers == sorted(numbers)
    assert document.segments[0].paragraph == document.segments[5].paragraph == 1
    assert headings[0].paragraph == 2
    assert len(set(numbers)) >= 15


def test_offsets_map_every_character_back_to_the_file() -> None:
    document = load_document(PAPER)
    for segment in document.segments:
        assert len(segment.offsets) == len(segment.text)
        for index, char in enumerate(segment.text):
            source = document.text[segment.offsets[index]]
            if char == " ":
                assert source.isspace()
            else:
                assert source == char
        assert document.text[segment.start] == segment.text[0]
        assert document.text[segment.end - 1] == segment.text[-1]
        assert document.line_col(segment.start) == (segment.line, segment.column)
    wrapped = next(s for s in document.segments if s.text.startswith("3. The Concept"))
    start = wrapped.text.index("Development of Contemporary")
    source_start, source_end = wrapped.to_source(start, start + len("Development of Contemporary"))
    assert document.text[source_start:source_end] == "Development of\nContemporary"


def test_line_end_hyphenation_is_undone_only_without_evidence_of_a_compound() -> None:
    text = (
        "The inter-\nnational order matters. The international order is old. Both sides\n"
        "want a win-\nwin outcome. A long-\nterm plan and a long-term goal. The self-\n"
        "interest of states. A cross-\nborder trade. China-\nASEAN relations grow.\n"
    )
    document = parse_document(text, lang="en")
    texts = [segment.text for segment in document.segments]
    assert texts[0] == "The international order matters."
    assert texts[2] == "Both sides want a win-win outcome."
    assert texts[3] == "A long-term plan and a long-term goal."
    assert texts[4] == "The self-interest of states."
    assert texts[5] == "A cross-border trade."
    assert texts[6] == "China-ASEAN relations grow."
    first = document.segments[0]
    source_start, source_end = first.to_source(4, 17)  # "international"
    assert text[source_start:source_end] == "inter-\nnational"


def test_blank_lines_unnumbered_headings_and_unwrapped_text() -> None:
    text = (
        "Introduction\n"
        "This is a long wrapped line of a paragraph that goes on and on for a while, and\n"
        "it ends here. A second sentence follows on this line and it is long enough too.\n"
        "\n"
        "A new paragraph after a blank line. It has two sentences.\n"
    )
    document = parse_document(text, lang="en")
    kinds = [(segment.kind.value, segment.paragraph) for segment in document.segments]
    assert kinds == [
        ("heading", 1),
        ("sentence", 2),
        ("sentence", 2),
        ("sentence", 3),
        ("sentence", 3),
    ]
    unwrapped = "First paragraph. " * 20 + "\nSecond paragraph. " * 1
    document = parse_document(unwrapped.strip(), lang="en")
    assert document.segments[-1].paragraph == 2


def test_chinese_lines_join_without_spaces_and_numbered_headings() -> None:
    text = "一、引言\n人类命运共同体是中国提出的\n重要理念。它影响深远！\n1.1 背景\n这是背景。\n"
    document = parse_document(text, lang="zh")
    assert [(s.kind.value, s.text) for s in document.segments] == [
        ("heading", "一、引言"),
        ("sentence", "人类命运共同体是中国提出的重要理念。"),
        ("sentence", "它影响深远！"),
        ("heading", "1.1 背景"),
        ("sentence", "这是背景。"),
    ]


def test_markdown_headings_paragraphs_lists_and_code() -> None:
    text = (
        "# The Title\n\nFirst paragraph, wrapped\nover two lines. Second sentence.\n\n"
        "Setext heading\n--------------\n\n- A list item. Another.\n- Second item\n\n"
        "```\nCode. Not segmented.\n```\n\n> Quoted text. Here.\n\n## Closing ##\n"
    )
    document = parse_document(text, lang="en", fmt="markdown")
    assert [(s.kind.value, s.text) for s in document.segments] == [
        ("heading", "The Title"),
        ("sentence", "First paragraph, wrapped over two lines."),
        ("sentence", "Second sentence."),
        ("heading", "Setext heading"),
        ("sentence", "A list item."),
        ("sentence", "Another."),
        ("sentence", "Second item"),
        ("sentence", "Quoted text."),
        ("sentence", "Here."),
        ("heading", "Closing"),
    ]
    title = document.segments[0]
    assert (title.line, title.column) == (1, 3)


def test_markdown_file_by_suffix(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Heading\n\nBody text. More.\n", encoding="utf-8")
    document = load_document(path)
    assert document.fmt == "markdown"
    assert [s.kind.value for s in document.segments] == ["heading", "sentence", "sentence"]


def test_docx_paragraph_styles_give_headings(tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    word.add_heading("A Title", level=0)
    word.add_heading("1. Introduction", level=1)
    word.add_paragraph("Dr. Smith wrote this. It has two sentences.")
    word.add_paragraph("")
    word.add_paragraph("Normal text that looks like a heading")
    table = word.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Cell one."
    table.cell(0, 1).text = "Cell two."
    path = tmp_path / "paper.docx"
    word.save(str(path))
    document = load_document(path)
    assert document.fmt == "docx"
    assert [(s.kind.value, s.text) for s in document.segments] == [
        ("heading", "A Title"),
        ("heading", "1. Introduction"),
        ("sentence", "Dr. Smith wrote this."),
        ("sentence", "It has two sentences."),
        ("sentence", "Normal text that looks like a heading"),
        ("sentence", "Cell one."),
        ("sentence", "Cell two."),
    ]
    assert document.segments[3].line == 3  # "line" N of a .docx is paragraph N


def test_docx_text_in_content_controls_tracked_changes_fields_and_footnotes(
    tmp_path: Path,
) -> None:
    # Word content that python-docx's own walk does not read: a journal template's abstract
    # in a content control, a tracked insertion, a field's result and the footnotes were
    # all silently missing (an aligned translation then glued the abstract to a heading).
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml.parser import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    word = docx.Document()
    word.add_heading("Abstract", level=1)
    body = word.element.body
    sentinel = body[-1]  # the section properties stay last
    for xml in (
        f"<w:sdt {w}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>The abstract sits in a "
        "content control.</w:t></w:r></w:p></w:sdtContent></w:sdt>",
        f"<w:p {w}><w:r><w:t xml:space='preserve'>Kept text </w:t></w:r><w:ins w:id='1' "
        "w:author='A' w:date='2026-01-01T00:00:00Z'><w:r><w:t>inserted</w:t></w:r></w:ins>"
        "<w:del w:id='2' w:author='A' w:date='2026-01-01T00:00:00Z'><w:r><w:delText>gone"
        "</w:delText></w:r></w:del><w:r><w:t>.</w:t></w:r></w:p>",
        f"<w:p {w}><w:r><w:t xml:space='preserve'>See </w:t></w:r><w:fldSimple "
        "w:instr=' REF fig1 '><w:r><w:t>Figure 1</w:t></w:r></w:fldSimple><w:r><w:t "
        "xml:space='preserve'> below.</w:t></w:r><w:r><w:footnoteReference w:id='1'/>"
        "</w:r></w:p>",
    ):
        sentinel.addprevious(parse_xml(xml))
    notes = (
        f"<w:footnotes {w}><w:footnote w:type='separator' w:id='-1'><w:p><w:r><w:separator/>"
        "</w:r></w:p></w:footnote><w:footnote w:id='1'><w:p><w:r><w:t>Supported by the "
        "National Social Science Fund.</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        notes.encode(),
        word.part.package,
    )
    word.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    path = tmp_path / "paper.docx"
    word.save(str(path))
    assert [(s.kind.value, s.text) for s in load_document(path).segments] == [
        ("heading", "Abstract"),
        ("sentence", "The abstract sits in a content control."),
        ("sentence", "Kept text inserted."),
        ("sentence", "See Figure 1 below."),
        ("sentence", "Supported by the National Social Science Fund."),
    ]


def test_broken_docx_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="broken.docx"):
        load_document(path)


def test_language_detection() -> None:
    assert detect_language("人类命运共同体是中国提出的重要理念。") == "zh"
    assert detect_language("Россия и Китай подписали договор.") == "ru"
    assert detect_language("これは日本語の文です。東京に行きました。") == "ja"
    assert detect_language("The idea of the community is that it works.") == "en"
    assert detect_language("El concepto de la comunidad y los países que se unen.") == "es"
    assert (
        detect_language("Le concept de la communauté et les pays qui sont dans le monde.") == "fr"
    )
    assert detect_language("Die Idee der Gemeinschaft und das ist nicht ein Problem.") == "de"
    assert load_document(PAPER).lang == "en"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_document(tmp_path / "absent.txt")
    with pytest.raises(InputError, match="folder"):
        load_document(tmp_path)


def test_bullets_start_list_items_and_short_headings_wrap_on_function_words() -> None:
    text = (
        "Some introductory sentence that is long enough to set the width of this text block.\n"
        "• First item of the list.\n"
        "• Second item, which is wrapped over\n"
        "two lines.\n"
        "5. Conclusions and Directions for\n"
        "Further Work\n"
        "The end of the document is here, in a line that is long enough to look like body.\n"
    )
    document = parse_document(text, lang="en")
    assert [(s.kind.value, s.paragraph, s.text) for s in document.segments] == [
        ("sentence", 1, document.segments[0].text),
        ("sentence", 2, "• First item of the list."),
        ("sentence", 3, "• Second item, which is wrapped over two lines."),
        ("heading", 4, "5. Conclusions and Directions for Further Work"),
        ("sentence", 5, document.segments[-1].text),
    ]


def test_numbered_sentences_and_years_are_not_headings() -> None:
    text = "The plan has steps.\n1. Do this first.\n2020. That year was hard. It ended.\n"
    document = parse_document(text, lang="en")
    assert all(segment.kind is SegmentKind.SENTENCE for segment in document.segments)


def test_unnumbered_heading_before_reference_entries() -> None:
    text = (
        "This is the last paragraph of the body text, which is long enough to set the width.\n"
        "It ends here with a full stop, and then the list of references follows below it.\n"
        "References\n"
        "[1] Wang L. Another study. Beijing: People Press, 2020.\n"
        "[2] Li M. A third study, 2021.\n"
    )
    segments = parse_document(text, lang="en").segments
    heading = next(s for s in segments if s.kind is SegmentKind.HEADING)
    assert heading.text == "References"
    starts = [s for s in segments if s.text.startswith("[")]
    assert [s.text[:3] for s in starts] == ["[1]", "[2]"]
    assert starts[0].paragraph != starts[1].paragraph


def _pdf_pages(pages: list[list[str]], header: str = "Die Alpen 1957 — {}") -> str:
    """Text as pdftotext gives a book: each page's lines, its number, a form feed, and the
    next page's running header."""
    out: list[str] = []
    for number, lines in enumerate(pages, start=17):
        if number > 17:
            out.append("\f" + header.format(number))
            out.append("")
        out.extend(lines)
        out.append(str(number))
    return "\n".join(out) + "\n"


def test_page_numbers_and_running_headers_stay_out_of_the_sentences() -> None:
    # Read as text, a page break put "17 Die Alpen 1957 — 18" inside the sentence it cut
    # (and into an aligned translation unit), or cut the sentence in two at its blank line.
    wide = "Es gab am Berg eine lange Reihe von Versuchen, die alle scheiterten."
    text = _pdf_pages(
        [
            [wide, "Dhaulagiri, der «Mont Blanc» des Himalaya, der einst als höchster Berg"],
            ["der Erde galt, wurde bisher mit 8172 m angegeben. Es gab nur eine fur-"],
            ["chtbar steile, von Eislawinen bestrichene Wand. " + wide],
            [wide, wide],
        ]
    )
    document = parse_document(text, lang="de")
    texts = [segment.text for segment in document.segments]
    assert not [t for t in texts if "Alpen" in t or t.rstrip(".").isdigit()]
    assert (
        "Dhaulagiri, der «Mont Blanc» des Himalaya, der einst als höchster Berg der Erde "
        "galt, wurde bisher mit 8172 m angegeben."
    ) in texts
    assert "Es gab nur eine furchtbar steile, von Eislawinen bestrichene Wand." in texts


def test_a_recurring_heading_is_no_running_header() -> None:
    # Without a number or a form feed beside it, a short line that recurs is the text's.
    chapter = ["Notes", "", "The first note is short. The second one is too.", ""]
    table = ["Figures 1 to 3 show it.", "", "12", "", "14", "", "13"]
    text = "\n".join(chapter * 3 + table) + "\n"
    texts = [segment.text for segment in parse_document(text, lang="en").segments]
    assert texts.count("Notes") == 3
    assert texts[-3:] == ["12", "14", "13"]  # numbers that do not count up are no page numbers
    # A list whose entries share a shape ("1. 1950 :") has no words to name a book by.
    years = "\n\n".join(f"{n}. {1950 + n} :\n\nA climb in year {n}." for n in range(1, 5))
    texts = [segment.text for segment in parse_document(years + "\n", lang="en").segments]
    assert texts.count("2. 1952 :") == 1


def test_numbered_chapter_headings_are_no_running_headers() -> None:
    # "Chapter 1" … "Chapter 5" recur with a number, as a running header does, but where each
    # chapter ends, not once a page: every chapter heading of a book was deleted.
    sentence = "The road went on through the valley, and they walked until the evening came."
    chapters = [
        f"Chapter {n}\n\n" + "\n".join([sentence] * length) + "\n"
        for n, length in enumerate((12, 30, 9, 21, 16), start=1)
    ]
    texts = [s.text for s in parse_document("\n".join(chapters), lang="en").segments]
    assert [t for t in texts if t.startswith("Chapter")] == [f"Chapter {n}" for n in range(1, 6)]
    # Short chapters of one length each are no pages either.
    short = "\n".join(f"Chapter {n}\n\nIt was a long day. They walked far.\n" for n in range(1, 6))
    texts = [s.text for s in parse_document(short, lang="en").segments]
    assert texts.count("It was a long day.") == 5 and "Chapter 5" in texts
    # A running header every page, its page number counting on, still goes.
    page = [sentence[:60], sentence[60:] + " " + sentence[:40], sentence[40:]] * 4
    paged = "\n".join("\n".join(page) + f"\n\nDie Alpen 1957 — {17 + n}\n" for n in range(5))
    texts = [s.text for s in parse_document(paged, lang="en").segments]
    assert not [t for t in texts if "Alpen" in t]


def test_line_end_hyphens_before_a_conjunction_or_a_french_pronoun_stay() -> None:
    german = (
        "die zu verschiedenen Jahres-\nund Tageszeiten stark wechselt. Das Ost-\nund Westufer.\n"
    )
    texts = [segment.text for segment in parse_document(german, lang="de").segments]
    assert texts == [
        "die zu verschiedenen Jahres- und Tageszeiten stark wechselt.",
        "Das Ost- und Westufer.",
    ]
    french = "Il n'était peut-\nêtre pas possible de passer au-\ndessus du col, dit-\nil.\n"
    texts = [segment.text for segment in parse_document(french, lang="fr").segments]
    assert texts == ["Il n'était peut-être pas possible de passer au-dessus du col, dit-il."]


def test_a_numbered_paragraph_is_no_heading_and_its_number_no_sentence() -> None:
    text = (
        "In unserem Überblick beginnen wir wieder mit dem östlichsten Achttausender.\n\n"
        "5. Für den Winter 1956/57 ist eine australische Expedition unter der\n"
        "Führung von Peter C. Bryne angekündigt worden, die sich auf die Yeti-Suche\n"
        "begeben will.\n\n2. Kurze Überschrift\n\nDer Text beginnt hier mit einem Satz.\n"
    )
    segments = parse_document(text, lang="de").segments
    assert [(s.kind.value, s.text[:22]) for s in segments] == [
        ("sentence", "In unserem Überblick b"),
        ("sentence", "5. Für den Winter 1956"),
        ("heading", "2. Kurze Überschrift"),
        ("sentence", "Der Text beginnt hier "),
    ]


def test_numbered_paragraphs_are_no_headings_and_the_title_is_no_running_header() -> None:
    # A yearbook numbers its paragraphs; their first lines fill the width and were read as
    # headings (11 of 44), cutting each sentence in two. Its title, which the running header
    # repeats, was taken for a header and deleted.
    fill = "Die Expedition kam im Sommer mit vielen Trägern und Lasten bis zum"
    paragraphs = [
        f"{n}. {fill}\nBasislager, wo sie lange auf besseres Wetter warten musste."
        for n in range(1, 5)
    ]
    # The title on the first page; then each page: its header, a paragraph, its number.
    pages = [
        f"Himalaya-Chronik 1956\n\n{paragraph}\n{17 + n}\n"
        for n, paragraph in enumerate(paragraphs)
    ]
    text = "\f".join(pages)
    segments = parse_document(text, lang="de").segments
    assert [s.kind.value for s in segments].count("heading") <= 1
    texts = [s.text for s in segments]
    assert texts[0] == "Himalaya-Chronik 1956"
    assert f"3. {fill} Basislager, wo sie lange auf besseres Wetter warten musste." in texts
    assert texts.count("Himalaya-Chronik 1956") == 1


def test_the_first_pages_numbered_header_is_no_title() -> None:
    # pdftotext puts no form feed before the first page: "1 HIMALAYA-CHRONIK" stayed a
    # segment, and the aligner ran it into the first sentence, the edition too. The title
    # above (same number on every page) stays, as the test before says.
    pages = [
        f"{n} HIMALAYA-CHRONIK\n\nAbsatz {n} beginnt hier. Der Berg ist hoch und wir steigen\n"
        f"langsam auf den Gipfel.\n\nNoch ein Absatz auf Seite {n}. Er endet hier.\n"
        for n in range(1, 8)
    ]
    texts = [s.text for s in parse_document("\f".join(pages), lang="de").segments]
    assert not any("HIMALAYA" in text for text in texts), texts
    assert texts[0] == "Absatz 1 beginnt hier."
    assert texts.count("Er endet hier.") == 7


def test_a_footnote_at_the_foot_of_a_page_does_not_cut_the_sentence() -> None:
    # The footnote above the page number was read as text between the two halves of the
    # sentence the page break ran through ("…ne s'étaient élar- ¹ D'après … gies que …").
    body = [
        "Nous pûmes constater que nos propres empreintes ne s'étaient élar-",
        "",
        "¹ D'après une communication orale du Dr T. Hagen.",
        "",
    ]
    pages = []
    for number in range(3):
        lines = ["Les Alpes", "", f"Le camp {number} était prêt. Le massif.¹ Les Alpes ont publié."]
        if number == 1:
            lines += body
        pages.append("\n".join([*lines, str(83 + number)]))
    text = "\n\f".join(pages) + "\n"
    text = text.replace("\fLes Alpes\n\nLe camp 2", "\fLes Alpes\n\ngies que de peu. Le camp 2")
    texts = [segment.text for segment in parse_document(text, lang="fr").segments]
    joined = "Nous pûmes constater que nos propres empreintes ne s'étaient élargies que de peu."
    assert joined in texts
    assert "¹ D'après une communication orale du Dr T. Hagen." in texts
    assert "Le massif.¹" in texts  # the mark goes with the sentence it follows
    assert texts.index(joined) < texts.index("¹ D'après une communication orale du Dr T. Hagen.")


def test_an_authors_hyphen_between_two_words_stays() -> None:
    # "schweizerischdeutsche", "francosuisse": a compound of two words lost its hyphen at a
    # line end; a compound German closes, or a name, is still joined.
    german = "Die schweizerisch-\ndeutsche Gruppe fand das Gletscher-\nbecken leer.\n"
    texts = [segment.text for segment in parse_document(german, lang="de").segments]
    assert texts == ["Die schweizerisch-deutsche Gruppe fand das Gletscherbecken leer."]
    french = "L'équipe franco-\nsuisse de M. Heu-\nberger partit.\n"
    texts = [segment.text for segment in parse_document(french, lang="fr").segments]
    assert texts == ["L'équipe franco-suisse de M. Heuberger partit."]


def test_docx_text_boxes_are_read_once_after_their_anchor(tmp_path: Path) -> None:
    # A pull quote or a sidebar in a text box was not read at all. Word writes a box twice:
    # as a drawing, and as a VML fallback for old readers; it must be read once.
    import docx
    from docx.oxml.parser import parse_xml

    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    box = "<w:txbxContent><w:p><w:r><w:t>Water is life, said the mayor.</w:t></w:r></w:p></w:txbxContent>"
    anchored = (
        f"<w:p {ns}><w:r><w:t xml:space='preserve'>The project began in 2019. </w:t></w:r>"
        "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wp:anchor>"
        "<a:graphic><a:graphicData><wps:wsp><wps:txbx>"
        f"{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        f"</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        "<w:r><w:t>It ended in 2023.</w:t></w:r></w:p>"
    )
    word = docx.Document()
    body = word.element.body
    body[-1].addprevious(parse_xml(anchored))
    word.add_paragraph("The next paragraph.")
    path = tmp_path / "boxed.docx"
    word.save(str(path))
    assert [s.text for s in load_document(path).segments] == [
        "The project began in 2019.",
        "It ended in 2023.",
        "Water is life, said the mayor.",
        "The next paragraph.",
    ]
