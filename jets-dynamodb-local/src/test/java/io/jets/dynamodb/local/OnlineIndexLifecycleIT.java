package io.jets.dynamodb.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateVectorIndexAction;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.VectorDistanceFunction;
import software.amazon.awssdk.services.dynamodb.model.VectorIndexDescription;

/**
 * An index added to a live table walks DynamoDB's phases on the server's clock (default times: the table UPDATING
 * and the index allocated for 2.5 s, then backfilled until 7 s), with DynamoDB's refusals in each phase.
 */
class OnlineIndexLifecycleIT {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-08-23T10:00:00Z"));

    @RegisterExtension
    final LocalServer local = LocalServer.start(b -> b.clock(clock));
    private final DynamoDbClient client = local.dynamoDb();

    private static final CreateGlobalSecondaryIndexAction BY_COLOR = CreateGlobalSecondaryIndexAction.builder()
            .indexName("by-color").keySchema(Clients.key("color", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL)).build();

    private static CreateVectorIndexAction vectorIndex(String name) {
        return CreateVectorIndexAction.builder().indexName(name).vectorAttribute(v -> v.attributeName("embedding"))
                .dimensions(3L).distanceFunction(VectorDistanceFunction.COSINE)
                .projection(p -> p.projectionType(ProjectionType.ALL)).build();
    }

    private static AttributeValue vector(String... numbers) {
        return AttributeValue.fromL(Arrays.stream(numbers).map(Clients::n).toList());
    }

    /** A live table of five items, each with a color and an embedding. */
    private void liveTable() {
        client.createTable(b -> b.tableName("things").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(Clients.attribute("pk", ScalarAttributeType.S))
                .keySchema(Clients.key("pk", KeyType.HASH)));
        for (int i = 0; i < 5; i++) {
            put("item-" + i);
        }
    }

    private void put(String pk) {
        client.putItem(b -> b.tableName("things").item(Map.of("pk", Clients.s(pk), "color", Clients.s("red"),
                "embedding", vector(String.valueOf(pk.length()), "1", "0"))));
    }

