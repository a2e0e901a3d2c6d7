#!/usr/bin/env bash
# Benchmarks of the local server and runtime against their peers, all started here in the same run.
#
#   benchmarks/run.sh [server|capacity|latency|throughput|all]
#
# Settings (environment): WARMUP and MEASURE seconds per server operation (40, 20: a JVM server's JIT compilers
# are still busy for about 20 s under load, the SDK clients' for longer while they share the cores with a busy
# server, and the figure wanted is the sustained rate), CLIENTS (8),
# PUTS for the latency benchmark (1000), PEER_PUTS and SLOW_PEER_PUTS for the 250 ms and 1 s polling peers
# (200, 50), THROUGHPUT_RECORDS (200000) after WARMUP_RECORDS (100000), WRITERS (4), HTTP_CLIENT (urlconnection, or apache) for the server
# benchmark's SDK clients, SKIP_BUILD=1 to reuse the last build.
# Results: benchmarks/target/results.tsv (written anew each run) and a Markdown report on stdout.
set -euo pipefail

MODE="${1:-all}"
case "$MODE" in server|capacity|latency|throughput|all) ;; *)
  echo "Usage: $0 [server|capacity|latency|throughput|all]" >&2; exit 2 ;;
esac

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
WARMUP="${WARMUP:-40}"
MEASURE="${MEASURE:-20}"
CLIENTS="${CLIENTS:-8}"
PUTS="${PUTS:-1000}"
PEER_PUTS="${PEER_PUTS:-200}"
SLOW_PEER_PUTS="${SLOW_PEER_PUTS:-50}"
THROUGHPUT_RECORDS="${THROUGHPUT_RECORDS:-200000}"
WARMUP_RECORDS="${WARMUP_RECORDS:-100000}"
WRITERS="${WRITERS:-4}"
RESULTS="$HERE/target/results.tsv"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/jets-bench.XXXXXX")"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

build() {
  if [[ "${SKIP_BUILD:-}" == 1 && -f "$HERE/target/classpath.txt" ]]; then return; fi
  echo "Building jets-core, jets-dynamodb-local, jets-runtime-local and the benchmarks..." >&2
  (cd "$ROOT" && mvn -q -B -pl jets-core,jets-dynamodb-local,jets-runtime-local -am install -Dmaven.test.skip=true)
  (cd "$HERE" && mvn -q -B package)
  if [[ ! -d "$HERE/node_modules/dynalite" ]]; then
    (cd "$HERE" && npm install --no-audit --no-fund >&2)
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

wait_for_port() {
  local port="$1" name="$2"
  for _ in $(seq 1 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "$name did not listen on port $port within 30 s" >&2
  return 1
}

CP() { echo "$HERE/target/classes:$(cat "$HERE/target/classpath.txt")"; }

# start_peer NAME -> sets PEER_PORT and PEER_PID; one server at a time so that it has the machine to itself.
start_peer() {
  local name="$1"
  PEER_PORT="$(free_port)"
  case "$name" in
    dynalite) node "$HERE/node_modules/dynalite/cli.js" --port "$PEER_PORT" >"$WORK/$name.log" 2>&1 & ;;
    moto) python3 -m moto.server -p "$PEER_PORT" >"$WORK/$name.log" 2>&1 & ;;
    jets-durable) local data; data="$(mktemp -d "$WORK/data.XXXXXX")" # a fresh store for each run of it
      java -cp "$(CP)" io.jets.dynamodb.local.Main --port "$PEER_PORT" --data-dir "$data" >"$WORK/$name.log" 2>&1 & ;;
    jets-memory) java -cp "$(CP)" io.jets.dynamodb.local.Main --port "$PEER_PORT" --in-memory >"$WORK/$name.log" 2>&1 & ;;
    null-server) java -cp "$(CP)" io.jets.benchmarks.NullServerConfig --port "$PEER_PORT" --dir "$WORK/null-server"
      nginx -p "$WORK/null-server" -c "$WORK/null-server/nginx.conf" >"$WORK/$name.log" 2>&1 & ;;
  esac
  PEER_PID=$!
  PIDS+=("$PEER_PID")
  wait_for_port "$PEER_PORT" "$name" || { cat "$WORK/$name.log" >&2; return 1; }
}

stop_peer() {
  kill "$PEER_PID" 2>/dev/null || true
  wait "$PEER_PID" 2>/dev/null || true
}

