#!/usr/bin/env bash
# Drives jets-dynamodb-local with the aws CLI, boto3 and the AWS SDK for JavaScript v3, as users and their tools do.
# Usage: jets-dynamodb-local/src/test/scripts/interop.sh   (from anywhere; builds the module if needed)
# Set JETS_DYNAMODB_LOCAL_CLASSPATH to skip the Maven classpath lookup.
set -euo pipefail

module="$(cd "$(dirname "$0")/../../.." && pwd)"
root="$(cd "$module/.." && pwd)"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

classpath="${JETS_DYNAMODB_LOCAL_CLASSPATH:-}"
if [[ -z "$classpath" ]]; then
  if [[ ! -d "$module/target/classes/io/jets/dynamodb/local" ]]; then
    (cd "$root" && mvn -q -B -pl jets-dynamodb-local -am install -DskipTests)
  fi
  (cd "$root" && mvn -q -B -pl jets-dynamodb-local dependency:build-classpath \
      -DincludeScope=runtime -Dmdep.outputFile="$work/classpath.txt")
  classpath="$module/target/classes:$(cat "$work/classpath.txt")"
fi

java -cp "$classpath" io.jets.dynamodb.local.Main --port 0 --in-memory >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 1 100); do
  grep -q "listening on" "$work/server.out" 2>/dev/null && break
  sleep 0.1
done
endpoint="$(sed -n 's/^listening on //p' "$work/server.out")"
if [[ -z "$endpoint" ]]; then
  echo "server did not start:" >&2
  cat "$work/server.err" >&2
  exit 1
fi
echo "server at $endpoint"

export AWS_ACCESS_KEY_ID=dummy AWS_SECRET_ACCESS_KEY=dummy AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
ddb() { aws dynamodb --endpoint-url "$endpoint" --output json "$@"; }
streams() { aws dynamodbstreams --endpoint-url "$endpoint" --output json "$@"; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1"; }
evaluate() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
expect() { if [[ "$1" != "$2" ]]; then echo "FAIL: $3: expected '$2', got '$1'" >&2; exit 1; fi; echo "ok: $3"; }

# The seed page's commands, verbatim apart from --endpoint-url.
ddb create-table --table-name demo-dev_test-table --attribute-definitions AttributeName=id,AttributeType=S \
  --key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST >/dev/null
ddb update-table --table-name demo-dev_test-table \
  --stream-specification "StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES" >/dev/null
ddb put-item --table-name demo-dev_test-table --item '{"id": {"S": "id-1"}, "name": {"S": "name-1"}}'
ddb put-item --table-name demo-dev_test-table --item '{"id": {"S": "id-1"}, "name": {"S": "name-1-edit-1"}}'
ddb put-item --table-name demo-dev_test-table --item '{"id": {"S": "id-1"}, "name": {"S": "name-1-edit-1"}}'
arn="$(ddb describe-table --table-name demo-dev_test-table | field "['Table']['LatestStreamArn']")"
expect "$(ddb get-item --table-name demo-dev_test-table --key '{"id":{"S":"id-1"}}' | field "['Item']['name']['S']")" \
  "name-1-edit-1" "get-item reads the last put"

shard="$(streams describe-stream --stream-arn "$arn" | field "['StreamDescription']['Shards'][0]['ShardId']")"
iterator="$(streams get-shard-iterator --stream-arn "$arn" --shard-id "$shard" --shard-iterator-type TRIM_HORIZON \
  | field "['ShardIterator']")"
records="$(streams get-records --shard-iterator "$iterator")"
expect "$(echo "$records" | evaluate "[r['eventName'] for r in d['Records']]")" "['INSERT', 'MODIFY']" \
  "stream has INSERT then MODIFY and nothing for the unchanged put"
expect "$(echo "$records" | field "['Records'][1]['dynamodb']['OldImage']['name']['S']")" "name-1" \
  "MODIFY carries the old image"

set +e
error="$(ddb describe-table --table-name missing-table 2>&1)"
set -e
expect "$(echo "$error" | grep -c ResourceNotFoundException)" "1" "describe-table of a missing table"

# boto3, with its own serializer, retries and CRC32 check.
python3 - "$endpoint" <<'PY'
import sys
import boto3
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
ddb = boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1",
                   aws_access_key_id="dummy", aws_secret_access_key="dummy")
