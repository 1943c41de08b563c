"""QA checks, each run alone on small translations that state the problem they contain."""

from __future__ import annotations

from collections.abc import Sequence

from termwise.checks import CheckConfig, Issue, Severity, apply_fixes, run_checks

from .documents import build_document


def run_one(
    check_id: str,
    sources: Sequence[str],
    targets: Sequence[str | None],
    target_lang: str = "es",
    source_lang: str = "en",
    *,
    headings: Sequence[int] = (),
) -> list[Issue]:
    document = build_document(sources, source_lang, headings=headings)
    mapping = {f"s{i + 1}": t for i, t in enumerate(targets) if t is not None}
    config = CheckConfig(enabled_only=frozenset({check_id}))
    issues = run_checks(document, None, target_lang=target_lang, targets=mapping, config=config)
    assert all(issue.check == check_id for issue in issues)
    return issues


def fixed(issues: list[Issue], target: str) -> str:
    return apply_fixes(target, [issue.fix for issue in issues if issue.fix is not None])


def test_untranslated_and_empty() -> None:
    issues = run_one("untranslated", ["One.", "Two.", "Three."], ["Uno.", "  ", None])
    assert [(i.segment_id, i.message) for i in issues] == [
        ("s2", "the translation is empty"),
        ("s3", "not translated"),
    ]


def test_same_as_source_ignores_numbers_only() -> None:
    sources = ["Peaceful development must be upheld.", "2.1.", "Good."]
    issues = run_one(
        "same-as-source", sources, ["Peaceful development must be upheld.", "2.1.", "Bien."]
    )
    assert [i.segment_id for i in issues] == ["s1"]


def test_numbers_with_fullwidth_digits_and_separators() -> None:
    sources = [
        "Over the past 40 years, 1,500 projects.",
        "Over the past 40 years.",
        "In 2013 and 2017.",
        "Both cite [4] and 12 cases.",
    ]
    targets = [
        "En los últimos 40 años, 1.500 proyectos.",  # separators differ: fine
        "过去４０年。",  # full-width digits are the same number
        "En 2013 y 2018.",
        "Ambos citan [5] y 12 casos.",  # citation changes are another check's business
    ]
    issues = run_one("numbers", sources, targets)
    assert [(i.segment_id, i.text, i.message) for i in issues] == [
        ("s3", "", "number 2017 of the source is missing from the target"),
        ("s3", "2018", "number 2018 is not in the source"),
    ]


def test_citations_lost_and_changed() -> None:
    sources = ["A [1].", "B [2].", "C [3].", "D［4］."]
    targets = ["A [1].", "B.", "C [8].", "D [4]."]
    issues = run_one("citations", sources, targets)
    assert [(i.segment_id, i.text) for i in issues] == [("s2", ""), ("s3", "[8]")]
    assert "[2]" in issues[0].message
    assert issues[1].suggestion == "[3]"
    assert fixed([issues[1]], targets[2]) == "C [3]."


def test_urls_and_emails() -> None:
    sources = ["See https://example.org/a.", "Write to team@example.org now."]
    targets = ["Véase https://example.org/b.", "Escriba a team@example.org ahora."]
    issues = run_one("urls", sources, targets)
    assert [(i.segment_id, i.text) for i in issues] == [("s1", ""), ("s1", "https://example.org/b")]
    assert "https://example.org/a" in issues[0].message


def test_brackets_unpaired_in_target_only() -> None:
    sources = ['He said "yes" (twice).', "A (b.", "「引用」と（括弧）。"]
    targets = ['Dijo "sí (dos veces.', "A (b.", "「引用と（括弧）。"]
    issues = run_one("brackets", sources, targets)
    # s2: the source has the same unpaired "(" - reported on the source, not again on the target.
    assert [(i.segment_id, i.side, i.text) for i in issues] == [
        ("s1", "target", '"'),
        ("s1", "target", "("),
        ("s2", "source", "("),
        ("s3", "target", "「"),
    ]


