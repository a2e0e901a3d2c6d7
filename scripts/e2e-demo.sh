#!/usr/bin/env bash
# End to end, as on the DynamoDB Events page: jets dev on examples/demo, the page's aws CLI commands against
# the local endpoint, and jets logs showing that ClerkEvent#file saw exactly the stream records Lambda delivers.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jets="$root/jets"
work="$(mktemp -d)"
cp -r "$root/examples/demo" "$work/demo"
rm -rf "$work/demo/.jets" "$work/demo/target"
cd "$work/demo"

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
endpoint="http://127.0.0.1:$port"
table="demo-dev_test-table"
export AWS_ACCESS_KEY_ID=dummy AWS_SECRET_ACCESS_KEY=dummy AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1
export AWS_PAGER="" AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_ENDPOINT_URL AWS_ENDPOINT_URL_DYNAMODB 2>/dev/null || true

dev_pid=""
finish() {
  status=$?
  if [[ -n "$dev_pid" ]] && kill -0 "$dev_pid" 2>/dev/null; then
    kill "$dev_pid" 2>/dev/null || true
    wait "$dev_pid" 2>/dev/null || true
  fi
  if [[ $status -ne 0 ]]; then
    echo "---- jets dev output ----" >&2
    cat "$work/dev.log" >&2 || true
    echo "---- jets logs -n clerk_event-file ----" >&2
    cat "$work/logs.txt" >&2 2>/dev/null || true
    echo "e2e-demo: FAILED (work directory kept: $work)" >&2
  else
    rm -rf "$work"
  fi
  exit $status
}
trap finish EXIT

fail() { echo "e2e-demo: $*" >&2; exit 1; }
ddb() { aws dynamodb --endpoint-url "$endpoint" --output json "$@"; }
step() { echo "e2e-demo: $*"; }

# Durable, as jets dev runs by default: the data and checkpoints live in the copy's .jets/.
starts=0
start_dev() {
  starts=$((starts + 1))
  "$jets" dev --port "$port" >>"$work/dev.log" 2>&1 &
  dev_pid=$!
  local deadline=$((SECONDS + 600))   # the first run builds Jets and compiles the demo
  until ddb list-tables >/dev/null 2>&1; do
    kill -0 "$dev_pid" 2>/dev/null || fail "jets dev exited before serving $endpoint"
    (( SECONDS < deadline )) || fail "jets dev did not serve $endpoint within 600 s"
    sleep 1
  done
  until (( $(grep -c "Watching for changes" "$work/dev.log") >= starts )); do
    kill -0 "$dev_pid" 2>/dev/null || fail "jets dev exited before starting clerk_event-file"
    (( SECONDS < deadline )) || fail "jets dev did not start clerk_event-file"
    sleep 1
  done
}
stop_dev() {
  kill "$dev_pid"
  wait "$dev_pid" 2>/dev/null || true
  dev_pid=""
}
await_logged() {
  local deadline=$((SECONDS + 60))
  while :; do
    "$jets" logs -n clerk_event-file --since 1h >"$work/logs.txt" 2>&1 || true
    grep -q "$1" "$work/logs.txt" && break
    [[ -z "$dev_pid" ]] || kill -0 "$dev_pid" 2>/dev/null || fail "jets dev exited"
    (( SECONDS < deadline )) || fail "the handler did not log $1 within 60 s"
    sleep 1
  done
}

step "building Jets and starting jets dev on port $port"
start_dev
grep -q "clerk_event-file <- $table" "$work/dev.log" || fail "jets dev does not say clerk_event-file listens to $table"

step "create-table, update-table (NEW_AND_OLD_IMAGES), put-item id-1 twice, an identical put, put-item id-2"
ddb create-table --table-name "$table" --attribute-definitions AttributeName=id,AttributeType=S \
  --key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST >/dev/null
ddb update-table --table-name "$table" \
  --stream-specification "StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES" >/dev/null
