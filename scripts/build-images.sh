#!/usr/bin/env bash
# Builds the three Assay images as tars, without a Docker daemon or a registry:
#   runner-image/target/jib-image.tar  assay/runner:<version>
#   api/target/jib-image.tar           assay/api:<version>
#   operator/target/jib-image.tar      assay/operator:<version>
#   charts/target/jib-image.tar        assay/s3proxy:<version>  (a test fixture: the in-cluster S3 store of the
#                                      end-to-end test, ClusterInstallK8sIT; objects in memory only)
# The three app images carry the JVM's ahead-of-time cache trained at build time (docs/cold-start.md), and beside
# each its peer without the cache, target/jib-image-noaot.tar (tag <version>-noaot), for the cold-start benchmark.
# The api's training keeps its metadata in the PostgreSQL on 127.0.0.1:5432 (database test), the one the api's
# tests use (scripts/aot-train.sh).
# Load them with `kind load image-archive FILE`, `podman load -i FILE` or `docker load -i FILE`.
#
# usage: scripts/build-images.sh [extra Maven arguments, e.g. -o]
# env:   ASSAY_BASE_IMAGE  base image for Jib; default: the local tar from scripts/make-base-image.sh.
#                          With a registry at hand, e.g. ASSAY_BASE_IMAGE=eclipse-temurin:25-jre.
#        JAVA_HOME         a JDK 25 (default /usr/lib/jvm/temurin-25-jdk-amd64)
#        ASSAY_AOT_DATABASE_URL, _USER, _PASSWORD  another PostgreSQL for the api's training (scripts/aot-train.sh)
# Tests are skipped: this script packages what `mvn verify` has already checked.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/java25.sh

base=${ASSAY_BASE_IMAGE:-}
if [ -z "$base" ]; then
  base="tar://$(scripts/make-base-image.sh | tail -1)"
fi
echo "base image: $base" >&2

# -am builds what the images contain (model, the UI for the api's static files). The "images" profile, in the three
# app modules: at package the image without a cache (target/jib-image-noaot.tar), at pre-integration-test the
# training run of the JVM's ahead-of-time cache (scripts/aot-train.sh), at verify the image with it
# (target/jib-image.tar); in charts the s3proxy test image at package, without a cache. -DskipTests skips every
# test, so verify adds nothing else (see docs/cold-start.md).
mvn -B -Pimages -pl runner-image,api,operator,charts -am verify -DskipTests \
  -Dassay.base.image="$base" "$@"

for module in runner-image api operator charts; do
  tar=$module/target/jib-image.tar
  [ -f "$tar" ] || { echo "missing $tar" >&2; exit 1; }
  printf '%-34s %s %s\n' "$tar" "$(du -h "$tar" | cut -f1)" "$(cat "$module/target/jib-image.id" 2>/dev/null || true)"
done