def test_end_punctuation_for_chinese_and_spanish() -> None:
    sources = ["Peace matters.", "Is it so?", "1. Introduction", "Done."]
    zh = run_one("end-punctuation", sources, ["和平很重要.", "是这样吗。", "1. 引言", "完成"], "zh")
    assert [(i.segment_id, i.text, i.suggestion) for i in zh] == [
        ("s1", ".", "。"),
        ("s2", "。", "？"),
        ("s4", "", "。"),
    ]
    assert fixed([zh[0]], "和平很重要.") == "和平很重要。"
    assert fixed([zh[2]], "完成") == "完成。"
    es = run_one("end-punctuation", ["Peace matters [4]."], ["La paz importa。"], "es")
    assert [(i.text, i.suggestion) for i in es] == [("。", ".")]
    quoted = run_one("end-punctuation", ['He said "yes."'], ["Dijo «sí»."], "es")
    assert quoted == []


def test_end_punctuation_fixes_only_what_is_missing_or_of_the_wrong_width() -> None:
    # A fix everywhere on a published Chinese translation put "。" after "，" (a verse that
    # runs on) and a period over a question mark the translation had moved: a mark that
    # differs is for the translator to judge, so it is reported without a fix.
    sources = ["He blotted out his name.", "Who can stand before him!", "Is it so?"]
    targets = ["涂抹他的名，", "谁能在他面前站立得住呢？", "是这样。"]
    zh = run_one("end-punctuation", sources, targets, "zh")
    assert [(i.text, i.suggestion, i.fix) for i in zh] == [
        ("，", "。", None),
        ("？", "！", None),
        ("。", "？", None),
    ]
    assert "ends with an exclamation mark, the target with a question mark" in zh[1].message


def test_end_punctuation_lets_a_translation_end_a_piece_of_a_sentence() -> None:
    # A verse or a line ending at a comma, semicolon or colon runs on into the next segment;
    # the translation may end it with a full stop (the Bible's Chinese does so 380 times).
    sources = ["And he said unto them,", "Hear this;", "These are the names:", "Go."]
    targets = ["他对他们说。", "你们听。", "名字如下。", "去吧，"]
    zh = run_one("end-punctuation", sources, targets, "zh")
    assert [(i.segment_id, i.text) for i in zh] == [("s4", "，")]


def test_typography_french() -> None:
    target = "Pourquoi ? Voici la règle: « paix » et «guerre» !"
    issues = run_one("typography", ["Why? Here is the rule: peace and war!"], [target], "fr")
    result = fixed(issues, target)
    assert "Pourquoi\u202f?" in result
    assert "règle\u00a0:" in result
    assert "«\u00a0paix\u00a0»" in result
    assert "«\u00a0guerre" in result
    assert "\u202f!" in result
    assert not run_one("typography", ["Why?"], ["Pourquoi\u202f?"], "fr")


def test_typography_chinese_and_quotes() -> None:
    target = '中国,世界(和平)与"发展"。'
    issues = run_one("typography", ["China, the world (peace) and development."], [target], "zh")
    assert fixed(issues, target) == "中国，世界（和平）与“发展”。"
    spanish = run_one("typography", ["Why not?"], ["Por qué no?"], "es")
    assert [i.suggestion for i in spanish] == ["¿Por qué no?"]
    german = run_one("typography", ['The "Chinese dream".'], ['Der "chinesische Traum".'], "de")
    assert fixed(german, 'Der "chinesische Traum".') == "Der „chinesische Traum“."


