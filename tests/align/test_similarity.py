"""The character n-grams the MT similarity compares."""

from __future__ import annotations

from collections import Counter

from termwise.align.similarity import NGRAM_ORDERS, ngram_matrix


def reading(text: str) -> list[str]:
    """The n-grams of a text as ``ngram_matrix`` reads them: 2-grams, 3-grams, 4-grams."""
    plain = " " + " ".join(text.lower().split()) + " "
    return [
        plain[start : start + order]
        for order in NGRAM_ORDERS
        for start in range(len(plain) - order + 1)
    ]


def test_rows_count_each_texts_ngrams_and_columns_follow_first_sight() -> None:
    first = ["Der Gipfel, 8597 m.", "", "İstanbul  und\tdas 😀 Zelt", "a", "\udcffab der"]
    second = ["Le sommet, 8597 m.", "der Gipfel", "😀😀"]
    vocabulary: dict[str, int] = {}
    matrices = [ngram_matrix(first, vocabulary), ngram_matrix(second, vocabulary)]
    # Unseen n-grams are numbered in the order they are first read, text by text.
    expected_vocabulary: dict[str, int] = {}
    for text in first + second:
        for gram in reading(text):
            expected_vocabulary.setdefault(gram, len(expected_vocabulary))
    assert list(vocabulary.items()) == list(expected_vocabulary.items())
    names = {column: gram for gram, column in vocabulary.items()}
    for texts, matrix in zip((first, second), matrices, strict=True):
        assert matrix.shape[0] == len(texts)
        for row, text in enumerate(texts):
            entries = matrix.indices[matrix.indptr[row] : matrix.indptr[row + 1]]
            counts = matrix.data[matrix.indptr[row] : matrix.indptr[row + 1]]
            grams = [names[int(column)] for column in entries]
            # Each row's entries in reading order, so that sums over them never change.
            assert grams == list(dict.fromkeys(reading(text)))
            assert dict(zip(grams, counts.tolist(), strict=True)) == Counter(reading(text))
    # The second call's matrix is as wide as the vocabulary both calls built.
    assert matrices[1].shape[1] == len(vocabulary)


def test_no_texts_make_an_empty_matrix() -> None:
    vocabulary: dict[str, int] = {}
    matrix = ngram_matrix([], vocabulary)
    assert matrix.shape == (0, 1) and vocabulary == {}
