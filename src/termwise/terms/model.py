"""The combiner: a logistic regression over the termhood features, stored as JSON.

``combiner.json`` (in ``data/``) holds, per language, the features' means and scales, the
coefficients, the intercept and the cut-off: the probability above which a candidate is
kept, chosen on the development corpora to give the best F1 there. The extractor decides
its own cut-off this way; nobody tells it how many terms to expect. Retrain with
``python -m termwise.terms.train`` (see that module).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from termwise import languages
from termwise.errors import InputError
from termwise.terms.scoring import FEATURES, vetoed

MODEL_FILE = "data/combiner.json"


@dataclass(frozen=True)
class Combiner:
    """One language's logistic regression and cut-off."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float
    trained_on: tuple[str, ...] = ()
    # How many unique terms a text of W running words holds, scale * W ** exponent, fitted
    # on the training documents one by one: a short text, whose counts are too small for the
    # probabilities to reach the cut-off, keeps at least that many candidates.
    floor_scale: float = 0.0
    floor_exponent: float = 1.0

    def keep(self, probability: np.ndarray, words: int) -> np.ndarray:
        """Indices of the kept candidates: those at the cut-off, and at least ``floor(words)``
        of them, best first."""
        order = np.argsort(-probability, kind="stable")
        # A vetoed candidate (probability 0) is not kept to fill the floor either.
        order = order[probability[order] > 0]
        above = int((probability >= self.threshold).sum())
        return order[: max(above, min(int(self.floor(words)), len(order)))]

    def floor(self, words: int) -> float:
        """The fewest candidates a text of ``words`` running words keeps."""
        return float(self.floor_scale * max(words, 1) ** self.floor_exponent)

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """Each row's probability of being a term; 0 for rows ``scoring.vetoed`` rules out
        (fragments of one longer candidate)."""
        # An unknown feature (NaN: ``scoring.feature_matrix``'s document features on one
        # document) counts as the training mean, so that it moves no score.
        z = np.nan_to_num((rows - self.mean) / self.scale) @ self.coef + self.intercept
        result: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))
        if len(rows):
            result[vetoed(rows)] = 0.0
        return result

    def to_json(self) -> dict[str, object]:
        return {
            "features": list(self.features),
            "mean": [round(float(x), 6) for x in self.mean],
            "scale": [round(float(x), 6) for x in self.scale],
            "coef": [round(float(x), 6) for x in self.coef],
            "intercept": round(self.intercept, 6),
            "threshold": round(self.threshold, 4),
            "trained_on": list(self.trained_on),
            "floor_scale": round(self.floor_scale, 6),
            "floor_exponent": round(self.floor_exponent, 6),
        }

    @classmethod
    def from_json(cls, data: dict[str, object], where: str) -> Combiner:
        try:
            features = tuple(str(name) for name in data["features"])  # type: ignore[attr-defined]
            combiner = cls(
                features=features,
                mean=np.asarray(data["mean"], dtype=np.float64),
                scale=np.asarray(data["scale"], dtype=np.float64),
                coef=np.asarray(data["coef"], dtype=np.float64),
                intercept=float(data["intercept"]),  # type: ignore[arg-type]
                threshold=float(data["threshold"]),  # type: ignore[arg-type]
                trained_on=tuple(str(x) for x in data.get("trained_on", ())),  # type: ignore[attr-defined]
                floor_scale=float(data.get("floor_scale", 0.0)),  # type: ignore[attr-defined, arg-type]
                floor_exponent=float(data.get("floor_exponent", 1.0)),  # type: ignore[attr-defined, arg-type]
            )
        except (KeyError, TypeError, ValueError) as error:
            raise InputError(f"not a termwise combiner model: {error}", where) from error
        if features != FEATURES:
            raise InputError(
                "the model was trained on other features; retrain it with "
                "python -m termwise.terms.train",
                where,
            )
        return combiner


def load_combiner(lang: str, path: Path | None = None) -> Combiner:
    """The combiner for ``lang`` (the ``default`` one, trained on every language, else)."""
    if path is None:
        text = resources.files("termwise.terms").joinpath(MODEL_FILE).read_text(encoding="utf-8")
        where = MODEL_FILE
    else:
        where = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise InputError(f"cannot read model: {error.strerror}", path) from error
    try:
        models = json.loads(text)["models"]
    except (ValueError, KeyError, TypeError) as error:
        raise InputError(f"not a termwise combiner model: {error}", where) from error
    base = languages.primary(lang)
    return Combiner.from_json(models.get(base) or models["default"], where)