def test_a_lost_initial_capital_is_reported_and_fixed() -> None:
    # pofilter's startcaps: nothing reported "el crecimiento se reanudó en 2016."
    target = "el crecimiento se reanudó en 2016."
    issues = run_one("start-capital", ["Growth resumed in 2016."], [target])
    assert fixed(issues, target) == "El crecimiento se reanudó en 2016."
    fine = {
        "2016 saw growth.": "en 2016 creció.",  # a figure opens the source
        "The iPhone sold.": "iPhone se vendió.",
        "“Peace” matters.": "«Paz» importa.",
        "Why now?": "¿Por qué ahora?",
        "**Growth** resumed.": "**El crecimiento** se reanudó.",
        "and then it grew.": "y luego creció.",
    }
    for source, target in fine.items():
        assert not run_one("start-capital", [source], [target]), (source, target)
    assert run_one("start-capital", ["“Peace” matters."], ["«paz» importa."])
    assert not run_one("start-capital", ["Growth resumed."], ["增长恢复了。"], "zh")


def test_a_space_before_punctuation_is_reported_and_fixed() -> None:
    # Apertium writes "Esto es la mentalidad de la Guerra Fría ." after "is"; nothing said so.
    target = "Esto es la mentalidad de la Guerra Fría . Y otra , aquí ."
    issues = run_one("space-before-punctuation", ["This is it. And another, here."], [target])
    assert fixed(issues, target) == "Esto es la mentalidad de la Guerra Fría. Y otra, aquí."
    fine = {
        "It costs .5 euros.": "Cuesta .5 euros.",
        "French.": "Il dit\u202f: oui\u202f!",
        "Wait...": "Espera ...",
    }
    for source, target in fine.items():
        lang = "fr" if "Il dit" in target else "es"
        assert not run_one("space-before-punctuation", [source], [target], lang), target
    assert run_one("space-before-punctuation", ["He came."], ["Il est venu ."], "fr")


def test_a_chinese_translations_final_half_width_mark_is_reported_once() -> None:
    # "增长恢复了." was reported by end-punctuation and by typography, each with its fix.
    document = build_document(["Growth resumed.", "Why?"], "en")
    targets = {"s1": "增长恢复了.", "s2": "为什么?"}
    issues = run_checks(document, None, target_lang="zh", targets=targets, config=CheckConfig())
    assert [(i.segment_id, i.check, i.message) for i in issues] == [
        ("s1", "end-punctuation", ". is not the period of the target language; use 。"),
        ("s2", "end-punctuation", "? is not the question mark of the target language; use ？"),
    ]
    # With end-punctuation off, typography still says it.
    alone = run_one("typography", ["Growth resumed."], ["增长恢复了."], "zh")
    assert [i.message for i in alone] == ["half-width . in Chinese text; use the full-width 。"]


def test_a_line_break_the_source_does_not_have_is_reported_and_fixed() -> None:
    # "亚洲基础设施\n投资银行" passed every check, counted as the term, and the edition
    # printed it on two lines.
    issues = run_one(
        "line-break", ["The AIIB supports it."], ["亚洲基础设施\n投资银行支持。"], "zh"
    )
    assert [issue.message for issue in issues] == [
        "line break inside the translation; the source has none"
    ]
    assert fixed(issues, "亚洲基础设施\n投资银行支持。") == "亚洲基础设施投资银行支持。"
    target = "La comunidad  \n de futuro compartido."
    assert fixed(run_one("line-break", ["The community."], [target]), target) == (
        "La comunidad de futuro compartido."
    )
    # A hard break the source has, kept: nothing; lost or doubled: said, not guessed.
    poem = "Roses are red,\nviolets are blue."
    assert not run_one("line-break", [poem], ["Las rosas son rojas,\nlas violetas azules."])
    (lost,) = run_one("line-break", [poem], ["Las rosas son rojas, las violetas azules."])
    assert lost.message == "0 line breaks, the source has 1" and lost.fix is None


def test_fixes_that_damaged_correct_text() -> None:
    # The double-space fix dropped French's no-break space before ":"; the quotes fix paired
    # inch marks ('5« y 6»'); the repeated-word fix made "Bora Bora" "Bora".
    target = "Il dit\u00a0 : oui."
    issues = run_one("double-space", ["He says: yes."], [target], "fr")
    assert fixed(issues, target) == "Il dit\u00a0: oui."
    assert run_one("double-space", ["A b."], ["A\u00a0\u00a0b."], "fr")
    inches = 'La pantalla de 5" y la de 6".'
    assert not run_one("typography", ['The 5" and the 6" screens.'], [inches], "es")
    assert not run_one("repeated-word", ["Bora Bora is nice."], ["Nos gusta Bora Bora."], "es")
    assert run_one("repeated-word", ["It is good."], ["Es es bueno."], "es")


