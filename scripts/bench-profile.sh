#!/usr/bin/env bash
# Benchmark (not a test): the profile of Titanic (warm) and of a generated 10-million-row CSV (~1 GB), against
# DuckDB's SUMMARIZE on the same file, with a 4 GB heap; the errors of the streaming profile's estimates against
# the exact profile of that file; then, in a second JVM whose heap is a fifth of the file's size, the streaming
# profile of the same file. Prints the figures; docs/benchmarks.md explains them.
#
#   scripts/bench-profile.sh [OUT_DIR] [-- ARGS]     ARGS: --rows N, --titanic-runs N, --skip-big, --skip-duckdb,
#                                                      --skip-errors
#
# The generated file (~1 GB) stays in OUT_DIR (default runner-image/target/bench) and is reused by later runs.
# It takes a few minutes on 2 cores: run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=runner-image/target/bench
if [ $# -gt 0 ] && [ "$1" != "--" ]; then OUT=$1; shift; fi
OUT=$(realpath -m "$OUT")
if [ "${1:-}" = "--" ]; then shift; fi
ROWS=10000000
ARGS=("$@")
for ((i = 0; i < ${#ARGS[@]}; i++)); do
  if [ "${ARGS[i]}" = "--rows" ]; then ROWS=${ARGS[i + 1]//_/}; fi
done

source scripts/java25.sh
mkdir -p "$OUT"
source scripts/runner-classpath.sh
# From the module folder, so the datasets are at ../examples/datasets as in the tests.
cd runner-image
FLAGS=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -cp "$RUNNER_CP")
java -Xmx4g "${FLAGS[@]}" ${JAVA_OPTS:-} dev.assay.runner.bench.ProfileBenchmark --dir "$OUT" "$@"

CSV="$OUT/profile-bench-$ROWS-v2.csv"
if [ -f "$CSV" ]; then
  # A heap a fifth of the file's size: the exact profile could not hold the table, so the engine streams.
  HEAP_MB=$(( $(stat -c %s "$CSV") / 1024 / 1024 / 5 ))
  echo
  echo "second JVM, -Xmx${HEAP_MB}m:"
  java -Xmx${HEAP_MB}m "${FLAGS[@]}" ${JAVA_OPTS:-} dev.assay.runner.bench.ProfileBenchmark --dir "$OUT" --streaming "$CSV"
fi
