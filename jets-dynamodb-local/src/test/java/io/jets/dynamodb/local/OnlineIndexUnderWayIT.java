package io.jets.dynamodb.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.VectorDistanceFunction;
import software.amazon.awssdk.services.dynamodb.model.VectorIndexDescription;

/**
 * What a table answers while an index that UpdateTable added is still being built (default times: the table
 * UPDATING and the index allocated for 2.5 s, then backfilled until 7 s): ExecuteStatement reads of the index are
 * refused as Query and Scan are (BatchExecuteStatement and ExecuteTransaction read no index at all), no other change
 * of the table is taken while it is UPDATING, and DescribeTable shows the index empty until it is ACTIVE.
 */
class OnlineIndexUnderWayIT {

    private static final String BEING_UPDATED = "Attempt to change a resource which is still in use: Table is being"
            + " updated: things";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-08-23T10:00:00Z"));

    @RegisterExtension
    final LocalServer local = LocalServer.start(b -> b.clock(clock));
    private final DynamoDbClient client = local.dynamoDb();

    /** A live on-demand table of five items, each with a color and an embedding. */
    private void liveTable() {
        client.createTable(b -> b.tableName("things").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(Clients.attribute("pk", ScalarAttributeType.S))
                .keySchema(Clients.key("pk", KeyType.HASH)));
        for (int i = 0; i < 5; i++) {
            String pk = "item-" + i;
            client.putItem(b -> b.tableName("things").item(Map.of("pk", Clients.s(pk), "color", Clients.s("red"),
                    "embedding", vector(String.valueOf(pk.length()), "1", "0"))));
        }
    }

    private static AttributeValue vector(String... numbers) {
        return AttributeValue.fromL(Arrays.stream(numbers).map(Clients::n).toList());
    }