def test_spanish_openers_only_where_they_are_missing() -> None:
    # Every correct question was reported, and the fix wrote "¿¿Por qué…".
    correct = [
        "¿Por qué promueve China la cooperación?",
        "¡Qué logro tan notable!",
        "Si llueve, ¿vendrás?",
        "P: ¿Qué es?",
        "¿Son las 10:00 o las 10:30?",
        "¿¡Por qué no?!",
        "Véase https://example.org/report?id=5 para más.",
        "Yahoo! era grande.",
        "Hola. ¿Vendrás mañana?",
    ]
    for target in correct:
        assert not run_one("typography", ["Source."], [target], "es"), target
    missing = {
        "Por qué no?": "¿Por qué no?",
        "Hola. Vendrás mañana?": "Hola. ¿Vendrás mañana?",
        "Qué bien!": "¡Qué bien!",
        "Por qué no?!": "¿¡Por qué no?!",
    }
    for target, right in missing.items():
        issues = run_one("typography", ["Source."], [target], "es")
        assert fixed(issues, target) == right, (target, issues)
    # After a comma or colon the question may start later: reported, not fixed.
    (unsure,) = run_one("typography", ["Source."], ["Preguntó: por qué ahora?"], "es")
    assert unsure.fix is None and "a person" in unsure.message


def test_double_space_whitespace_and_repeated_word() -> None:
    issues = run_one("double-space", ["A  b.", "C d."], ["A b.", "C  d."])
    assert [(i.segment_id, i.side) for i in issues] == [("s1", "source"), ("s2", "target")]
    ws = run_one("whitespace", ["Text."], [" Texto. "])
    assert [i.message for i in ws] == ["leading whitespace", "trailing whitespace"]
    assert fixed(ws, " Texto. ") == "Texto."
    rep = run_one(
        "repeated-word", ["It is the the best.", "He had had enough."], ["Es es bueno.", "Ya."]
    )
    assert [(i.segment_id, i.side, i.text) for i in rep] == [
        ("s1", "source", "the the"),
        ("s1", "target", "Es es"),
    ]
    assert fixed([rep[1]], "Es es bueno.") == "Es bueno."


def test_length_ratio_depends_on_the_pair() -> None:
    source = "Peace and development remain the theme of the times."
    assert not run_one(
        "length-ratio", [source], ["La paz y el desarrollo siguen siendo el tema de la época."]
    )
    assert not run_one("length-ratio", [source], ["和平与发展仍然是时代主题。"], "zh")
    # The same short string is far too short for Spanish.
    issues = run_one("length-ratio", [source], ["和平与发展仍然是时代主题。"], "es")
    assert len(issues) == 1 and issues[0].severity is Severity.INFO
    assert run_one("length-ratio", [source], [source * 4], "es")


def test_numbers_accept_roman_numerals_for_centuries() -> None:
    sources = ["In the 21st century.", "In the 21st century.", "Chapter XIV."]
    targets = ["En el siglo XXI.", "En el siglo XX.", "Capítulo 14."]
    issues = run_one("numbers", sources, targets)
    assert [(i.segment_id, i.message) for i in issues] == [
        ("s2", "number 21 of the source is missing from the target")
    ]


