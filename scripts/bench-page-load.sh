#!/usr/bin/env bash
# Page-load benchmark of the start page on a throttled slow-3G-like link (Chromium via the browser tests' tooling,
# CDP network throttling): time to the upload button and script bytes transferred, for each running Assay given.
# Usage: scripts/bench-page-load.sh LABEL=URL [LABEL=URL ...]
#   e.g. scripts/bench-page-load.sh before=http://127.0.0.1:18111/ after=http://127.0.0.1:18110/
# Needs ui/node_modules (cd ui && npm ci) and Debian's chromium. RUNS=5 for more runs (default 3; the median is printed).
set -euo pipefail
cd "$(dirname "$0")/../ui"
exec node e2e/bench-page-load.mjs "$@"
