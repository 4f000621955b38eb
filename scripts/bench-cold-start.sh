#!/usr/bin/env bash
# Cold-start benchmark (not a test): each program started fresh, with and without the JVM's ahead-of-time cache,
# alternating the two in one run so that both see the same machine load; prints every time and the median.
#   cli     `java -jar runner-image/target/assay-runner.jar profile` of Titanic against scripts/runner.sh (the same
#           jar with runner-image/target/assay-runner.aot), wall time of the whole process
#   runner  the runner image's entrypoint (its own jlink'd java, its jars, its flags) profiling Titanic, unpacked
#           from target/jib-image-noaot.tar and target/jib-image.tar and run without a container runtime
#   api     the api image's entrypoint the same way: time from exec to /actuator/health/readiness answering UP,
#           with the embedded PostgreSQL and, given BENCH_API_DATABASE_URL, with an external one
#   k8s     (only with --k8s; needs the local node of the workplace's shared/k8s, see below) the runner image as
#           a batch/v1 Job profiling Titanic: Job created -> complete, and the container's own running time
#
# usage: scripts/bench-cold-start.sh [--k8s] [cli runner api]   (default: cli runner api)
# Needs: scripts/build-images.sh (both tars of runner-image and api, and the CLI jar with its cache), curl, python3.
# env:   BENCH_REPEATS (5), BENCH_PORT (18410, the api's port), JAVA_HOME (the JDK that built the CLI cache);
#        BENCH_API_BASELINE: a folder with another build's api/target/jib-image-noaot.tar and jib-image.tar (e.g. a
#        copy made before a change); api then also starts those, alternating with this build's sample by sample
#        (A B, B A, A B, ...), and reports both;
#        BENCH_API_DATABASE_URL (e.g. jdbc:postgresql://127.0.0.1:5432/assay_bench, an existing database),
#        BENCH_API_DATABASE_USER (postgres), BENCH_API_DATABASE_PASSWORD: api then also starts every variant with
#        that external PostgreSQL (as the Helm chart configures it: ASSAY_DATABASE_URL, _USERNAME, _PASSWORD),
#        alternating with the embedded one sample by sample, and reports both cases;
#        --k8s: KUBECONFIG of a running cluster with a node (WITH_NODE=1 shared/k8s/cluster.sh start) and
#        ASSAY_K8S_SCRIPTS (shared/k8s) for import-image.sh, BENCH_NAMESPACE (assay-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/java25.sh

repeats=${BENCH_REPEATS:-5}
port=${BENCH_PORT:-18410}
titanic=$root/examples/datasets/titanic.csv
k8s=
parts=()
for arg in "$@"; do
  case "$arg" in
    --k8s) k8s=1 ;;
    cli|runner|api) parts+=("$arg") ;;
    *) echo "unknown argument $arg" >&2; exit 2 ;;
  esac
