#!/usr/bin/env bash
# Renders k8s/install.yaml from charts/assay with k8s/install-values.yaml, with the same helm-java code that
# charts' InstallManifestTest uses to check the file is current. Run it after changing the chart.
# usage: scripts/render-install.sh [extra Maven arguments, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java25.sh

# -am compiles the model the chart tests depend on; only charts/pom.xml has the render-install profile.
mvn -B -q -Prender-install -pl charts -am test-compile "$@"
