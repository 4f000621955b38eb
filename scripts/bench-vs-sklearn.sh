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
ROOT=$(pwd)
mkdir -p "$OUT"
# One reactor build: the classpath then follows the model module's current POM (and each module writes
# the file in turn, the runner last).
mvn -B -q -pl runner-image -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt"
# The project's own classes come from this build, never from a jar some other build left in ~/.m2.
DEPS=$(tr ':' '\n' < "$OUT/classpath.txt" | grep -v '/dev/assay/' | paste -sd: -)
CP="$ROOT/runner-image/target/test-classes:$ROOT/runner-image/target/classes:$ROOT/model/target/classes:$DEPS"
# Run from the module folder: the datasets are found at ../examples/datasets, as in the tests.
(cd runner-image && java --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -cp "$CP" \
   ${JAVA_OPTS:-} dev.assay.runner.bench.BenchVsSklearn "$OUT" "$ALGORITHMS")
"$PYTHON" scripts/bench_vs_sklearn.py "$OUT" "$ALGORITHMS"
