#!/usr/bin/env node
// Checks jets-dynamodb-local through the data-modelling libraries Node teams put in front of DynamoDB: ElectroDB,
// dynamodb-toolbox and dynamoose. Each drives a single-table model of its own (entities sharing keys, global and
// local indexes, conditional writes, update operators, paginated queries, batches and transactions); the
// requests they generate are the unusual ones: composite key templates under begins_with, filters on entity
// markers, attribute-to-attribute comparisons, nested paths with dots and dashes, binary sort keys.
//
// Usage: NODE_PATH=<dir with the pinned packages> node conformance_node_modelling.cjs http://127.0.0.1:8000
// (interop.sh installs the packages of package-lock.json and runs this script). Each check names the DynamoDB
// behaviour it expects; the script exits 1 when any differs.
"use strict";

const { DynamoDBClient, CreateTableCommand, DescribeTableCommand, DescribeTimeToLiveCommand, ListTagsOfResourceCommand } =
  require("@aws-sdk/client-dynamodb");
const { DynamoDBDocumentClient, GetCommand } = require("@aws-sdk/lib-dynamodb");

const failures = [];
const run = Date.now().toString(36);

function check(name, condition, detail) {
  console.log((condition ? "ok   " : "FAIL ") + name + (condition ? "" : ": " + describe(detail)));
  if (!condition) failures.push(name);
}

function describe(value) {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return JSON.stringify(value, (key, v) => (v instanceof Set ? [...v] : v instanceof Uint8Array ? [...v] : v));
}