    private void addColorIndex() {
        client.updateTable(b -> b.tableName("things")
                .attributeDefinitions(Clients.attribute("color", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-color")
                        .keySchema(Clients.key("color", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))));
    }

    private void addVectorIndex() {
        client.updateTable(b -> b.tableName("things").vectorIndexUpdates(u -> u.create(c -> c.indexName("vix")
                .vectorAttribute(v -> v.attributeName("embedding")).dimensions(3L)
                .distanceFunction(VectorDistanceFunction.COSINE)
                .projection(p -> p.projectionType(ProjectionType.ALL)))));
    }

    private GlobalSecondaryIndexDescription colorIndex() {
        return client.describeTable(b -> b.tableName("things")).table().globalSecondaryIndexes().get(0);
    }

    private VectorIndexDescription vectorIndex() {
        return client.describeTable(b -> b.tableName("things")).table().vectorIndexes().get(0);
    }

    private int selectFromColorIndex() {
        return client.executeStatement(b -> b.statement("SELECT * FROM \"things\".\"by-color\" WHERE color = 'red'"))
                .items().size();
    }

    private static void assertError(Runnable call, Class<? extends AwsServiceException> type, String code,
                                    String message) {
        assertThatThrownBy(call::run).isInstanceOf(type).satisfies(e -> {
            assertThat(((AwsServiceException) e).awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(((AwsServiceException) e).awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    @Test
    void partiQlSelectFromAGlobalIndex_isRefusedWhileAllocatingAndBackfilling_thenAnswered() {
        liveTable();
        addColorIndex();

        // ExecuteStatement names no index when it finds none; an index still allocated is not found yet
        assertError(this::selectFromColorIndex, DynamoDbException.class, "ValidationException",
                "The table does not have the specified index");
        assertThat(client.executeStatement(b -> b.statement("SELECT * FROM \"things\"")).items()).hasSize(5);

        clock.advance(Duration.ofMillis(2500));
        assertError(this::selectFromColorIndex, DynamoDbException.class, "ValidationException",
                "Cannot read from backfilling global secondary index: by-color");

        clock.advance(Duration.ofMillis(4500));
        assertThat(selectFromColorIndex()).isEqualTo(5);
    }

    @Test
    void partiQlTransactionReadOfAnIndexBeingBuilt_isRefusedAsEveryTransactionReadOfAnIndexIs() {
        liveTable();
        addColorIndex();

        assertError(() -> client.executeTransaction(b -> b.transactStatements(s -> s.statement(
                        "SELECT * FROM \"things\".\"by-color\" WHERE pk = 'item-0'"))),
                DynamoDbException.class, "ValidationException", "Validation failed in TransactStatements[0]: Reads"
                        + " on indices are not supported within transactions.");
    }

    /** One of each change UpdateTable makes besides creating and deleting indexes. */
    private static List<Consumer<UpdateTableRequest.Builder>> otherChanges() {
        return List.of(
                b -> b.streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_IMAGE")),
                b -> b.deletionProtectionEnabled(true),
                b -> b.tableClass(TableClass.STANDARD_INFREQUENT_ACCESS),
                b -> b.warmThroughput(w -> w.readUnitsPerSecond(13000L)),
                b -> b.onDemandThroughput(t -> t.maxReadRequestUnits(100L)));
    }

    private void update(Consumer<UpdateTableRequest.Builder> change) {
        client.updateTable(b -> change.accept(b.tableName("things")));
    }

    @Test
    void otherTableUpdates_whileTheTableIsUpdatingForAnIndex_areRefused_andTakenOnceItIsActive() {
        liveTable();
        addColorIndex();

        for (Consumer<UpdateTableRequest.Builder> change : otherChanges()) {
            assertError(() -> update(change), ResourceInUseException.class, "ResourceInUseException", BEING_UPDATED);
        }
        clock.advance(Duration.ofMillis(2499));
        assertError(() -> update(otherChanges().get(0)), ResourceInUseException.class, "ResourceInUseException",
                BEING_UPDATED);
        var table = client.describeTable(b -> b.tableName("things")).table();
        assertThat(table.streamSpecification()).isNull();
        assertThat(table.deletionProtectionEnabled()).isFalse();
        assertThat(table.tableClassSummary()).isNull();

        // the table is ACTIVE again as the backfill starts: each change is taken, the index still backfilling
        clock.advance(Duration.ofMillis(1));
        for (Consumer<UpdateTableRequest.Builder> change : otherChanges()) {
            update(change);
        }
        table = client.describeTable(b -> b.tableName("things")).table();
        assertThat(table.streamSpecification().streamEnabled()).isTrue();
        assertThat(table.deletionProtectionEnabled()).isTrue();
        assertThat(table.tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
        assertThat(table.globalSecondaryIndexes().get(0).backfilling()).isTrue();
    }

    @Test
    void capacityChanges_whileAProvisionedTableIsUpdatingForAnIndex_areRefused() {
        client.createTable(b -> b.tableName("things").billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L))
                .attributeDefinitions(Clients.attribute("pk", ScalarAttributeType.S))
                .keySchema(Clients.key("pk", KeyType.HASH)));
        client.updateTable(b -> b.tableName("things")
                .attributeDefinitions(Clients.attribute("color", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-color")
                        .keySchema(Clients.key("color", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L)))));

        assertError(() -> update(b -> b.provisionedThroughput(t -> t.readCapacityUnits(10L).writeCapacityUnits(10L))),
                ResourceInUseException.class, "ResourceInUseException", BEING_UPDATED);
        assertError(() -> update(b -> b.billingMode(BillingMode.PAY_PER_REQUEST)), ResourceInUseException.class,
                "ResourceInUseException", BEING_UPDATED);

        clock.advance(Duration.ofMillis(2500));
        update(b -> b.provisionedThroughput(t -> t.readCapacityUnits(10L).writeCapacityUnits(10L)));
        assertThat(client.describeTable(b -> b.tableName("things")).table().provisionedThroughput()
                .readCapacityUnits()).isEqualTo(10L);
    }

    @Test
    void otherTableUpdate_whileTheTableIsUpdatingForAVectorIndex_isRefused() {
        liveTable();
        addVectorIndex();

        assertError(() -> update(otherChanges().get(0)), ResourceInUseException.class, "ResourceInUseException",
                BEING_UPDATED);
        clock.advance(Duration.ofMillis(2500));
        update(otherChanges().get(0));
    }

    @Test
    void describeTable_showsAGlobalIndexBeingBuiltEmptyAndWithoutWarmThroughput_untilItIsActive() {
        liveTable();
        addColorIndex();

        GlobalSecondaryIndexDescription allocating = colorIndex();
        assertThat(allocating.itemCount()).isZero();
        assertThat(allocating.indexSizeBytes()).isZero();
        assertThat(allocating.warmThroughput()).isNull();
        clock.advance(Duration.ofMillis(2500));
        GlobalSecondaryIndexDescription backfilling = colorIndex();
        assertThat(backfilling.backfilling()).isTrue();
        assertThat(backfilling.itemCount()).isZero();
        assertThat(backfilling.indexSizeBytes()).isZero();
        assertThat(backfilling.warmThroughput()).isNull();

        clock.advance(Duration.ofMillis(4500));
        GlobalSecondaryIndexDescription active = colorIndex();
        assertThat(active.itemCount()).isEqualTo(5L);
        assertThat(active.indexSizeBytes()).isPositive();
        assertThat(active.warmThroughput().readUnitsPerSecond()).isEqualTo(12000L);
        assertThat(active.warmThroughput().statusAsString()).isEqualTo("ACTIVE");
        // the capacity is the index's own from the start, as DynamoDB's answers show it while it is created
        assertThat(backfilling.provisionedThroughput()).isEqualTo(active.provisionedThroughput());
    }

    @Test
    void describeTable_showsAVectorIndexBeingBuiltEmpty_untilItIsActive() {
        liveTable();
        addVectorIndex();

        assertThat(vectorIndex().itemCount()).isZero();
        assertThat(vectorIndex().indexSizeBytes()).isZero();
        clock.advance(Duration.ofMillis(2500));
        assertThat(vectorIndex().itemCount()).isZero();

        clock.advance(Duration.ofMillis(4500));
        assertThat(vectorIndex().itemCount()).isEqualTo(5L);
        assertThat(vectorIndex().indexSizeBytes()).isPositive();
    }
}