    private TableDescription addColorIndex() {
        return client.updateTable(b -> b.tableName("things")
                .attributeDefinitions(Clients.attribute("color", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(BY_COLOR))).tableDescription();
    }

    private TableDescription addVectorIndex(String name) {
        return client.updateTable(b -> b.tableName("things").vectorIndexUpdates(u -> u.create(vectorIndex(name))))
                .tableDescription();
    }

    private TableDescription describe() {
        return client.describeTable(b -> b.tableName("things")).table();
    }

    private GlobalSecondaryIndexDescription colorIndex() {
        return describe().globalSecondaryIndexes().get(0);
    }

    private VectorIndexDescription vectorIndexDescription() {
        return describe().vectorIndexes().get(0);
    }

    private int queryColor() {
        return client.query(b -> b.tableName("things").indexName("by-color").keyConditionExpression("color = :c")
                .expressionAttributeValues(Map.of(":c", Clients.s("red")))).count();
    }

    private int scanColor() {
        return client.scan(b -> b.tableName("things").indexName("by-color")).count();
    }

    private int search(String index) {
        return client.searchVectors(b -> b.tableName("things").indexName(index).topK(10)
                .searchVector(Clients.n("1"), Clients.n("1"), Clients.n("0"))).searchResults().size();
    }

    private void advanceTo(long millisAfterCall, long[] now) {
        clock.advance(Duration.ofMillis(millisAfterCall - now[0]));
        now[0] = millisAfterCall;
    }

    private static void assertError(Runnable call, Class<? extends AwsServiceException> type, String code,
                                    String message) {
        assertThatThrownBy(call::run).isInstanceOf(type).satisfies(e -> {
            assertThat(((AwsServiceException) e).awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(((AwsServiceException) e).awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    private static void assertValidation(Runnable call, String message) {
        assertError(call, DynamoDbException.class, "ValidationException", message);
    }

    @Test
    void addGlobalIndex_walksUpdatingAllocatingBackfillingThenActive_andRefusesReadsUntilActive() {
        liveTable();
        long[] now = {0};

        TableDescription answer = addColorIndex();
        assertThat(answer.tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(answer.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(answer.globalSecondaryIndexes().get(0).backfilling()).isFalse();

        assertThat(describe().tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(colorIndex().indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(colorIndex().backfilling()).isFalse();
        assertValidation(this::queryColor, "The table does not have the specified index: by-color");
        assertValidation(this::scanColor, "The table does not have the specified index: by-color");

        advanceTo(2499, now);
        assertThat(describe().tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(colorIndex().indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(colorIndex().backfilling()).isFalse();

        advanceTo(2500, now);
        assertThat(describe().tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(colorIndex().indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(colorIndex().backfilling()).isTrue();
        assertValidation(this::queryColor, "Cannot read from backfilling global secondary index: by-color");
        assertValidation(this::scanColor, "Cannot read from backfilling global secondary index: by-color");
        put("written-while-backfilling");

        advanceTo(6999, now);
        assertThat(colorIndex().indexStatus()).isEqualTo(IndexStatus.CREATING);
        advanceTo(7000, now);
        assertThat(colorIndex().indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(colorIndex().backfilling()).isNull();
        assertThat(queryColor()).isEqualTo(6);
        assertThat(scanColor()).isEqualTo(6);
    }

    @Test
    void addVectorIndex_walksUpdatingAllocatingBackfillingThenActive_andRefusesSearchesUntilActive() {
        liveTable();
        long[] now = {0};

        TableDescription answer = addVectorIndex("vix");
        assertThat(answer.tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(answer.vectorIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(answer.vectorIndexes().get(0).backfilling()).isFalse();

        assertThat(describe().tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(vectorIndexDescription().indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(vectorIndexDescription().backfilling()).isFalse();
        assertValidation(() -> search("vix"), "The table does not have the specified index: vix");

        advanceTo(2499, now);
        assertThat(describe().tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertValidation(() -> search("vix"), "The table does not have the specified index: vix");

        advanceTo(2500, now);
        assertThat(describe().tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(vectorIndexDescription().indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(vectorIndexDescription().backfilling()).isTrue();
        assertValidation(() -> search("vix"), "Cannot search backfilling vector index: vix");
        put("written-while-backfilling");

        advanceTo(7000, now);
        assertThat(describe().tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(vectorIndexDescription().indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(vectorIndexDescription().backfilling()).isNull();
        assertThat(search("vix")).isEqualTo(6);
    }

    @Test
    void deleteWhileAllocating_isRefused_andDeleteWhileBackfilling_cancelsTheGlobalIndex() {
        liveTable();
        long[] now = {0};
        addColorIndex();

        assertError(() -> client.updateTable(b -> b.tableName("things")
                        .globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("by-color")))),
                ResourceInUseException.class, "ResourceInUseException",
                "Attempt to change a resource which is still in use: Index creation is in resource allocation phase."
                        + " Retry deletion during backfilling phase or when the index is active. Table: things"
                        + " Index: by-color");
        advanceTo(2499, now);
        assertThatThrownBy(() -> client.updateTable(b -> b.tableName("things")
                .globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("by-color")))))
                .isInstanceOf(ResourceInUseException.class);

        // a client that waits for the table to be ACTIVE again finds the index backfilling, and cancels it
        advanceTo(2500, now);
        assertThat(describe().tableStatus()).isEqualTo(TableStatus.ACTIVE);
        TableDescription answer = client.updateTable(b -> b.tableName("things")
                .globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("by-color")))).tableDescription();
        assertThat(answer.tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(answer.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.DELETING);
        assertThat(describe().tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(describe().globalSecondaryIndexes()).isEmpty();
        client.deleteTable(b -> b.tableName("things"));
    }

    @Test
    void deleteWhileAllocating_isRefused_andDeleteWhileBackfilling_cancelsTheVectorIndex() {
        liveTable();
        long[] now = {0};
        addVectorIndex("vix");

        assertError(() -> client.updateTable(b -> b.tableName("things")
                        .vectorIndexUpdates(u -> u.delete(d -> d.indexName("vix")))),
                ResourceInUseException.class, "ResourceInUseException",
                "Attempt to change a resource which is still in use: Index creation is in resource allocation phase."
                        + " Retry deletion during backfilling phase or when the index is active. Table: things"
                        + " Index: vix");

        advanceTo(3000, now);
        TableDescription answer = client.updateTable(b -> b.tableName("things")
                .vectorIndexUpdates(u -> u.delete(d -> d.indexName("vix")))).tableDescription();
        assertThat(answer.vectorIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.DELETING);
        assertThat(describe().tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(describe().vectorIndexes()).isEmpty();
        client.deleteTable(b -> b.tableName("things"));
    }

    @Test
    void secondIndexCreation_inItsOwnCall_isRefusedUntilTheFirstIsActive() {
        liveTable();
        long[] now = {0};
        addVectorIndex("vix");
        String limit = "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per"
                + " table";

        assertError(() -> addVectorIndex("vix2"), LimitExceededException.class, "LimitExceededException", limit);
        assertError(this::addColorIndex, LimitExceededException.class, "LimitExceededException", limit);
        advanceTo(5000, now);
        assertError(() -> addVectorIndex("vix2"), LimitExceededException.class, "LimitExceededException", limit);

        advanceTo(7000, now);
        addColorIndex();
        assertError(() -> addVectorIndex("vix2"), LimitExceededException.class, "LimitExceededException", limit);
        advanceTo(14000, now);
        assertThat(addVectorIndex("vix2").vectorIndexes()).extracting(VectorIndexDescription::indexName)
                .containsExactly("vix", "vix2");
    }

    @Test
    void deleteTable_whileAnIndexIsBeingCreated_isRefused() {
        liveTable();
        long[] now = {0};
        addColorIndex();

        assertError(() -> client.deleteTable(b -> b.tableName("things")), ResourceInUseException.class,
                "ResourceInUseException", "Attempt to change a resource which is still in use: Table is being"
                        + " updated: things");
        advanceTo(2500, now);
        assertError(() -> client.deleteTable(b -> b.tableName("things")), ResourceInUseException.class,
                "ResourceInUseException", "Attempt to change a resource which is still in use: Cannot delete table"
                        + " while indexes are being created, updated, or deleted.");
        advanceTo(6000, now);
        assertThatThrownBy(() -> client.deleteTable(b -> b.tableName("things")))
                .isInstanceOf(ResourceInUseException.class);

        advanceTo(7000, now);
        assertThat(client.deleteTable(b -> b.tableName("things")).tableDescription().tableStatus())
                .isEqualTo(TableStatus.DELETING);
    }

    @Test
    void otherTableUpdate_whileAnIndexBackfills_answersTheIndexAsItIs() {
        liveTable();
        long[] now = {0};
        addColorIndex();
        advanceTo(3000, now);

        TableDescription answer = client.updateTable(b -> b.tableName("things")
                .streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_IMAGE"))).tableDescription();

        assertThat(answer.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(answer.globalSecondaryIndexes().get(0).backfilling()).isTrue();
        assertThat(colorIndex().backfilling()).isTrue();
    }

    @Test
    void indexesCreatedWithTheTable_areActiveWithIt_withoutBackfilling() {
        client.createTable(b -> b.tableName("things").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(Clients.attribute("pk", ScalarAttributeType.S),
                        Clients.attribute("color", ScalarAttributeType.S))
                .keySchema(Clients.key("pk", KeyType.HASH))
                .globalSecondaryIndexes(g -> g.indexName("by-color").keySchema(Clients.key("color", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .vectorIndexes(v -> v.indexName("vix").vectorAttribute(a -> a.attributeName("embedding"))
                        .dimensions(3L).distanceFunction(VectorDistanceFunction.COSINE)
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        put("item-0");

        TableDescription table = describe();
        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(table.globalSecondaryIndexes().get(0).backfilling()).isNull();
        assertThat(table.vectorIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(table.vectorIndexes().get(0).backfilling()).isNull();
        assertThat(queryColor()).isEqualTo(1);
        assertThat(search("vix")).isEqualTo(1);
        client.deleteTable(b -> b.tableName("things"));
    }

    @Test
    void zeroCreationTimes_makeAnAddedIndexActiveAtOnce() {
        try (LocalServer instant = LocalServer.start(b -> b.clock(clock)
                .indexCreation(Duration.ZERO, Duration.ZERO, Duration.ZERO))) {
            DynamoDbClient other = instant.dynamoDb();
            other.createTable(b -> b.tableName("things").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(Clients.attribute("pk", ScalarAttributeType.S))
                    .keySchema(Clients.key("pk", KeyType.HASH)));
            TableDescription answer = other.updateTable(b -> b.tableName("things")
                    .attributeDefinitions(Clients.attribute("color", ScalarAttributeType.S))
                    .globalSecondaryIndexUpdates(u -> u.create(BY_COLOR))).tableDescription();
            assertThat(answer.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);

            TableDescription table = other.describeTable(b -> b.tableName("things")).table();
            assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
            assertThat(table.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.ACTIVE);
            assertThat(table.globalSecondaryIndexes().get(0).backfilling()).isNull();
            assertThat(other.query(b -> b.tableName("things").indexName("by-color")
                    .keyConditionExpression("color = :c").expressionAttributeValues(Map.of(":c", Clients.s("red"))))
                    .count()).isZero();
            other.updateTable(b -> b.tableName("things").vectorIndexUpdates(u -> u.create(vectorIndex("vix"))));
            assertThat(other.describeTable(b -> b.tableName("things")).table().vectorIndexes().get(0)
                    .indexStatus()).isEqualTo(IndexStatus.ACTIVE);
            other.deleteTable(b -> b.tableName("things"));
        }
    }

    @Test
    void tableUpdatingShorterThanAllocation_leavesTheTableActiveBesideAnAllocatingIndex() {
        try (LocalServer early = LocalServer.start(b -> b.clock(clock)
                .indexCreation(Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofMillis(4500)))) {
            DynamoDbClient other = early.dynamoDb();
            other.createTable(b -> b.tableName("things").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(Clients.attribute("pk", ScalarAttributeType.S))
                    .keySchema(Clients.key("pk", KeyType.HASH)));
            other.updateTable(b -> b.tableName("things").vectorIndexUpdates(u -> u.create(vectorIndex("vix"))));
            clock.advance(Duration.ofSeconds(1));

            TableDescription table = other.describeTable(b -> b.tableName("things")).table();
            assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
            assertThat(table.vectorIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);
            assertThat(table.vectorIndexes().get(0).backfilling()).isFalse();
            assertError(() -> other.updateTable(b -> b.tableName("things")
                            .vectorIndexUpdates(u -> u.delete(d -> d.indexName("vix")))),
                    ResourceInUseException.class, "ResourceInUseException",
                    "Attempt to change a resource which is still in use: Index creation is in resource allocation"
                            + " phase. Retry deletion during backfilling phase or when the index is active. Table:"
                            + " things Index: vix");
            assertError(() -> other.deleteTable(b -> b.tableName("things")), ResourceInUseException.class,
                    "ResourceInUseException", "Attempt to change a resource which is still in use: Cannot delete"
                            + " table while indexes are being created, updated, or deleted.");
        }
    }

    /** What one DescribeTable shows: the table's status, then the vector index's status and Backfilling field. */
    private String state() {
        TableDescription table = describe();
        VectorIndexDescription index = table.vectorIndexes().get(0);
        return table.tableStatus() + " " + index.indexStatus() + " " + index.backfilling();
    }

    @Test
    void pollingEverySecond_seesTheTableUpdatingWhileAllocating_thenActiveBesideTheBackfill() {
        liveTable();
        addVectorIndex("vix");
        List<String> seen = new ArrayList<>();
        for (int poll = 0; poll <= 7; poll++) {
            seen.add(state());
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(seen).containsExactly("UPDATING CREATING false", "UPDATING CREATING false",
                "UPDATING CREATING false", "ACTIVE CREATING true", "ACTIVE CREATING true", "ACTIVE CREATING true",
                "ACTIVE CREATING true", "ACTIVE ACTIVE null");
    }

    @Test
    void pollingEveryFiveSeconds_seesTheTableActiveBesideACreatingIndex() {
        liveTable();
        addVectorIndex("vix");
        List<String> seen = new ArrayList<>();
        for (int poll = 0; poll <= 2; poll++) {
            seen.add(state());
            clock.advance(Duration.ofSeconds(5));
        }

        assertThat(seen).containsExactly("UPDATING CREATING false", "ACTIVE CREATING true", "ACTIVE ACTIVE null");
    }
}