done
[ ${#parts[@]} -gt 0 ] || [ -n "$k8s" ] || parts=(cli runner api)

work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Each sample is WALL_MS/CPU_MS (CPU: user + system time of the process and its children). On a machine shared with
# other work the wall time waits for the cores; the CPU time is the work the start itself did.
report() { # NAME SAMPLES_WITHOUT... -- SAMPLES_WITH...
  local name=$1; shift
  local without=() with=() side=without
  for t in "$@"; do
    if [ "$t" = -- ]; then side=with; continue; fi
    if [ $side = without ]; then without+=("$t"); else with+=("$t"); fi
  done
  line() {
    local label=$1; shift
    local walls=() cpus=()
    for t in "$@"; do walls+=("${t%/*}"); cpus+=("${t#*/}"); done
    printf '%-34s %-14s wall %6s ms, CPU %6s ms (medians; wall/CPU: %s)\n' "$name" "$label" \
      "$(median "${walls[@]}")" "$(median "${cpus[@]}")" "$*"
  }
  line "without cache" "${without[@]}"
  name="" line "with cache" "${with[@]}"
}
# Runs a command, prints WALL_MS/CPU_MS.
timed() {
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
  awk '{printf "%d/%d\n", $1 * 1000, ($2 + $3) * 1000}' "$work/time"
}

# Unpacks an image tar (layers in order) into DIR and prints its entrypoint, one word a line, with /app and the
# runtime's /opt/java/openjdk moved under DIR.
unpack() {
  local tar=$1 dir=$2
  mkdir -p "$dir/image" "$dir/root"
  tar -xf "$tar" -C "$dir/image"
  for layer in $(grep -o '[0-9a-f]\{64\}[^"]*\.tar[^"]*' "$dir/image/manifest.json"); do
    tar -xf "$dir/image/$layer" -C "$dir/root" 2>/dev/null
  done
  sed -i "s#/app/#$dir/root/app/#g" "$dir/root/app/jib-classpath-file"
  python3 - "$dir" <<'EOF' > "$dir/entrypoint"
import json, sys
d = sys.argv[1]
manifest = json.load(open(d + "/image/manifest.json"))[0]
config = json.load(open(d + "/image/" + manifest["Config"]))["config"]
for word in config["Entrypoint"]:
    if word == "java":
        word = d + "/root/opt/java/openjdk/bin/java"
    print(word.replace("@/app/", "@" + d + "/root/app/").replace("=/app/", "=" + d + "/root/app/"))
EOF
  rm -rf "$dir/image"
}

echo "cold start, median of $repeats, with and without the ahead-of-time cache alternating; load: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"

for part in "${parts[@]}"; do
  case "$part" in
    cli)
      jar=runner-image/target/assay-runner.jar
      [ -f "$jar" ] && [ -f "${jar%.jar}.aot.stamp" ] || {
        echo "cli: $jar or its cache is missing: mvn -B package -Paot -pl model,runner-image -DskipTests" >&2; exit 1; }
      times=() cached=()
      for i in $(seq 1 "$repeats"); do
        times+=("$(timed java --sun-misc-unsafe-memory-access=allow -jar "$jar" profile --input "$titanic" --out "$work/cli")")
        cached+=("$(timed scripts/runner.sh profile --input "$titanic" --out "$work/cli")")
      done
      report "CLI profile of Titanic (JDK)" "${times[@]}" -- "${cached[@]}"
      ;;
    runner)
      unpack runner-image/target/jib-image-noaot.tar "$work/runner-noaot"
      unpack runner-image/target/jib-image.tar "$work/runner-aot"
      mapfile -t plain < "$work/runner-noaot/entrypoint"
      mapfile -t aot < "$work/runner-aot/entrypoint"
      times=() cached=()
      for i in $(seq 1 "$repeats"); do
        times+=("$(timed "${plain[@]}" profile --input "$titanic" --out "$work/runner")")
        cached+=("$(timed "${aot[@]}" profile --input "$titanic" --out "$work/runner")")
      done
      report "runner image, profile of Titanic" "${times[@]}" -- "${cached[@]}"
      rm -rf "$work/runner-noaot" "$work/runner-aot"
      ;;
    api)
      unpack api/target/jib-image-noaot.tar "$work/api-noaot"
      unpack api/target/jib-image.tar "$work/api-aot"
      baseline=${BENCH_API_BASELINE:-}
      if [ -n "$baseline" ]; then
        unpack "$baseline/api/target/jib-image-noaot.tar" "$work/base-noaot"
        unpack "$baseline/api/target/jib-image.tar" "$work/base-aot"
      fi
      # The embedded PostgreSQL (the image's default: the laptop's case) and, with BENCH_API_DATABASE_URL, the
      # external one a cluster install names (the chart's ASSAY_DATABASE_URL, _USERNAME, _PASSWORD).
      dbs=(embedded)
      [ -n "${BENCH_API_DATABASE_URL:-}" ] && dbs+=(external)
      ready() { # ENTRYPOINT-FILE embedded|external -> ms to readiness
        local -a command env=(ASSAY_DATA_DIR="$work/api-data" SERVER_PORT="$port" SERVER_ADDRESS=127.0.0.1)
        mapfile -t command < "$1"
        if [ "$2" = external ]; then
          env+=(ASSAY_DATABASE_URL="$BENCH_API_DATABASE_URL" ASSAY_DATABASE_USERNAME="${BENCH_API_DATABASE_USER:-postgres}"
            ASSAY_DATABASE_PASSWORD="${BENCH_API_DATABASE_PASSWORD:-}")
        fi
        local s; s=$(now_ms)
        env "${env[@]}" "${command[@]}" >"$work/api.log" 2>&1 &
        pid=$!
        until [[ $(curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null) == *UP* ]]; do
          kill -0 "$pid" 2>/dev/null || { cat "$work/api.log" >&2; exit 1; }
          sleep 0.02
        done
        local wall=$(( $(now_ms) - s ))
        # utime and stime of the JVM so far, in clock ticks (fields 14 and 15 after the command name).
        local cpu
        cpu=$(awk -v hz="$(getconf CLK_TCK)" '{sub(/.*\) /, ""); printf "%d", ($12 + $13) * 1000 / hz}' "/proc/$pid/stat")
        echo "$wall/$cpu"
        kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
        rm -rf "$work/api-data"
      }
      if [ -n "${BENCH_API_DATABASE_URL:-}" ]; then
        # Not timed: the first start against the database migrates it; the samples then see a migrated one, as a
        # pod that restarts does.
        ready "$work/api-noaot/entrypoint" external >/dev/null
      fi
      declare -A samples=()
      for i in $(seq 1 "$repeats"); do
        for db in "${dbs[@]}"; do
          if [ -n "$baseline" ] && [ $((i % 2)) = 1 ]; then
            samples[base-noaot-$db]+=" $(ready "$work/base-noaot/entrypoint" "$db")"
            samples[base-aot-$db]+=" $(ready "$work/base-aot/entrypoint" "$db")"
          fi
          samples[noaot-$db]+=" $(ready "$work/api-noaot/entrypoint" "$db")"
          samples[aot-$db]+=" $(ready "$work/api-aot/entrypoint" "$db")"
          if [ -n "$baseline" ] && [ $((i % 2)) = 0 ]; then
            samples[base-noaot-$db]+=" $(ready "$work/base-noaot/entrypoint" "$db")"
            samples[base-aot-$db]+=" $(ready "$work/base-aot/entrypoint" "$db")"
          fi
        done
      done
      for db in "${dbs[@]}"; do
        if [ -n "$baseline" ]; then
          # shellcheck disable=SC2086 # the samples are words
          report "api image (baseline), $db DB" ${samples[base-noaot-$db]} -- ${samples[base-aot-$db]}
        fi
        # shellcheck disable=SC2086
        report "api image, $db DB" ${samples[noaot-$db]} -- ${samples[aot-$db]}
      done
      [ -n "$baseline" ] && rm -rf "$work/base-noaot" "$work/base-aot"
      echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
      rm -rf "$work/api-noaot" "$work/api-aot"
      ;;
  esac
