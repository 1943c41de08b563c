"""Retrain the combiner on annotated corpora (ACTER layout) and write ``data/combiner.json``.

    python -m termwise.terms.train ../shared/term-dev [-o src/termwise/terms/data/combiner.json]

The data folder holds ``acter/<lang>/<domain>/annotated/texts/*.txt`` and the unique
annotation lists ``.../annotations/unique_annotation_lists/<domain>_<lang>_terms_nes.tsv``
(TermEval 2020). Each language gets a logistic regression trained on all its domains, and
``default`` one trained on every language, for languages without annotated data. The
cut-off is the probability that gives the best mean F1 over the training domains, scored
the TermEval way: every form of every kept variant group, lower-cased, against the unique
list with named entities. Needs scikit-learn (``pip install termwise[train]``), which the
extractor itself does not.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from termwise.document.reading import load_document
from termwise.terms import candidates as cand
from termwise.terms.model import MODEL_FILE, Combiner
from termwise.terms.names import names
from termwise.terms.scoring import FEATURES, feature_matrix, field_adjectives, form_vetoes
from termwise.terms.variants import (
    StemKeys,
    add_defined_forms,
    build_groups,
    find_abbreviations,
    group_frequencies,
)

if TYPE_CHECKING:
    from termwise.document.model import Document

_THRESHOLDS = np.round(np.arange(0.05, 0.9, 0.01), 2)
# Inverse L2 strength of the logistic regression. Strong regularisation transfers best to
# a domain the model has not seen: chosen leave-one-domain-out on the development domains
# (mean F1 en 0.41 → 0.43 from C=1 to C=0.05, fr 0.345 → 0.34).
REGULARISATION = 0.05


@dataclass
class Corpus:
    """One annotated domain corpus, ready to train or score on."""

    name: str
    lang: str
    forms: list[str]
    rows: np.ndarray
    # Each variant group as indices into ``forms`` and then ``defined_forms``.
    groups: list[list[int]]
    gold: set[str]
    gold_no_entities: set[str]
    words: int = 0
    # (running words, unique gold forms among its candidates) of each document alone.
    documents: list[tuple[int, int]] = field(default_factory=list)
    # Long forms of abbreviations the text defines that are no candidates (they hold a
    # function word), and the indices of every defined form, which are always kept.
    defined_forms: list[str] = field(default_factory=list)
    defined: set[int] = field(default_factory=set)
    # The forms ``scoring.form_vetoes`` vetoes after the combiner, as ``extract_terms``
    # does.
    verbs: np.ndarray | None = None
    # Indices (as ``groups`` has them) of the forms ``names`` marks named entities: a group
    # whose head is one is what ``terms extract --no-names`` leaves out.
    named: set[int] = field(default_factory=set)

    def probabilities(self, combiner: Combiner) -> np.ndarray:
        """Each form's probability as ``extract_terms`` has it: the combiner's, and 0 for
        an inflected verb."""
        probability = combiner.probabilities(self.rows)
        if self.verbs is not None:
            probability[self.verbs] = 0.0
        return probability

    def labels(self) -> np.ndarray:
        return np.array([form in self.gold for form in self.forms])

    def selected(self, probability: np.ndarray, threshold: float) -> set[str]:
        """The TermEval list at ``threshold``: every form of each group whose best form
        reaches it."""
        return self._expand(set(np.flatnonzero(probability >= threshold).tolist()) | self.defined)

    def extracted(self, combiner: Combiner, *, with_names: bool = True) -> set[str]:
        """The TermEval list as ``extract_terms`` keeps it (cut-off and density floor);
        without the named entities' groups, as ``--no-names`` lists it, unless
        ``with_names``."""
        probability = self.probabilities(combiner)
        kept = set(combiner.keep(probability, self.words).tolist()) | self.defined
        return self._expand(kept, set() if with_names else self.named)

    def _expand(self, kept: set[int], left_out: set[int] | None = None) -> set[str]:
        every = self.forms + self.defined_forms
        out: set[str] = set()
        for group in self.groups:
            if kept.intersection(group) and not (left_out and group[0] in left_out):
                out.update(every[i] for i in group)
        return out


def acter_domains(root: Path) -> list[tuple[str, str]]:
    """``(lang, domain)`` pairs of an ACTER-layout folder."""
    base = root / "acter" if (root / "acter").is_dir() else root
    return sorted(
        (lang_dir.name, domain.name)
        for lang_dir in base.iterdir()
        if lang_dir.is_dir()
        for domain in lang_dir.iterdir()
        if (domain / "annotated" / "texts").is_dir()
    )


def read_gold(root: Path, lang: str, domain: str, *, entities: bool = True) -> set[str]:
    base = root / "acter" if (root / "acter").is_dir() else root
    name = f"{domain}_{lang}_terms{'_nes' if entities else ''}.tsv"
    path = base / lang / domain / "annotated" / "annotations" / "unique_annotation_lists" / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return {cand.fold(line.split("\t")[0]) for line in lines if line.strip()}


def corpus_documents(root: Path, lang: str, domain: str) -> list[Document]:
    """A domain corpus's documents, read the way every termwise command reads them."""
    base = root / "acter" if (root / "acter").is_dir() else root
    folder = base / lang / domain / "annotated" / "texts"
    return [load_document(path, lang=lang) for path in sorted(folder.glob("*.txt"))]


def corpus_texts(root: Path, lang: str, domain: str) -> list[list[str]]:
    """Each document's segment texts (``corpus_documents``)."""
    from termwise.terms.extract import segment_texts

    return [segment_texts(document) for document in corpus_documents(root, lang, domain)]