async function errorOf(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

const ids = (items, field) => items.map((item) => item[field]).join();
const conditionFailed = (error) => error?.name === "ConditionalCheckFailedException"
  || error?.cause?.name === "ConditionalCheckFailedException";

function clients(endpoint) {
  const client = new DynamoDBClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
  return { client, documents: DynamoDBDocumentClient.from(client) };
}

const keyOf = (name, type) => ({ AttributeName: name, AttributeType: type });
const globalIndex = (name, hash, range, projection = { ProjectionType: "ALL" }) => ({
  IndexName: name, Projection: projection,
  KeySchema: [{ AttributeName: hash, KeyType: "HASH" }, ...(range ? [{ AttributeName: range, KeyType: "RANGE" }] : [])],
});

async function electroDb(endpoint) {
  const { Entity, Service } = require("electrodb");
  const { client, documents } = clients(endpoint);
  const table = `electrodb-${run}`;
  await client.send(new CreateTableCommand({
    TableName: table, BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: ["pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk", "gsi3pk", "gsi3sk"].map((a) => keyOf(a, "S")),
    KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }],
    GlobalSecondaryIndexes: [globalIndex("gsi1", "gsi1pk", "gsi1sk"), globalIndex("gsi2", "gsi2pk", "gsi2sk"),
      globalIndex("gsi3", "gsi3pk", "gsi3sk", { ProjectionType: "KEYS_ONLY" })],
  }));
  const options = { table, client: documents };
  const employee = new Entity({
    model: { entity: "employee", version: "1", service: "taskapp" },
    attributes: {
      employee: { type: "string" }, firstName: { type: "string" }, lastName: { type: "string" },
      office: { type: "string", required: true }, title: { type: "string" },
      team: { type: ["development", "marketing", "product"] }, salary: { type: "number" },
      dateHired: { type: "string" }, manager: { type: "string" }, note: { type: "string" },
      skills: { type: "set", items: "string" }, projects: { type: "list", items: { type: "string" } },
      address: { type: "map", properties: { city: { type: "string" }, zip: { type: "string" } } },
    },
    indexes: {
      employee: { pk: { field: "pk", composite: ["employee"] }, sk: { field: "sk", composite: [] } },
      coworkers: { index: "gsi1", collection: "workplaces", pk: { field: "gsi1pk", composite: ["office"] },
        sk: { field: "gsi1sk", composite: ["team", "title", "employee"] } },
      teams: { index: "gsi2", pk: { field: "gsi2pk", composite: ["team"] }, sk: { field: "gsi2sk", composite: ["dateHired", "title"] } },
    },
  }, options);
  const office = new Entity({
    model: { entity: "office", version: "1", service: "taskapp" },
    attributes: { office: { type: "string" }, country: { type: "string" }, state: { type: "string" }, city: { type: "string" } },
    indexes: {
      locations: { pk: { field: "pk", composite: ["country", "state"] }, sk: { field: "sk", composite: ["city", "office"] } },
      office: { index: "gsi1", collection: "workplaces", pk: { field: "gsi1pk", composite: ["office"] }, sk: { field: "gsi1sk", composite: [] } },
    },
  }, options);
  const task = new Entity({
    model: { entity: "task", version: "1", service: "taskapp" },
    attributes: {
      task: { type: "string" }, project: { type: "string" }, employee: { type: "string" },
      points: { type: "number", default: 0 }, status: { type: ["open", "done"], default: "open" },
    },
    indexes: {
      task: { pk: { field: "pk", composite: ["task"] }, sk: { field: "sk", composite: ["project", "employee"] } },
      project: { index: "gsi2", pk: { field: "gsi2pk", composite: ["project"] }, sk: { field: "gsi2sk", composite: ["employee", "task"] } },
      // a sparse KEYS_ONLY index: done tasks leave it, and reads through it hydrate from the table
      assigned: { index: "gsi3", pk: { field: "gsi3pk", composite: ["employee"] }, sk: { field: "gsi3sk", composite: ["project", "task"] },
        condition: (attributes) => attributes.status !== "done" },
    },
  }, options);
  const app = new Service({ employee, office, task }, options);

  await office.create({ office: "gw-zoo", country: "usa", state: "wa", city: "seattle" }).go();
  await office.put({ office: "portland-hq", country: "usa", state: "or", city: "portland" }).go();
  const people = Array.from({ length: 12 }, (_, i) => ({
    employee: `e${String(i).padStart(2, "0")}`, firstName: `F${i}`, lastName: `L${i}`, office: i % 2 ? "gw-zoo" : "portland-hq",
    title: i % 3 ? "engineer" : "manager", team: i % 4 ? "development" : "product", salary: 1000 + i,
    dateHired: `2020-0${(i % 9) + 1}-01`, skills: ["java", `s${i}`], projects: ["p1"], address: { city: "x", zip: "1" },
  }));
  const batch = await employee.put(people).go();
  check("ElectroDB: a batch put of 12 employees leaves nothing unprocessed", batch.unprocessed.length === 0, batch);
  check("ElectroDB: create of an existing employee fails its attribute_not_exists condition",
    conditionFailed(await errorOf(employee.create(people[0]).go())), people[0]);

  const pages = [];
  let cursor = null;
  do {
    const page = await employee.query.coworkers({ office: "gw-zoo" }).go({ cursor, limit: 2 });
    pages.push(page.data.map((e) => e.employee));
    cursor = page.cursor;
  } while (cursor && pages.length < 10);
  check("ElectroDB: a paginated GSI query returns each gw-zoo employee once, in sort-key order, two a page",
    pages.flat().join() === "e01,e05,e07,e11,e03,e09" && pages.every((p) => p.length <= 2), pages);
  const engineers = await employee.query.coworkers({ office: "gw-zoo", team: "development", title: "engineer" }).go();
  check("ElectroDB: begins_with on a two-attribute sort-key template", ids(engineers.data, "employee") === "e01,e05,e07,e11",
    engineers.data);
  const hired = await employee.query.teams({ team: "development" })
    .between({ dateHired: "2020-02-01" }, { dateHired: "2020-04-01" }).go();
  // The bounds are key prefixes compared as strings: a key extending the upper bound sorts after it, so the
  // 2020-04-01 hire is out, and a key extending a gt bound sorts after it, so the 2020-08-01 hire is in.
  check("ElectroDB: between on a partial sort-key template compares the prefixes as strings",
    ids(hired.data, "employee") === "e01,e10,e02,e11", hired.data);
  const later = await employee.query.teams({ team: "development" }).gt({ dateHired: "2020-08-01" }).go();
  check("ElectroDB: gt on a partial sort-key template includes the keys extending it", ids(later.data, "employee") === "e07",
    later.data);
  const rich = await employee.query.coworkers({ office: "gw-zoo" })
    .where(({ salary, title }, { gt, eq }) => `${gt(salary, 1004)} AND ${eq(title, "engineer")}`).go();
  check("ElectroDB: a where clause filters a query", ids(rich.data, "employee") === "e05,e07,e11", rich.data);
  const skilled = await employee.scan.where(({ skills }, { contains }) => contains(skills, "s3")).go();
  check("ElectroDB: contains on a string set in a scan filter", ids(skilled.data, "employee") === "e03", skilled.data);

  const patched = await employee.patch({ employee: "e01" }).set({ lastName: "senior" }).add({ salary: 50, skills: ["go"] })
    .append({ projects: ["p2"] }).remove(["manager"]).go({ response: "all_new" });
  check("ElectroDB: patch with SET, ADD to a number and a set, list_append and REMOVE",
    patched.data.salary === 1051 && patched.data.skills.includes("go") && patched.data.projects.join() === "p1,p2", patched.data);
  const trimmed = await employee.patch({ employee: "e01" }).delete({ skills: ["s1", "absent"] }).go({ response: "updated_new" });
  check("ElectroDB: DELETE from a set returns the remaining members as UPDATED_NEW",
    [...trimmed.data.skills].sort().join() === "go,java", trimmed.data);
  const nested = await employee.update({ employee: "e01" }).subtract({ salary: 1 })
    .data(({ address, note }, { set, ifNotExists }) => { set(address.city, "y"); ifNotExists(note, "first"); })
    .go({ response: "updated_new" });
  check("ElectroDB: UPDATED_NEW returns only the updated nested path",
    nested.data.salary === 1050 && nested.data.address.city === "y" && nested.data.address.zip === undefined
      && nested.data.note === "first", nested.data);
  check("ElectroDB: patch of a missing item fails its attribute_exists condition",
    conditionFailed(await errorOf(employee.patch({ employee: "nobody" }).set({ lastName: "x" }).go())), "nobody");
  const old = await employee.update({ employee: "e02" }).set({ lastName: "lead" })
    .where(({ salary }, { lt }) => lt(salary, 2000)).go({ response: "all_old" });
  check("ElectroDB: a conditional update returns ALL_OLD", old.data.lastName === "L2", old.data);
  check("ElectroDB: a conditional update whose condition is false fails",
    conditionFailed(await errorOf(employee.update({ employee: "e02" }).set({ lastName: "x" })
      .where(({ salary }, { gt }) => gt(salary, 2000)).go())), "e02");
  await employee.patch({ employee: "e04" }).set({ office: "gw-zoo" }).composite({ team: "product", title: "engineer" }).go();
  const moved = await employee.query.coworkers({ office: "gw-zoo", team: "product" }).go();
  check("ElectroDB: a patch that rewrites GSI keys moves the item between partitions", ids(moved.data, "employee") === "e04", moved.data);

  await task.put(Array.from({ length: 7 }, (_, i) => ({
    task: `t${i}`, project: i % 2 ? "alpha" : "beta", employee: i < 4 ? "e01" : "e02", points: i, status: i === 3 ? "done" : "open",
  }))).go();
  const workplace = await app.collections.workplaces({ office: "gw-zoo" }).go();
  check("ElectroDB: a collection query returns both entities of the partition",
    workplace.data.office.length === 1 && workplace.data.employee.length === 7, workplace.data);
  let seen = 0;
  let rounds = 0;
  cursor = null;
  do {
    const page = await app.collections.workplaces({ office: "gw-zoo" }).go({ cursor, limit: 3 });
    seen += page.data.employee.length + page.data.office.length;
    cursor = page.cursor;
    rounds++;
  } while (cursor && rounds < 10);
  check("ElectroDB: a paginated collection query sees each item once", seen === 8 && rounds === 3, { seen, rounds });
  const alpha = await task.query.project({ project: "alpha" }).begins({ employee: "e0" }).go({ order: "desc" });
  check("ElectroDB: begins_with on a GSI in descending order", ids(alpha.data, "task") === "t5,t3,t1", alpha.data);
  const open = await task.query.assigned({ employee: "e01" }).go({ hydrate: true, pages: "all", limit: 1 });
  check("ElectroDB: a sparse KEYS_ONLY index holds only the open tasks and hydrates them from the table",
    ids(open.data, "task") === "t1,t0,t2" && open.data.every((t) => t.status === "open"), open.data);
  const stored = await documents.send(new GetCommand({ TableName: table, Key: task.get({ task: "t3", project: "alpha", employee: "e01" }).params().Key }));
  check("ElectroDB: the done task carries no sparse index keys", stored.Item?.gsi3pk === undefined && stored.Item?.task === "t3", stored.Item);

  const many = await employee.get(Array.from({ length: 120 }, (_, i) => ({ employee: `e${String(i).padStart(2, "0")}` }))).go();
  check("ElectroDB: a 120-key batch get is split into chunks of 100 and finds the 12 employees",
    many.data.length === 12 && many.unprocessed.length === 0, { found: many.data.length, unprocessed: many.unprocessed });
  check("ElectroDB: remove of a missing task fails its attribute_exists condition",
    conditionFailed(await errorOf(task.remove({ task: "t9", project: "beta", employee: "e02" }).go())), "t9");
  const deleted = await task.delete({ task: "t5", project: "alpha", employee: "e02" }).go({ response: "all_old" });
  check("ElectroDB: delete returns ALL_OLD", deleted.data?.points === 5, deleted.data);

  const written = await app.transaction.write(({ employee: e, task: t }) => [
    t.create({ task: "t10", project: "alpha", employee: "e05" }).commit(),
    e.patch({ employee: "e05" }).add({ salary: 1 }).commit(),
    t.check({ task: "t0", project: "beta", employee: "e01" }).where(({ points }, { eq }) => eq(points, 0)).commit(),
  ]).go();
  check("ElectroDB: a transaction of create, patch and condition check commits", written.canceled === false, written);
  const refused = await app.transaction.write(({ employee: e, task: t }) => [
    t.create({ task: "t10", project: "alpha", employee: "e05" }).commit({ response: "all_old" }),
    e.patch({ employee: "e05" }).add({ salary: 1 }).commit(),
  ]).go();
  check("ElectroDB: a canceled transaction reports which item failed and returns its old image",
    refused.canceled === true && refused.data[0].rejected === true && refused.data[0].code === "ConditionalCheckFailed"
      && refused.data[0].item?.task === "t10" && refused.data[1].rejected === false, refused);
  const read = await app.transaction.get(({ employee: e, task: t }) => [
    e.get({ employee: "e05" }).commit(), t.get({ task: "t10", project: "alpha", employee: "e05" }).commit(),
  ]).go();
  check("ElectroDB: a transactional get sees the committed writes and not the canceled ones",
    read.data[0].item?.salary === 1006 && read.data[1].item?.task === "t10", read);
  const scanned = await employee.scan.go({ pages: "all", limit: 3 });
  check("ElectroDB: a scan over every page returns the 12 employees and nothing of the other entities",
    scanned.data.length === 12, scanned.data.length);
}