done

if [ -n "$k8s" ]; then
  # The runner image as a Job on the local node: both images imported into the node's containerd, Titanic
  # mounted read-only from this checkout (the node is this machine), the output in an emptyDir.
  : "${KUBECONFIG:?export KUBECONFIG of a running cluster with a node}" "${ASSAY_K8S_SCRIPTS:?set ASSAY_K8S_SCRIPTS}"
  ns=${BENCH_NAMESPACE:-assay-bench}
  version=$(sed -n 's/.*"RepoTags":\["[^:]*:\([^"]*\)"\].*/\1/p' <(tar -xOf runner-image/target/jib-image.tar manifest.json))
  "$ASSAY_K8S_SCRIPTS/import-image.sh" runner-image/target/jib-image-noaot.tar >/dev/null
  "$ASSAY_K8S_SCRIPTS/import-image.sh" runner-image/target/jib-image.tar >/dev/null
  kubectl get ns "$ns" >/dev/null 2>&1 || kubectl create ns "$ns" >/dev/null
  job() { # IMAGE NAME -> "job_ms container_ms"
    kubectl -n "$ns" apply -f - >/dev/null <<EOF
apiVersion: batch/v1
kind: Job
metadata: {name: $2}
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      securityContext: {runAsUser: 65532, runAsGroup: 65532, runAsNonRoot: true}
      containers:
      - name: runner
        image: $1
        imagePullPolicy: Never
        args: [profile, --input, /in/titanic.csv, --out, /out]
        resources: {limits: {memory: 1Gi, cpu: "1"}, requests: {memory: 512Mi, cpu: 500m}}
        securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false}
        volumeMounts: [{name: in, mountPath: /in, readOnly: true}, {name: out, mountPath: /out}, {name: tmp, mountPath: /tmp}]
      volumes:
      - {name: in, hostPath: {path: $root/examples/datasets, type: Directory}}
      - {name: out, emptyDir: {}}
      - {name: tmp, emptyDir: {}}
EOF
    local s; s=$(now_ms)
    kubectl -n "$ns" wait --for=condition=complete --timeout=300s "job/$2" >/dev/null
    local total=$(( $(now_ms) - s ))
    local state started finished
    state=$(kubectl -n "$ns" get pods -l "job-name=$2" -o jsonpath='{.items[0].status.containerStatuses[0].state.terminated.startedAt} {.items[0].status.containerStatuses[0].state.terminated.finishedAt}')
    started=$(date -d "${state% *}" +%s); finished=$(date -d "${state#* }" +%s)
    kubectl -n "$ns" delete job "$2" --wait=true >/dev/null
    echo "$total $(( (finished - started) * 1000 ))"
  }
  jobs_plain=() jobs_aot=() run_plain=() run_aot=()
  for i in $(seq 1 "$repeats"); do
    read -r total running < <(job "assay/runner:$version-noaot" "bench-noaot-$i"); jobs_plain+=("$total"); run_plain+=("$running")
    read -r total running < <(job "assay/runner:$version" "bench-aot-$i"); jobs_aot+=("$total"); run_aot+=("$running")
  done
  # Job wall time / the container's own running time (from its status, whole seconds) in place of CPU.
  samples_plain=() samples_aot=()
  for i in "${!jobs_plain[@]}"; do samples_plain+=("${jobs_plain[$i]}/${run_plain[$i]}"); samples_aot+=("${jobs_aot[$i]}/${run_aot[$i]}"); done
  echo "runner Job: wall = Job created -> complete; the second figure is the container's running time, not CPU"
  report "runner Job on the node" "${samples_plain[@]}" -- "${samples_aot[@]}"
  kubectl delete ns "$ns" --wait=false >/dev/null
fi
