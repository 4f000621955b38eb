#!/usr/bin/env bash
# Copies the CRDs that the fabric8 crd-generator writes from the Java classes in model/ into the Helm chart
# (charts/assay/crds/) and the plain manifests (k8s/crds/), removing copies of CRDs no longer generated.
# charts' CrdSyncTest fails while the copies differ from the generated files.
# usage: scripts/sync-crds.sh [extra Maven arguments, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java25.sh

generated=model/target/classes/META-INF/fabric8
mvn -B -q -pl model process-classes "$@"

shopt -s nullglob
crds=("$generated"/*.yml)
if [ ${#crds[@]} -eq 0 ]; then
  echo "no CRDs generated in $generated (model/ has no custom resource classes yet?)" >&2
  exit 1
fi
for target in charts/assay/crds k8s/crds; do
  mkdir -p "$target"
  for old in "$target"/*.yml "$target"/*.yaml; do
    [ -f "$generated/$(basename "$old")" ] || { rm -f "$old"; echo "removed $old"; }
  done
  for crd in "${crds[@]}"; do
    if ! cmp -s "$crd" "$target/$(basename "$crd")"; then
      cp "$crd" "$target/"
      echo "updated $target/$(basename "$crd")"
    fi
  done
done
echo "CRDs in sync: ${crds[*]##*/}"