ddb put-item --table-name "$table" --item '{"id": {"S": "id-1"}, "name": {"S": "name-1"}}'
ddb put-item --table-name "$table" --item '{"id": {"S": "id-1"}, "name": {"S": "name-1-edit-1"}}'
# Same values again: DynamoDB writes no stream record, so the handler must not run.
ddb put-item --table-name "$table" --item '{"id": {"S": "id-1"}, "name": {"S": "name-1-edit-1"}}'
# A last change: once its INSERT is logged, every record before it in the shard has been delivered.
ddb put-item --table-name "$table" --item '{"id": {"S": "id-2"}, "name": {"S": "name-2"}}'
stream_arn="$(ddb describe-table --table-name "$table" --query 'Table.LatestStreamArn' --output text)"
[[ "$stream_arn" == arn:aws:dynamodb:*:table/$table/stream/* ]] || fail "unexpected LatestStreamArn: $stream_arn"

step "waiting for the handler (jets logs -n clerk_event-file)"
await_logged '"id-2"'

step "restarting jets dev: the table is still there and nothing handled is delivered again"
stop_dev
start_dev
ddb put-item --table-name "$table" --item '{"id": {"S": "id-3"}, "name": {"S": "name-3"}}'
await_logged '"id-3"'

step "checking the events the handler printed"
STREAM_ARN="$stream_arn" python3 - "$work/logs.txt" <<'PY'
import json, os, sys

lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
events = []
for line in lines:
    marker = line.find(" event {")
    if marker >= 0:
        events.append(json.loads(line[marker + len(" event "):]))
errors = []
def check(condition, message):
    if not condition:
        errors.append(message)

records = [r for e in events for r in e["Records"]]
check(len(records) == 4, "expected 4 records (INSERT, MODIFY, INSERT id-2, after the restart INSERT id-3; "
      f"none for the identical put, none replayed), got {len(records)}: "
      + str([(r["eventName"], r["dynamodb"]["Keys"]) for r in records]))
if len(records) >= 2:
    insert, modify = records[0], records[1]
    check(insert["eventName"] == "INSERT", f"first record is {insert['eventName']}, expected INSERT")
    check(modify["eventName"] == "MODIFY", f"second record is {modify['eventName']}, expected MODIFY")
    check(insert["dynamodb"]["Keys"] == {"id": {"S": "id-1"}}, f"INSERT Keys: {insert['dynamodb'].get('Keys')}")
    check(insert["dynamodb"].get("NewImage") == {"id": {"S": "id-1"}, "name": {"S": "name-1"}},
          f"INSERT NewImage: {insert['dynamodb'].get('NewImage')}")
    check("OldImage" not in insert["dynamodb"], "INSERT has an OldImage")
    check(modify["dynamodb"]["Keys"] == {"id": {"S": "id-1"}}, f"MODIFY Keys: {modify['dynamodb'].get('Keys')}")
    check(modify["dynamodb"].get("OldImage") == {"id": {"S": "id-1"}, "name": {"S": "name-1"}},
          f"MODIFY OldImage: {modify['dynamodb'].get('OldImage')}")
    check(modify["dynamodb"].get("NewImage") == {"id": {"S": "id-1"}, "name": {"S": "name-1-edit-1"}},
          f"MODIFY NewImage: {modify['dynamodb'].get('NewImage')}")
for i, key in ((2, "id-2"), (3, "id-3")):
    if len(records) > i:
        check(records[i]["eventName"] == "INSERT" and records[i]["dynamodb"]["Keys"] == {"id": {"S": key}},
              f"record {i + 1} is not the {key} INSERT: {records[i]['eventName']} {records[i]['dynamodb'].get('Keys')}")
for r in records:
    check(r["eventSource"] == "aws:dynamodb", f"eventSource {r['eventSource']}")
    check(r["eventVersion"] == "1.1", f"eventVersion {r['eventVersion']}")
    check(r["eventSourceARN"] == os.environ["STREAM_ARN"],
          f"eventSourceARN {r['eventSourceARN']} != LatestStreamArn {os.environ['STREAM_ARN']}")
    check(r["dynamodb"]["StreamViewType"] == "NEW_AND_OLD_IMAGES", f"StreamViewType {r['dynamodb']['StreamViewType']}")
    check(r["dynamodb"]["SequenceNumber"].isdigit(), f"SequenceNumber {r['dynamodb']['SequenceNumber']}")
sequence = [int(r["dynamodb"]["SequenceNumber"]) for r in records if r["dynamodb"]["SequenceNumber"].isdigit()]
check(sequence == sorted(sequence) and len(set(sequence)) == len(sequence), f"SequenceNumbers not increasing: {sequence}")
check(any(l.split(" ", 1)[-1].startswith("START RequestId: ") for l in lines), "no START RequestId line")
check(any(l.split(" ", 1)[-1].startswith("REPORT RequestId: ") for l in lines), "no REPORT RequestId line")
if errors:
    print("e2e-demo: the handler's events are wrong:", file=sys.stderr)
    for e in errors:
        print("  - " + e, file=sys.stderr)
    sys.exit(1)
print(f"e2e-demo: {len(records)} records delivered as Lambda delivers them")
PY

echo "e2e-demo: PASSED"
