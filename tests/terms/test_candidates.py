"""Candidate n-grams: bounded by function words and punctuation, French links inside."""

from __future__ import annotations

from termwise.terms.candidates import collect, find_occurrences, tokenize


def _forms(text: str, lang: str) -> set[str]:
    return set(collect([[text]], lang).forms)


def test_english_candidates_stop_at_function_words_and_punctuation() -> None:
    forms = _forms("The rotor blade of the wind turbine, and its pitch angle.", "en")
    assert {"rotor blade", "wind turbine", "pitch angle", "rotor", "blade"} <= forms
    # "of the" is no link in English, a comma ends a candidate, "its" is a function word.
    assert "rotor blade of the wind turbine" not in forms
    assert "turbine and" not in forms
    assert not any(form.startswith(("the ", "its ")) for form in forms)


def test_english_of_links_and_possessive_breaks() -> None:
    forms = _forms("China's community of human destiny matters.", "en")
    assert "community of human destiny" in forms
    assert "china" in forms
    assert not any("china community" in form or "'s" in form for form in forms)


def test_french_candidates_keep_prepositions_and_elisions_inside() -> None:
    forms = _forms("Le réglage de la puissance et la production d'électricité du parc.", "fr")
    assert "réglage de la puissance" in forms
    assert "production d'électricité" in forms
    # A candidate never ends with a link word or an article.
    assert not any(form.endswith((" de", " la", "d'")) for form in forms)


def test_chinese_is_segmented_by_jieba() -> None:
    forms = _forms("构建人类命运共同体是中国外交的目标。", "zh")
    assert "人类命运共同体" in forms or "命运共同体" in forms
    assert all("。" not in form for form in forms)


def test_variable_names_and_formula_symbols_are_no_candidates() -> None:
    text = "The power Qres is set by qres and ubus while λr cos ϕ gives the HAWT output."
    forms = _forms(text * 3, "en")
    assert not any(word in form for form in forms for word in ("qres", "ubus", "λr", "ϕ"))
    assert "hawt output" in forms  # an acronym written in capitals stays


def test_occurrences_give_exact_spans() -> None:
    text = "A wind turbine. Two wind turbines."
    hits = list(find_occurrences([text], "en", {"wind turbine", "wind turbines"}))
    assert [text[start:end] for _, _, start, end in hits] == ["wind turbine", "wind turbines"]


def test_tokenize_marks_punctuation_breaks() -> None:
    tokens = tokenize("rotor, blade", "en")
    assert [t.norm for t in tokens] == ["rotor", "", "blade"]


def test_a_number_right_after_a_noun_is_part_of_a_term() -> None:
    text = (
        "Patients with type 2 diabetes. See Figure 3 and 3 blades. A capacity of 14 MW "
        "after approximately 100 hours."
    )
    index = collect([[text]], "en")
    assert "type 2 diabetes" in index.forms
    assert index.forms["type 2 diabetes"].words == ("type", "diabetes")
    # At a candidate's start or end, after a link or with three digits, a number counts,
    # numbers or measures things.
    assert not any(
        char.isdigit() for form in index.forms if form != "type 2 diabetes" for char in form
    )
    french = _forms("Une recommandation de classe 1 forte, un angle de 35 degrés.", "fr")
    assert "classe 1 forte" in french
    assert not any("35" in form for form in french)
    assert "type 2 3 diabetes" not in _forms("The type 2 3 diabetes.", "en")  # one number


def test_rate_and_means_links_stand_inside_terms() -> None:
    assert "thrust per unit area" in _forms("The thrust per unit area rises.", "en")
    assert "réglage par écart" in _forms("Le réglage par écart est simple.", "fr")
    # "per" and "par" never end or start one.
    forms = _forms("Costs per. Per year.", "en") | _forms("Coûts par. Par la suite.", "fr")
    assert {"costs", "coûts", "year"} <= forms
    assert not any(word in form.split() for form in forms for word in ("per", "par"))


def test_word_neighbours_are_counted_over_the_whole_corpus() -> None:
    index = collect([["The horse moves the rider. It moves on. The horse rests."]], "en")
    assert index.word_after_verb_cue["moves"] == 1  # "It moves"
    assert index.word_after_content["moves"] == 1  # "horse moves"
    assert index.word_after_determiner["horse"] == 2
    assert index.word_before_content["horse"] == 2


def test_mixed_case_acronyms_are_no_variable_names() -> None:
    text = "Patients with HFrEF had a lower eGFR, and Qref was set by qref."
    forms = _forms(text, "en")
    assert {"hfref", "egfr"} <= forms
    assert "qref" not in forms  # one capital at most: a variable name


def test_capitalised_words_after_a_place_preposition_are_counted() -> None:
    index = collect([["Riders in Germany and in training, from Vienna to Lisbon."]], "en")
    assert index.word_after_place_cue == {"germany": 1, "vienna": 1}
    french = collect([["Des éoliennes en Norvège et en mer."]], "fr")
    assert french.word_after_place_cue == {"norvège": 1}


def test_greek_letters_join_a_hyphenated_word_but_not_a_formula() -> None:
    forms = _forms("Patients on β-blockers had less TNF-α while λr cos ϕ rose.", "en")
    assert {"β-blockers", "tnf-α"} <= forms
    assert not any(letter in form for form in forms for letter in ("λ", "ϕ"))