async function dynamodbToolbox(endpoint) {
  const {
    Table, Entity, item, string, number, binary, set, list, map, record, boolean,
    PutItemCommand, GetItemCommand, UpdateItemCommand, DeleteItemCommand, QueryCommand, ScanCommand, DeletePartitionCommand,
    $add, $append, $prepend, $remove, $delete, $subtract, $sum, $get, $set,
    BatchWriteCommand, BatchPutRequest, BatchGetCommand, BatchGetRequest, executeBatchWrite, executeBatchGet,
    PutTransaction, UpdateTransaction, ConditionCheck, DeleteTransaction, GetTransaction, executeTransactWrite,
    executeTransactGet, isConditionCheckFailed, isTransactionCancelled,
  } = require("dynamodb-toolbox");
  const { prefix } = require("dynamodb-toolbox/transformers/prefix");
  const { client, documents } = clients(endpoint);
  const name = `toolbox-${run}`;
  await client.send(new CreateTableCommand({
    TableName: name, BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [keyOf("PK", "S"), keyOf("SK", "S"), keyOf("GSI1PK", "S"), keyOf("GSI1SK", "S"), keyOf("GSI2PK", "S"),
      keyOf("GSI2SK", "N"), keyOf("LSK", "S")],
    KeySchema: [{ AttributeName: "PK", KeyType: "HASH" }, { AttributeName: "SK", KeyType: "RANGE" }],
    GlobalSecondaryIndexes: [globalIndex("byStatus", "GSI1PK", "GSI1SK"), globalIndex("byTotal", "GSI2PK", "GSI2SK")],
    LocalSecondaryIndexes: [{ IndexName: "byLsk", Projection: { ProjectionType: "ALL" },
      KeySchema: [{ AttributeName: "PK", KeyType: "HASH" }, { AttributeName: "LSK", KeyType: "RANGE" }] }],
  }));
  const table = new Table({
    name, documentClient: documents,
    partitionKey: { name: "PK", type: "string" }, sortKey: { name: "SK", type: "string" },
    indexes: {
      byStatus: { type: "global", partitionKey: { name: "GSI1PK", type: "string" }, sortKey: { name: "GSI1SK", type: "string" } },
      byTotal: { type: "global", partitionKey: { name: "GSI2PK", type: "string" }, sortKey: { name: "GSI2SK", type: "number" } },
      byLsk: { type: "local", sortKey: { name: "LSK", type: "string" } },
    },
  });
  const Customer = new Entity({
    name: "Customer", table,
    schema: item({
      customerId: string().key(), name: string(), email: string().optional(), orderCount: number().default(0),
      tags: set(string()).optional(), history: list(string()).optional(), vip: boolean().optional(),
      prefs: map({ theme: string(), size: number() }).optional(), counters: record(string(), number()).optional(),
      labels: map({ "a.b": string().optional(), "c-d": number().optional() }).optional(),
    }),
    computeKey: ({ customerId }) => ({ PK: `CUST#${customerId}`, SK: "PROFILE" }),
  });
  const Order = new Entity({
    name: "Order", table,
    schema: item({
      customerId: string().key(), orderId: string().key(), status: string(), total: number(),
      lines: list(map({ sku: string(), qty: number() })).optional(),
    }).and(() => ({
      GSI1PK: string().link(({ status }) => `STATUS#${status}`), GSI1SK: string().link(({ orderId }) => `ORDER#${orderId}`),
      GSI2PK: string().link(() => "ORDERS"), GSI2SK: number().link(({ total }) => total),
      LSK: string().link(({ status, orderId }) => `${status}#${orderId}`),
    })),
    computeKey: ({ customerId, orderId }) => ({ PK: `CUST#${customerId}`, SK: `ORDER#${orderId}` }),
  });

  await Customer.build(PutItemCommand).item({
    customerId: "c1", name: "Ada", email: "ada@example.com", tags: new Set(["a", "b"]), history: ["h1"],
    prefs: { theme: "dark", size: 2 }, counters: { visits: 1 }, labels: { "a.b": "x", "c-d": 7 },
  }).send();
  await Customer.build(PutItemCommand).item({ customerId: "c2", name: "Bob" }).send();
  check("dynamodb-toolbox: a put conditioned on attribute_not_exists fails on an existing customer",
    isConditionCheckFailed(await errorOf(Customer.build(PutItemCommand).item({ customerId: "c1", name: "Dup" })
      .options({ condition: { attr: "customerId", exists: false } }).send())), "c1");
  const orders = Array.from({ length: 30 }, (_, i) => Order.build(BatchPutRequest).item({
    customerId: i % 3 ? "c1" : "c2", orderId: `o${String(i).padStart(2, "0")}`, status: i % 2 ? "OPEN" : "SHIPPED",
    total: i * 10 + 0.5, lines: [{ sku: `s${i}`, qty: 1 }],
  }));
  await executeBatchWrite(table.build(BatchWriteCommand).requests(...orders.slice(0, 25)));
  await executeBatchWrite(table.build(BatchWriteCommand).requests(...orders.slice(25)));

  const updated = await Customer.build(UpdateItemCommand).item({
    customerId: "c1", orderCount: $add(3), tags: $add(new Set(["c"])), history: $append(["h2"]), email: $remove(),
    prefs: { size: $subtract($get("prefs.size"), 1) }, counters: { logins: $sum($get("counters.visits"), 4) },
    labels: { "a.b": $remove(), "c-d": $sum($get("labels.c-d"), 1) },
  }).options({ returnValues: "ALL_NEW" }).send();
  const after = updated.Attributes;
  check("dynamodb-toolbox: ADD, list_append, REMOVE and SET with operands read from nested paths and map keys with dots and dashes",
    after.orderCount === 3 && after.tags.has("c") && after.history.join() === "h1,h2" && after.email === undefined
      && after.prefs.size === 1 && after.counters.logins === 5 && after.labels["a.b"] === undefined && after.labels["c-d"] === 8,
    after);
  const previous = await Customer.build(UpdateItemCommand)
    .item({ customerId: "c1", tags: $delete(new Set(["a"])), history: $prepend(["h0"]), name: "Ada L" })
    .options({ returnValues: "UPDATED_OLD", condition: { attr: "orderCount", gte: 3 } }).send();
  check("dynamodb-toolbox: DELETE from a set and a prepend return UPDATED_OLD",
    previous.Attributes.name === "Ada" && previous.Attributes.tags.has("a") && previous.Attributes.history.join() === "h1,h2",
    previous.Attributes);
  const removed = await Customer.build(UpdateItemCommand).item({ customerId: "c1", history: { 0: $remove() }, vip: true })
    .options({ returnValues: "ALL_NEW" }).send();
  check("dynamodb-toolbox: REMOVE of a list element shifts the rest", removed.Attributes.history.join() === "h1,h2", removed.Attributes);
  check("dynamodb-toolbox: an AND condition with contains on a set fails as a whole",
    isConditionCheckFailed(await errorOf(Customer.build(UpdateItemCommand).item({ customerId: "c1", orderCount: $add(1) })
      .options({ condition: { and: [{ attr: "orderCount", lt: 3 }, { attr: "tags", contains: "b" }] } }).send())), "c1");
  const failed = await errorOf(Customer.build(UpdateItemCommand).item({ customerId: "c1", orderCount: $add(1) })
    .options({ condition: { attr: "orderCount", lt: { attr: "prefs.size" } }, returnValuesOnConditionFalse: "ALL_OLD" }).send());
  check("dynamodb-toolbox: a condition comparing two attributes fails and returns the old item",
    isConditionCheckFailed(failed) && failed.Item?.orderCount?.N === "3", failed);
  const created = await Customer.build(UpdateItemCommand).item({ customerId: "c3", name: "Cy", history: $set(["x"]), orderCount: $add(1) })
    .options({ returnValues: "ALL_NEW" }).send();
  check("dynamodb-toolbox: an update creates a missing item", created.Attributes.orderCount === 1 && created.Attributes.name === "Cy",
    created.Attributes);

  const pages = [];
  let key;
  do {
    const page = await table.build(QueryCommand).entities(Order)
      .query({ partition: "CUST#c1", range: { beginsWith: "ORDER#" } }).options({ limit: 7, exclusiveStartKey: key }).send();
    pages.push(page.Items.map((o) => o.orderId));
    key = page.LastEvaluatedKey;
  } while (key && pages.length < 10);
  check("dynamodb-toolbox: a paginated begins_with query returns the 20 orders in order, 7 a page",
    pages.flat().length === 20 && pages.flat().join() === pages.flat().sort().join() && pages[0].length === 7, pages);
  const reversed = await table.build(QueryCommand).entities(Order)
    .query({ partition: "CUST#c1", range: { between: ["ORDER#o05", "ORDER#o10"] } }).options({ reverse: true }).send();
  check("dynamodb-toolbox: between in reverse order", ids(reversed.Items, "orderId") === "o10,o08,o07,o05", reversed.Items);
  const open = await table.build(QueryCommand).entities(Order)
    .query({ index: "byStatus", partition: "STATUS#OPEN", range: { gt: "ORDER#o20" } }).send();
  check("dynamodb-toolbox: a GSI query with a gt range", ids(open.Items, "orderId") === "o21,o23,o25,o27,o29", open.Items);
  const totals = await table.build(QueryCommand).entities(Order)
    .query({ index: "byTotal", partition: "ORDERS", range: { between: [100, 150.5] } })
    .options({ filters: { Order: { attr: "status", eq: "OPEN" } } }).send();
  check("dynamodb-toolbox: a numeric GSI range with an entity filter", ids(totals.Items, "total") === "110.5,130.5,150.5", totals.Items);
  const local = await table.build(QueryCommand).entities(Order)
    .query({ index: "byLsk", partition: "CUST#c1", range: { beginsWith: "SHIPPED#" } })
    .options({ reverse: true, limit: 4, capacity: "INDEXES" }).send();
  check("dynamodb-toolbox: a local index query pages on the index key and reports its capacity",
    ids(local.Items, "orderId") === "o28,o26,o22,o20" && local.LastEvaluatedKey?.LSK === "SHIPPED#o20"
      && local.LastEvaluatedKey?.SK === "ORDER#o20" && local.ConsumedCapacity?.LocalSecondaryIndexes?.byLsk !== undefined,
    local);
  const both = await table.build(QueryCommand).entities(Customer, Order).query({ partition: "CUST#c2" }).send();
  check("dynamodb-toolbox: a query over two entities of one partition", both.Items.length === 11, both.Items.length);
  const counted = await table.build(QueryCommand).entities(Order)
    .query({ partition: "CUST#c1", range: { lte: "ORDER#o10" } }).options({ select: "COUNT" }).send();
  check("dynamodb-toolbox: Select COUNT", counted.Count === 7 && counted.Items.length === 0, counted);
  const projected = await table.build(QueryCommand).entities(Order).query({ partition: "CUST#c1", range: { eq: "ORDER#o01" } })
    .options({ attributes: ["orderId", "total"] }).send();
  check("dynamodb-toolbox: a projection", projected.Items[0]?.total === 10.5 && projected.Items[0]?.status === undefined, projected.Items);
  const everything = await table.build(QueryCommand).entities(Order).query({ index: "byTotal", partition: "ORDERS" })
    .options({ limit: 4, maxPages: Infinity }).send();
  check("dynamodb-toolbox: maxPages follows every LastEvaluatedKey of a GSI", everything.Items.length === 30, everything.Items.length);
  const segments = await Promise.all([0, 1, 2].map((segment) => table.build(ScanCommand).entities(Customer, Order)
    .options({ segment, totalSegments: 3, maxPages: Infinity }).send()));
  check("dynamodb-toolbox: a parallel scan's segments add up to the table",
    segments.reduce((sum, s) => sum + s.Items.length, 0) === 33, segments.map((s) => s.Items.length));

  const got = await executeBatchGet(table.build(BatchGetCommand).requests(Customer.build(BatchGetRequest).key({ customerId: "c1" }),
    Order.build(BatchGetRequest).key({ customerId: "c2", orderId: "o00" }), Order.build(BatchGetRequest).key({ customerId: "c2", orderId: "none" })));
  check("dynamodb-toolbox: a batch get returns the items found", got.Responses[0][0]?.name === "Ada L"
    && got.Responses[0][1]?.total === 0.5 && got.Responses[0][2] === undefined, got.Responses);

  await executeTransactWrite({ clientRequestToken: `token-${run}` },
    Order.build(PutTransaction).item({ customerId: "c2", orderId: "o99", status: "OPEN", total: 5 })
      .options({ condition: { attr: "orderId", exists: false } }),
    Customer.build(UpdateTransaction).item({ customerId: "c2", orderCount: $add(1) }),
    Customer.build(ConditionCheck).key({ customerId: "c1" }).condition({ attr: "vip", eq: true }),
    Order.build(DeleteTransaction).key({ customerId: "c2", orderId: "o03" }));
  const canceled = await errorOf(executeTransactWrite(
    Customer.build(UpdateTransaction).item({ customerId: "c2", orderCount: $add(1) }),
    Customer.build(ConditionCheck).key({ customerId: "c1" }).condition({ attr: "vip", eq: false })));
  check("dynamodb-toolbox: a canceled transaction names the failed condition check",
    isTransactionCancelled(canceled) && canceled.CancellationReasons?.map((r) => r.Code).join() === "None,ConditionalCheckFailed",
    canceled);
  const twice = await errorOf(executeTransactWrite(
    Customer.build(UpdateTransaction).item({ customerId: "c2", orderCount: $add(1) }),
    Customer.build(ConditionCheck).key({ customerId: "c2" }).condition({ attr: "name", exists: true })));
  check("dynamodb-toolbox: a transaction touching one item twice is refused",
    twice?.name === "ValidationException" && twice.message === "Transaction request cannot include multiple operations on one item",
    twice);
  const read = await executeTransactGet(Customer.build(GetTransaction).key({ customerId: "c2" }),
    Order.build(GetTransaction).key({ customerId: "c2", orderId: "o03" }));
  check("dynamodb-toolbox: a transactional get sees the committed transaction",
    read.Responses[0].Item?.orderCount === 1 && read.Responses[1].Item === undefined, read.Responses);
  const gone = await Order.build(DeleteItemCommand).key({ customerId: "c2", orderId: "o99" })
    .options({ returnValues: "ALL_OLD", condition: { attr: "total", between: [1, 10] } }).send();
  check("dynamodb-toolbox: a conditional delete returns ALL_OLD", gone.Attributes?.total === 5, gone.Attributes);
  check("dynamodb-toolbox: a size condition on a list",
    isConditionCheckFailed(await errorOf(Customer.build(UpdateItemCommand).item({ customerId: "c1", vip: false })
      .options({ condition: { size: "history", gt: 5 } }).send())), "c1");
  const typed = await Customer.build(UpdateItemCommand).item({ customerId: "c1", vip: false })
    .options({ condition: { attr: "tags", type: "SS" }, returnValues: "UPDATED_NEW" }).send();
  check("dynamodb-toolbox: an attribute_type condition", typed.Attributes?.vip === false, typed.Attributes);
  await table.build(DeletePartitionCommand).entities(Order).query({ partition: "CUST#c2", range: { beginsWith: "ORDER#o1" } }).send();
  const left = await table.build(QueryCommand).entities(Order).query({ partition: "CUST#c2" }).send();
  check("dynamodb-toolbox: DeletePartition removes the queried range", ids(left.Items, "orderId") === "o00,o06,o09,o21,o24,o27",
    left.Items);

  // Binary sort keys order by unsigned bytes, and a prefix sorts before its extensions.
  const blobs = `toolbox-blobs-${run}`;
  await client.send(new CreateTableCommand({
    TableName: blobs, BillingMode: "PAY_PER_REQUEST", AttributeDefinitions: [keyOf("pk", "S"), keyOf("sk", "B")],
    KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }],
  }));
  const Blob = new Entity({
    name: "Blob", table: new Table({ name: blobs, documentClient: documents, partitionKey: { name: "pk", type: "string" },
      sortKey: { name: "sk", type: "binary" } }),
    schema: item({ pk: string().key().transform(prefix("ACC")), sk: binary().key() }),
  });
  const bytes = [[0xff, 0x00], [0x01, 0xff], [0x00], [0x80], [0x01, 0x02], [0xff], [0x7f]];
  for (const sk of bytes) await Blob.build(PutItemCommand).item({ pk: "a", sk: new Uint8Array(sk) }).send();
  const query = (range) => Blob.table.build(QueryCommand).entities(Blob).query({ partition: "ACC#a", range }).send()
    .then((r) => describe(r.Items.map((i) => [...i.sk])));
  check("dynamodb-toolbox: binary sort keys order by unsigned bytes", await query(undefined)
    === "[[0],[1,2],[1,255],[127],[128],[255],[255,0]]", await query(undefined));
  check("dynamodb-toolbox: begins_with on a binary sort key", await query({ beginsWith: new Uint8Array([0x01]) })
    === "[[1,2],[1,255]]", await query({ beginsWith: new Uint8Array([0x01]) }));
  check("dynamodb-toolbox: between on binary sort keys", await query({ between: [new Uint8Array([0x01, 0xff]), new Uint8Array([0xff])] })
    === "[[1,255],[127],[128],[255]]", await query({ between: [new Uint8Array([0x01, 0xff]), new Uint8Array([0xff])] }));
}

