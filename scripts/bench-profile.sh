#!/usr/bin/env bash
# Benchmark (not a test): the profile of Titanic (warm) and of a generated 10-million-row CSV (~1 GB), against
# DuckDB's SUMMARIZE on the same file, with a 4 GB heap. Prints the figures; docs/benchmarks.md explains them.
#
#   scripts/bench-profile.sh [OUT_DIR] [-- ARGS]     ARGS: --rows N, --titanic-runs N, --skip-big, --skip-duckdb
#
# The generated file (~1 GB) stays in OUT_DIR (default runner-image/target/bench) and is reused by later runs.
# It takes a few minutes on 2 cores: run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=runner-image/target/bench
if [ $# -gt 0 ] && [ "$1" != "--" ]; then OUT=$1; shift; fi
OUT=$(realpath -m "$OUT")
if [ "${1:-}" = "--" ]; then shift; fi

source scripts/java25.sh
mkdir -p "$OUT"
source scripts/runner-classpath.sh
# From the module folder, so the datasets are at ../examples/datasets as in the tests.
cd runner-image
exec java -Xmx4g --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -cp "$RUNNER_CP" \
  ${JAVA_OPTS:-} dev.assay.runner.bench.ProfileBenchmark --dir "$OUT" "$@"
