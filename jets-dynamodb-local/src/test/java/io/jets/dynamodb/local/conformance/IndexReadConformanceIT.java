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
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Reads of secondary indexes: what each projection returns, what a local index fetches from its table, what a
 * global index refuses, and the keys a LastEvaluatedKey of an index carries.
 */
class IndexReadConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("customer", ScalarAttributeType.S),
                        attribute("order", ScalarAttributeType.N), attribute("status", ScalarAttributeType.S),
                        attribute("placed", ScalarAttributeType.S))
                .keySchema(hash("customer"), range("order"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-status")
                        .keySchema(hash("status"))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-placed")
                        .keySchema(hash("customer"), range("placed"))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("total").build()).build()));
        for (int i = 1; i <= 4; i++) {
            String order = Integer.toString(i);
            client.putItem(b -> b.tableName("orders").item(item("customer", s("ada"), "order", n(order),
                    "status", s("OPEN"), "placed", s("2024-01-0" + (5 - Integer.parseInt(order))),
                    "total", n(order + "0"), "note", s("note " + order))));
        }
        client.putItem(b -> b.tableName("orders").item(item("customer", s("bob"), "order", n("1"),
                "total", n("5"))));
    }

    @Test
    void queryLocalIndex_byDefault_returnsOnlyTheProjectedAttributes() {
        var items = client.query(b -> b.tableName("orders").indexName("by-placed")
                .keyConditionExpression("customer = :c").expressionAttributeValues(Map.of(":c", s("ada")))).items();

        assertThat(items).hasSize(4);
        assertThat(items.get(0)).containsOnlyKeys("customer", "order", "placed", "total");
        assertThat(items.get(0).get("placed").s()).isEqualTo("2024-01-01");
    }

    @Test
    void queryLocalIndex_selectAllAttributes_fetchesTheWholeItemFromTheTable() {
        var items = client.query(b -> b.tableName("orders").indexName("by-placed").select(Select.ALL_ATTRIBUTES)
                .keyConditionExpression("customer = :c").expressionAttributeValues(Map.of(":c", s("ada")))
                .limit(1)).items();

        assertThat(items).containsExactly(item("customer", s("ada"), "order", n("4"), "status", s("OPEN"),
                "placed", s("2024-01-01"), "total", n("40"), "note", s("note 4")));
    }

    @Test
    void queryLocalIndex_projectingAnUnprojectedAttribute_fetchesItFromTheTable() {
        var items = client.query(b -> b.tableName("orders").indexName("by-placed")
                .keyConditionExpression("customer = :c").expressionAttributeValues(Map.of(":c", s("ada")))
                .projectionExpression("note, #o").expressionAttributeNames(Map.of("#o", "order"))).items();

        assertThat(items).first().isEqualTo(item("note", s("note 4"), "order", n("4")));
    }

    @Test
    void queryLocalIndex_filteringOnAnUnprojectedAttribute_isRefused_evenWhenTheItemIsFetched() {
        assertValidation(() -> client.query(b -> b.tableName("orders").indexName("by-placed")
                        .keyConditionExpression("customer = :c").filterExpression("note = :n")
                        .expressionAttributeValues(Map.of(":c", s("ada"), ":n", s("note 2")))),
                "One or more parameter values were invalid: Secondary index by-placed does not project one or more"
                        + " filter attributes: [note]");
        assertValidation(() -> client.query(b -> b.tableName("orders").indexName("by-placed")
                        .select(Select.ALL_ATTRIBUTES).keyConditionExpression("customer = :c")
                        .filterExpression("note = :n")
                        .expressionAttributeValues(Map.of(":c", s("ada"), ":n", s("note 2")))),
                "One or more parameter values were invalid: Secondary index by-placed does not project one or more"
                        + " filter attributes: [note]");
    }

    @Test
    void readGlobalIndex_filteringOnAnUnprojectedAttribute_isRefused() {
        assertValidation(() -> client.query(b -> b.tableName("orders").indexName("by-status")
                        .keyConditionExpression("#s = :s").filterExpression("#t > :t")
                        .expressionAttributeNames(Map.of("#s", "status", "#t", "total"))
                        .expressionAttributeValues(Map.of(":s", s("OPEN"), ":t", n("0")))),
                "One or more parameter values were invalid: Secondary index by-status does not project one or more"
                        + " filter attributes: [total]");
        assertValidation(() -> client.scan(b -> b.tableName("orders").indexName("by-status")
                        .scanFilter(Map.of("note", Condition.builder().comparisonOperator(ComparisonOperator.NOT_NULL)
                                .build()))),
                "One or more parameter values were invalid: Secondary index by-status does not project one or more"
                        + " filter attributes: [note]");
    }

    @Test
    void queryLocalIndex_filteringOnAProjectedAttribute_whileFetchingAnother_readsBoth() {
        var response = client.query(b -> b.tableName("orders").indexName("by-placed")
                .keyConditionExpression("customer = :c").filterExpression("#t = :t").projectionExpression("note")
                .expressionAttributeNames(Map.of("#t", "total"))
                .expressionAttributeValues(Map.of(":c", s("ada"), ":t", n("20"))));

        assertThat(response.items()).containsExactly(item("note", s("note 2")));
        assertThat(response.scannedCount()).isEqualTo(4);
    }

    @Test
    void queryLocalIndex_fetchingFromTheTable_chargesAWholeItemReadPerFetchedItem() {
        var fetched = client.query(b -> b.tableName("orders").indexName("by-placed").select(Select.ALL_ATTRIBUTES)
                .keyConditionExpression("customer = :c").expressionAttributeValues(Map.of(":c", s("ada")))
                .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        var projectedOnly = client.query(b -> b.tableName("orders").indexName("by-placed")
                .keyConditionExpression("customer = :c").expressionAttributeValues(Map.of(":c", s("ada")))
                .projectionExpression("#o, #t").expressionAttributeNames(Map.of("#o", "order", "#t", "total"))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

        // the index part is one read of the index entries; each of the four items is then read from the table
        assertThat(fetched.localSecondaryIndexes().get("by-placed").capacityUnits()).isEqualTo(1.0);
        assertThat(fetched.table().capacityUnits()).isEqualTo(4.0);
        assertThat(fetched.capacityUnits()).isEqualTo(5.0);
        assertThat(projectedOnly.table().capacityUnits()).isEqualTo(0.0);
        assertThat(projectedOnly.capacityUnits()).isEqualTo(0.5);
    }

    @Test
    void scanLocalIndex_projectingAnUnprojectedAttribute_chargesTheFetches() {
        var capacity = client.scan(b -> b.tableName("orders").indexName("by-placed").projectionExpression("note")
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

        // eventually consistent: half a unit for the index entries and half a unit for each of the four fetches
        assertThat(capacity.capacityUnits()).isEqualTo(2.5);
    }

    @Test
    void queryGlobalIndex_selectAllAttributes_withoutAllProjection_isRefused() {
        assertThatThrownBy(() -> client.query(b -> b.tableName("orders").indexName("by-status")
                .select(Select.ALL_ATTRIBUTES).keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("OPEN")))))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"))
                .hasMessageStartingWith("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is"
                        + " not supported for global secondary index by-status because its projection type is not"
                        + " ALL");
    }

    @Test
    void scanGlobalIndex_selectAllAttributes_withoutAllProjection_isRefused() {
        assertThatThrownBy(() -> client.scan(b -> b.tableName("orders").indexName("by-status")
                .select(Select.ALL_ATTRIBUTES)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is"
                        + " not supported for global secondary index by-status because its projection type is not"
                        + " ALL");
    }

    @Test
    void readGlobalIndex_projectingAttributesItDoesNotHold_isRefused() {
        assertThatThrownBy(() -> client.query(b -> b.tableName("orders").indexName("by-status")
                .keyConditionExpression("#s = :s").projectionExpression("#s, note, placed")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("OPEN")))))
                .isInstanceOf(DynamoDbException.class)
                .extracting(e -> ((DynamoDbException) e).awsErrorDetails().errorMessage())
                .isEqualTo("One or more parameter values were invalid: Global secondary index by-status does not"
                        + " project [note, placed]");
        assertThatThrownBy(() -> client.scan(b -> b.tableName("orders").indexName("by-status")
                .attributesToGet("customer", "placed")))
                .isInstanceOf(DynamoDbException.class)
                .extracting(e -> ((DynamoDbException) e).awsErrorDetails().errorMessage())
                .isEqualTo("One or more parameter values were invalid: Global secondary index by-status does not"
                        + " project [placed]");
    }

    @Test
    void queryGlobalIndex_keysOnly_returnsTableAndIndexKeys_andLastEvaluatedKeyCarriesBoth() {
        var response = client.query(b -> b.tableName("orders").indexName("by-status").limit(2)
                .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("OPEN"))));

        assertThat(response.items()).hasSize(2).allSatisfy(found ->
                assertThat(found).containsOnlyKeys("customer", "order", "status"));
        assertThat(response.lastEvaluatedKey()).containsOnlyKeys("customer", "order", "status");
        assertThat(response.lastEvaluatedKey()).isEqualTo(response.items().get(1));
    }

    @Test
    void scanGlobalIndex_leavesOutItemsWithoutTheIndexKey() {
        var response = client.scan(b -> b.tableName("orders").indexName("by-status"));

        assertThat(response.count()).isEqualTo(4);
        assertThat(response.items()).noneSatisfy(found -> assertThat(found.get("customer").s()).isEqualTo("bob"));
    }

    @Test
    void queryLocalIndex_pagesThroughEveryItemOnce() {
        var first = client.query(b -> b.tableName("orders").indexName("by-placed").limit(3)
                .keyConditionExpression("customer = :c").expressionAttributeValues(Map.of(":c", s("ada"))));
        var second = client.query(b -> b.tableName("orders").indexName("by-placed").limit(3)
                .keyConditionExpression("customer = :c").expressionAttributeValues(Map.of(":c", s("ada")))
                .exclusiveStartKey(first.lastEvaluatedKey()));

        assertThat(first.lastEvaluatedKey()).containsOnlyKeys("customer", "order", "placed");
        assertThat(first.items()).extracting(found -> found.get("order").n()).containsExactly("4", "3", "2");
        assertThat(second.items()).extracting(found -> found.get("order").n()).containsExactly("1");
        assertThat(second.hasLastEvaluatedKey()).isFalse();
    }
}
