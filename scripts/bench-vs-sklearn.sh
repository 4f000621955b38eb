#!/usr/bin/env bash
# Benchmark (not a test): Assay's model pipeline (Smile) against scikit-learn on the same rows and the same
# folds, for Titanic, penguins and diamonds. Prints accuracy or R² and the training time side by side.
#
#   scripts/bench-vs-sklearn.sh [OUT_DIR] [ALGORITHMS]      ALGORITHMS: random_forest,gradient_boosting,linear
#
# Needs JDK 25 (JAVA_HOME), Maven, and Debian's python3-sklearn, which it installs when missing (root).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(realpath -m "${1:-runner-image/target/bench}")
ALGORITHMS=${2:-random_forest,gradient_boosting,linear}
PYTHON=/usr/bin/python3   # Debian's, which is where python3-sklearn installs; not a pyenv or venv one

if ! "$PYTHON" -c 'import sklearn' 2>/dev/null; then
  echo "installing Debian's python3-sklearn" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq python3-sklearn >/dev/null
fi

source scripts/java25.sh
mkdir -p "$OUT"
source scripts/runner-classpath.sh
# Run from the module folder: the datasets are found at ../examples/datasets, as in the tests.
(cd runner-image && java --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -cp "$RUNNER_CP" \
   ${JAVA_OPTS:-} dev.assay.runner.bench.BenchVsSklearn "$OUT" "$ALGORITHMS")
"$PYTHON" scripts/bench_vs_sklearn.py "$OUT" "$ALGORITHMS"
