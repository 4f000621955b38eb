#!/usr/bin/python3
"""The Python half of bench-defaults-vs-sklearn.sh: train_model's defaults against a hand-built scikit-learn
pipeline, on the same rows and the same folds.

For each dataset BenchDefaults (Java) wrote data.csv (the rows the model learns from, every column as the
product read it), folds.txt and meta.json. Here a person's pipeline is built by hand for each file, as a data
scientist would write it: the date split into year, month, day and weekday; free text and identifiers dropped;
categories one-hot encoded, the many-valued ones capped to their 20 most frequent values; numbers imputed with
the median; a random forest of 100 trees. Printed: mean accuracy or R² over the folds, side by side.
"""
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.metrics import accuracy_score, r2_score
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder

SEED = 42

# What a person would choose for each file: numbers, categories, many-valued categories, dates. Everything else
# (names, tickets, identifiers) is dropped.
HAND = {
    "titanic": dict(numbers=["Pclass", "Age", "SibSp", "Parch", "Fare"], categories=["Sex", "Embarked"],
                    many=["Ticket", "Cabin"], dates=[]),
    "mpg": dict(numbers=["cylinders", "displacement", "horsepower", "weight", "acceleration", "model_year"],
                categories=["origin"], many=[], dates=[]),
    "taxis-fare": dict(numbers=["passengers", "distance"], categories=["color", "pickup_borough", "dropoff_borough"],
                       many=["pickup_zone", "dropoff_zone"], dates=["pickup", "dropoff"]),
    "taxis-payment": dict(numbers=["passengers", "distance"], categories=["color", "pickup_borough", "dropoff_borough"],
                          many=["pickup_zone", "dropoff_zone"], dates=["pickup", "dropoff"]),
    "stocks": dict(numbers=["AAPL", "MSFT", "XRX", "AMZN", "DELL", "GOOGL", "ADBE", "^GSPC", "^IXIC"],
                   categories=[], many=[], dates=["Date"]),
}


def date_parts(frame):
    out = []
    for column in frame.columns:
        d = pd.to_datetime(frame[column], errors="coerce")
        out += [d.dt.year, d.dt.month, d.dt.day, d.dt.weekday]
    return np.column_stack([s.to_numpy(dtype=float) for s in out])


def pipeline(spec, task):
    parts = []
    if spec["numbers"]:
        parts.append(("numbers", SimpleImputer(strategy="median", add_indicator=True), spec["numbers"]))
    if spec["categories"]:
        parts.append(("categories", make_pipeline(SimpleImputer(strategy="most_frequent"),
                                                  OneHotEncoder(handle_unknown="ignore")), spec["categories"]))
    if spec["many"]:
        parts.append(("many", make_pipeline(SimpleImputer(strategy="constant", fill_value="missing"),
                                            OneHotEncoder(handle_unknown="infrequent_if_exist", max_categories=21)),
                      spec["many"]))
    if spec["dates"]:
        parts.append(("dates", make_pipeline(FunctionTransformer(date_parts), SimpleImputer(strategy="median")),
                      spec["dates"]))
    model = (RandomForestClassifier if task == "classification" else RandomForestRegressor)(
        n_estimators=100, random_state=SEED, n_jobs=-1)
    return Pipeline([("prepare", ColumnTransformer(parts)), ("model", model)])


def main(out):
    out = Path(out)
    assay = json.loads((out / "assay-results.json").read_text())
    rows = []
    for name, spec in HAND.items():
        folder = out / name
        meta = json.loads((folder / "meta.json").read_text())
        data = pd.read_csv(folder / "data.csv", keep_default_na=True)
        for column in spec["categories"] + spec["many"]:
            data[column] = data[column].astype("object").where(data[column].notna(), None)
        folds = np.loadtxt(folder / "folds.txt", dtype=int)
        y = data[meta["target"]].astype(str) if meta["task"] == "classification" else data[meta["target"]]
        scores = []
        for fold in range(folds.max() + 1):
            train, test = folds != fold, folds == fold
            model = pipeline(spec, meta["task"]).fit(data[train], y[train])
            predicted = model.predict(data[test])
            scores.append(accuracy_score(y[test], predicted) if meta["task"] == "classification"
                          else r2_score(y[test], predicted))
        ours = [r["score"] for r in assay if r["dataset"] == name]
        rows.append((name, meta["task"], len(data), np.mean(ours), np.mean(scores)))
    metric = {"classification": "accuracy", "regression": "R²"}
    print()
    print(f"{'dataset':<14} {'rows':>6} {'metric':<9} {'assay default':>14} {'sklearn by hand':>16} {'difference':>11}")
    for name, task, n, ours, theirs in rows:
        print(f"{name:<14} {n:>6} {metric[task]:<9} {ours:>14.3f} {theirs:>16.3f} {ours - theirs:>+11.3f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "runner-image/target/bench-defaults")
