#!/usr/bin/env bash
# Renders k8s/install.yaml from charts/assay with k8s/install-values.yaml, with the same helm-java code that
# charts' InstallManifestTest uses to check the file is current. Run it after changing the chart.
# usage: scripts/render-install.sh [extra Maven arguments, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
case "$("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 1p)" in
  *'"25'*) ;;
  *) export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ;;
esac
export PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

# -am compiles the model the chart tests depend on; only charts/pom.xml has the render-install profile.
mvn -B -q -Prender-install -pl charts -am test-compile "$@"
