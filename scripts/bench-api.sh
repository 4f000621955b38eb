#!/usr/bin/env bash
# Load benchmark of the api (not a test): status polling on a finished job with the Redis status store,
# measured with wrk; and the wall time of upload -> done (Titanic) and of applying the seed's plan with a
# random forest. Prints the figures; see docs/benchmarks.md.
#
# Needs: the api jar (mvn -B -q -pl api -am package -DskipTests), wrk (apt-get install -y wrk), curl, and a
# Redis on 127.0.0.1:6379. Environment: BENCH_PORT (18089), BENCH_SECONDS (20), BENCH_CONNECTIONS (32),
# BENCH_THREADS (2), BENCH_REPEATS (5), REDIS_URL (redis://127.0.0.1:6379).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
port=${BENCH_PORT:-18089}
seconds=${BENCH_SECONDS:-20}
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
repeats=${BENCH_REPEATS:-5}
redis_url=${REDIS_URL:-redis://127.0.0.1:6379}
jar="$root/api/target/assay-api.jar"
base="http://127.0.0.1:$port"
titanic="$root/examples/datasets/titanic.csv"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$jar" ] || { echo "$jar is missing: mvn -B -q -pl api -am package -DskipTests" >&2; exit 1; }

work=$(mktemp -d)
prefix="assay-bench:$(date +%s%N):"
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  redis-cli -u "$redis_url" --scan --pattern "${prefix}*" 2>/dev/null | xargs -r redis-cli -u "$redis_url" del >/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

ASSAY_REDIS_URL="$redis_url" ASSAY_REDIS_KEY_PREFIX="$prefix" ASSAY_DATA_DIR="$work/data" \
  "$JAVA_HOME/bin/java" -Xmx1g -jar "$jar" --server.port="$port" --logging.level.root=WARN \
  > "$work/api.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -fs "$base/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/api.log"; exit 1; }
  sleep 0.5
done

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# First "status" of a job's or run's JSON is its own.
status_of() { local body; body=$(curl -s "$1"); [[ $body =~ \"status\":\"([a-z]*)\" ]] && echo "${BASH_REMATCH[1]}"; return 0; }

wait_for() {
  local url=$1 state
  while true; do
    state=$(status_of "$url")
    case "$state" in
      done) return 0 ;;
      failed) echo "failed: $(curl -s "$url")" >&2; return 1 ;;
    esac
    sleep 0.01
  done
}

upload() {
  curl -s -F "file=@$titanic" "$base/api/v1/upload" | grep -o '"job_id":"[^"]*"' | cut -d'"' -f4
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "== upload -> done, Titanic ($repeats times; the first includes JIT warm-up)"
times=()
job=
for i in $(seq 1 "$repeats"); do
  start=$(now_ms)
  job=$(upload)
  wait_for "$base/api/v1/jobs/$job/status"
  times+=($(( $(now_ms) - start )))
done
echo "upload->done ms: ${times[*]}  (median $(printf '%s\n' "${times[@]}" | median))"

plan='{"job_id":"'"$job"'","explanation":"seed plan","actions":[
 {"type":"impute","params":{"strategy":"median","columns":[]}},
 {"type":"encode","params":{"columns":["Sex"],"method":"onehot"}},
 {"type":"train_model","params":{"task":"classification","target":"Survived","model":"random_forest"}}]}'
echo "== apply the seed plan (random forest) -> done ($repeats times)"
times=()
for i in $(seq 1 "$repeats"); do
  start=$(now_ms)
  run=$(curl -s -H 'Content-Type: application/json' -d "$plan" "$base/api/v1/assistant/apply" \
        | grep -o '"run_id":"[^"]*"' | cut -d'"' -f4)
  wait_for "$base/api/v1/jobs/$job/runs/$run"
  times+=($(( $(now_ms) - start )))
done
echo "apply->done ms: ${times[*]}  (median $(printf '%s\n' "${times[@]}" | median))"

url="$base/api/v1/jobs/$job/status"
echo "== status polling: GET /api/v1/jobs/{id}/status of a finished job with $repeats runs, Redis store"
echo "   ($(curl -s "$url" | wc -c) bytes per answer; wrk -t$threads -c$connections -d${seconds}s after a 5 s warm-up)"
wrk -t"$threads" -c"$connections" -d5s "$url" >/dev/null
wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$url" | tee "$work/wrk.txt"
rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
echo "RESULT status polling: ${rps} requests/s, p99 ${p99} (goal >= 2000 req/s, p99 <= 20 ms)"
