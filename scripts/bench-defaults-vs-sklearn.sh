#!/usr/bin/env bash
# Benchmark (not a test): train_model with its defaults (dates as year/month/day/weekday, names left out, many
# categories with their frequency) against a scikit-learn pipeline built by hand for each file, on the same rows
# and the same 5 folds, with a random forest on both sides: Titanic, Auto MPG, NYC taxis (fare and payment) and
# monthly stock prices. Prints mean accuracy or R² side by side.
#
#   scripts/bench-defaults-vs-sklearn.sh [OUT_DIR]
#
# Needs JDK 25 (JAVA_HOME), Maven, and Debian's python3-sklearn and python3-pandas, installed when missing (root).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(realpath -m "${1:-runner-image/target/bench-defaults}")
PYTHON=/usr/bin/python3   # Debian's, which is where python3-sklearn installs; not a pyenv or venv one

if ! "$PYTHON" -c 'import sklearn, pandas' 2>/dev/null; then
  echo "installing Debian's python3-sklearn and python3-pandas" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq python3-sklearn python3-pandas >/dev/null
fi

source scripts/java25.sh
mkdir -p "$OUT"
source scripts/runner-classpath.sh
# Run from the module folder: the datasets are found at ../examples/datasets, as in the tests.
(cd runner-image && java --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -cp "$RUNNER_CP" \
   ${JAVA_OPTS:-} dev.assay.runner.bench.BenchDefaults "$OUT")
"$PYTHON" scripts/bench_defaults_vs_sklearn.py "$OUT"
