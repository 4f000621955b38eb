#!/usr/bin/env bash
# Runs the runner image the way a Job runs it (user 65532, read-only root, /tmp as the only scratch, no
# capabilities, a memory limit) on a sample CSV with podman, and checks it wrote the profile and the report.
# usage: scripts/smoke-runner-image.sh [CSV]   (default examples/datasets/titanic.csv)
# Needs runner-image/target/jib-image.tar (scripts/build-images.sh) and podman. The flags are the ones that work
# on machines with hybrid cgroups (runc rather than crun, host network, explicit ulimits).
set -euo pipefail
cd "$(dirname "$0")/.."
csv=$(realpath "${1:-examples/datasets/titanic.csv}")
tar=runner-image/target/jib-image.tar
[ -f "$tar" ] || { echo "no $tar: run scripts/build-images.sh first" >&2; exit 1; }
command -v podman >/dev/null || { echo "podman is not installed (Debian: apt-get install -y podman runc)" >&2; exit 1; }

image=$(podman load -q -i "$tar" | awk -F': ' '/^Loaded image/ && !found {print $2; found = 1}')
out=$(mktemp -d)
chmod 0777 "$out"   # written by user 65532 inside the container
trap 'rm -rf "$out"' EXIT

set -x
podman run --rm --runtime runc --network=host --ulimit nofile=10000:10000 --ulimit nproc=4096:4096 \
  --read-only --tmpfs /tmp --cap-drop=ALL --security-opt no-new-privileges --memory 1g \
  -v "$(dirname "$csv"):/in:ro" -v "$out:/out" \
  "$image" profile --input "/in/$(basename "$csv")" --out /out
set +x
for file in profile.json report.html cleaned.csv; do
  [ -s "$out/$file" ] || { echo "missing $file in the output" >&2; exit 1; }
done
ls -l "$out"
