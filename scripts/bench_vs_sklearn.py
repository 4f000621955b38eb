#!/usr/bin/python3
"""The Python half of bench-vs-sklearn.sh: the same rows, the same folds, scikit-learn's models.

Reads what BenchVsSklearn (Java) wrote for each dataset (data.csv, folds.txt, meta.json), fits a
scikit-learn pipeline that prepares the data exactly as Assay's does (median imputation with a missing
indicator for numbers; one-hot of the 20 most frequent training categories, ties by value, plus "other")
on each fold's training rows, scores the fold, and prints both sides next to each other. The preparation is
the same on both sides so that the comparison is of the learners: scikit-learn's own OneHotEncoder breaks
ties between equally rare categories the other way, which on Titanic's tickets alone moves accuracy by
about a point either way.
"""
import csv
import json
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import (GradientBoostingClassifier, GradientBoostingRegressor,
                              RandomForestClassifier, RandomForestRegressor)
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import accuracy_score, r2_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

SEED = 42


class TopCategories(BaseEstimator, TransformerMixin):
    """Assay's FeatureEncoder.CategoryEncoder: one 0/1 column per kept category, "other" for the rest,
    all zeros where the value is missing (None)."""

    def __init__(self, max_categories=20):
        self.max_categories = max_categories

    def fit(self, x, y=None):
        self.kept_, self.other_ = [], []
        for j in range(x.shape[1]):
            counts = {}
            for v in x[:, j]:
                if v is not None:
                    counts[v] = counts.get(v, 0) + 1
            ranked = sorted(counts, key=lambda v: (-counts[v], v))
            self.kept_.append({v: i for i, v in enumerate(ranked[:self.max_categories])})
            self.other_.append(len(ranked) > self.max_categories)
        return self

    def transform(self, x):
        blocks = []
        for j, (kept, other) in enumerate(zip(self.kept_, self.other_)):
            block = np.zeros((x.shape[0], len(kept) + (1 if other else 0)))
            for i, v in enumerate(x[:, j]):
                if v is None:
                    continue
                k = kept.get(v)
                if k is not None:
                    block[i, k] = 1
                elif other:
                    block[i, -1] = 1
            blocks.append(block)
        return np.hstack(blocks) if blocks else np.zeros((x.shape[0], 0))


def model_for(name, task):
    classify = task == "classification"
    if name == "random_forest":
        cls = RandomForestClassifier if classify else RandomForestRegressor
        return cls(n_estimators=100, random_state=SEED, n_jobs=-1), False
    if name == "gradient_boosting":
        cls = GradientBoostingClassifier if classify else GradientBoostingRegressor
        return cls(n_estimators=200, learning_rate=0.1, max_leaf_nodes=8, subsample=0.8, random_state=SEED), False
    if name == "linear":
        return (LogisticRegression(C=1.0, max_iter=1000) if classify else Ridge(alpha=1.0)), True
    raise ValueError(name)


def load(folder):
    meta = json.loads((folder / "meta.json").read_text())
    with open(folder / "data.csv", newline="") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    index = {name: i for i, name in enumerate(header)}
    numeric = np.array([[float(r[index[c]]) if r[index[c]] != "" else np.nan for c in meta["numeric"]]
                        for r in rows], dtype=float).reshape(len(rows), len(meta["numeric"]))
    categorical = np.array([[r[index[c]] if r[index[c]] != "" else None for c in meta["categorical"]]
                            for r in rows], dtype=object).reshape(len(rows), len(meta["categorical"]))
    x = np.concatenate([numeric.astype(object), categorical], axis=1)
    target = [r[index[meta["target"]]] for r in rows]
    y = np.array(target) if meta["task"] == "classification" else np.array(target, dtype=float)
    folds = np.array([int(line) for line in (folder / "folds.txt").read_text().split()])
    return meta, x, y, folds


def pipeline(meta, name):
    n_num, n_cat = len(meta["numeric"]), len(meta["categorical"])
    parts = []
    if n_num:
        parts.append(("numbers", SimpleImputer(strategy="median", add_indicator=True), list(range(n_num))))
    if n_cat:
        parts.append(("categories", TopCategories(meta["max_categories"]), list(range(n_num, n_num + n_cat))))
    model, scaled = model_for(name, meta["task"])
    steps = [("prepare", ColumnTransformer(parts, sparse_threshold=0))]
    if scaled:
        steps.append(("scale", StandardScaler()))
    steps.append(("model", model))
    return Pipeline(steps)


def run(out, algorithms):
    results = []
    for folder in sorted(p for p in out.iterdir() if (p / "meta.json").exists()):
        meta, x, y, folds = load(folder)
        for name in algorithms:
            score = accuracy_score if meta["task"] == "classification" else r2_score
            for fold in sorted(set(folds)):  # the same untimed first pass as the Java side
                pipeline(meta, name).fit(x[folds != fold], y[folds != fold])
            for fold in sorted(set(folds)):
                p = pipeline(meta, name)
                start = time.perf_counter()
                p.fit(x[folds != fold], y[folds != fold])
                seconds = time.perf_counter() - start
                results.append({"dataset": folder.name, "algorithm": name, "fold": int(fold),
                                "score": float(score(y[folds == fold], p.predict(x[folds == fold]))),
                                "fit_seconds": seconds})
            print(f"sklearn {folder.name:9} {name:18} done", flush=True)
    (out / "sklearn-results.json").write_text(json.dumps(results, indent=2))
    return results


def summarise(results):
    table = {}
    for r in results:
        entry = table.setdefault((r["dataset"], r["algorithm"]), {"scores": [], "seconds": 0.0})
        entry["scores"].append(r["score"])
        entry["seconds"] += r["fit_seconds"]
    return {k: (float(np.mean(v["scores"])), float(np.std(v["scores"])), v["seconds"]) for k, v in table.items()}


def main():
    out = Path(sys.argv[1])
    algorithms = sys.argv[2].split(",") if len(sys.argv) > 2 else ["random_forest", "gradient_boosting", "linear"]
    sk = summarise(run(out, algorithms))
    assay = summarise(json.loads((out / "assay-results.json").read_text()))
    metric = {"titanic": "accuracy", "penguins": "accuracy", "diamonds": "R²"}
    print()
    print("5-fold cross-validation on the same folds; fit time = sum over the folds (preprocessing + model)")
    print(f"{'dataset':9} {'model':18} {'metric':8} {'Assay/Smile':>16} {'scikit-learn':>16} {'diff (pts)':>10} "
          f"{'Assay s':>8} {'sklearn s':>9} {'goals':>6}")
    for key in sorted(assay, key=lambda k: (list(metric).index(k[0]) if k[0] in metric else 9, k[1])):
        if key not in sk:
            continue
        (am, asd, at), (sm, ssd, st) = assay[key], sk[key]
        diff = 100 * (am - sm)
        goals = ("ok" if diff >= -0.5 else "ACC") + ("" if at <= st else "+T")
        print(f"{key[0]:9} {key[1]:18} {metric.get(key[0], '?'):8} {am:8.4f} ±{asd:.4f} {sm:8.4f} ±{ssd:.4f} "
              f"{diff:+10.2f} {at:8.2f} {st:9.2f} {goals:>6}")
    print("goals: ok = accuracy no more than 0.5 points below scikit-learn; ACC = missed; +T = slower than scikit-learn")


if __name__ == "__main__":
    main()