def load_corpus(root: Path, lang: str, domain: str) -> Corpus:
    return texts_corpus(
        f"{domain}/{lang}",
        lang,
        corpus_texts(root, lang, domain),
        read_gold(root, lang, domain),
        read_gold(root, lang, domain, entities=False),
    )


def pieces(texts: list[list[str]], size: int) -> list[list[str]]:
    """Runs of whole segments of about ``size`` words, each inside one document (a
    document's rest when it holds at least half as many): one-document inputs cut from a
    corpus, to measure the extractor as a translator runs it on one paper."""
    found: list[list[str]] = []
    for doc in texts:
        piece: list[str] = []
        words = 0
        for text in doc:
            piece.append(text)
            words += len(text.split())
            if words >= size:
                found.append(piece)
                piece, words = [], 0
        if words >= size // 2:
            found.append(piece)
    return found


def texts_corpus(
    name: str, lang: str, texts: list[list[str]], gold: set[str], gold_no_entities: set[str]
) -> Corpus:
    """A corpus of ``texts`` (each document's segment texts) scored against ``gold``."""
    index = cand.collect(texts, lang)
    documents = []
    for doc in texts:
        alone = cand.collect([doc], lang)
        documents.append((alone.words, len(gold.intersection(alone.forms))))
    keys = StemKeys(lang)
    # Groups keep a field apart from its adjective ("economics", "economic"); the combiner's
    # group frequency counts them together, as the shipped model learnt it.
    group_keys = StemKeys(lang, field_adjectives(index))
    forms = list(index.forms)
    rows = feature_matrix(index, forms, group_frequencies(index.forms, keys))
    # As ``extract_terms`` does: defined abbreviations join their long forms and are kept.
    abbreviations = find_abbreviations((text for doc in texts for text in doc), lang)
    defined = add_defined_forms(index.forms, abbreviations, lang)
    scored = set(forms)
    extra = [form for form in index.forms if form not in scored]
    position = {form: i for i, form in enumerate(forms + extra)}
    groups = [
        [position[form] for form in group.forms]
        for group in build_groups(
            index.forms, group_keys, seeds=index.forms, abbreviations=abbreviations
        )
    ]
    every = forms + extra
    return Corpus(
        name,
        lang,
        forms,
        rows,
        groups,
        gold,
        gold_no_entities,
        index.words,
        documents,
        extra,
        {position[form] for form in defined},
        form_vetoes(index, forms),
        set(np.flatnonzero(names(index, every)).tolist()),
    )


def f1_score(selected: set[str], gold: set[str]) -> tuple[float, float, float]:
    """Precision, recall and F1 of a unique list against a unique gold list."""
    hits = len(selected & gold)
    precision = hits / len(selected) if selected else 0.0
    recall = hits / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def fit(corpora: Sequence[Corpus], *, regularisation: float = REGULARISATION) -> Combiner:
    """A logistic regression on ``corpora`` with the cut-off that serves them best."""
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    rows = np.vstack([corpus.rows for corpus in corpora])
    labels = np.concatenate([corpus.labels() for corpus in corpora])
    mean = rows.mean(axis=0)
    scale = rows.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=regularisation, max_iter=5000)
    model.fit((rows - mean) / scale, labels)
    combiner = Combiner(
        FEATURES,
        mean,
        scale,
        model.coef_[0].copy(),
        float(model.intercept_[0]),
        0.5,
        tuple(corpus.name for corpus in corpora),
    )
    probabilities = [corpus.probabilities(combiner) for corpus in corpora]
    best = max(
        _THRESHOLDS,
        key=lambda t: np.mean(
            [
                f1_score(corpus.selected(p, float(t)), corpus.gold)[2]
                for corpus, p in zip(corpora, probabilities, strict=True)
            ]
        ),
    )
    floor_scale, floor_exponent = _term_curve([d for c in corpora for d in c.documents])
    return Combiner(
        combiner.features,
        mean,
        scale,
        combiner.coef,
        combiner.intercept,
        float(best),
        combiner.trained_on,
        floor_scale,
        floor_exponent,
    )


def _term_curve(documents: Sequence[tuple[int, int]]) -> tuple[float, float]:
    """Fit terms = scale * words ** exponent (Heaps' law) by least squares in log space, and
    lower the scale to the 25th percentile of the residuals: a floor, not an estimate."""
    points = np.array([(w, t) for w, t in documents if w > 0 and t > 0], dtype=np.float64)
    if len(points) < 2:
        return 0.0, 1.0
    x, y = np.log(points[:, 0]), np.log(points[:, 1])
    exponent, intercept = np.polyfit(x, y, 1)
    residual = y - (exponent * x + intercept)
    return float(np.exp(intercept + np.percentile(residual, 25))), float(exponent)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="folder with acter/<lang>/<domain>/annotated")
    default_out = Path(__file__).parent / MODEL_FILE
    parser.add_argument("-o", "--output", type=Path, default=default_out)
    args = parser.parse_args(argv)
    corpora = [load_corpus(args.data, lang, domain) for lang, domain in acter_domains(args.data)]
    if not corpora:
        print(f"no ACTER corpora under {args.data}", file=sys.stderr)
        return 2
    models: dict[str, object] = {}
    for lang in sorted({corpus.lang for corpus in corpora}):
        models[lang] = fit([c for c in corpora if c.lang == lang]).to_json()
    models["default"] = fit(corpora).to_json()
    from termwise.atomic import write_atomic

    text = json.dumps({"models": models}, indent=1) + "\n"
    write_atomic(args.output, text)
    print(f"wrote {args.output} ({', '.join(models)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
