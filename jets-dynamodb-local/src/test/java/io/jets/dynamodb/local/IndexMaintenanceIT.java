package io.jets.dynamodb.local;

import static io.jets.dynamodb.local.Clients.attribute;
import static io.jets.dynamodb.local.Clients.key;
import static io.jets.dynamodb.local.Clients.n;
import static io.jets.dynamodb.local.Clients.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A secondary index follows every way its table's items change: an item is found under its current index key
 * only, a sparse index leaves out items without the key, and an index created on a populated table holds the
 * items already there.
 */
class IndexMaintenanceIT {

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T12:00:00Z"));

    @RegisterExtension
    static final LocalServer local = LocalServer.start(b -> LocalServer.instantIndexes(b.clock(clock)
            .ttlInterval(Duration.ofMillis(100))));
    private static final DynamoDbClient client = local.dynamoDb();

    /** A table keyed by {@code id} with GSI {@code by-owner} (owner S, due N), projecting every attribute. */
    static void createTasks(DynamoDbClient client, String table) {
        client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S),
                        attribute("owner", ScalarAttributeType.S), attribute("due", ScalarAttributeType.N))
                .keySchema(key("id", KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-owner")
                        .keySchema(key("owner", KeyType.HASH), key("due", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    }

    static void putTask(DynamoDbClient client, String table, String id, String owner, String due) {
        client.putItem(b -> b.tableName(table).item(task(id, owner, due)));
    }

    private static Map<String, AttributeValue> task(String id, String owner, String due) {
        return Map.of("id", s(id), "owner", s(owner), "due", n(due), "title", s("task " + id));
    }

    /** The ids a Query of {@code by-owner} finds for an owner, in index order. */
    static List<String> tasksOf(DynamoDbClient client, String table, String owner) {
        return client.query(b -> b.tableName(table).indexName("by-owner").keyConditionExpression("#o = :o")
                        .expressionAttributeNames(Map.of("#o", "owner"))
                        .expressionAttributeValues(Map.of(":o", s(owner))))
                .items().stream().map(item -> item.get("id").s()).toList();
    }

    /** The ids a Scan of {@code by-owner} finds, in index order. */
    static List<String> scanIndex(DynamoDbClient client, String table) {
        return client.scan(b -> b.tableName(table).indexName("by-owner")).items().stream()
                .map(item -> item.get("id").s()).toList();
    }

    static GlobalSecondaryIndexDescription describeIndex(DynamoDbClient client, String table) {
        return client.describeTable(b -> b.tableName(table)).table().globalSecondaryIndexes().get(0);
    }

    @Test
    void putItem_withAnotherIndexKey_movesTheItemInTheIndex() {
        createTasks(client, "tasks-moved");
        putTask(client, "tasks-moved", "t1", "ann", "1");
        putTask(client, "tasks-moved", "t2", "ann", "2");

        putTask(client, "tasks-moved", "t1", "bob", "3");

        assertThat(tasksOf(client, "tasks-moved", "ann")).containsExactly("t2");
        assertThat(tasksOf(client, "tasks-moved", "bob")).containsExactly("t1");
        assertThat(describeIndex(client, "tasks-moved").itemCount()).isEqualTo(2);
    }

    @Test
    void updateItem_changingTheIndexSortKey_reordersTheItems() {
        createTasks(client, "tasks-reordered");
        putTask(client, "tasks-reordered", "t1", "ann", "1");
        putTask(client, "tasks-reordered", "t2", "ann", "2");

        client.updateItem(b -> b.tableName("tasks-reordered").key(Map.of("id", s("t1")))
                .updateExpression("SET due = :later").expressionAttributeValues(Map.of(":later", n("9"))));

        assertThat(tasksOf(client, "tasks-reordered", "ann")).containsExactly("t2", "t1");
    }

    @Test
    void updateItem_removingTheIndexKey_takesTheItemOutOfTheSparseIndex() {
        createTasks(client, "tasks-unassigned");
        putTask(client, "tasks-unassigned", "t1", "ann", "1");
        putTask(client, "tasks-unassigned", "t2", "ann", "2");

        client.updateItem(b -> b.tableName("tasks-unassigned").key(Map.of("id", s("t1")))
                .updateExpression("REMOVE #o").expressionAttributeNames(Map.of("#o", "owner")));

        assertThat(tasksOf(client, "tasks-unassigned", "ann")).containsExactly("t2");
        assertThat(scanIndex(client, "tasks-unassigned")).containsExactly("t2");
        assertThat(describeIndex(client, "tasks-unassigned").itemCount()).isEqualTo(1);
    }

    @Test
    void updateItem_ofAnAttributeOutsideTheKey_answersTheNewValueFromTheIndex() {
        createTasks(client, "tasks-retitled");
        putTask(client, "tasks-retitled", "t1", "ann", "1");

        client.updateItem(b -> b.tableName("tasks-retitled").key(Map.of("id", s("t1")))
                .updateExpression("SET title = :t").expressionAttributeValues(Map.of(":t", s("renamed"))));

        var items = client.query(b -> b.tableName("tasks-retitled").indexName("by-owner")
                .keyConditionExpression("#o = :o").expressionAttributeNames(Map.of("#o", "owner"))
                .expressionAttributeValues(Map.of(":o", s("ann")))).items();
        assertThat(items).containsExactly(Map.of("id", s("t1"), "owner", s("ann"), "due", n("1"),
                "title", s("renamed")));
    }

    @Test
    void deleteItem_takesTheItemOutOfTheIndex() {
        createTasks(client, "tasks-deleted");
        putTask(client, "tasks-deleted", "t1", "ann", "1");
        putTask(client, "tasks-deleted", "t2", "ann", "2");

        client.deleteItem(b -> b.tableName("tasks-deleted").key(Map.of("id", s("t2"))));

        assertThat(tasksOf(client, "tasks-deleted", "ann")).containsExactly("t1");
        assertThat(describeIndex(client, "tasks-deleted").itemCount()).isEqualTo(1);
    }

    @Test
    void batchWriteItem_putsAndDeletes_reachTheIndex() {
        createTasks(client, "tasks-batched");
        putTask(client, "tasks-batched", "t1", "ann", "1");

        client.batchWriteItem(b -> b.requestItems(Map.of("tasks-batched", List.of(
                WriteRequest.builder().deleteRequest(d -> d.key(Map.of("id", s("t1")))).build(),
                WriteRequest.builder().putRequest(p -> p.item(task("t2", "ann", "5"))).build(),
                WriteRequest.builder().putRequest(p -> p.item(task("t3", "ann", "4"))).build()))));

        assertThat(tasksOf(client, "tasks-batched", "ann")).containsExactly("t3", "t2");
    }

    @Test
    void transactWriteItems_putUpdateAndDelete_reachTheIndex() {
        createTasks(client, "tasks-transacted");
        putTask(client, "tasks-transacted", "t1", "ann", "1");
        putTask(client, "tasks-transacted", "t2", "ann", "2");

        client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("tasks-transacted").item(task("t3", "bob", "1")))
                        .build(),
                TransactWriteItem.builder().update(u -> u.tableName("tasks-transacted").key(Map.of("id", s("t1")))
                        .updateExpression("SET #o = :bob").expressionAttributeNames(Map.of("#o", "owner"))
                        .expressionAttributeValues(Map.of(":bob", s("bob")))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName("tasks-transacted").key(Map.of("id", s("t2"))))
                        .build()));

        assertThat(tasksOf(client, "tasks-transacted", "ann")).isEmpty();
        assertThat(tasksOf(client, "tasks-transacted", "bob")).containsExactly("t1", "t3");
    }

    @Test
    void transactWriteItems_cancelled_leavesTheIndexAsItWas() {
        createTasks(client, "tasks-cancelled");
        putTask(client, "tasks-cancelled", "t1", "ann", "1");

        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().update(u -> u.tableName("tasks-cancelled")
                        .key(Map.of("id", s("t1"))).updateExpression("SET #o = :bob")
                        .expressionAttributeNames(Map.of("#o", "owner"))
                        .expressionAttributeValues(Map.of(":bob", s("bob")))).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("tasks-cancelled")
                        .key(Map.of("id", s("absent"))).conditionExpression("attribute_exists(id)")).build())))
                .isInstanceOf(TransactionCanceledException.class);

        assertThat(tasksOf(client, "tasks-cancelled", "ann")).containsExactly("t1");
        assertThat(tasksOf(client, "tasks-cancelled", "bob")).isEmpty();
    }

    @Test
    void partiQlWrites_reachTheIndex() {
        createTasks(client, "tasks-partiql");

        client.executeStatement(b -> b.statement(
                "INSERT INTO \"tasks-partiql\" VALUE {'id': 't1', 'owner': 'ann', 'due': 1}"));
        client.executeStatement(b -> b.statement(
                "INSERT INTO \"tasks-partiql\" VALUE {'id': 't2', 'owner': 'ann', 'due': 2}"));
        client.executeStatement(b -> b.statement("UPDATE \"tasks-partiql\" SET \"owner\" = 'bob' WHERE id = 't1'"));
        client.executeStatement(b -> b.statement("DELETE FROM \"tasks-partiql\" WHERE id = 't2'"));

        assertThat(tasksOf(client, "tasks-partiql", "ann")).isEmpty();
        assertThat(tasksOf(client, "tasks-partiql", "bob")).containsExactly("t1");
    }

    @Test
    void timeToLiveDeletion_takesTheItemOutOfTheIndex() {
        createTasks(client, "tasks-expiring");
        client.updateTimeToLive(b -> b.tableName("tasks-expiring")
                .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        long past = clock.instant().getEpochSecond() - 60;
        client.putItem(b -> b.tableName("tasks-expiring").item(Map.of("id", s("old"), "owner", s("ann"),
                "due", n("1"), "expires", n(Long.toString(past)))));
        putTask(client, "tasks-expiring", "kept", "ann", "2");

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                client.getItem(b -> b.tableName("tasks-expiring").key(Map.of("id", s("old")))).item().isEmpty());

        assertThat(tasksOf(client, "tasks-expiring", "ann")).containsExactly("kept");
    }

    @Test
    void createGlobalIndex_onAPopulatedTable_holdsTheItemsAlreadyThere() {
        client.createTable(b -> b.tableName("tasks-later").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(key("id", KeyType.HASH)));
        for (int i = 0; i < 30; i++) {
            putTask(client, "tasks-later", "t" + i, i % 2 == 0 ? "ann" : "bob", Integer.toString(100 - i));
        }
        // written before the index existed: a number where the index expects a string, so the index leaves it out
        client.putItem(b -> b.tableName("tasks-later").item(Map.of("id", s("odd"), "owner", n("7"), "due", n("1"))));

        client.updateTable(b -> b.tableName("tasks-later")
                .attributeDefinitions(attribute("owner", ScalarAttributeType.S), attribute("due", ScalarAttributeType.N))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-owner")
                        .keySchema(key("owner", KeyType.HASH), key("due", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))));
        putTask(client, "tasks-later", "new", "ann", "0");

        assertThat(tasksOf(client, "tasks-later", "ann")).containsExactly("new", "t28", "t26", "t24", "t22",
                "t20", "t18", "t16", "t14", "t12", "t10", "t8", "t6", "t4", "t2", "t0");
        assertThat(tasksOf(client, "tasks-later", "bob")).hasSize(15);
        assertThat(describeIndex(client, "tasks-later").itemCount()).isEqualTo(31);
    }

    @Test
    void deleteGlobalIndex_thenCreateItAgainWithAnotherKey_holdsTheItemsByTheNewKey() {
        createTasks(client, "tasks-rekeyed");
        putTask(client, "tasks-rekeyed", "t1", "ann", "1");
        client.putItem(b -> b.tableName("tasks-rekeyed").item(Map.of("id", s("t2"), "owner", s("bob"),
                "due", n("2"), "team", s("ann"))));

        client.updateTable(b -> b.tableName("tasks-rekeyed")
                .globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("by-owner"))));
        client.updateTable(b -> b.tableName("tasks-rekeyed")
                .attributeDefinitions(attribute("team", ScalarAttributeType.S), attribute("due", ScalarAttributeType.N))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-owner")
                        .keySchema(key("team", KeyType.HASH), key("due", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))));

        var items = client.query(b -> b.tableName("tasks-rekeyed").indexName("by-owner")
                .keyConditionExpression("team = :t").expressionAttributeValues(Map.of(":t", s("ann")))).items();
        assertThat(items).containsExactly(Map.of("id", s("t2"), "team", s("ann"), "due", n("2")));
        assertThat(describeIndex(client, "tasks-rekeyed").itemCount()).isEqualTo(1);
    }

    @Test
    void deleteTable_thenCreateItAgain_startsWithAnEmptyIndex() {
        createTasks(client, "tasks-recreated");
        putTask(client, "tasks-recreated", "t1", "ann", "1");

        client.deleteTable(b -> b.tableName("tasks-recreated"));
        createTasks(client, "tasks-recreated");

        assertThat(tasksOf(client, "tasks-recreated", "ann")).isEmpty();
        assertThat(describeIndex(client, "tasks-recreated").itemCount()).isZero();
    }

    @Test
    void restoreTableFromBackup_indexesTheRestoredItems() {
        createTasks(client, "tasks-saved");
        putTask(client, "tasks-saved", "t1", "ann", "2");
        putTask(client, "tasks-saved", "t2", "ann", "1");
        String backup = client.createBackup(b -> b.tableName("tasks-saved").backupName("nightly")).backupDetails()
                .backupArn();
        putTask(client, "tasks-saved", "t3", "ann", "3");

        client.restoreTableFromBackup(b -> b.targetTableName("tasks-restored").backupArn(backup));

        assertThat(tasksOf(client, "tasks-restored", "ann")).containsExactly("t2", "t1");
        assertThat(describeIndex(client, "tasks-restored").itemCount()).isEqualTo(2);
    }

    @Test
    void restoreTableToPointInTime_indexesTheItemsAsTheyWere() {
        MutableClock own = new MutableClock(Instant.parse("2026-05-02T08:00:00Z"));
        try (LocalServer server = LocalServer.start(b -> b.clock(own))) {
            DynamoDbClient dynamoDb = server.dynamoDb();
            createTasks(dynamoDb, "tasks-history");
            dynamoDb.updateContinuousBackups(b -> b.tableName("tasks-history")
                    .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
            putTask(dynamoDb, "tasks-history", "t1", "ann", "1");
            own.advance(Duration.ofMinutes(1));
            Instant then = own.instant();
            own.advance(Duration.ofMinutes(1));
            putTask(dynamoDb, "tasks-history", "t1", "bob", "1");
            own.advance(Duration.ofMinutes(10));

            dynamoDb.restoreTableToPointInTime(b -> b.sourceTableName("tasks-history")
                    .targetTableName("tasks-then").restoreDateTime(then));

            assertThat(tasksOf(dynamoDb, "tasks-then", "ann")).containsExactly("t1");
            assertThat(tasksOf(dynamoDb, "tasks-then", "bob")).isEmpty();
        }
    }

    @Test
    void multiAttributeIndex_followsWrites_andKeepsPrefixesApart() {
        client.createTable(b -> b.tableName("homes").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S),
                        attribute("country", ScalarAttributeType.S), attribute("city", ScalarAttributeType.S),
                        attribute("street", ScalarAttributeType.S), attribute("number", ScalarAttributeType.N))
                .keySchema(key("id", KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-place")
                        .keySchema(key("country", KeyType.HASH), key("city", KeyType.HASH),
                                key("street", KeyType.RANGE), key("number", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
        home("h1", "Lyon", "rue", "1");
        home("h2", "Lyon", "rue", "10");
        home("h3", "Lyon", "rue a", "2");
        home("h4", "Lyon", "ru", "5");
        // "Ly" + "on" spells "Lyon": the index must still tell the cities apart
        home("h5", "Ly", "on", "1");

        client.updateItem(b -> b.tableName("homes").key(Map.of("id", s("h1")))
                .updateExpression("SET street = :s").expressionAttributeValues(Map.of(":s", s("rue b"))));

        assertThat(homes("city = :c", Map.of(), true)).containsExactly("h4", "h2", "h3", "h1");
        assertThat(homes("city = :c AND street = :s", Map.of(":s", s("rue")), true)).containsExactly("h2");
        assertThat(homes("city = :c AND begins_with(street, :s)", Map.of(":s", s("rue")), false))
                .containsExactly("h1", "h3", "h2");
        assertThat(homes("city = :c AND street = :s AND #n > :n", Map.of(":s", s("rue"), ":n", n("1")), true))
                .containsExactly("h2");
        List<String> paged = new java.util.ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = client.query(b -> b.tableName("homes").indexName("by-place").limit(1).exclusiveStartKey(from)
                    .keyConditionExpression("country = :fr AND city = :c")
                    .expressionAttributeValues(Map.of(":fr", s("FR"), ":c", s("Lyon"))));
            page.items().forEach(item -> paged.add(item.get("id").s()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        assertThat(paged).containsExactly("h4", "h2", "h3", "h1");
    }

    private static void home(String id, String city, String street, String number) {
        client.putItem(b -> b.tableName("homes").item(Map.of("id", s(id), "country", s("FR"), "city", s(city),
                "street", s(street), "number", n(number))));
    }

    /** The ids a Query of {@code by-place} finds in Lyon, the condition naming the city {@code :c}. */
    private static List<String> homes(String condition, Map<String, AttributeValue> values, boolean forward) {
        Map<String, AttributeValue> all = new java.util.HashMap<>(values);
        all.put(":fr", s("FR"));
        all.put(":c", s("Lyon"));
        return client.query(b -> b.tableName("homes").indexName("by-place").scanIndexForward(forward)
                        .keyConditionExpression("country = :fr AND " + condition)
                        .expressionAttributeNames(condition.contains("#n") ? Map.of("#n", "number") : null)
                        .expressionAttributeValues(all))
                .items().stream().map(item -> item.get("id").s()).toList();
    }
}
