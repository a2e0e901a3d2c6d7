#!/usr/bin/env bash
# How long `jets dev` takes to start on the demo app, from the command to its first mapping waiting for its table:
# after a source change (mvn compile runs) and with nothing changed (compile skipped), alternating in one run.
#
#   benchmarks/dev-start.sh [rounds]        # default 5 rounds of each
#
# Prints one line per start and the medians with their ratio. Builds Jets first through ./jets when needed.
set -euo pipefail

ROUNDS="${1:-5}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/jets-dev-start.XXXXXX")"
PID=""
cleanup() {
  [[ -n "$PID" ]] && kill "$PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

cp -r "$ROOT/examples/demo" "$WORK/demo"
rm -rf "$WORK/demo/.jets" "$WORK/demo/target"
cd "$WORK/demo"
"$ROOT/jets" --version >/dev/null
source_file="$(find src/main/java -name '*.java' | head -1)"

start_once() {
  local out="$WORK/dev.out" started ended
  started=$(date +%s%N)
  "$ROOT/jets" dev --port 0 --in-memory --no-reload >"$out" 2>&1 &
  PID=$!
  until grep -q 'waiting for table' "$out"; do
    kill -0 "$PID" 2>/dev/null || { cat "$out" >&2; exit 1; }
    sleep 0.02
  done
  ended=$(date +%s%N)
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  echo $(( (ended - started) / 1000000 ))
}

start_once >/dev/null   # the first compile also resolves dependencies: not measured
changed=(); unchanged=()
for round in $(seq 1 "$ROUNDS"); do
  touch "$source_file"
  changed+=("$(start_once)")
  unchanged+=("$(start_once)")
  echo "round $round: after a change ${changed[-1]} ms, unchanged ${unchanged[-1]} ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
c=$(median "${changed[@]}"); u=$(median "${unchanged[@]}")
echo "median: after a change $c ms, unchanged $u ms, ratio $(awk -v c="$c" -v u="$u" 'BEGIN {printf "%.1f", c/u}')x"
