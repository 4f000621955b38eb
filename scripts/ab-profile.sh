#!/usr/bin/env bash
# A/B benchmark of the engine's CPU on one file (not a test): dev.assay.runner.bench.ProfileAB, every version in one
# JVM with a 4 GB heap, in alternating order. Each DIR holds a version's class folders, copied after compiling it:
#   cp -r runner-image/target/classes DIR/classes && cp -r model/target/classes DIR/model
#
#   scripts/ab-profile.sh FILE ROUNDS DIR...
set -euo pipefail
cd "$(dirname "$0")/.."
FILE=$(realpath "$1")
ROUNDS=$2
shift 2
DIRS=()
for dir in "$@"; do DIRS+=("$(realpath "$dir")"); done
source scripts/java25.sh
OUT=$(realpath -m runner-image/target/bench)
mkdir -p "$OUT"
source scripts/runner-classpath.sh
# The engine's classes come from the versions' folders only: the class path holds the dependencies and this
# worktree's test classes (ProfileAB), never the engine's own.
DEPS=$(tr ':' '\n' < "$OUT/classpath.txt" | grep -v '/dev/assay/' | paste -sd: -)
cd runner-image
java -Xmx4g --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -cp "$(pwd)/target/test-classes:$DEPS" dev.assay.runner.bench.ProfileAB "$FILE" "$ROUNDS" "${DIRS[@]}"