async function dynamoose(endpoint) {
  const dynamoose = require("dynamoose");
  const { client } = clients(endpoint);
  dynamoose.aws.ddb.set(new dynamoose.aws.ddb.DynamoDB({ endpoint, region: "us-east-1",
    credentials: { accessKeyId: "x", secretAccessKey: "x" } }));
  const name = `dynamoose-${run}`;
  const keys = {
    pk: { type: String, hashKey: true }, sk: { type: String, rangeKey: true },
    gsi1pk: { type: String, index: { name: "gsi1", type: "global", rangeKey: "gsi1sk" } }, gsi1sk: String,
  };
  const User = dynamoose.model("User", new dynamoose.Schema({
    ...keys, name: String, email: String, age: Number, logins: { type: Number, default: 0 },
    roles: { type: Set, schema: [String] }, tags: { type: Array, schema: [String] },
    address: { type: Object, schema: { city: String, zip: String } }, active: Boolean, born: Date, avatar: Buffer,
    expiresAt: Number,
  }, { timestamps: true }));
  const Post = dynamoose.model("Post", new dynamoose.Schema({
    ...keys, title: String, likes: { type: Number, default: 0 }, published: Boolean, views: Number,
  }));
  // Creating the table, enabling TTL, tagging it and waiting until it and its index are ACTIVE.
  new dynamoose.Table(name, [User, Post], { throughput: "ON_DEMAND", expires: { ttl: 60000, attribute: "expiresAt" },
    tags: { team: "core" }, tableClass: "infrequentAccess", update: true, waitForActive: { enabled: true, check: { timeout: 20000, frequency: 100 } } });

  await User.create({ pk: "USER#u1", sk: "PROFILE", gsi1pk: "EMAIL", gsi1sk: "ada@x", name: "Ada", email: "ada@x", age: 36,
    roles: new Set(["admin", "dev"]), tags: ["t1"], address: { city: "London", zip: "N1" }, active: true,
    born: new Date(1000), avatar: Buffer.from([1, 2, 3]) });
  await User.create({ pk: "USER#u2", sk: "PROFILE", gsi1pk: "EMAIL", gsi1sk: "bob@x", name: "Bob", age: 41, roles: new Set(["dev"]) });
  const description = (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  const ttl = (await client.send(new DescribeTimeToLiveCommand({ TableName: name }))).TimeToLiveDescription;
  const tags = (await client.send(new ListTagsOfResourceCommand({ ResourceArn: description.TableArn }))).Tags;
  check("dynamoose: the table it set up has its index, table class, TTL and tags",
    description.GlobalSecondaryIndexes?.[0]?.IndexName === "gsi1"
      && description.TableClassSummary?.TableClass === "STANDARD_INFREQUENT_ACCESS"
      && ttl.TimeToLiveStatus === "ENABLED" && ttl.AttributeName === "expiresAt" && tags.some((t) => t.Key === "team"),
    { description, ttl, tags });
  const duplicate = await errorOf(User.create({ pk: "USER#u1", sk: "PROFILE", name: "Dup" }));
  check("dynamoose: create of an existing user fails its attribute_not_exists condition", conditionFailed(duplicate), duplicate);
  const ada = await User.get({ pk: "USER#u1", sk: "PROFILE" });
  check("dynamoose: get returns sets, maps, dates and binary as written",
    ada?.roles.has("admin") && ada.address.city === "London" && ada.born.getTime() === 1000
      && Buffer.compare(ada.avatar, Buffer.from([1, 2, 3])) === 0, ada?.toJSON());

  const posts = Array.from({ length: 15 }, (_, i) => ({
    pk: "USER#u1", sk: `POST#${String(i).padStart(3, "0")}`, gsi1pk: i % 2 ? "PUBLISHED" : "DRAFT",
    gsi1sk: `2024-01-${String(i + 1).padStart(2, "0")}`, title: `Post ${i}`, likes: i, published: i % 2 === 1, views: i * 100,
  }));
  const batch = await Post.batchPut(posts);
  check("dynamoose: batchPut leaves nothing unprocessed", batch.unprocessedItems.length === 0, batch);

  const updated = await User.update({ pk: "USER#u1", sk: "PROFILE" },
    { $ADD: { logins: 2, roles: ["ops"] }, $REMOVE: ["email"], $SET: { name: "Ada L" } });
  check("dynamoose: $ADD to a number and a set, $REMOVE and $SET",
    updated.logins === 2 && updated.roles.has("ops") && updated.email === undefined && updated.name === "Ada L", updated.toJSON());
  const appended = await User.update({ pk: "USER#u1", sk: "PROFILE" }, { $ADD: { tags: ["t2"] }, $DELETE: { roles: ["dev"] } });
  check("dynamoose: $ADD to a list appends and $DELETE removes from a set",
    appended.tags.join() === "t1,t2" && !appended.roles.has("dev"), appended.toJSON());
  const aged = await User.update({ pk: "USER#u1", sk: "PROFILE" }, { age: 37 },
    { condition: new dynamoose.Condition("age").eq(36).and().where("active").eq(true) });
  check("dynamoose: a conditional update", aged.age === 37, aged.toJSON());
  const young = await errorOf(User.update({ pk: "USER#u1", sk: "PROFILE" }, { age: 38 }, { condition: new dynamoose.Condition("age").lt(30) }));
  check("dynamoose: a conditional update whose condition is false fails", conditionFailed(young), young);
  const missing = await errorOf(User.update({ pk: "USER#zz", sk: "PROFILE" }, { $ADD: { logins: 1 } },
    { condition: new dynamoose.Condition("pk").exists() }));
  check("dynamoose: an update of a missing item conditioned on its key fails", conditionFailed(missing), missing);
  const old = await User.update({ pk: "USER#u2", sk: "PROFILE" }, { $ADD: { logins: 5 } }, { returnValues: "UPDATED_OLD" });
  check("dynamoose: UPDATED_OLD returns the attribute before the update", old?.logins === 0, old);

  const pages = [];
  let last;
  do {
    let query = Post.query("pk").eq("USER#u1").where("sk").beginsWith("POST#").limit(4);
    if (last) query = query.startAt(last);
    const page = await query.exec();
    pages.push(page.map((p) => p.likes));
    last = page.lastKey;
  } while (last && pages.length < 10);
  check("dynamoose: a paginated begins_with query in pages of 4", describe(pages)
    === "[[0,1,2,3],[4,5,6,7],[8,9,10,11],[12,13,14]]", pages);
  const between = await Post.query("pk").eq("USER#u1").where("sk").between("POST#003", "POST#006").sort("descending").exec();
  check("dynamoose: between in descending order", ids(between, "likes") === "6,5,4,3", between);
  const published = await Post.query("gsi1pk").eq("PUBLISHED").where("gsi1sk").gt("2024-01-08").using("gsi1").exec();
  check("dynamoose: a GSI query with using()", ids(published, "likes") === "9,11,13", published);
  const drafts = await Post.query("gsi1pk").eq("DRAFT").exec();
  check("dynamoose: a query on an index attribute picks the index", drafts.length === 8, drafts.length);
  const filtered = await Post.query("pk").eq("USER#u1").where("sk").beginsWith("POST#").and().where("likes").ge(10)
    .and().where("published").eq(true).exec();
  check("dynamoose: a query with a filter counts what passed it", ids(filtered, "likes") === "11,13" && filtered.count === 2, filtered);
  const counted = await Post.query("pk").eq("USER#u1").where("sk").beginsWith("POST#").count().exec();
  check("dynamoose: a query count", counted.count === 15, counted);
  const all = await Post.query("pk").eq("USER#u1").where("sk").beginsWith("POST#").limit(2).all().exec();
  check("dynamoose: all() follows every lastKey", all.length === 15, all.length);
  const projected = await Post.query("pk").eq("USER#u1").where("sk").eq("POST#001").attributes(["title", "likes"]).exec();
  check("dynamoose: attributes() projects", projected[0]?.title === "Post 1" && projected[0]?.views === undefined, projected);
  const listed = await Post.scan("likes").in([1, 2, 3]).exec();
  check("dynamoose: a scan with IN", listed.length === 3, listed.length);
  const ops = await User.scan("roles").contains("ops").exec();
  check("dynamoose: a scan with contains on a set", ids(ops, "name") === "Ada L", ops);
  const parallel = await Post.scan().parallel(3).exec();
  check("dynamoose: a parallel scan reads the whole table", parallel.length === 17, parallel.length);
  const noEmail = await User.scan("email").not().exists().exec();
  check("dynamoose: attribute_not_exists in a scan matches every item of the table without the attribute",
    noEmail.length === 17, noEmail.length);

  const got = await Post.batchGet([{ pk: "USER#u1", sk: "POST#000" }, { pk: "USER#u1", sk: "POST#001" }, { pk: "USER#u1", sk: "none" }]);
  check("dynamoose: batchGet returns the items found", got.length === 2 && got.unprocessedKeys.length === 0, got);
  await Post.batchDelete([{ pk: "USER#u1", sk: "POST#014" }]);
  check("dynamoose: batchDelete", (await Post.get({ pk: "USER#u1", sk: "POST#014" })) === undefined, "POST#014");

  await dynamoose.transaction([
    Post.transaction.create({ pk: "USER#u2", sk: "POST#000", title: "first", gsi1pk: "DRAFT", gsi1sk: "2024-02-01" }),
    User.transaction.update({ pk: "USER#u2", sk: "PROFILE" }, { $ADD: { logins: 1 } }),
    User.transaction.condition({ pk: "USER#u1", sk: "PROFILE" }, new dynamoose.Condition("age").eq(37)),
    Post.transaction.delete({ pk: "USER#u1", sk: "POST#013" }),
  ]);
  const canceled = await errorOf(dynamoose.transaction([
    User.transaction.update({ pk: "USER#u2", sk: "PROFILE" }, { $ADD: { logins: 1 } }),
    Post.transaction.create({ pk: "USER#u2", sk: "POST#000", title: "again" }),
  ]));
  check("dynamoose: a transaction whose create finds the item is canceled",
    canceled?.name === "TransactionCanceledException"
      && canceled.message === "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]",
    canceled);
  const read = await dynamoose.transaction([User.transaction.get({ pk: "USER#u2", sk: "PROFILE" }),
    Post.transaction.get({ pk: "USER#u2", sk: "POST#000" })]);
  check("dynamoose: a transactional get sees the committed transaction only", read[0]?.logins === 6 && read[1]?.title === "first", read);

  const bob = await User.get({ pk: "USER#u2", sk: "PROFILE" });
  bob.name = "Robert";
  await bob.save({ condition: new dynamoose.Condition("logins").eq(6) });
  const stale = await errorOf(bob.save({ condition: new dynamoose.Condition("logins").eq(99) }));
  check("dynamoose: save with a false condition fails", conditionFailed(stale), stale);
  await User.delete({ pk: "USER#u2", sk: "PROFILE" }, { condition: new dynamoose.Condition("name").eq("Robert") });
  check("dynamoose: a conditional delete", (await User.get({ pk: "USER#u2", sk: "PROFILE" })) === undefined, "u2");
}

async function main(endpoint) {
  for (const library of [electroDb, dynamodbToolbox, dynamoose]) {
    const error = await errorOf(library(endpoint));
    if (error) check(`${library.name} ran to its end`, false, { error: describe(error), cause: error.cause && describe(error.cause) });
  }
}

main(process.argv[2] ?? "http://127.0.0.1:8000").then(() => {
  if (failures.length) {
    console.log(`${failures.length} check(s) differ from DynamoDB`);
    process.exit(1);
  }
  console.log("all modelling-library checks match DynamoDB");
});