def test_numbers_written_out_or_scaled_agree_with_their_figures() -> None:
    # A published Chinese translation writes numbers out (十二, 百分之五十), puts the month
    # as a number (5月) and counts in 万: each was an error, and `check` exited 1.
    sources = [
        "Growth was 50% in 1.5 million homes.",
        "On 5 May twelve members met.",
        "The 3 parties agreed.",
        "Twelve delegations came.",
        "It cost 2 million.",
    ]
    targets = [
        "在150万个家庭中增长了百分之五十。",
        "5月5日，十二名成员开会。",
        "三方同意了。",
        "12个代表团来了。",
        "花了300万。",
    ]
    issues = run_one("numbers", sources, targets, "zh")
    # Only the real difference is left: 2 million is 200万, not 300万.
    assert [(i.segment_id, i.message) for i in issues] == [
        ("s5", "number 2 of the source is missing from the target"),
        ("s5", "number 300 is not in the source"),
    ]


def test_numbers_read_a_month_name_only_as_a_whole_word() -> None:
    # "Mayor" holds "May": read as the month, it let 5 settle a figure the source lacks.
    sources = ["The Mayor met 12 members.", "On 5 May and 6 May they met."]
    targets = ["El alcalde se reunió con 12 miembros el 5.", "Se reunieron el 5 y el 6."]
    issues = run_one("numbers", sources, targets, "es")
    assert [(i.segment_id, i.message) for i in issues] == [("s1", "number 5 is not in the source")]


def test_numbers_compare_a_decimal_part_by_its_value() -> None:
    # "8847,60" and "8847,6" are one height: both were reported, as errors.
    sources = ["Er misst 8847,60 m.", "Es sind 2,50 Franken.", "Es waren 1.500 Leute."]
    targets = ["Il mesure 8847,6 m.", "Ce sont 2,5 francs.", "Il y avait 1,5 personnes."]
    issues = run_one("numbers", sources, targets, "fr", "de")
    # German "1.500" groups thousands: 1500 and 1.5 differ.
    assert [i.segment_id for i in issues] == ["s3", "s3"]


def test_numbers_are_read_as_each_language_writes_them() -> None:
    # Digits alone were compared: "3.5%" against "35 %" passed, and "1.5 billion" against
    # "1.500 millones" (Spanish for the same) failed; "In 2015 20 countries" was one number.
    right = {
        "It grew 1.5 billion dollars.": "Creció 1.500 millones de dólares.",
        "It cost 2 billion.": "Costó 2.000 millones.",
        "It cost 3 billion.": "Costó 3 mil millones.",
        "It cost 1 billion.": "Costó mil millones.",
        "In 2015 20 countries signed.": "En 2015, 20 países firmaron.",
        "Pages 10 12 and 14.": "Páginas 10, 12 y 14.",
        "About 12,400 people and 1,500 cars.": "Unas 12 400 personas y 1.500 coches.",
        "It rose 3.5% at 9:30.": "Subió un 3,5 % a las 9.30.",
        "It fell to -3 °C.": "Bajó a -3 °C.",
    }
    for source, target in right.items():
        assert not run_one("numbers", [source], [target], "es"), (source, target)
    wrong = {
        "It rose 3.5%.": "Subió un 35 %.",
        "It costs 2.50 dollars.": "Cuesta 25 dólares.",
        "It fell to -3 °C.": "Bajó a 3 °C.",
        "It cost 3 billion.": "Costó 3 millones.",
    }
    for source, target in wrong.items():
        assert run_one("numbers", [source], [target], "es"), (source, target)
    # Mexican Spanish writes a decimal point, as English does.
    assert not run_one("numbers", ["It rose 3.5%."], ["Subió 3.5 %."], "es-MX")


def test_a_figure_read_two_ways_is_one_issue_that_says_so() -> None:
    # "1,5 millones" for "1.5 billion" gave "1.5 missing" and "1,5 not in the source", and
    # Spanish "10,000" (ten) the same pair, which told the reviewer nothing.
    for source, target in {
        "It is 1.5 billion.": "Son 1,5 millones.",
        "There were 10,000 people.": "Había 10,000 personas.",
        "It rose 3.5%.": "Subió un 35 %.",
    }.items():
        (issue,) = run_one("numbers", [source], [target])
        assert "reads as" in issue.message and "differs" in issue.message, issue.message
    (scale,) = run_one("numbers", ["It is 1.5 billion."], ["Son 1,5 millones."])
    assert scale.message == (
        "“1,5” reads as 1,500,000 here, but the source's “1.5” as 1,500,000,000: a decimal "
        "mark or a scale word differs"
    )
    (negative,) = run_one("numbers", ["It fell by -0.5%."], ["Cayó un -05 %."])
    assert "“-05” reads as -5 here, but the source's “-0.5” as -0.5" in negative.message