ddb.create_table(TableName="boto-table", BillingMode="PAY_PER_REQUEST",
                 AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                       {"AttributeName": "sk", "AttributeType": "N"}],
                 KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"},
                            {"AttributeName": "sk", "KeyType": "RANGE"}])
ddb.get_waiter("table_exists").wait(TableName="boto-table")
for i in range(12):
    ddb.put_item(TableName="boto-table", Item={"pk": {"S": "p"}, "sk": {"N": str(i)}})
ddb.update_item(TableName="boto-table", Key={"pk": {"S": "p"}, "sk": {"N": "3"}},
                UpdateExpression="SET tag = :t", ExpressionAttributeValues={":t": {"S": "three"}})
pages = ddb.get_paginator("query").paginate(TableName="boto-table", KeyConditionExpression="pk = :p",
                                              ExpressionAttributeValues={":p": {"S": "p"}},
                                              PaginationConfig={"PageSize": 5})
keys = [int(item["sk"]["N"]) for page in pages for item in page["Items"]]
assert keys == list(range(12)), keys
item = ddb.get_item(TableName="boto-table", Key={"pk": {"S": "p"}, "sk": {"N": "3"}})["Item"]
assert item["tag"] == {"S": "three"}, item
try:
    ddb.put_item(TableName="boto-table", Item={"pk": {"S": "p"}, "sk": {"N": "3"}},
                 ConditionExpression="attribute_not_exists(pk)")
    raise AssertionError("conditional put succeeded")
except ClientError as e:
    assert e.response["Error"]["Code"] == "ConditionalCheckFailedException", e.response
print("ok: boto3 create, waiter, put, update, paginated query, conditional failure")
PY

# The broader boto3 checks, against the same server.
python3 "$module/src/test/scripts/conformance_boto3.py" "$endpoint"

# The AWS SDK for JavaScript v3 and the modelling libraries at the versions package-lock.json pins, installed once
# per lock file.
scripts="$module/src/test/scripts"
node_major=0
if command -v node >/dev/null && command -v npm >/dev/null; then
  node_major="$(node -p 'process.versions.node.split(".")[0]')"
fi
if (( node_major < 20 )); then
  # Debian 12 and Ubuntu 24.04 package node 18; the SDK's current releases need 20. The other clients ran.
  echo "SKIPPED: the AWS SDK for JavaScript checks need node 20+ and npm; found $(node --version 2>/dev/null || echo none)" >&2
else
  lock_hash="$(sha256sum "$scripts/package-lock.json" | cut -c1-16)"
  node_cache="${JETS_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jets}/node-checks-$lock_hash"
  if [[ ! -d "$node_cache/node_modules" ]]; then
    echo "installing the pinned Node packages into $node_cache"
    mkdir -p "$(dirname "$node_cache")"
    staging="$(mktemp -d "$node_cache.XXXXXX")"
    cp "$scripts/package.json" "$scripts/package-lock.json" "$staging/"
    (cd "$staging" && npm ci --no-audit --no-fund --loglevel=error)
    mv -T "$staging" "$node_cache" 2>/dev/null || rm -rf "$staging"  # another run may have finished first
  fi
  NODE_PATH="$node_cache/node_modules" node --no-warnings "$scripts/conformance_node.cjs" "$endpoint"
  # ElectroDB, dynamodb-toolbox and dynamoose, each with a single-table model of its own.
  NODE_PATH="$node_cache/node_modules" node --no-warnings "$scripts/conformance_node_modelling.cjs" "$endpoint"
fi

echo "interop: all checks passed"
