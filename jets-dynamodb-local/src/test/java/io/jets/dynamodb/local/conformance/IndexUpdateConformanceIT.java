package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.range;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Global indexes added to and removed from an existing table: which existing items a new index holds, and the
 * rules DynamoDB checks on GlobalSecondaryIndexUpdates before changing anything.
 */
class IndexUpdateConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start(LocalServer::instantIndexes);
    private static final DynamoDbClient client = local.dynamoDb();
    private static final Projection ALL = Projection.builder().projectionType(ProjectionType.ALL).build();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("shipments").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("leg", ScalarAttributeType.S),
                        attribute("carrier", ScalarAttributeType.S))
                .keySchema(hash("id"), range("leg"))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-carrier")
                        .keySchema(hash("id"), range("carrier")).projection(ALL).build()));
        client.putItem(b -> b.tableName("shipments").item(item("id", s("s1"), "leg", s("1"), "port", s("OSLO"))));
        client.putItem(b -> b.tableName("shipments").item(item("id", s("s2"), "leg", s("1"), "port", n("7"))));
        client.putItem(b -> b.tableName("shipments").item(item("id", s("s3"), "leg", s("1"), "port", s(""))));
        client.putItem(b -> b.tableName("shipments").item(item("id", s("s4"), "leg", s("1"),
                "port", s("p".repeat(2049)))));
        client.putItem(b -> b.tableName("shipments").item(item("id", s("s5"), "leg", s("1"),
                "port", s("p".repeat(1025)))));
        client.putItem(b -> b.tableName("shipments").item(item("id", s("s6"), "leg", s("1"))));
    }

    private static GlobalSecondaryIndexUpdate create(String indexName, String... keys) {
        return GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName(indexName)
                .keySchema(keys.length == 1 ? java.util.List.of(hash(keys[0])) : java.util.List.of(hash(keys[0]),
                        range(keys[1])))
                .projection(ALL)).build();
    }

    private static GlobalSecondaryIndexUpdate delete(String indexName) {
        return GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName(indexName)).build();
    }

    @Test
    void createIndex_holdsOnlyExistingItemsWhoseKeyHasTheDefinedTypeAndFitsTheKeyLimits() {
        client.updateTable(b -> b.tableName("shipments")
                .attributeDefinitions(attribute("port", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(create("by-port", "port")));
        client.updateTable(b -> b.tableName("shipments")
                .attributeDefinitions(attribute("port", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(create("by-leg-port", "leg", "port")));

        assertThat(client.scan(b -> b.tableName("shipments").indexName("by-port")).items())
                .extracting(found -> found.get("id").s()).containsExactlyInAnyOrder("s1", "s5");
        assertThat(client.scan(b -> b.tableName("shipments").indexName("by-leg-port")).items())
                .extracting(found -> found.get("id").s()).containsExactly("s1");
        assertThat(client.describeTable(b -> b.tableName("shipments")).table().globalSecondaryIndexes())
                .filteredOn(index -> index.indexName().equals("by-port"))
                .extracting(index -> index.itemCount()).containsExactly(2L);
    }

    @Test
    void createIndex_isAnsweredUnderWay_andDescribedActiveAfterwards() {
        client.createTable(b -> b.tableName("parcels").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id")));
        client.putItem(b -> b.tableName("parcels").item(item("id", s("p1"), "depot", s("BERGEN"))));

        var answered = client.updateTable(b -> b.tableName("parcels")
                .attributeDefinitions(attribute("depot", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(create("by-depot", "depot"))).tableDescription();

        assertThat(answered.tableStatus()).isEqualTo(TableStatus.UPDATING);
        var creating = answered.globalSecondaryIndexes().get(0);
        assertThat(creating.indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(creating.backfilling()).isFalse();
        assertThat(creating.itemCount()).isZero();
        assertThat(creating.indexSizeBytes()).isZero();
        assertThat(creating.warmThroughput()).isNull();
        var described = client.describeTable(b -> b.tableName("parcels")).table();
        assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(described.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(described.globalSecondaryIndexes().get(0).backfilling()).isNull();
        assertThat(described.globalSecondaryIndexes().get(0).itemCount()).isEqualTo(1L);
    }

    @Test
    void deleteIndex_isAnsweredUnderWay_andGoneFromDescribeTable() {
        client.createTable(b -> b.tableName("crates").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("bay", ScalarAttributeType.S))
                .keySchema(hash("id"))
                .globalSecondaryIndexes(g -> g.indexName("by-bay").keySchema(hash("bay")).projection(ALL)));

        var answered = client.updateTable(b -> b.tableName("crates")
                .globalSecondaryIndexUpdates(delete("by-bay"))).tableDescription();

        assertThat(answered.tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(answered.globalSecondaryIndexes()).extracting(index -> index.indexName() + " "
                + index.indexStatus()).containsExactly("by-bay DELETING");
        var described = client.describeTable(b -> b.tableName("crates")).table();
        assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(described.hasGlobalSecondaryIndexes()).isFalse();
    }

    @Test
    void createIndex_withTheNameOfAnExistingIndex_isValidationError() {
        assertValidation(() -> client.updateTable(b -> b.tableName("shipments")
                        .attributeDefinitions(attribute("crew", ScalarAttributeType.S))
                        .globalSecondaryIndexUpdates(create("by-carrier", "crew"))),
                "Attempting to create an index which already exists");
    }

    @Test
    void createIndex_withoutAttributeDefinitions_isValidationError() {
        assertValidation(() -> client.updateTable(b -> b.tableName("shipments")
                        .globalSecondaryIndexUpdates(create("by-carrier-only", "carrier"))),
                "One or more parameter values were invalid: AttributeDefinitions is not specified for index:"
                        + " by-carrier-only");
    }

    @Test
    void createIndex_withAnAttributeDefinitionMissingItsName_isValidationError() {
        assertValidation(() -> client.updateTable(b -> b.tableName("shipments")
                        .attributeDefinitions(AttributeDefinition.builder().attributeType(ScalarAttributeType.S).build())
                        .globalSecondaryIndexUpdates(create("by-nameless", "crew"))),
                "1 validation error detected: Value null at 'attributeDefinitions.1.member.attributeName' failed to"
                        + " satisfy constraint: Member must not be null");
    }

    @Test
    void createIndex_retypingAnAttributeTheTableAlreadyKeys_isValidationError() {
        assertValidation(() -> client.updateTable(b -> b.tableName("shipments")
                        .attributeDefinitions(attribute("carrier", ScalarAttributeType.N))
                        .globalSecondaryIndexUpdates(create("by-carrier-number", "carrier"))),
                "One or more parameter values were invalid: Attributes cannot be redefined. Please check that your"
                        + " attribute has the same type as previously defined. Existing schema:"
                        + " Schema:[SchemaElement: key{carrier:S:RANGE}] New schema: Schema:[SchemaElement:"
                        + " key{carrier:N:HASH}]");
    }

    @Test
    void deleteIndex_ofALocalIndex_isValidationError() {
        assertValidation(() -> client.updateTable(b -> b.tableName("shipments")
                        .globalSecondaryIndexUpdates(delete("by-carrier"))),
                "Cannot delete an index that is not a GlobalSecondaryIndex: by-carrier");
    }

    @Test
    void indexUpdates_thatAreEmptyOrCarryTwoActions_areValidationErrors() {
        assertValidation(() -> client.updateTable(b -> b.tableName("shipments").deletionProtectionEnabled(false)
                        .globalSecondaryIndexUpdates(java.util.List.of())),
                "One or more parameter values were invalid: List of GlobalSecondaryIndexUpdates is empty");
        assertValidation(() -> client.updateTable(b -> b.tableName("shipments")
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().build())),
                "One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Update,"
                        + " GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null");
        assertValidation(() -> client.updateTable(b -> b.tableName("shipments")
                        .attributeDefinitions(attribute("crew", ScalarAttributeType.S))
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                                .create(create("by-crew", "crew").create()).delete(d -> d.indexName("gone"))
                                .build())),
                "One or more parameter values were invalid: Only one global secondary index action is allowed per"
                        + " GlobalSecondaryIndexUpdate object");
    }

    @Test
    void indexUpdates_creatingOrDeletingTwoIndexes_isLimitExceeded() {
        assertThatThrownBy(() -> client.updateTable(b -> b.tableName("shipments")
                .attributeDefinitions(attribute("crew", ScalarAttributeType.S), attribute("dock", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(create("by-crew", "crew"), create("by-dock", "dock"))))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode())
                        .isEqualTo("LimitExceededException"))
                .extracting(e -> ((DynamoDbException) e).awsErrorDetails().errorMessage())
                .isEqualTo("Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously"
                        + " per table");
        assertThat(client.describeTable(b -> b.tableName("shipments")).table().globalSecondaryIndexes())
                .noneMatch(index -> index.indexName().equals("by-crew"));
    }

    @Test
    void malformedIndexActions_areValidationErrors_beforeTheTableIsLookedUp() {
        assertValidation(() -> client.updateTable(b -> b.tableName("never-created")
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().build())),
                "One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Update,"
                        + " GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null");
        assertValidation(() -> client.updateTable(b -> b.tableName("never-created")
                        .globalSecondaryIndexUpdates(
                                GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("by-day")).build(),
                                GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("by-day")).build())),
                "One or more parameter values were invalid: Only one global secondary index update per index is"
                        + " allowed simultaneously. Index: by-day");
        assertValidation(() -> client.updateTable(b -> b.tableName("never-created")
                        .globalSecondaryIndexUpdates(
                                GlobalSecondaryIndexUpdate.builder().update(u -> u.indexName("a")
                                        .provisionedThroughput(p -> { })).build(),
                                GlobalSecondaryIndexUpdate.builder().update(u -> u.indexName("abc;")
                                        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(0L)))
                                        .build())),
                "5 validation errors detected: Value 'a' at 'globalSecondaryIndexUpdates.1.member.update.indexName'"
                        + " failed to satisfy constraint: Member must have length greater than or equal to 3; Value"
                        + " null at 'globalSecondaryIndexUpdates.1.member.update.provisionedThroughput"
                        + ".writeCapacityUnits' failed to satisfy constraint: Member must not be null; Value null at"
                        + " 'globalSecondaryIndexUpdates.1.member.update.provisionedThroughput.readCapacityUnits'"
                        + " failed to satisfy constraint: Member must not be null; Value 'abc;' at"
                        + " 'globalSecondaryIndexUpdates.2.member.update.indexName' failed to satisfy constraint:"
                        + " Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value '0' at"
                        + " 'globalSecondaryIndexUpdates.2.member.update.provisionedThroughput.writeCapacityUnits'"
                        + " failed to satisfy constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void malformedCreateAction_isValidationError_beforeTheTableIsLookedUp() {
        assertValidation(() -> client.updateTable(b -> b.tableName("never-created")
                        .attributeDefinitions(attribute("day", ScalarAttributeType.S))
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("d")
                                .keySchema(hash("day"))).build())),
                "2 validation errors detected: Value 'd' at 'globalSecondaryIndexUpdates.1.member.create.indexName'"
                        + " failed to satisfy constraint: Member must have length greater than or equal to 3; Value"
                        + " null at 'globalSecondaryIndexUpdates.1.member.create.projection' failed to satisfy"
                        + " constraint: Member must not be null");
    }
}
