package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static io.jets.dynamodb.local.conformance.VectorIndexTablesConformanceIT.element;
import static io.jets.dynamodb.local.conformance.VectorIndexTablesConformanceIT.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateVectorIndexAction;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.SearchSchemaElementType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.VectorDistanceFunction;
import software.amazon.awssdk.services.dynamodb.model.VectorIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.VectorIndexUpdate;

/**
 * UpdateTable's VectorIndexUpdates: one vector index created over the items already there, or deleted, per
 * request; reads other than SearchVectors refused on a vector index; restores bringing the indexes back.
 */
class VectorIndexUpdatesConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start(LocalServer::instantIndexes);
    private static final DynamoDbClient client = local.dynamoDb();

    private static CreateVectorIndexAction action(String name, long dimensions) {
        return CreateVectorIndexAction.builder().indexName(name).vectorAttribute(v -> v.attributeName("embedding"))
                .dimensions(dimensions).distanceFunction(VectorDistanceFunction.EUCLIDEAN)
                .projection(p -> p.projectionType(ProjectionType.ALL)).build();
    }

    private static TableDescription createIndex(String table, CreateVectorIndexAction action,
                                                AttributeDefinition... definitions) {
        return client.updateTable(b -> b.tableName(table).attributeDefinitions(definitions)
                .vectorIndexUpdates(u -> u.create(action))).tableDescription();
    }

    private static void onDemandTable(String table) {
        client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S)).keySchema(hash("pk")));
    }

    private static VectorIndexDescription describe(String table, String index) {
        return client.describeTable(b -> b.tableName(table)).table().vectorIndexes().stream()
                .filter(description -> description.indexName().equals(index)).findFirst().orElseThrow();
    }

    private static void assertLimitExceeded(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOf(LimitExceededException.class)
                .satisfies(e -> assertThat(((LimitExceededException) e).awsErrorDetails().errorMessage())
                        .isEqualTo(message));
    }

    @Test
    void create_indexesTheItemsAlreadyThere_andAnswersTheIndexCreatingBeforeItsBackfill() {
        onDemandTable("docs");
        client.putItem(b -> b.tableName("docs").item(item("pk", s("a"), "tenant", s("t1"),
                "embedding", vector(1, 2))));
        client.putItem(b -> b.tableName("docs").item(item("pk", s("b"), "embedding", vector(3, 4))));
        client.putItem(b -> b.tableName("docs").item(item("pk", s("c"), "tenant", s("t1"),
                "embedding", vector(1, 2, 3))));
        client.putItem(b -> b.tableName("docs").item(item("pk", s("d"), "tenant", s("t2"))));

        TableDescription answer = createIndex("docs", action("by-tenant", 2).toBuilder()
                .searchSchema(element("tenant", SearchSchemaElementType.HASH)).build(),
                attribute("tenant", ScalarAttributeType.S));

        assertThat(answer.tableStatus()).isEqualTo(TableStatus.UPDATING);
        VectorIndexDescription creating = answer.vectorIndexes().get(0);
        assertThat(creating.indexName()).isEqualTo("by-tenant");
        assertThat(creating.indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(creating.backfilling()).isFalse();
        VectorIndexDescription active = describe("docs", "by-tenant");
        assertThat(active.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(active.backfilling()).isNull();
        // the item of another size and the one without the HASH attribute stay out of it
        assertThat(active.itemCount()).isEqualTo(1);
        assertThat(client.describeTable(b -> b.tableName("docs")).table().attributeDefinitions())
                .extracting(AttributeDefinition::attributeName).containsExactly("pk", "tenant");
    }

    @Test
    void delete_removesTheIndex_itsEntries_andItsRulesOnWrites() {
        onDemandTable("dropped");
        createIndex("dropped", action("plain", 2));
        client.putItem(b -> b.tableName("dropped").item(item("pk", s("a"), "embedding", vector(1, 2))));

        TableDescription answer = client.updateTable(b -> b.tableName("dropped")
                .vectorIndexUpdates(u -> u.delete(d -> d.indexName("plain")))).tableDescription();

        assertThat(answer.vectorIndexes()).singleElement()
                .satisfies(index -> assertThat(index.indexStatus()).isEqualTo(IndexStatus.DELETING));
        assertThat(client.describeTable(b -> b.tableName("dropped")).table().hasVectorIndexes()).isFalse();
        client.putItem(b -> b.tableName("dropped").item(item("pk", s("b"), "embedding", s("no longer a vector"))));
        createIndex("dropped", action("plain", 2));
        assertThat(describe("dropped", "plain").itemCount()).isEqualTo(1);
    }

    @Test
    void oneIndexIsCreatedOrDeletedAtATime() {
        onDemandTable("one-at-a-time");
        String message = "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously"
                + " per table";
        assertLimitExceeded(() -> client.updateTable(b -> b.tableName("one-at-a-time").vectorIndexUpdates(
                VectorIndexUpdate.builder().create(action("first", 2)).build(),
                VectorIndexUpdate.builder().create(action("second", 2)).build())), message);
        assertLimitExceeded(() -> client.updateTable(b -> b.tableName("one-at-a-time")
                .attributeDefinitions(attribute("tenant", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-tenant").keySchema(hash("tenant"))
                        .projection(p -> p.projectionType(ProjectionType.ALL))))
                .vectorIndexUpdates(u -> u.create(action("first", 2)))), message);
        assertThat(client.describeTable(b -> b.tableName("one-at-a-time")).table().hasVectorIndexes()).isFalse();
    }

    @Test
    void create_refusesASixthIndex() {
        onDemandTable("full");
        for (int i = 0; i < 5; i++) {
            createIndex("full", action("index" + i, 2));
        }
        assertLimitExceeded(() -> createIndex("full", action("index5", 2)),
                "Subscriber limit exceeded: Number of vector secondary indexes exceeds per-table limit of 5");
    }

    @Test
    void vectorIndexes_needAnOnDemandTable() {
        client.createTable(b -> b.tableName("provisioned").attributeDefinitions(attribute("pk", ScalarAttributeType.S))
                .keySchema(hash("pk")).provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L)));
        String message = "One or more parameter values were invalid: Vector indexes are only supported for"
                + " PAY_PER_REQUEST tables";
        assertValidation(() -> createIndex("provisioned", action("plain", 2)), message);
        onDemandTable("switching");
        createIndex("switching", action("plain", 2));
        assertValidation(() -> client.updateTable(b -> b.tableName("switching").billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))), message);
    }

    @Test
    void create_refusesANameTheTableAlreadyHas() {
        onDemandTable("named");
        createIndex("named", action("plain", 2));
        assertValidation(() -> createIndex("named", action("plain", 2)),
                "Attempting to create an index which already exists");
    }

    @Test
    void create_wantsTheSearchSchemaDefinedInTheRequest_andTheVectorAttributeUndefined() {
        onDemandTable("defined");
        assertValidation(() -> createIndex("defined", action("plain", 2).toBuilder()
                        .searchSchema(element("pk", SearchSchemaElementType.HASH)).build()),
                "One or more parameter values were invalid: One element in SearchSchema is not defined in attribute"
                        + " definitions");
        assertValidation(() -> createIndex("defined", action("plain", 2).toBuilder()
                        .vectorAttribute(v -> v.attributeName("pk")).build()),
                "One or more parameter values were invalid: Attributes cannot be redefined. Please check that your"
                        + " attribute has the same type as previously defined. Existing schema: Schema:[SchemaElement:"
                        + " key{pk:S:HASH}] New schema: VectorIndexSchema:[VectorAttribute: key{pk:L:2}]");
        createIndex("defined", action("partitioned", 2).toBuilder()
                .searchSchema(element("pk", SearchSchemaElementType.HASH)).build(),
                attribute("pk", ScalarAttributeType.S));
        assertThat(describe("defined", "partitioned").searchSchema()).hasSize(1);
    }

    @Test
    void create_keepsTheDimensionsOfTheVectorAttribute() {
        onDemandTable("dimensions");
        createIndex("dimensions", action("two", 2));
        assertValidation(() -> createIndex("dimensions", action("three", 3)),
                "One or more parameter values were invalid: Conflicting attribute definition for 'embedding'. All"
                        + " VectorIndexes on the same vector attribute must use the same dimensions.");
    }

    @Test
    void queryScanAndPartiQl_refuseAVectorIndex() {
        onDemandTable("searched");
        createIndex("searched", action("plain", 2));
        assertValidation(() -> client.query(b -> b.tableName("searched").indexName("plain")
                        .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("a")))),
                "Query operation not supported on this index type.");
        assertValidation(() -> client.query(b -> b.tableName("searched").indexName("plain")
                        .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("a")))
                        .consistentRead(true)),
                "Consistent reads are not supported on global secondary indexes");
        assertValidation(() -> client.query(b -> b.tableName("searched").indexName("plain")),
                "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        assertValidation(() -> client.scan(b -> b.tableName("searched").indexName("plain")),
                "Scan operation not supported on this index type");
        assertValidation(() -> client.scan(b -> b.tableName("searched").indexName("plain").consistentRead(true)),
                "Scan operation not supported on this index type");
        assertValidation(() -> client.executeStatement(b -> b.statement("SELECT * FROM \"searched\".\"plain\"")),
                "Scan operation not supported on this index type");
        assertValidation(() -> client.scan(b -> b.tableName("searched").indexName("missing")),
                "The table does not have the specified index: missing");
    }

    @Test
    void restoreFromBackup_bringsTheVectorIndexesBack_withTheirEntries() {
        onDemandTable("original");
        createIndex("original", action("plain", 2).toBuilder()
                .searchSchema(element("tenant", SearchSchemaElementType.HASH)).build(),
                attribute("tenant", ScalarAttributeType.S));
        client.putItem(b -> b.tableName("original").item(item("pk", s("a"), "tenant", s("t"),
                "embedding", vector(1, 2))));
        client.putItem(b -> b.tableName("original").item(item("pk", s("b"), "embedding", vector(1, 2))));
        String backup = client.createBackup(b -> b.tableName("original").backupName("nightly")).backupDetails()
                .backupArn();

        client.restoreTableFromBackup(b -> b.targetTableName("restored").backupArn(backup));

        VectorIndexDescription restored = describe("restored", "plain");
        assertThat(restored.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(restored.searchSchema()).containsExactly(element("tenant", SearchSchemaElementType.HASH));
        assertThat(restored.itemCount()).isEqualTo(1);
        assertValidation(() -> client.putItem(b -> b.tableName("restored").item(item("pk", s("c"),
                        "embedding", n("1")))),
                "One or more parameter values were invalid. Invalid type for parameter embedding, Expected: 32-bit"
                        + " floating point number list IndexName: plain");
        client.restoreTableFromBackup(b -> b.targetTableName("restored-bare").backupArn(backup)
                .vectorIndexOverride(List.of()));
        assertThat(client.describeTable(b -> b.tableName("restored-bare")).table().hasVectorIndexes()).isFalse();
    }

    @Test
    void updateItem_checksOnlyTheValuesItChanges() {
        onDemandTable("older");
        client.putItem(b -> b.tableName("older").item(item("pk", s("a"), "embedding", vector(1, 2, 3))));
        createIndex("older", action("plain", 2));

        client.updateItem(b -> b.tableName("older").key(item("pk", s("a"))).updateExpression("SET title = :t")
                .expressionAttributeValues(Map.of(":t", s("kept as it was"))));

        assertValidation(() -> client.updateItem(b -> b.tableName("older").key(item("pk", s("a")))
                        .updateExpression("SET embedding = :v").expressionAttributeValues(Map.of(":v",
                                vector(1, 2, 4)))),
                "One or more parameter values were invalid. Invalid size for parameter embedding, Expected: 2,"
                        + " Actual: 3 IndexName: plain");
        assertThat(describe("older", "plain").itemCount()).isZero();
    }
}
