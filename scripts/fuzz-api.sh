#!/usr/bin/env bash
# Fuzz run of the api (not a test): generated malformed and hostile CSVs, plans and multipart bodies against the
# packaged jar in a process of its own; prints the answers by status and exits 1 on any 5xx, any refusal that is
# not problem+json with a detail, or any accepted file that ended in an internal error.
# Usage: scripts/fuzz-api.sh [CSV_COUNT=10000] [PLAN_COUNT=2000] [SEED=42]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java25.sh
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
# One build: the jar it fuzzes, the compiled test classes (skipTests only skips running them) and their classpath.
mvn -B -q -pl api -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
  -Dmdep.outputFile="$OUT/classpath.txt"
cp="$(pwd)/api/target/test-classes:$(pwd)/api/target/classes:$(pwd)/model/target/classes:$(cat "$OUT/classpath.txt")"
cd api
"$JAVA_HOME/bin/java" -cp "$cp" dev.assay.api.faults.FuzzApi "${1:-10000}" "${2:-2000}" "${3:-42}"
