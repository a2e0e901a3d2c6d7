#!/usr/bin/env node
// Checks jets-dynamodb-local through the AWS SDK for JavaScript v3 the way Node apps use it: the low-level
// client, the DocumentClient of @aws-sdk/lib-dynamodb, its paginators and waiters, and the Streams client.
//
// Usage: NODE_PATH=<dir with the pinned @aws-sdk packages> node conformance_node.cjs http://127.0.0.1:8000
// (interop.sh installs the packages and runs this script). Each check names the DynamoDB behaviour it expects;
// the script exits 1 when any differs.
"use strict";

const zlib = require("node:zlib");
const { Readable } = require("node:stream");
const { NodeHttpHandler } = require("@smithy/node-http-handler");
const {
  DynamoDBClient, CreateTableCommand, DescribeTableCommand, DeleteTableCommand, GetItemCommand, PutItemCommand,
  QueryCommand,
  waitUntilTableExists, waitUntilTableNotExists, paginateQuery, paginateScan,
} = require("@aws-sdk/client-dynamodb");
const {
  DynamoDBDocumentClient, PutCommand, GetCommand, UpdateCommand, DeleteCommand, BatchWriteCommand, BatchGetCommand,
  TransactWriteCommand, TransactGetCommand, ExecuteStatementCommand, BatchExecuteStatementCommand,
  ExecuteTransactionCommand, NumberValue,
  paginateQuery: paginateDocumentQuery, paginateScan: paginateDocumentScan,
} = require("@aws-sdk/lib-dynamodb");
const {
  DynamoDBStreamsClient, DescribeStreamCommand, GetShardIteratorCommand, GetRecordsCommand, ListStreamsCommand,
} = require("@aws-sdk/client-dynamodb-streams");
const { marshall, unmarshall } = require("@aws-sdk/util-dynamodb");

const failures = [];
const crcMismatches = [];
let responses = 0;

function check(name, condition, detail) {
  console.log((condition ? "ok   " : "FAIL ") + name + (condition ? "" : ": " + describe(detail)));
  if (!condition) failures.push(name);
}

function describe(value) {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return JSON.stringify(value, (key, v) => (typeof v === "bigint" ? v.toString() : v));
}

