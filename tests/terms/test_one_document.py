"""On one document the document features say nothing: they must move no candidate's score.

With ``document_share`` at 1.0 for every candidate of a single paper (against a mean of
0.15 over the training corpora), every score fell by about 0.9 log-odds and "heart
failure", three times in a short paragraph, scored 0.08 against a cut-off of 0.26.
"""

from __future__ import annotations

import math

import numpy as np

from termwise.terms import candidates as cand
from termwise.terms.model import load_combiner
from termwise.terms.scoring import FEATURES, feature_matrix
from termwise.terms.variants import StemKeys, group_frequencies

PARAGRAPH = [
    "Wind farms need maintenance.",
    "Heart failure is a chronic condition.",
    "Patients with heart failure need care.",
    "The turbines convert wind into electricity.",
    "Heart failure affects millions.",
    "Offshore wind farms produce more power than onshore ones.",
]
DOCUMENT_FEATURES = ("log_documents", "document_share")


def _rows(documents: list[list[str]]) -> tuple[list[str], np.ndarray]:
    index = cand.collect(documents, "en")
    forms = list(index.forms)
    return forms, feature_matrix(index, forms, group_frequencies(index.forms, StemKeys("en")))


def test_document_features_move_no_score_on_one_document() -> None:
    combiner = load_combiner("en")
    forms, rows = _rows([PARAGRAPH])
    average = rows.copy()
    for name in DOCUMENT_FEATURES:
        average[:, FEATURES.index(name)] = combiner.mean[FEATURES.index(name)]
    assert np.allclose(combiner.probabilities(rows), combiner.probabilities(average))
    heart = combiner.probabilities(rows)[forms.index("heart failure")]
    assert heart > 0.15


def test_document_features_count_across_documents() -> None:
    forms, rows = _rows([PARAGRAPH[:3], PARAGRAPH[3:]])
    row = rows[forms.index("heart failure")]
    assert row[FEATURES.index("document_share")] == 1.0
    assert row[FEATURES.index("log_documents")] == math.log(2)
    assert rows[forms.index("wind farms"), FEATURES.index("document_share")] == 1.0
    assert rows[forms.index("turbines"), FEATURES.index("document_share")] == 0.5