def test_a_placeholders_width_and_precision_are_no_numbers() -> None:
    # "Size: {size:.2f} MB" as "{size:.1f}" was "number 2 missing" and "number 1 added".
    assert not run_one("numbers", ["Size: {size:.2f} MB"], ["Tamaño: {size:.1f} MB"])
    assert not run_one("numbers", ["%5d files"], ["%3d archivos"])
    issues = run_one("numbers", ["{count} files in 2020"], ["{count} archivos en 2021"])
    assert issues and all("2020" in i.message or "2021" in i.message for i in issues)


def test_a_lost_percent_sign_is_reported() -> None:
    # "50%" as "el 50," was no issue: the figure is there.
    (issue,) = run_one(
        "numbers", ["Growth was 50% in 2016."], ["El crecimiento fue el 50, en 2016."]
    )
    assert "percent sign is missing" in issue.message
    fine = {
        ("It grew 50%.", "es"): "Creció un 50 %.",
        ("It grew 50%.", "zh"): "增长了百分之50。",
        ("It grew 10% a year.", "zh"): "每年增长百分之十。",
        ("It grew 5 per cent, then 7%.", "es"): "Creció un 5 por ciento y luego un 7 %.",
    }
    for (source, lang), target in fine.items():
        assert not run_one("numbers", [source], [target], lang), target


def test_brackets_leave_list_labels_alone() -> None:
    # "a) … b) … c)" labels items: each ")" was reported as unpaired.
    sources = ["Es gibt: a) den Grat, b) die Wand und c) den Gletscher.", "1) Erstens."]
    targets = ["Il y a : a) l'arête, b) la paroi et c) le glacier.", "1) D'abord (sans fin."]
    issues = run_one("brackets", sources, targets, "fr", "de")
    assert [(i.segment_id, i.side, i.text) for i in issues] == [("s2", "target", "(")]


def test_markup_of_a_markdown_source_must_survive_translation() -> None:
    # Apertium gave "las ideas de núcleo*" for "the *core ideas*": no check said so, and
    # every edition printed the stray asterisk.
    from termwise.checks.incremental import IncrementalChecker

    sources = [
        "This guide explains the *core ideas* of the **Belt and Road Initiative**.",
        "See [the report](report.md) and run `make all`.",
        "Stars * in a sentence stay.",
        "An *emphasis over",
        "A **bold** claim.",
    ]
    targets = [
        "Esta guía explica las ideas de núcleo* de la **Iniciativa de la Franja y la Ruta**.",
        "Ver el informe y ejecutar `make all`.",
        "Las estrellas * en una frase se quedan.",
        "Un *énfasis sobre",
        "Una afirmación **audaz.",
    ]
    document = build_document(sources, "en")
    document.fmt = "markdown"
    mapping = {f"s{i + 1}": t for i, t in enumerate(targets)}
    config = CheckConfig(enabled_only=frozenset({"markup"}))
    issues = run_checks(document, None, target_lang="es", targets=mapping, config=config)
    assert [(i.segment_id, i.text, i.message) for i in issues] == [
        ("s1", "*", "unpaired * (the source's markup is 1 emphasis, 1 strong emphasis)"),
        ("s2", "", "markup differs: the source has 1 code span, 1 link, the target 1 code span"),
        # One unpaired "**", not two "*".
        ("s5", "**", "unpaired ** (the source's markup is 1 strong emphasis)"),
    ]
    checker = IncrementalChecker(source_lang="en", target_lang="es", glossary=None, config=config)
    assert [i.segment_id for i in checker.run(document, mapping)] == ["s1", "s2", "s5"]
    # Asterisks in a plain-text source are no markup.
    document.fmt = "text"
    assert run_checks(document, None, target_lang="es", targets=mapping, config=config) == []


