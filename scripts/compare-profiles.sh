#!/usr/bin/env bash
# Compares two folders written by dev.assay.runner.bench.ProfileDump (the engine before and after a change):
# every profile.json (as JSON: the order of an object's keys aside), cleaned.csv and report.html must be identical
# except for the time the read took. Prints each difference and exits non-zero when there is one.
#
#   scripts/compare-profiles.sh BEFORE_DIR AFTER_DIR
set -euo pipefail
before=$1
after=$2
status=0
compared=0
canonical() {
  case $1 in
    *.json) python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])), indent=1, sort_keys=True))' "$1" |
      sed -E 's/"millis": [0-9]+/"millis": T/' ;;
    *) sed -E 's/Read in: <strong>[0-9]+ ms/Read in: <strong>T ms/' "$1" ;;
  esac
}
while IFS= read -r file; do
  rel=${file#"$before"/}
  if [ ! -f "$after/$rel" ]; then
    echo "missing in $after: $rel"
    status=1
    continue
  fi
  # The read's duration is the only figure that may change between two runs; some maps of the profile (the
  # count of each kind of column) come out in any order, so the JSON is compared with its keys sorted.
  if ! diff <(canonical "$file") <(canonical "$after/$rel"); then
    echo "differs: $rel"
    status=1
  fi
  compared=$((compared + 1))
done < <(find "$before" -type f \( -name profile.json -o -name cleaned.csv -o -name report.html \) | sort)
echo "$compared files compared, $([ $status -eq 0 ] && echo 'all identical' || echo 'differences above')"
exit $status