async function errorOf(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

// zlib.crc32 arrived in node 20.15; older 20.x releases compute it here.
const crc32 = zlib.crc32 ?? ((bytes) => {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
});

// Every DynamoDB answer carries x-amz-crc32 over its exact body bytes; the handler checks it on every response.
class Crc32CheckingHandler extends NodeHttpHandler {
  async handle(request, options) {
    const out = await super.handle(request, options);
    const chunks = [];
    for await (const chunk of out.response.body) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const header = out.response.headers["x-amz-crc32"];
    if (request.headers["x-amz-target"]?.startsWith("DynamoDB_")) {
      responses++;
      if (String(crc32(body)) !== header) crcMismatches.push([request.headers["x-amz-target"], header]);
    }
    out.response.body = Readable.from([body]);
    return out;
  }
}

const sameJson = (a, b) => describe(a) === describe(b);

async function run(endpoint) {
  const config = {
    endpoint, region: "us-east-1", maxAttempts: 1, requestHandler: new Crc32CheckingHandler(),
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
  };
  const client = new DynamoDBClient(config);
  const streams = new DynamoDBStreamsClient(config);
  const documents = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true },
    unmarshallOptions: { wrapNumbers: true },
  });
  // A DocumentClient shares its client's configuration: the one without options wraps a client of its own.
  const plain = DynamoDBDocumentClient.from(new DynamoDBClient(config));
  const table = "node-" + Math.random().toString(16).slice(2, 10);
  const expected = []; // [eventName, pk, sk] of every write that changes the table, in order

  const created = await client.send(new CreateTableCommand({
    TableName: table, BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }, { AttributeName: "sk", AttributeType: "N" },
      { AttributeName: "kind", AttributeType: "S" }],
    KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }],
    GlobalSecondaryIndexes: [{
      IndexName: "by-kind", Projection: { ProjectionType: "ALL" },
      KeySchema: [{ AttributeName: "kind", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }],
    }],
    StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
  }));
  check("CreateTable answers with $metadata.httpStatusCode 200 and a request id",
    created.$metadata.httpStatusCode === 200 && typeof created.$metadata.requestId === "string",
    created.$metadata);
  const waited = await waitUntilTableExists({ client, minDelay: 1, maxWaitTime: 20 }, { TableName: table });
  check("waitUntilTableExists succeeds", waited.state === "SUCCESS", waited);
  const described = (await client.send(new DescribeTableCommand({ TableName: table }))).Table;
  check("DescribeTable parses dates and the GSI as ACTIVE",
    described.CreationDateTime instanceof Date && !isNaN(described.CreationDateTime)
    && described.GlobalSecondaryIndexes?.[0]?.IndexStatus === "ACTIVE"
    && described.StreamSpecification?.StreamViewType === "NEW_AND_OLD_IMAGES", described);
  const streamArn = described.LatestStreamArn;

  // DocumentClient put/get/update with conditions and ReturnValues.
  await documents.send(new PutCommand({
    TableName: table, Item: { pk: "doc", sk: 1, kind: "a", name: "first", gone: undefined },
    ConditionExpression: "attribute_not_exists(pk)",
  }));
  expected.push(["INSERT", "doc", "1"]);
  const stored = await plain.send(new GetCommand({ TableName: table, Key: { pk: "doc", sk: 1 } }));
  check("removeUndefinedValues drops undefined attributes",
    sameJson(Object.keys(stored.Item).sort(), ["kind", "name", "pk", "sk"]) && stored.Item.sk === 1, stored.Item);
  const conditional = await errorOf(documents.send(new PutCommand({
    TableName: table, Item: { pk: "doc", sk: 1, name: "second" }, ConditionExpression: "attribute_not_exists(pk)",
    ReturnValuesOnConditionCheckFailure: "ALL_OLD",
  })));
  check("a failed condition is ConditionalCheckFailedException with DynamoDB's message, status 400 and the old item",
    conditional?.name === "ConditionalCheckFailedException"
    && conditional.message === "The conditional request failed"
    && conditional.$metadata?.httpStatusCode === 400 && conditional.$fault === "client"
    && conditional.Item?.name?.S === "first", conditional && { ...conditional, message: conditional.message });
  const updated = await documents.send(new UpdateCommand({
    TableName: table, Key: { pk: "doc", sk: 1 },
    UpdateExpression: "SET #n = :n, visits = if_not_exists(visits, :zero) + :one, tags = :tags",
    ConditionExpression: "#n = :old", ExpressionAttributeNames: { "#n": "name" },
    ExpressionAttributeValues: { ":n": "renamed", ":old": "first", ":zero": 0, ":one": 1,
      ":tags": new Set(["x", "y"]) },
    ReturnValues: "ALL_NEW",
  }));
  expected.push(["MODIFY", "doc", "1"]);
  check("UpdateCommand ReturnValues ALL_NEW gives the whole new item, numbers wrapped",
    updated.Attributes?.name === "renamed" && updated.Attributes.visits instanceof NumberValue
    && updated.Attributes.visits.toString() === "1" && updated.Attributes.tags instanceof Set
    && [...updated.Attributes.tags].sort().join() === "x,y", updated.Attributes);
  const updatedOld = await documents.send(new UpdateCommand({
    TableName: table, Key: { pk: "doc", sk: 1 }, UpdateExpression: "ADD visits :one DELETE tags :x",
    ExpressionAttributeValues: { ":one": 1, ":x": new Set(["x"]) }, ReturnValues: "UPDATED_OLD",
  }));
  expected.push(["MODIFY", "doc", "1"]);
  check("ReturnValues UPDATED_OLD gives only the updated attributes as they were",
    sameJson(Object.keys(updatedOld.Attributes ?? {}).sort(), ["tags", "visits"])
    && updatedOld.Attributes.visits.toString() === "1", updatedOld.Attributes);
  const none = await documents.send(new UpdateCommand({
    TableName: table, Key: { pk: "doc", sk: 1 }, UpdateExpression: "REMOVE tags", ReturnValues: "NONE",
  }));
  expected.push(["MODIFY", "doc", "1"]);
  check("ReturnValues NONE answers without Attributes", none.Attributes === undefined, none);

  // Numbers beyond JavaScript's precision, binary, sets and class instances.
  class Money { constructor(amount, currency) { this.amount = amount; this.currency = currency; } }
  const big = "123456789012345678901234567890.123456";
  const tinyPlain = "-0." + "0".repeat(129) + "1"; // DynamoDB answers numbers without an exponent
  const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
  await documents.send(new PutCommand({
    TableName: table, Item: {
      pk: "types", sk: 1, kind: "b", big: NumberValue.from(big), huge: 9007199254740993n,
      tiny: NumberValue.from("-1E-130"),
      data: bytes, empty: new Uint8Array(0), strings: new Set(["b", "a"]), numbers: new Set([3, 1, 2]),
      binaries: new Set([Uint8Array.of(1), Uint8Array.of(2, 3)]), price: new Money(12.5, "EUR"),
      list: [1, "two", null, true, { nested: [false] }], map: {}, nothing: null,
    },
  }));
  expected.push(["INSERT", "types", "1"]);
  const types = (await documents.send(new GetCommand({ TableName: table, Key: { pk: "types", sk: 1 },
    ConsistentRead: true }))).Item;
  check("a 36-digit number round-trips exactly through NumberValue", types.big?.toString() === big, types.big);
  check("a BigInt beyond 2^53 round-trips exactly", types.huge?.toString() === "9007199254740993", types.huge);
  check("DynamoDB's smallest negative number comes back written out in full",
    types.tiny?.toString() === tinyPlain, types.tiny);
  check("binary round-trips every byte as Uint8Array",
    types.data instanceof Uint8Array && Buffer.from(types.data).equals(Buffer.from(bytes)), types.data);
  check("an empty binary outside keys is allowed", types.empty instanceof Uint8Array && types.empty.length === 0,
    types.empty);
  check("string, number and binary sets come back as Sets",
    types.strings instanceof Set && [...types.strings].sort().join() === "a,b"
    && types.numbers instanceof Set && [...types.numbers].map(String).sort().join() === "1,2,3"
    && types.binaries instanceof Set && types.binaries.size === 2, types);
  check("convertClassInstanceToMap stores a class instance as a map",
    types.price?.currency === "EUR" && types.price.amount.toString() === "12.5", types.price);
  check("lists, null, booleans and empty maps round-trip",
    types.list.length === 5 && types.list[1] === "two" && types.list[2] === null && types.list[3] === true
    && types.list[4].nested[0] === false && sameJson(types.map, {}) && types.nothing === null, types);
  const raw = (await client.send(new GetItemCommand({ TableName: table, Key: marshall({ pk: "types", sk: 1 }) }))).Item;
  check("numbers come back as DynamoDB normalizes them and sets keep their members",
    raw.big.N === big && raw.tiny.N === tinyPlain && [...raw.numbers.NS].sort().join() === "1,2,3",
    { big: raw.big, tiny: raw.tiny, numbers: raw.numbers });
  const unsafe = await errorOf(plain.send(new GetCommand({ TableName: table, Key: { pk: "types", sk: 1 } })));
  check("without wrapNumbers the SDK refuses a number it cannot hold", unsafe?.message?.includes("SAFE_INTEGER")
    || unsafe?.message?.includes("BigInt"), unsafe);

  // BatchWrite, BatchGet, paginators on the table and the GSI.
  for (let start = 0; start < 60; start += 25) {
    const puts = [];
    for (let i = start; i < Math.min(start + 25, 60); i++) {
      puts.push({ PutRequest: { Item: { pk: "many", sk: i, kind: i % 2 ? "odd" : "even", filler: "x".repeat(100) } } });
      expected.push(["INSERT", "many", String(i)]);
    }
    const written = await documents.send(new BatchWriteCommand({ RequestItems: { [table]: puts } }));
    check(`BatchWrite of ${puts.length} leaves nothing unprocessed`,
      sameJson(written.UnprocessedItems, {}), written.UnprocessedItems);
  }
  const keys = Array.from({ length: 60 }, (_, i) => ({ pk: "many", sk: i }));
  const got = await documents.send(new BatchGetCommand({ RequestItems: {
    [table]: { Keys: keys.slice(0, 50).concat([{ pk: "many", sk: 1000 }]), ProjectionExpression: "sk, kind" } } }));
  check("BatchGet returns every existing key with its projection only",
    got.Responses[table].length === 50 && got.Responses[table].every((item) => Object.keys(item).length === 2)
    && sameJson(got.UnprocessedKeys, {}), got.Responses[table].length);
  const tooMany = await errorOf(documents.send(new BatchGetCommand({ RequestItems: {
    [table]: { Keys: Array.from({ length: 101 }, (_, i) => ({ pk: "many", sk: i })) } } })));
  check("BatchGet of 101 keys is a ValidationException", tooMany?.name === "ValidationException"
    && tooMany.message.includes("Member must have length less than or equal to 100"), tooMany);

  let pages = 0;
  const seen = [];
  for await (const page of paginateDocumentQuery({ client: documents, pageSize: 7 }, {
    TableName: table, KeyConditionExpression: "pk = :p AND sk BETWEEN :lo AND :hi",
    ExpressionAttributeValues: { ":p": "many", ":lo": 10, ":hi": 49 }, ScanIndexForward: false,
  })) {
    pages++;
    seen.push(...page.Items.map((item) => Number(item.sk)));
  }
  check("paginateQuery walks a descending range in pages of 7",
    pages === 6 && sameJson(seen, Array.from({ length: 40 }, (_, i) => 49 - i)), { pages, seen });
  const odd = [];
  for await (const page of paginateQuery({ client, pageSize: 10 }, {
    TableName: table, IndexName: "by-kind", KeyConditionExpression: "kind = :k AND sk > :s",
    FilterExpression: "begins_with(filler, :x)",
    ExpressionAttributeValues: { ":k": { S: "odd" }, ":s": { N: "40" }, ":x": { S: "xx" } },
  })) {
    odd.push(...page.Items.map((item) => Number(item.sk.N)));
  }
  const filteredKey = await errorOf(client.send(new QueryCommand({
    TableName: table, IndexName: "by-kind", KeyConditionExpression: "kind = :k", FilterExpression: "sk > :s",
    ExpressionAttributeValues: { ":k": { S: "odd" }, ":s": { N: "40" } },
  })));
  check("a Query filter on the index's sort key is refused as DynamoDB does",
    filteredKey?.name === "ValidationException" && filteredKey.message
      === "Filter Expression can only contain non-primary key attributes: Primary key attribute: sk", filteredKey);
  check("paginateQuery on a GSI with a filter returns the matching items in index order",
    sameJson(odd, [41, 43, 45, 47, 49, 51, 53, 55, 57, 59]), odd);
  let scanned = 0;
  let scanPages = 0;
  for await (const page of paginateScan({ client, pageSize: 25 }, { TableName: table, Select: "COUNT" })) {
    scanned += page.Count;
    scanPages++;
  }
  check("paginateScan with Select COUNT counts every item", scanned === 62 && scanPages === 3, { scanned, scanPages });
  const segments = await Promise.all([0, 1, 2].map(async (segment) => {
    let count = 0;
    for await (const page of paginateDocumentScan({ client: documents, pageSize: 9 }, {
      TableName: table, Segment: segment, TotalSegments: 3, ProjectionExpression: "pk",
    })) count += page.Items.length;
    return count;
  }));
  check("a parallel Scan in 3 segments sees each item once", segments.reduce((a, b) => a + b) === 62, segments);

  // Transactions: a failing condition cancels everything.
  const cancelled = await errorOf(documents.send(new TransactWriteCommand({ TransactItems: [
    { Put: { TableName: table, Item: { pk: "tx", sk: 1, kind: "a" } } },
    { Update: { TableName: table, Key: { pk: "many", sk: 0 }, UpdateExpression: "SET touched = :t",
      ExpressionAttributeValues: { ":t": true } } },
    { ConditionCheck: { TableName: table, Key: { pk: "doc", sk: 1 }, ConditionExpression: "#n = :n",
      ExpressionAttributeNames: { "#n": "name" }, ExpressionAttributeValues: { ":n": "first" },
      ReturnValuesOnConditionCheckFailure: "ALL_OLD" } },
  ] })));
  check("TransactionCanceledException with DynamoDB's message and a reason per action",
    cancelled?.name === "TransactionCanceledException" && cancelled.$metadata?.httpStatusCode === 400
    && cancelled.message === "Transaction cancelled, please refer cancellation reasons for specific reasons"
      + " [None, None, ConditionalCheckFailed]"
    && sameJson(cancelled.CancellationReasons?.map((reason) => reason.Code),
      ["None", "None", "ConditionalCheckFailed"]),
    cancelled && { name: cancelled.name, message: cancelled.message, reasons: cancelled.CancellationReasons });
  const reason = cancelled?.CancellationReasons?.[2];
  check("the failed action's reason carries DynamoDB's message and the old item",
    reason?.Message === "The conditional request failed" && reason?.Item?.name?.S === "renamed", reason);
  const untouched = await documents.send(new TransactGetCommand({ TransactItems: [
    { Get: { TableName: table, Key: { pk: "tx", sk: 1 } } }, { Get: { TableName: table, Key: { pk: "many", sk: 0 } } },
  ] }));
  check("a cancelled transaction writes nothing", untouched.Responses[0].Item === undefined
    && untouched.Responses[1].Item.touched === undefined, untouched.Responses);
  await documents.send(new TransactWriteCommand({ ClientRequestToken: "token-" + table, TransactItems: [
    { Put: { TableName: table, Item: { pk: "tx", sk: 1, kind: "a" } } },
    { Delete: { TableName: table, Key: { pk: "many", sk: 59 }, ConditionExpression: "attribute_exists(pk)" } },
  ] }));
  expected.push(["INSERT", "tx", "1"], ["REMOVE", "many", "59"]);

  // PartiQL through both clients.
  await documents.send(new ExecuteStatementCommand({
    Statement: `INSERT INTO "${table}" VALUE {'pk': ?, 'sk': ?, 'kind': ?, 'n': ?}`,
    Parameters: ["partiql", 1, "a", NumberValue.from("0.1")],
  }));
  expected.push(["INSERT", "partiql", "1"]);
  await documents.send(new ExecuteStatementCommand({
    Statement: `UPDATE "${table}" SET n = n + ? WHERE pk = ? AND sk = ?`,
    Parameters: [NumberValue.from("0.2"), "partiql", 1],
  }));
  expected.push(["MODIFY", "partiql", "1"]);
  const selected = await documents.send(new ExecuteStatementCommand({
    Statement: `SELECT pk, n FROM "${table}" WHERE pk = ?`, Parameters: ["partiql"],
  }));
  check("PartiQL SELECT sees the exact decimal sum", selected.Items?.length === 1
    && selected.Items[0].n.toString() === "0.3", selected.Items);
  const duplicate = await errorOf(documents.send(new ExecuteStatementCommand({
    Statement: `INSERT INTO "${table}" VALUE {'pk': 'partiql', 'sk': 1}`,
  })));
  check("a PartiQL INSERT of an existing key is DuplicateItemException",
    duplicate?.name === "DuplicateItemException" && duplicate.message === "Duplicate primary key exists in table",
    duplicate);
  await documents.send(new DeleteCommand({ TableName: table, Key: { pk: "partiql", sk: 1 } }));
  expected.push(["REMOVE", "partiql", "1"]);
  const statementPages = [];
  let nextToken;
  do {
    const page = await documents.send(new ExecuteStatementCommand({ Statement: `SELECT sk FROM "${table}" WHERE pk = ?`,
      Parameters: ["many"], Limit: 20, NextToken: nextToken }));
    statementPages.push(page.Items.length);
    nextToken = page.NextToken;
  } while (nextToken);
  check("a PartiQL SELECT with Limit pages through NextToken", statementPages.reduce((a, b) => a + b) === 59
    && statementPages[0] === 20, statementPages);
  const batch = await documents.send(new BatchExecuteStatementCommand({ Statements: [
    { Statement: `INSERT INTO "${table}" VALUE {'pk': ?, 'sk': ?}`, Parameters: ["batch", 1] },
    { Statement: `INSERT INTO "${table}" VALUE {'pk': ?, 'sk': ?}`, Parameters: ["tx", 1] },
    { Statement: `UPDATE "${table}" SET kind = 'z' WHERE pk = ? AND sk = ? AND kind = 'nope'`,
      Parameters: ["many", 2] },
    { Statement: `SELECT kind FROM "${table}" WHERE pk = ? AND sk = ?`, Parameters: ["many", 3] },
  ] }));
  expected.push(["INSERT", "batch", "1"]);
  const outcomes = batch.Responses.map((response) => response.Error?.Code ?? "ok");
  check("BatchExecuteStatement answers each statement on its own, with DynamoDB's error codes",
    sameJson(outcomes, ["ok", "DuplicateItem", "ConditionalCheckFailed", "ok"])
    && batch.Responses[1].Error.Message === "Duplicate primary key exists in table"
    && batch.Responses[2].Error.Message === "The conditional request failed"
    && batch.Responses[3].Item?.kind === "odd", batch.Responses);
  const partiqlTransaction = await errorOf(documents.send(new ExecuteTransactionCommand({ TransactStatements: [
    { Statement: `UPDATE "${table}" SET kind = 'z' WHERE pk = ? AND sk = ?`, Parameters: ["many", 4] },
    { Statement: `INSERT INTO "${table}" VALUE {'pk': ?, 'sk': ?}`, Parameters: ["batch", 1] },
  ] })));
  check("an ExecuteTransaction inserting an existing key is cancelled with DuplicateItem",
    partiqlTransaction?.name === "TransactionCanceledException"
    && sameJson(partiqlTransaction.CancellationReasons?.map((r) => r.Code), ["None", "DuplicateItem"]),
    partiqlTransaction && { message: partiqlTransaction.message, reasons: partiqlTransaction.CancellationReasons });

  // Large items: 300 KB each, four of them overflow one 1 MB page.
  for (let i = 0; i < 4; i++) {
    await documents.send(new PutCommand({ TableName: table, Item: { pk: "large", sk: i, body: "L".repeat(300_000) } }));
    expected.push(["INSERT", "large", String(i)]);
  }
  const largePages = [];
  for await (const page of paginateDocumentQuery({ client: documents }, { TableName: table,
    KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": "large" } })) {
    largePages.push(page.Items.filter((item) => item.body.length === 300_000).length);
  }
  check("a Query over 1 MB is split into pages and loses nothing", largePages.length >= 2
    && largePages.reduce((a, b) => a + b) === 4, largePages);
  const oversized = await errorOf(documents.send(new PutCommand({ TableName: table,
    Item: { pk: "large", sk: 9, body: "L".repeat(400 * 1024) } })));
  check("an item over 400 KB is refused with DynamoDB's message", oversized?.name === "ValidationException"
    && oversized.message === "Item size has exceeded the maximum allowed size", oversized);

  // Consumed capacity as the SDK parses it.
  const measured = await documents.send(new PutCommand({ TableName: table, Item: { pk: "cap", sk: 1, kind: "c" },
    ReturnConsumedCapacity: "INDEXES" }));
  expected.push(["INSERT", "cap", "1"]);
  const capacity = measured.ConsumedCapacity;
  check("ReturnConsumedCapacity INDEXES bills the table and its GSI one unit each",
    capacity?.TableName === table && capacity.CapacityUnits === 2 && capacity.Table?.CapacityUnits === 1
    && capacity.GlobalSecondaryIndexes?.["by-kind"]?.CapacityUnits === 1, capacity);

  // Errors as the SDK parses them.
  const missing = await errorOf(client.send(new GetItemCommand({ TableName: table + "-absent",
    Key: { pk: { S: "x" } } })));
  check("a missing table is ResourceNotFoundException with DynamoDB's message",
    missing?.name === "ResourceNotFoundException" && missing.message === "Requested resource not found"
    && missing.$fault === "client" && missing.$metadata.httpStatusCode === 400
    && typeof missing.$metadata.requestId === "string", missing && { ...missing, message: missing.message });
  const invalid = await errorOf(client.send(new PutItemCommand({ TableName: table,
    Item: { pk: { S: "x" }, sk: { S: "not a number" } } })));
  check("a wrongly typed key is a ValidationException with DynamoDB's message",
    invalid?.name === "ValidationException" && invalid.message === "One or more parameter values were invalid:"
      + " Type mismatch for key sk expected: N actual: S", invalid);

  // The stream: every change above, in order, as DynamoDB Streams delivers it.
  const listed = await streams.send(new ListStreamsCommand({ TableName: table }));
  check("ListStreams names the table's stream", listed.Streams?.[0]?.StreamArn === streamArn, listed.Streams);
  const description = (await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }))).StreamDescription;
  check("DescribeStream parses with the key schema and ENABLED status",
    description.StreamStatus === "ENABLED" && description.KeySchema?.length === 2
    && description.CreationRequestDateTime instanceof Date && description.Shards.length >= 1, description);
  const records = [];
  for (const shard of description.Shards) {
    let iterator = (await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId,
      ShardIteratorType: "TRIM_HORIZON" }))).ShardIterator;
    while (iterator) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 25 }));
      records.push(...page.Records);
      if (page.Records.length === 0) break;
      iterator = page.NextShardIterator;
    }
  }
  const actual = records.map((record) => [record.eventName, record.dynamodb.Keys.pk.S, record.dynamodb.Keys.sk.N]);
  check("the stream has one record per change, in order, and none for failed writes",
    sameJson(actual, expected), { actual, expected });
  const sequences = records.map((record) => BigInt(record.dynamodb.SequenceNumber));
  check("sequence numbers increase", sequences.every((s, i) => i === 0 || s > sequences[i - 1]));
  const malformed = records.filter((record) => !(record.eventSource === "aws:dynamodb"
    && record.awsRegion === "us-east-1" && record.eventVersion === "1.1" && typeof record.eventID === "string"
    && record.dynamodb.ApproximateCreationDateTime instanceof Date
    && Math.abs(record.dynamodb.ApproximateCreationDateTime - Date.now()) < 600_000
    && record.dynamodb.StreamViewType === "NEW_AND_OLD_IMAGES" && record.dynamodb.SizeBytes > 0
    && ("NewImage" in record.dynamodb) === (record.eventName !== "REMOVE")
    && ("OldImage" in record.dynamodb) === (record.eventName !== "INSERT")));
  check("every record has DynamoDB's fields and the images its event implies", malformed.length === 0, malformed[0]);
  const typed = records.find((record) => record.dynamodb.Keys.pk.S === "types");
  const middle = records[Math.floor(records.length / 2)];
  const after = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn,
    ShardId: description.Shards[0].ShardId, ShardIteratorType: "AFTER_SEQUENCE_NUMBER",
    SequenceNumber: middle.dynamodb.SequenceNumber }));
  const next = await streams.send(new GetRecordsCommand({ ShardIterator: after.ShardIterator, Limit: 1 }));
  check("AFTER_SEQUENCE_NUMBER starts at the next record",
    next.Records[0]?.eventID === records[Math.floor(records.length / 2) + 1].eventID, next.Records[0]);
  check("a record's NewImage unmarshalls to the item that was written",
    typed && unmarshall(typed.dynamodb.NewImage, { wrapNumbers: true }).big.toString() === big
    && Buffer.from(typed.dynamodb.NewImage.data.B).equals(Buffer.from(bytes)), typed?.dynamodb?.NewImage?.big);
  const renamed = records.filter((record) => record.dynamodb.Keys.pk.S === "doc")[1];
  check("a MODIFY record carries both images",
    renamed?.dynamodb.OldImage.name.S === "first" && renamed.dynamodb.NewImage.name.S === "renamed",
    renamed?.dynamodb);
  const removed = records.find((record) => record.eventName === "REMOVE" && record.dynamodb.Keys.pk.S === "many");
  check("a transactional delete's REMOVE record carries the old image",
    removed?.dynamodb.OldImage.filler.S.length === 100,
    removed?.dynamodb);
  check("every DynamoDB response carries x-amz-crc32 over its exact body", responses > 40 && crcMismatches.length === 0,
    { responses, crcMismatches });

  await client.send(new DeleteTableCommand({ TableName: table }));
  const gone = await waitUntilTableNotExists({ client, minDelay: 1, maxWaitTime: 20 }, { TableName: table });
  check("waitUntilTableNotExists succeeds after DeleteTable", gone.state === "SUCCESS", gone);
}

run(process.argv[2] ?? "http://127.0.0.1:8000").then(() => {
  if (failures.length) {
    console.log(`${failures.length} check(s) differ from DynamoDB`);
    process.exit(1);
  }
  console.log("all checks match DynamoDB");
}, (error) => {
  console.error("FAIL unexpected error:", error);
  process.exit(1);
});