run_server() {
  for target in jets-durable jets-memory dynalite moto; do
    echo "== server benchmark: $target (warm-up ${WARMUP}s, measure ${MEASURE}s per operation, $CLIENTS clients)" >&2
    if ! start_peer "$target"; then echo "skipped $target: it did not start" >&2; continue; fi
    java -Dbench.http="${HTTP_CLIENT:-urlconnection}" -cp "$(CP)" io.jets.benchmarks.ServerBenchmark --target "$target" --endpoint "http://127.0.0.1:$PEER_PORT" \
      --warmup "$WARMUP" --measure "$MEASURE" --clients "$CLIENTS" --results "$RESULTS" --server-pid "$PEER_PID" || echo "$target failed" >&2
    stop_peer
  done
  # The clients' own limit: nginx answering every call from memory (NullServerConfig). Not a peer; the report
  # divides its throughput by each target's to give the highest ratio any server could show here.
  if ! command -v nginx >/dev/null; then
    echo "skipped null-server: nginx is not installed (apt-get install nginx-light)" >&2
  elif start_peer null-server; then
    echo "== server benchmark: null-server (warm-up ${WARMUP}s, measure ${MEASURE}s per operation, $CLIENTS clients)" >&2
    java -Dbench.http="${HTTP_CLIENT:-urlconnection}" -cp "$(CP)" io.jets.benchmarks.ServerBenchmark --target null-server --endpoint "http://127.0.0.1:$PEER_PORT" \
      --warmup "$WARMUP" --measure "$MEASURE" --clients "$CLIENTS" --results "$RESULTS" --server-pid "$PEER_PID" \
      --operations PutItem,GetItem || echo "null-server failed" >&2
    stop_peer
  fi
}

# The same calls from clients that write their requests themselves (no SDK): the servers' own capacity, where the
# SDK clients sharing the cores bound the server figures. moto is left out: its SDK figures say enough.
run_capacity() {
  for target in jets-durable jets-memory dynalite; do
    echo "== capacity benchmark: $target (raw clients, warm-up ${WARMUP}s, measure ${MEASURE}s per operation, $CLIENTS clients)" >&2
    if ! start_peer "$target"; then echo "skipped $target: it did not start" >&2; continue; fi
    java -cp "$(CP)" io.jets.benchmarks.ServerBenchmark --driver raw --target "$target" --endpoint "http://127.0.0.1:$PEER_PORT" \
      --warmup "$WARMUP" --measure "$MEASURE" --clients "$CLIENTS" --results "$RESULTS" --server-pid "$PEER_PID" || echo "$target failed" >&2
    stop_peer
  done
}

run_latency() {
  for mode in memory durable; do
    echo "== latency benchmark: jets-$mode, $PUTS sequential puts" >&2
    java -cp "$(CP)" io.jets.benchmarks.LatencyBenchmark --puts "$PUTS" --mode "$mode" \
      --data-dir "$WORK/latency-$mode" --results "$RESULTS"
  done
  echo "== latency peer: a poller at Lambda's 4 polls/s on moto's stream, $PEER_PUTS sequential puts" >&2
  start_peer moto
  java -cp "$(CP)" io.jets.benchmarks.PollingPeerLatency --target "lambda-4-polls-per-s@moto" \
    --endpoint "http://127.0.0.1:$PEER_PORT" --puts "$PEER_PUTS" --interval-ms 250 --results "$RESULTS"
  stop_peer
  echo "== latency peer: a poller at LocalStack's default interval (1 s) on moto's stream, $SLOW_PEER_PUTS puts" >&2
  start_peer moto
  java -cp "$(CP)" io.jets.benchmarks.PollingPeerLatency --target "1-poll-per-s@moto" \
    --endpoint "http://127.0.0.1:$PEER_PORT" --puts "$SLOW_PEER_PUTS" --interval-ms 1000 --results "$RESULTS"
  stop_peer
}

run_throughput() {
  echo "== throughput benchmark: jets-durable, $THROUGHPUT_RECORDS records, $WRITERS BatchWriteItem writers" >&2
  java -cp "$(CP)" io.jets.benchmarks.ThroughputBenchmark --records "$THROUGHPUT_RECORDS" --warmup-records "$WARMUP_RECORDS" --writers "$WRITERS" \
    --data-dir "$WORK/throughput" --results "$RESULTS"
}

build
mkdir -p "$HERE/target"
: > "$RESULTS"
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(uname -sm), $(java -version 2>&1 | head -1)"
case "$MODE" in
  server) run_server ;;
  capacity) run_capacity ;;
  latency) run_latency ;;
  throughput) run_throughput ;;
  all) run_server; run_capacity; run_latency; run_throughput ;;
esac
java -cp "$(CP)" io.jets.benchmarks.Report "$RESULTS"
