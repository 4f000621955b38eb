#!/usr/bin/env bash
# Trains the JVM's ahead-of-time cache (JDK 25: JEP 483 classes loaded and linked, JEP 514 one-step creation,
# JEP 515 method profiles) for one Assay program, by running it on the bundled datasets, then checks that the
# cache is used and that a cache the runtime did not make is ignored, not fatal. See docs/cold-start.md.
#
# usage: scripts/aot-train.sh image NAME IMAGE.tar OUT.aot
#          NAME is runner, api or operator. The cache is made by the image's own java (the jlink'd base runtime:
#          a cache only works with the runtime that made it) over the image's own jars, unpacked from IMAGE.tar.
#          The image runs them at /app/...; the JVM accepts a cache whose class path moved as a whole (it matches
#          the paths after their longest common prefix), so training under a temporary folder is enough.
#        scripts/aot-train.sh jar JAR OUT.aot
#          the runner CLI jar, with $JAVA_HOME; also writes OUT.aot.stamp, the jar's size and time, for scripts/runner.sh.
# env:   JAVA_HOME (jar mode), ASSAY_AOT_KEEP=1 keeps the unpacked image and logs.
#        api only: ASSAY_AOT_DATABASE_URL (jdbc:postgresql://127.0.0.1:5432/test, the PostgreSQL the api's tests use),
#        ASSAY_AOT_DATABASE_USER (postgres), ASSAY_AOT_DATABASE_PASSWORD (empty): the training keeps its metadata
#        there, in a schema of its own that is dropped afterwards (why not the embedded PostgreSQL: see train_api).
# Prints what it did on stderr and the seconds each step took.
set -Eeuo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
titanic=$repo/examples/datasets/titanic.csv
plan=$repo/scripts/aot/titanic-plan.json

mode=${1:?usage: aot-train.sh image NAME IMAGE.tar OUT.aot | jar JAR OUT.aot}
case "$mode" in
  image) name=${2:?NAME}; image_tar=$(realpath "${3:?IMAGE.tar}"); out=${4:?OUT.aot} ;;
  jar) name=runner; jar=$(realpath "${2:?JAR}"); out=${3:?OUT.aot} ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
