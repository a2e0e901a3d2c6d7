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
from boto3.dynamodb.types import TypeDeserializer
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
        run_resource_api(endpoint)
    finally:
        if process:
            process.terminate()
    if FAILURES:
        print(f"{len(FAILURES)} check(s) differ from DynamoDB")
        sys.exit(1)
    print("all checks match DynamoDB")


def clients(endpoint):
    """The low-level DynamoDB and Streams clients and the resource API, retries off so every error shows."""
    session = boto3.session.Session(aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret",
                                    region_name="us-east-1")
    config = Config(retries={"max_attempts": 0})
    return (session.client("dynamodb", endpoint_url=endpoint, config=config),
            session.client("dynamodbstreams", endpoint_url=endpoint, config=config),
            session.resource("dynamodb", endpoint_url=endpoint, config=config))


def run(endpoint):
    client, streams, resource = clients(endpoint)
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
          invalid and invalid["Error"]["Message"] == "1 validation error detected: Invalid UpdateExpression:"
          " Two document paths overlap with each other; must remove or rewrite one of these paths;"
          " path one: [a], path two: [a, b]", invalid)

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



def run_resource_api(endpoint):
    """The high-level API: Table, batch_writer's de-duplication, conditions, Decimal, paginators and waiters."""
    client, streams, resource = clients(endpoint)
    name = "boto3-resource-" + uuid.uuid4().hex[:8]

    table = resource.create_table(
        TableName=name, BillingMode="PAY_PER_REQUEST",
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                              {"AttributeName": "sk", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"})
    check("CreateTable answers CREATING", table.table_status == "CREATING", table.table_status)
    table.wait_until_exists()
    table.reload()
    check("after Table.wait_until_exists, reload reads an ACTIVE table with its key schema and creation time",
          table.table_status == "ACTIVE" and table.key_schema[1] == {"AttributeName": "sk", "KeyType": "RANGE"}
          and table.creation_date_time.year >= 2024 and table.item_count == 0, table.meta.data)

    duplicates = error_of(lambda: client.batch_write_item(RequestItems={name: [
        {"PutRequest": {"Item": {"pk": {"S": "a"}, "sk": {"S": "x"}}}},
        {"PutRequest": {"Item": {"pk": {"S": "a"}, "sk": {"S": "x"}, "v": {"N": "2"}}}}]}))
    check("a batch naming one key twice is refused with DynamoDB's message",
          duplicates and duplicates["Error"]["Code"] == "ValidationException"
          and duplicates["Error"]["Message"] == "Provided list of item keys contains duplicates", duplicates)
    with table.batch_writer(overwrite_by_pkeys=["pk", "sk"]) as batch:
        for i in range(10):
            batch.put_item(Item={"pk": "a", "sk": f"item#{i:02d}", "v": Decimal(i), "title": "hello" * (i % 3),
                                 "tags": {"red", "blue"} if i % 2 else {"green"}})
        batch.put_item(Item={"pk": "a", "sk": "item#03", "v": Decimal("3.30"), "title": "hello",
                             "tags": {"red", "blue"}})
        batch.put_item(Item={"pk": "a", "sk": "gone", "v": Decimal(0)})
        batch.delete_item(Key={"pk": "a", "sk": "gone"})
    third = table.get_item(Key={"pk": "a", "sk": "item#03"})["Item"]
    check("batch_writer(overwrite_by_pkeys) keeps the last request per key",
          third["v"] == Decimal("3.3") and str(third["v"]) == "3.3"
          and "Item" not in table.get_item(Key={"pk": "a", "sk": "gone"}), third)

    def keys(condition, **extra):
        items = table.query(KeyConditionExpression=condition, **extra)["Items"]
        return [item["sk"] for item in items]
    check("Key begins_with, between and lt select the right sort keys",
          keys(Key("pk").eq("a") & Key("sk").begins_with("item#0")) == [f"item#{i:02d}" for i in range(10)]
          and keys(Key("pk").eq("a") & Key("sk").between("item#02", "item#04"))
          == ["item#02", "item#03", "item#04"]
          and keys(Key("pk").eq("a") & Key("sk").lt("item#02"), ScanIndexForward=False) == ["item#01", "item#00"])

    def matching(condition):
        return sorted(int(item["v"]) for item in table.scan(FilterExpression=condition)["Items"])
    odd = [1, 3, 5, 7, 9]
    check("Attr contains tests set membership and substrings",
          matching(Attr("tags").contains("red")) == odd and matching(Attr("title").contains("lohe")) == [2, 5, 8])
    check("Attr size measures strings and sets",
          matching(Attr("title").size().gt(5)) == [2, 5, 8] and matching(Attr("tags").size().eq(1)) == [0, 2, 4, 6, 8])
    check("Attr attribute_type, is_in, ne, exists and ~ combine as DynamoDB evaluates them",
          matching(Attr("tags").attribute_type("SS") & Attr("v").is_in([Decimal(1), Decimal(2), Decimal(4)]))
          == [1, 2, 4] and matching(Attr("title").ne("") & ~Attr("v").gte(3) | Attr("missing").exists()) == [1, 2]
          and len(matching(Attr("missing").not_exists())) == 10)
    wrong_type = error_of(lambda: table.put_item(Item={"pk": "a", "sk": "item#00"},
                                                 ConditionExpression=Attr("v").attribute_type("S")))
    check("a failed attribute_type condition is ConditionalCheckFailedException",
          wrong_type and wrong_type["Error"]["Code"] == "ConditionalCheckFailedException"
          and wrong_type["Error"]["Message"] == "The conditional request failed", wrong_type)
    bad_type = error_of(lambda: table.scan(FilterExpression=Attr("v").attribute_type("X")))
    check("an unknown attribute_type is a ValidationException",
          bad_type and bad_type["Error"]["Code"] == "ValidationException"
          and bad_type["Error"]["Message"].startswith("Invalid FilterExpression: Invalid attribute type name "
                                                      "found; type: X, valid types: "), bad_type)

    exact = Decimal("1234567890123456789012345678901234567.8")
    table.put_item(Item={"pk": "n", "sk": "1", "sum": Decimal("0.1"), "exact": exact, "hundred": Decimal("1E+2"),
                         "zero": Decimal("-0")})
    summed = table.update_item(Key={"pk": "n", "sk": "1"}, UpdateExpression="ADD #s :d",
                               ExpressionAttributeNames={"#s": "sum"}, ExpressionAttributeValues={":d": Decimal("0.2")},
                               ReturnValues="UPDATED_NEW")["Attributes"]
    numbers = table.get_item(Key={"pk": "n", "sk": "1"}, ConsistentRead=True)["Item"]
    check("Decimal arithmetic is exact and 38 digits round-trip",
          summed == {"sum": Decimal("0.3")} and numbers["exact"] == exact, (summed, numbers))
    check("DynamoDB answers 1E+2 as 100 and -0 as 0",
          str(numbers["hundred"]) == "100" and str(numbers["zero"]) == "0", numbers)

    got = resource.batch_get_item(RequestItems={name: {"Keys": [{"pk": "a", "sk": f"item#{i:02d}"} for i in range(4)],
                                                       "ProjectionExpression": "sk"}})
    check("resource batch_get_item deserializes every item",
          sorted(item["sk"] for item in got["Responses"][name]) == [f"item#{i:02d}" for i in range(4)]
          and not got["UnprocessedKeys"], got)
    scan_pages = list(client.get_paginator("scan").paginate(TableName=name, PaginationConfig={"PageSize": 4}))
    check("the scan paginator follows LastEvaluatedKey to the end",
          sum(page["Count"] for page in scan_pages) == 11 and len(scan_pages) == 3,
          [page["Count"] for page in scan_pages])
    listed = [table_name for page in client.get_paginator("list_tables").paginate(PaginationConfig={"PageSize": 1})
              for table_name in page["TableNames"]]
    check("the list_tables paginator walks every table once", name in listed and len(listed) == len(set(listed)),
          listed)

    stream_arn = streams.list_streams(TableName=name)["Streams"][0]["StreamArn"]
    described = streams.describe_stream(StreamArn=stream_arn)["StreamDescription"]
    shard = described["Shards"][0]["ShardId"]
    latest = streams.get_shard_iterator(StreamArn=stream_arn, ShardId=shard,
                                        ShardIteratorType="LATEST")["ShardIterator"]
    table.delete_item(Key={"pk": "a", "sk": "item#09"})
    after_latest = streams.get_records(ShardIterator=latest)["Records"]
    check("a LATEST iterator sees only what is written after it",
          [record["eventName"] for record in after_latest] == ["REMOVE"], after_latest)
    start = streams.get_shard_iterator(StreamArn=stream_arn, ShardId=shard,
                                       ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    records = streams.get_records(ShardIterator=start)["Records"]
    deserializer = TypeDeserializer()
    record_keys = [{k: deserializer.deserialize(v) for k, v in record["dynamodb"]["Keys"].items()}
                   for record in records]
    check("a KEYS_ONLY stream carries keys and no images",
          described["StreamViewType"] == "KEYS_ONLY" and len(records) == 13
          and all("NewImage" not in r["dynamodb"] and "OldImage" not in r["dynamodb"] for r in records)
          and record_keys[0] == {"pk": "a", "sk": "item#00"}, records[:1])
    at = streams.get_shard_iterator(StreamArn=stream_arn, ShardId=shard, ShardIteratorType="AT_SEQUENCE_NUMBER",
                                    SequenceNumber=records[5]["dynamodb"]["SequenceNumber"])["ShardIterator"]
    check("AT_SEQUENCE_NUMBER starts at that record",
          streams.get_records(ShardIterator=at, Limit=1)["Records"][0]["eventID"] == records[5]["eventID"])

    table.delete()
    table.wait_until_not_exists()
    client.get_waiter("table_not_exists").wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 5})
    missing = error_of(lambda: client.describe_table(TableName=name))
    check("after wait_until_not_exists the table is gone",
          missing and missing["Error"]["Code"] == "ResourceNotFoundException", missing)


if __name__ == "__main__":
    main()