def test_a_reference_link_whose_label_mt_translated_is_reported() -> None:
    # "[installation notes][notes]" came out "[notas de instalación][notas]": a label the
    # document does not define, literal brackets in every edition, and no issue.
    from termwise.checks.incremental import IncrementalChecker
    from termwise.document.reading import parse_document

    source = (
        "Read the [installation notes][notes] and the [setup guide][setup] first.\n\n"
        "[notes]: https://example.org/notes\n[setup]: https://example.org/setup\n"
    )
    document = parse_document(source, lang="en", fmt="markdown")
    (segment,) = document.segments
    mapping = {segment.id: "Lea las [notas de instalación][notas] y la [guía][setup] primero."}
    config = CheckConfig(enabled_only=frozenset({"markup", "spelling"}))
    issues = run_checks(document, None, target_lang="es", targets=mapping, config=config)
    assert [(i.check, i.message) for i in issues] == [
        ("markup", "markup differs: the source has 2 link, the target 1 link")
    ]
    # Labels kept: no issue, and "setup" is no Spanish word to spell.
    mapping = {segment.id: "Lea las [notas de instalación][notes] y la [guía][setup] primero."}
    assert run_checks(document, None, target_lang="es", targets=mapping, config=config) == []
    checker = IncrementalChecker(source_lang="en", target_lang="es", glossary=None, config=config)
    assert checker.run(document, mapping) == []


def test_prose_checks_leave_a_markdown_sources_markup_alone() -> None:
    # The typography fix turned a link's title "El manual" into «El manual» (the link broke)
    # and put "¡" before an image's "!".
    sources = ['Read [the guide](guide.md "The manual") now.', "See ![the map](map.png) here."]
    targets = ['Lea [la guía](guide.md "El manual") ahora.', "Vea ![el mapa](map.png) aquí."]
    document = build_document(sources, "en")
    document.fmt = "markdown"
    mapping = {f"s{i + 1}": t for i, t in enumerate(targets)}
    config = CheckConfig(enabled_only=frozenset({"typography", "double-space"}))
    assert run_checks(document, None, target_lang="es", targets=mapping, config=config) == []
    # The same text as prose: the quotes are a quotation.
    document.fmt = "text"
    found = run_checks(document, None, target_lang="es", targets=mapping, config=config)
    assert [i.segment_id for i in found if i.check == "typography"]


def test_numbers_read_a_time_written_with_a_dot_as_the_same_time() -> None:
    # "before 9:30" as "antes de las 9.30": three errors (9 and 30 missing, 9.30 extra).
    sources = ["Come before 9:30 or at 21h05.", "It costs 2.50 francs.", "Open 9:30 to 17:00."]
    targets = [
        "Venga antes de las 9.30 o a las 21.05.",
        "Cuesta 2,50 francos.",
        "Abre de 9:30 a 18:00.",
    ]
    issues = run_one("numbers", sources, targets, "es")
    assert [(i.segment_id, i.message) for i in issues] == [
        ("s3", "number 17:00 of the source is missing from the target"),
        ("s3", "number 18:00 is not in the source"),
    ]


def test_the_spanish_opener_goes_inside_quotes_and_brackets() -> None:
    # "¿" went before the opening quote: ¿"Por qué no?" Pidió.
    for target, right in {
        '"Por qué no?" Pidió.': '"¿Por qué no?" Pidió.',
        "(Por qué?)": "(¿Por qué?)",
        "«Qué bien!»": "«¡Qué bien!»",
    }.items():
        issues = run_one("typography", ["Source."], [target], "es")
        spanish = [i for i in issues if "opens with" in i.message]
        assert fixed(spanish, target) == right, (target, issues)
