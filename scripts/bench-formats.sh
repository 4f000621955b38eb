#!/usr/bin/env bash
# Benchmark (not a test): ingest speed (rows/s) of one generated table as UTF-8 CSV, Windows-1252 CSV, UTF-16 CSV,
# .csv.gz, .zip, .xlsx and Parquet (SNAPPY and ZSTD, written by DuckDB). Prints the figures; docs/benchmarks.md explains them.
#
#   scripts/bench-formats.sh [OUT_DIR] [-- --rows N --runs N]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=runner-image/target/bench-formats
if [ $# -gt 0 ] && [ "$1" != "--" ]; then OUT=$1; shift; fi
OUT=$(realpath -m "$OUT")
if [ "${1:-}" = "--" ]; then shift; fi

source scripts/java25.sh
mkdir -p "$OUT"
source scripts/runner-classpath.sh
exec java -Xmx2g --sun-misc-unsafe-memory-access=allow -cp "$RUNNER_CP" ${JAVA_OPTS:-} \
  dev.assay.runner.bench.FormatBenchmark --dir "$OUT" "$@"