mkdir -p "$(dirname "$out")"
out=$(realpath "$out")
rm -f "$out" "$out.stamp"
work=$(mktemp -d "$(dirname "$out")/.aot-train.XXXXXX")
pid=
schema=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  if [ -n "$schema" ]; then sql "drop schema if exists $schema cascade" || true; fi
  if [ "${ASSAY_AOT_KEEP:-}" = 1 ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
started=$(date +%s%N)
seconds() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN {printf "%.1f", (b - a) / 1e9}'; }

# java and class path of the program, the way the image (or the README) runs it.
if [ "$mode" = image ]; then
  root=$work/root
  mkdir -p "$root" "$work/image"
  tar -xf "$image_tar" -C "$work/image"
  # Layers in the manifest's order, later ones over earlier ones, as a container runtime stacks them.
  for layer in $(grep -o '[0-9a-f]\{64\}[^"]*\.tar[^"]*' "$work/image/manifest.json"); do
    tar -xf "$work/image/$layer" -C "$root" 2>/dev/null
  done
  rm -rf "$work/image"
  java=$root/opt/java/openjdk/bin/java
  [ -x "$java" ] || { echo "no /opt/java/openjdk/bin/java in $image_tar: is the base image a JDK 25 runtime?" >&2; exit 1; }
  classpath=$(sed "s#/app/#$root/app/#g" "$root/app/jib-classpath-file")
  main=$(cat "$root/app/jib-main-class-file")
else
  java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
  classpath=$jar
  main=dev.assay.runner.cli.RunnerMain
fi
flags=(--sun-misc-unsafe-memory-access=allow -Xlog:aot=warning:file="$work/train-aot.log")

free_port() {
  # A port the kernel hands out, so two builds on one machine never collide.
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

train_runner() {
  # One JVM runs what a Job runs: profile Titanic, then apply a plan to it (impute, encode, train a model).
  "$java" "${flags[@]}" -XX:AOTCacheOutput="$out" -cp "$classpath" dev.assay.runner.cli.AotTraining \
    profile --input "$titanic" --out "$work/profile" \; \
    apply --input "$titanic" --plan "$plan" --out "$work/apply" > "$work/train.log" 2>&1
}

db_url=${ASSAY_AOT_DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/test}
db_user=${ASSAY_AOT_DATABASE_USER:-postgres}
db_password=${ASSAY_AOT_DATABASE_PASSWORD:-}
sql() {
  # The build's JDK runs scripts/aot/Sql.java with the image's own PostgreSQL driver.
  # No pipe into a reader that stops early (grep -m1, head): under pipefail the writer's SIGPIPE (exit 141) would
  # stop the script whenever the match comes before the writer's last chunk.
  local driver= entry entries
  IFS=: read -ra entries <<<"$classpath"
  for entry in "${entries[@]}"; do
    [[ $entry =~ /postgresql-[0-9.]+\.jar$ ]] && { driver=$entry; break; }
  done
  "${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -cp "$driver" "$repo/scripts/aot/Sql.java" \
    "$db_url" "$db_user" "$db_password" "$1"
}

train_api() {
  local port base job run state
  port=$(free_port)
  base=http://127.0.0.1:$port
  # The metadata goes to an external PostgreSQL, not the embedded one: starting that one unpacks its binaries with
  # xz-1.11.jar, whose manifest seals org.tukaani.xz, and a cache holding classes of a sealed package stops the
  # JVM at start wherever the training's jar paths are gone (as in the image): JDK 25.0.3 makes the code source
  # URL of every cached class from the path the training used, a path that no longer exists gives none, the
  # package is then defined unsealed and the next class of it fails with "sealing violation: can't seal package
  # org.tukaani.xz: already defined" (docs/cold-start.md). Without xz in the cache, a start that does boot the
  # embedded PostgreSQL loads those classes from the jar, sealed as usual; the check below starts it so.
  local own=aot_train_$$_$RANDOM
  sql "create schema $own" || {
    echo "aot-train: the api's training needs a PostgreSQL: $db_url as $db_user (ASSAY_AOT_DATABASE_URL," \
      "ASSAY_AOT_DATABASE_USER, ASSAY_AOT_DATABASE_PASSWORD)" >&2
    return 1
  }
  schema=$own
  ASSAY_DATA_DIR=$work/data SERVER_PORT=$port SERVER_ADDRESS=127.0.0.1 \
    ASSAY_DATABASE_URL="$db_url$([[ $db_url == *\?* ]] && echo '&' || echo '?')currentSchema=$schema" \
    ASSAY_DATABASE_USERNAME="$db_user" ASSAY_DATABASE_PASSWORD="$db_password" \
    "$java" "${flags[@]}" -XX:AOTCacheOutput="$out" -cp "$classpath" "$main" > "$work/train.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    curl -fs "$base/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/train.log" >&2; return 1; }
    sleep 0.2
  done
  # The analyst's flow: upload, wait for the profile, ask the built-in planner, apply its plan, read the result.
  job=$(curl -fsS -F "file=@$titanic" "$base/api/v1/upload" | grep -o '"job_id":"[^"]*"' | cut -d'"' -f4)
  wait_done "$base/api/v1/jobs/$job/status"
  curl -fsS "$base/api/v1/jobs/$job/status" >/dev/null
  curl -fsS -H 'Content-Type: application/json' \
    -d '{"job_id":"'"$job"'","prompt":"fill missing values, encode Sex and train a classifier on Survived"}' \
    "$base/api/v1/assistant" > "$work/proposal.json"
  # The proposal's explanation and actions, applied as they are (what the UI sends when a person clicks Apply).
  python3 -c 'import json, sys; p = json.load(open(sys.argv[1]))
print(json.dumps({"job_id": sys.argv[2], "run_name": "aot-training", "explanation": p["explanation"], "actions": p["actions"]}))' \
    "$work/proposal.json" "$job" > "$work/apply.json"
  run=$(curl -fsS -H 'Content-Type: application/json' -d @"$work/apply.json" "$base/api/v1/assistant/apply" \
    | grep -o '"run_id":"[^"]*"' | cut -d'"' -f4)
  [ -n "$run" ] || { echo "the training apply was refused" >&2; return 1; }
  wait_done "$base/api/v1/jobs/$job/runs/$run"
  curl -fsS "$base/api/v1/jobs/$job/status" >/dev/null
  curl -fsS "$base/v3/api-docs" >/dev/null
  curl -fsS "$base/" >/dev/null || true   # the UI's index, when the build included it
  # A normal stop: the JVM writes the training data at exit, then forks the one that assembles the cache.
  kill -TERM "$pid"
  wait "$pid" || true
  pid=
  sql "drop schema $schema cascade"
  schema=
}

wait_done() {
  local state body
  for _ in $(seq 1 1200); do
    body=$(curl -fsS "$1")
    state=
    [[ $body =~ \"status\":\"([a-z]*)\" ]] && state=${BASH_REMATCH[1]}
    case "$state" in
      done) return 0 ;;
      failed) echo "training request failed: $(curl -s "$1")" >&2; return 1 ;;
    esac
    sleep 0.1
  done
  echo "training request did not finish: $1" >&2
  return 1
}

train_operator() {
  # Start-up only: settings, the Kubernetes client, JOSDK and the reconcilers are loaded and built before the
  # first call to the API server. No cluster is used at build time: the kubeconfig names a loopback port where
  # nothing listens.
  local port
  port=$(free_port)
  cat > "$work/kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters: [{name: none, cluster: {server: "http://127.0.0.1:$port"}}]
users: [{name: none, user: {token: none}}]
contexts: [{name: none, context: {cluster: none, user: none, namespace: assay}}]
current-context: none
EOF
  local health
  health=$(free_port)
  KUBECONFIG=$work/kubeconfig ASSAY_OPERATOR_HEALTH_PORT=$health ASSAY_LEADER_ELECTION=false \
    ASSAY_RUNNER_IMAGE=assay/runner:training ASSAY_OPERATOR_NAMESPACE=assay \
    "$java" "${flags[@]}" -XX:AOTCacheOutput="$out" -cp "$classpath" "$main" > "$work/train.log" 2>&1 &
  pid=$!
  # The health endpoint answers once the operator is built; a few seconds more let it try its informers against
  # the empty port. It then exits by itself with status 3 (informers that cannot start stop the operator), or is
  # stopped here; either way the JVM writes the cache at exit, and the check below fails the build without one.
  for _ in $(seq 1 600); do
    curl -s -o /dev/null "http://127.0.0.1:$health/healthz" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  sleep 3
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" || true
  pid=
}

echo "aot-train: $name with $java" >&2
# Under set -e, so a failed step stops the training; its program's log says why.
trap 'echo "aot-train: the $name training run failed; its log:" >&2; tail -40 "$work/train.log" >&2 2>/dev/null' ERR
"train_$name"
trap - ERR
[ -s "$out" ] || { echo "no cache written for $name:" >&2; tail -30 "$work/train.log" >&2; cat "$work/train-aot.log" >&2; exit 1; }
echo "aot-train: $name cache $(du -h "$out" | cut -f1) in $(seconds "$started") s" >&2

if [ "$mode" = image ]; then
  # The checks run the image's jars from another folder, the training's gone, as in the image (/app/...): the
  # JVM takes things from the training's paths that it cannot find there, which a check beside them would miss.
  mv "$root" "$work/moved"
  java=$work/moved/opt/java/openjdk/bin/java
  classpath=$(sed "s#/app/#$work/moved/app/#g" "$work/moved/app/jib-classpath-file")
fi

# Check 1: the cache is used. The JVM says so on -Xlog:aot; the class path is validated at start-up, and every
# class of the cache is loaded before main, so a start that prints the version must also succeed.
check=$("$java" -XX:AOTCache="$out" -Xlog:aot -Xlog:class+path -cp "$classpath" -version 2>&1) || {
  echo "aot-train: the runtime that made the $name cache fails with it:" >&2
  grep -v '\[class,path\]' <<<"$check" | tail -15 >&2; exit 1; }
grep -q 'Using AOT-linked classes: true' <<<"$check" || {
  echo "aot-train: the $name cache is not used by the runtime that made it:" >&2; echo "$check" >&2; exit 1; }
echo "aot-train: used: $(grep -o 'Using AOT-linked classes: true.*' <<<"$check")" >&2
if [ "$name" = api ]; then
  # Check 2, the api only: the laptop's start, with the embedded PostgreSQL (whose jars the training does not
  # use), reaches readiness with the cache.
  port=$(free_port)
  ASSAY_DATA_DIR=$work/check-data SERVER_PORT=$port SERVER_ADDRESS=127.0.0.1 \
    "$java" "${flags[@]:0:1}" -XX:AOTCache="$out" -Xlog:aot -cp "$classpath" "$main" > "$work/check.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 900); do
    [[ $(curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null) == *UP* ]] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  ready=$(curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null || true)
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" || true
  pid=
  if ! grep -q UP <<<"$ready" || ! grep -q 'Using AOT-linked classes: true' "$work/check.log" \
    || ! grep -q 'embedded PostgreSQL' "$work/check.log"; then
    echo "aot-train: the api with its cache and the embedded PostgreSQL did not become ready:" >&2
    grep -m5 'error\|Error\|sealing' "$work/check.log" >&2 || tail -30 "$work/check.log" >&2
    exit 1
  fi
  echo "aot-train: ready with the embedded PostgreSQL: $(grep -m1 -o 'embedded PostgreSQL on [^ ]*' "$work/check.log")," \
    "$(grep -m1 -o 'Using AOT-linked classes: true' "$work/check.log")" >&2
fi
# Check 3: a runtime that did not make the cache ignores it and runs anyway.
other=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
[ "$mode" = jar ] && other=$work/other-runtime/bin/java
if [ "$mode" = jar ]; then
  # A runtime of the same JDK build with other modules stands for "another runtime" (as the image's is).
  "${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/jlink" --add-modules java.base,java.logging \
    --output "$work/other-runtime" 2>/dev/null
fi
if [ -x "$other" ]; then
  mismatch=$("$other" -XX:AOTCache="$out" -Xlog:aot -cp "$classpath" -version 2>&1) || {
    echo "aot-train: a mismatched runtime failed on the $name cache instead of ignoring it:" >&2
    echo "$mismatch" >&2; exit 1; }
  if grep -q 'Using AOT-linked classes: true' <<<"$mismatch"; then
    echo "aot-train: $other used a cache it did not make" >&2; exit 1
  fi
  echo "aot-train: ignored by another runtime: $(grep -m1 -o 'This file is not the one.*\|Unable to map.*' <<<"$mismatch")" >&2
fi
if [ "$mode" = jar ]; then
  stat -c "%s %Y" "$jar" > "$out.stamp"
fi
echo "aot-train: $name done in $(seconds "$started") s" >&2
