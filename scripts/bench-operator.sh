#!/usr/bin/env bash
# Operator load benchmark: N AssistantRuns (default 500) at once against a real Kubernetes 1.20 API server
# (shared/k8s binaries, kube-api-test offline); prints p50/p99 from resource creation to Job creation and the heap.
# usage: scripts/bench-operator.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java25.sh
cp=$(mktemp)
mvn -B -q -pl operator -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test
java --sun-misc-unsafe-memory-access=allow -Xmx256m -Dassay.repo.root="$(pwd)" \
  -cp "operator/target/test-classes:operator/target/classes:model/target/classes:$(cat "$cp")" \
  dev.assay.operator.bench.OperatorLoadBenchmark "${1:-500}"
rm -f "$cp"
