#!/usr/bin/env python3
"""Checks jets-dynamodb-local through boto3 the way Python test suites written against DynamoDB do.

Usage:
  conformance_boto3.py http://127.0.0.1:8000     # a server that is already running
  JETS_DYNAMODB_LOCAL_CLASSPATH=... conformance_boto3.py   # starts one on a free port, in memory

Each check names the DynamoDB behaviour it expects; the script exits 1 when any differs.
"""
import os
import subprocess
import sys
import time
import uuid
from decimal import Decimal

import boto3
from boto3.dynamodb.conditions import Attr, Key
from botocore.config import Config
from botocore.exceptions import ClientError

FAILURES = []


def check(name, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else ": " + str(detail)))
    if not condition:
        FAILURES.append(name)


def error_of(call):
    try:
        call()
    except ClientError as e:
        return e.response
    return None


def start_server():
    classpath = os.environ.get("JETS_DYNAMODB_LOCAL_CLASSPATH")
    if not classpath:
        sys.exit("give an endpoint or set JETS_DYNAMODB_LOCAL_CLASSPATH")
    process = subprocess.Popen(["java", "-cp", classpath, "io.jets.dynamodb.local.Main", "--port", "0",
                                "--in-memory"], stdout=subprocess.PIPE, text=True)
    deadline = time.time() + 30
    while time.time() < deadline:
        line = process.stdout.readline()
        if line.startswith("listening on "):
            return process, line[len("listening on "):].strip()
    process.kill()
    sys.exit("server did not start")


def main():
    process = None
    if len(sys.argv) > 1:
        endpoint = sys.argv[1]
    else:
        process, endpoint = start_server()
    try:
        run(endpoint)
    finally:
        if process:
            process.terminate()
    if FAILURES:
        print(f"{len(FAILURES)} check(s) differ from DynamoDB")
        sys.exit(1)
    print("all checks match DynamoDB")


def run(endpoint):
    session = boto3.session.Session(aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret",
                                    region_name="us-east-1")
    config = Config(retries={"max_attempts": 0})
    client = session.client("dynamodb", endpoint_url=endpoint, config=config)
    streams = session.client("dynamodbstreams", endpoint_url=endpoint, config=config)
    resource = session.resource("dynamodb", endpoint_url=endpoint, config=config)
    name = "boto3-" + uuid.uuid4().hex[:8]

    created = client.create_table(
        TableName=name, BillingMode="PAY_PER_REQUEST",
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                              {"AttributeName": "sk", "AttributeType": "N"}],
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"})
    client.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 10})
    check("table_exists waiter sees the table ACTIVE",
          client.describe_table(TableName=name)["Table"]["TableStatus"] == "ACTIVE")
    stream_arn = created["TableDescription"]["LatestStreamArn"]

    table = resource.Table(name)
    with table.batch_writer() as batch:
        for i in range(30):
            batch.put_item(Item={"pk": "p", "sk": i, "price": Decimal("1.50"), "tags": {"a", "b"}})
    check("batch_writer stores 30 items in batches of 25",
          table.query(KeyConditionExpression=Key("pk").eq("p"), Select="COUNT")["Count"] == 30)

    item = table.get_item(Key={"pk": "p", "sk": 3})["Item"]
    check("numbers come back normalized as Decimal", item["price"] == Decimal("1.5") and item["sk"] == 3,
          item)
    check("string sets come back as Python sets", item["tags"] == {"a", "b"}, item)

    pages = list(client.get_paginator("query").paginate(
        TableName=name, KeyConditionExpression="pk = :p", ExpressionAttributeValues={":p": {"S": "p"}},
        PaginationConfig={"PageSize": 7}))
    check("the query paginator follows LastEvaluatedKey to the end",
          sum(page["Count"] for page in pages) == 30 and len(pages) == 5, [page["Count"] for page in pages])

    filtered = table.scan(FilterExpression=Attr("sk").gte(25), Limit=10)
    check("Scan's Limit counts items before the filter", filtered["ScannedCount"] == 10, filtered)

    table.put_item(Item={"pk": "bin", "sk": 0, "data": bytes(range(256)), "empty": ""})
    stored = table.get_item(Key={"pk": "bin", "sk": 0})["Item"]
    check("binary round-trips every byte", bytes(stored["data"].value) == bytes(range(256)))
    check("an empty string is allowed outside keys", stored["empty"] == "")

    failed = error_of(lambda: client.put_item(
        TableName=name, Item={"pk": {"S": "bin"}, "sk": {"N": "0"}},
        ConditionExpression="attribute_not_exists(pk)", ReturnValuesOnConditionCheckFailure="ALL_OLD"))
    check("ConditionalCheckFailedException carries the old item",
          failed and failed["Error"]["Code"] == "ConditionalCheckFailedException"
          and failed.get("Item", {}).get("pk") == {"S": "bin"}, failed)

    cancelled = error_of(lambda: client.transact_write_items(TransactItems=[
        {"Put": {"TableName": name, "Item": {"pk": {"S": "tx"}, "sk": {"N": "1"}}}},
        {"ConditionCheck": {"TableName": name, "Key": {"pk": {"S": "bin"}, "sk": {"N": "0"}},
                            "ConditionExpression": "attribute_not_exists(pk)"}}]))
    reasons = [reason["Code"] for reason in (cancelled or {}).get("CancellationReasons", [])]
    check("TransactionCanceledException lists a reason per action", reasons == ["None", "ConditionalCheckFailed"],
          cancelled)

    missing = error_of(lambda: client.get_item(TableName=name + "-absent", Key={"pk": {"S": "x"}}))
    check("a missing table is ResourceNotFoundException",
          missing and missing["Error"]["Code"] == "ResourceNotFoundException"
          and missing["ResponseMetadata"]["HTTPStatusCode"] == 400, missing)

    invalid = error_of(lambda: client.update_item(
        TableName=name, Key={"pk": {"S": "p"}, "sk": {"N": "1"}}, UpdateExpression="SET a = :v, a.b = :v",
        ExpressionAttributeValues={":v": {"N": "1"}}))
    check("overlapping update paths are a ValidationException with DynamoDB's message",
          invalid and invalid["Error"]["Message"] == "Invalid UpdateExpression: Two document paths overlap with"
          " each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]", invalid)

    shard = streams.describe_stream(StreamArn=stream_arn)["StreamDescription"]["Shards"][0]["ShardId"]
    iterator = streams.get_shard_iterator(StreamArn=stream_arn, ShardId=shard,
                                          ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    records = []
    while iterator:
        page = streams.get_records(ShardIterator=iterator, Limit=1000)
        records += page["Records"]
        if not page["Records"]:
            break
        iterator = page.get("NextShardIterator")
    sequence = [int(record["dynamodb"]["SequenceNumber"]) for record in records]
    check("every write has its stream record, in increasing sequence order",
          len(records) == 31 and sequence == sorted(sequence) and len(set(sequence)) == 31, len(records))
    check("stream records carry the table's view type and both images where they exist",
          all(record["dynamodb"]["StreamViewType"] == "NEW_AND_OLD_IMAGES" for record in records)
          and all("NewImage" in record["dynamodb"] for record in records if record["eventName"] == "INSERT"))

    deleting = client.delete_table(TableName=name)["TableDescription"]
    check("DeleteTable answers DELETING", deleting["TableStatus"] == "DELETING", deleting)


if __name__ == "__main__":
    main()
