package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.SearchSchemaElement;
import software.amazon.awssdk.services.dynamodb.model.SearchSchemaElementType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.VectorDistanceFunction;
import software.amazon.awssdk.services.dynamodb.model.VectorIndex;
import software.amazon.awssdk.services.dynamodb.model.VectorIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Vector indexes as CreateTable declares them and DescribeTable reports them: an on-demand table's list of up to
 * five indexes, each on a vector attribute that is not in AttributeDefinitions, with a search schema of defined
 * attributes; and the writes they hold to the index's vectors (a list of 32-bit floats of its dimensions) and
 * search schema attributes.
 */
class VectorIndexTablesConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    static VectorIndex plain(String name, String attribute, long dimensions) {
        return VectorIndex.builder().indexName(name).vectorAttribute(v -> v.attributeName(attribute))
                .dimensions(dimensions).distanceFunction(VectorDistanceFunction.COSINE)
                .projection(p -> p.projectionType(ProjectionType.ALL)).build();
    }

    static SearchSchemaElement element(String attribute, SearchSchemaElementType type) {
        return SearchSchemaElement.builder().attributeName(attribute).searchSchemaElementType(type).build();
    }

    static AttributeValue vector(double... values) {
        List<AttributeValue> elements = new ArrayList<>();
        for (double value : values) {
            elements.add(n(Double.toString(value)));
        }
        return AttributeValue.fromL(elements);
    }

    /** An on-demand table keyed by {@code pk} with the indexes, their search schema attributes defined as S. */
    static TableDescription create(String table, VectorIndex... indexes) {
        Set<String> defined = new LinkedHashSet<>(List.of("pk"));
        for (VectorIndex index : indexes) {
            index.searchSchema().forEach(element -> defined.add(element.attributeName()));
        }
        return client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(defined.stream().map(name -> attribute(name, ScalarAttributeType.S)).toList())
                .keySchema(hash("pk")).vectorIndexes(indexes)).tableDescription();
    }

    /** The table of the write tests: {@code plain} on embedding, and {@code schema} partitioned by tenant. */
    static void createWriteTable(String table) {
        create(table, plain("plain", "embedding", 3), plain("schema", "embedding", 3).toBuilder()
                .searchSchema(element("tenant", SearchSchemaElementType.HASH),
                        element("category", SearchSchemaElementType.INLINE_FILTER)).build());
    }

    static VectorIndexDescription describe(String table, String index) {
        return client.describeTable(b -> b.tableName(table)).table().vectorIndexes().stream()
                .filter(description -> description.indexName().equals(index)).findFirst().orElseThrow();
    }

    @Test
    void createTable_answersTheIndexesCreating_andDescribeTableFindsThemActive() {
        TableDescription created = create("described", plain("plain", "embedding", 3),
                VectorIndex.builder().indexName("filtered").vectorAttribute(v -> v.attributeName("embedding"))
                        .dimensions(3L).distanceFunction(VectorDistanceFunction.DOT_PRODUCT)
                        .searchSchema(element("tenant", SearchSchemaElementType.HASH),
                                element("category", SearchSchemaElementType.INLINE_FILTER))
                        .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("title"))
                        .build());

        assertThat(created.vectorIndexes()).extracting(VectorIndexDescription::indexName)
                .containsExactly("plain", "filtered");
        assertThat(created.vectorIndexes()).extracting(VectorIndexDescription::indexStatus)
                .containsOnly(IndexStatus.CREATING);
        VectorIndexDescription filtered = describe("described", "filtered");
        assertThat(filtered.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(filtered.vectorAttribute().attributeName()).isEqualTo("embedding");
        assertThat(filtered.dimensions()).isEqualTo(3L);
        assertThat(filtered.distanceFunction()).isEqualTo(VectorDistanceFunction.DOT_PRODUCT);
        assertThat(filtered.searchSchema()).containsExactly(element("tenant", SearchSchemaElementType.HASH),
                element("category", SearchSchemaElementType.INLINE_FILTER));
        assertThat(filtered.projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
        assertThat(filtered.projection().nonKeyAttributes()).containsExactly("title");
        assertThat(filtered.backfilling()).isNull();
        assertThat(filtered.itemCount()).isZero();
        assertThat(filtered.indexSizeBytes()).isZero();
        assertThat(filtered.indexArn()).endsWith(":table/described/index/filtered");
        VectorIndexDescription plain = describe("described", "plain");
        assertThat(plain.hasSearchSchema()).isFalse();
        assertThat(plain.projection().hasNonKeyAttributes()).isFalse();
        // the vector attribute is not an attribute definition, the search schema attributes are
        assertThat(client.describeTable(b -> b.tableName("described")).table().attributeDefinitions())
                .extracting(AttributeDefinition::attributeName).containsExactly("category", "pk", "tenant");
    }

    @Test
    void createTable_refusesVectorIndexesOnAProvisionedTable() {
        String message = "One or more parameter values were invalid: Vector indexes are only supported for"
                + " PAY_PER_REQUEST tables";
        assertValidation(() -> client.createTable(b -> b.tableName("provisioned")
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S)).keySchema(hash("pk"))
                .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))
                .vectorIndexes(plain("plain", "embedding", 3))), message);
        assertValidation(() -> client.createTable(b -> b.tableName("provisioned")
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S)).keySchema(hash("pk"))
                .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))
                .billingMode(BillingMode.PROVISIONED).vectorIndexes(plain("plain", "embedding", 3))), message);
    }

    @Test
    void createTable_refusesASearchSchemaAttributeWithoutDefinition() {
        assertValidation(() -> client.createTable(b -> b.tableName("undefined")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("pk", ScalarAttributeType.S)).keySchema(hash("pk"))
                        .vectorIndexes(plain("plain", "embedding", 3).toBuilder()
                                .searchSchema(element("tenant", SearchSchemaElementType.HASH)).build())),
                "One or more parameter values were invalid: One element in SearchSchema is not defined in attribute"
                        + " definitions");
    }

    @Test
    void createTable_refusesAVectorAttributeAmongTheDefinitions() {
        assertValidation(() -> client.createTable(b -> b.tableName("conflicting")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("pk", ScalarAttributeType.S),
                                attribute("embedding", ScalarAttributeType.S))
                        .keySchema(hash("pk")).vectorIndexes(plain("plain", "embedding", 3))),
                "One or more parameter values were invalid: Conflicting attribute definition for 'embedding'. An"
                        + " attribute cannot be defined in AttributeDefinitions when used as a VectorAttribute.");
    }

    @Test
    void createTable_refusesIndexesOfOneAttributeWithDifferentDimensions() {
        assertValidation(() -> create("dimensions", plain("three", "embedding", 3), plain("four", "embedding", 4)),
                "One or more parameter values were invalid: Conflicting attribute definition for 'embedding'. All"
                        + " VectorIndexes on the same vector attribute must use the same dimensions.");
    }

    @Test
    void createTable_refusesDimensionsOutsideOneTo4096() {
        assertValidation(() -> create("too-wide", plain("plain", "embedding", 4097)),
                "One or more parameter values were invalid: Number of dimensions must be between 1 and 4096"
                        + " inclusive.");
        assertValidation(() -> create("too-narrow", plain("plain", "embedding", 0)),
                "1 validation error detected: Value '0' at 'vectorIndexes.1.member.dimensions' failed to satisfy"
                        + " constraint: Member must have value greater than or equal to 1");
        assertThat(create("widest", plain("plain", "embedding", 4096)).vectorIndexes()).hasSize(1);
    }

    @Test
    void createTable_refusesASixthVectorIndex() {
        VectorIndex[] six = new VectorIndex[6];
        for (int i = 0; i < six.length; i++) {
            six[i] = plain("index" + i, "embedding", 3);
        }
        assertValidation(() -> create("six", six),
                "One or more parameter values were invalid: VectorIndex count exceeds the per-table limit of 5");
        assertThat(create("five", Arrays.copyOf(six, 5)).vectorIndexes()).hasSize(5);
    }

    @Test
    void createTable_refusesMoreThanOneHashOrEighteenInlineFilters() {
        assertValidation(() -> create("two-hashes", plain("plain", "embedding", 3).toBuilder()
                        .searchSchema(element("tenant", SearchSchemaElementType.HASH),
                                element("category", SearchSchemaElementType.HASH)).build()),
                "One or more parameter values were invalid: Value '2' at 'SearchSchema' failed to satisfy"
                        + " constraint: Member must have HASH count less than or equal to 1");
        List<AttributeDefinition> definitions = new ArrayList<>(List.of(attribute("pk", ScalarAttributeType.S)));
        List<SearchSchemaElement> filters = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            definitions.add(attribute("f" + i, ScalarAttributeType.S));
            filters.add(element("f" + i, SearchSchemaElementType.INLINE_FILTER));
        }
        assertValidation(() -> client.createTable(b -> b.tableName("nineteen").billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(definitions).keySchema(hash("pk"))
                        .vectorIndexes(plain("plain", "embedding", 3).toBuilder().searchSchema(filters).build())),
                "One or more parameter values were invalid: Value '19' at 'SearchSchema' failed to satisfy"
                        + " constraint: Member must have INLINE_FILTER count less than or equal to 18");
    }

    @Test
    void createTable_checksTheModelConstraintsOfEachIndex() {
        assertValidation(() -> create("no-projection", plain("plain", "embedding", 3).toBuilder().projection(
                        (Projection) null).build()),
                "1 validation error detected: Value null at 'vectorIndexes.1.member.projection' failed to satisfy"
                        + " constraint: Member must not be null");
        assertValidation(() -> create("short-name", plain("ab", "embedding", 3)),
                "1 validation error detected: Value 'ab' at 'vectorIndexes.1.member.indexName' failed to satisfy"
                        + " constraint: Member must have length greater than or equal to 3");
    }

    @Test
    void createTable_refusesAVectorIndexNamedAsAGlobalIndex() {
        assertValidation(() -> client.createTable(b -> b.tableName("clash").billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("pk", ScalarAttributeType.S),
                                attribute("tenant", ScalarAttributeType.S))
                        .keySchema(hash("pk"))
                        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-tenant")
                                .keySchema(hash("tenant")).projection(p -> p.projectionType(ProjectionType.ALL))
                                .build())
                        .vectorIndexes(plain("by-tenant", "embedding", 3))),
                "One or more parameter values were invalid: Duplicate index name: by-tenant");
    }

    @Test
    void putItem_refusesAVectorOfAnotherSize() {
        createWriteTable("wrong-size");
        assertValidation(() -> client.putItem(b -> b.tableName("wrong-size")
                        .item(item("pk", s("a"), "tenant", s("t1"), "embedding", vector(1, 0)))),
                "One or more parameter values were invalid. Invalid size for parameter embedding, Expected: 3,"
                        + " Actual: 2 IndexName: plain");
    }

    @Test
    void putItem_refusesAVectorElementThatIsNotANumber() {
        createWriteTable("wrong-element");
        assertValidation(() -> client.putItem(b -> b.tableName("wrong-element").item(item("pk", s("a"),
                        "embedding", AttributeValue.fromL(List.of(n("1"), s("oops"), n("0")))))),
                "One or more parameter values were invalid. Invalid type for parameter embedding[1], Expected:"
                        + " 32-bit floating point number, Actual: S. IndexName: plain");
    }

    @Test
    void putItem_refusesAVectorThatIsNotAList() {
        createWriteTable("not-a-list");
        assertValidation(() -> client.putItem(b -> b.tableName("not-a-list")
                        .item(item("pk", s("a"), "embedding", s("not-a-vector")))),
                "One or more parameter values were invalid. Invalid type for parameter embedding, Expected: 32-bit"
                        + " floating point number list IndexName: plain");
    }

    @Test
    void putItem_refusesAnElementBeyondTheRangeOfAFloat() {
        createWriteTable("overflow");
        assertValidation(() -> client.putItem(b -> b.tableName("overflow").item(item("pk", s("a"),
                        "embedding", AttributeValue.fromL(List.of(n("1"), n("3.5E+38"), n("0")))))),
                "One or more parameter values are not valid. One or more parameter values were invalid . Invalid"
                        + " value for parameter embedding[1], Value: 3.5E+38 is outside valid range"
                        + " [-3.4028235E38, 3.4028235E38]. IndexName: plain");
    }

    @Test
    void putItem_refusesAnEmptyOrWronglyTypedSearchSchemaAttribute() {
        createWriteTable("schema-values");
        assertValidation(() -> client.putItem(b -> b.tableName("schema-values")
                        .item(item("pk", s("a"), "tenant", s(""), "embedding", vector(0, 0, 1)))),
                "One or more parameter values are not valid. A value specified for a secondary index key is not"
                        + " supported. The AttributeValue for a key attribute cannot contain an empty string value."
                        + " IndexName: schema, IndexKey: tenant");
        assertValidation(() -> client.putItem(b -> b.tableName("schema-values")
                        .item(item("pk", s("a"), "tenant", n("1"), "embedding", vector(0, 0, 1)))),
                "One or more parameter values were invalid. Attribute 'tenant' type mismatch. Expected: S, Actual:"
                        + " N. IndexName: schema");
    }

    @Test
    void everyWritePath_checksTheVector() {
        createWriteTable("paths");
        String message = "One or more parameter values were invalid. Invalid size for parameter embedding,"
                + " Expected: 3, Actual: 2 IndexName: plain";
        assertValidation(() -> client.updateItem(b -> b.tableName("paths").key(item("pk", s("a")))
                .updateExpression("SET embedding = :v").expressionAttributeValues(Map.of(":v", vector(1, 2)))),
                message);
        assertValidation(() -> client.batchWriteItem(b -> b.requestItems(Map.of("paths", List.of(
                WriteRequest.builder().putRequest(p -> p.item(
                        item("pk", s("a"), "embedding", vector(1, 2)))).build())))), message);
        assertValidation(() -> client.executeStatement(b -> b.statement(
                "INSERT INTO \"paths\" VALUE {'pk': 'a', 'embedding': [1, 2]}")), message);
        assertThat(client.scan(b -> b.tableName("paths")).count()).isZero();
    }

    @Test
    void transactWriteItems_cancelsWithAVectorRefusalAsTheActionsReason() {
        createWriteTable("in-transactions");
        String size = "One or more parameter values were invalid. Invalid size for parameter embedding, Expected: 3,"
                + " Actual: 2 IndexName: plain";
        TransactWriteItem fine = TransactWriteItem.builder().put(p -> p.tableName("in-transactions")
                .item(item("pk", s("fine"), "embedding", vector(1, 0, 0)))).build();
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(fine, TransactWriteItem.builder()
                        .put(p -> p.tableName("in-transactions").item(item("pk", s("a"), "embedding", vector(1, 2))))
                        .build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
                            .containsExactly("None", "ValidationError");
                    assertThat(e.cancellationReasons().get(1).message()).isEqualTo(size);
                });
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
                        .update(u -> u.tableName("in-transactions").key(item("pk", s("b")))
                                .updateExpression("SET tenant = :t").expressionAttributeValues(Map.of(":t", n("7"))))
                        .build(), fine)))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
                            .containsExactly("ValidationError", "None");
                    assertThat(e.cancellationReasons().get(0).message()).isEqualTo("One or more parameter values"
                            + " were invalid. Attribute 'tenant' type mismatch. Expected: S, Actual: N. IndexName:"
                            + " schema");
                });
        assertThat(client.scan(b -> b.tableName("in-transactions")).count()).isZero();
    }

    @Test
    void updateItem_refusesAnEmptySearchSchemaHashInTheUpdatesWords() {
        createWriteTable("emptied-hash");
        client.putItem(b -> b.tableName("emptied-hash").item(item("pk", s("a"), "tenant", s("t1"))));
        assertValidation(() -> client.updateItem(b -> b.tableName("emptied-hash").key(item("pk", s("a")))
                        .updateExpression("SET tenant = :e").expressionAttributeValues(Map.of(":e", s("")))),
                "One or more parameter values are not valid. The update expression attempted to update a secondary"
                        + " index key to a value that is not supported. The AttributeValue for a key attribute cannot"
                        + " contain an empty string value.");
    }

    @Test
    void theIndexesHoldTheItemsWithAVector_andItsHashAttribute() {
        createWriteTable("held");
        client.putItem(b -> b.tableName("held").item(item("pk", s("a"), "tenant", s("t1"), "embedding",
                vector(1, 0, 0))));
        client.putItem(b -> b.tableName("held").item(item("pk", s("b"), "embedding", vector(0, 1, 0))));
        client.putItem(b -> b.tableName("held").item(item("pk", s("c"), "tenant", s("t1"))));

        assertThat(describe("held", "plain").itemCount()).isEqualTo(2);
        assertThat(describe("held", "schema").itemCount()).isEqualTo(1);

        client.updateItem(b -> b.tableName("held").key(item("pk", s("a"))).updateExpression("REMOVE embedding"));
        client.updateItem(b -> b.tableName("held").key(item("pk", s("b"))).updateExpression("SET tenant = :t")
                .expressionAttributeValues(Map.of(":t", s("t2"))));
        client.deleteItem(b -> b.tableName("held").key(item("pk", s("c"))));

        assertThat(describe("held", "plain").itemCount()).isEqualTo(1);
        assertThat(describe("held", "schema").itemCount()).isEqualTo(1);
        assertThat(describe("held", "schema").indexSizeBytes()).isPositive();
    }

    @Test
    void writes_reportTheVectorBytesOfEachIndexTheyChange_withIndexes() {
        createWriteTable("charged");
        Map<String, AttributeValue> written = item("pk", s("a"), "tenant", s("t1"), "embedding", vector(1, 0, 0));

        var indexes = client.putItem(b -> b.tableName("charged").item(written)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        var total = client.putItem(b -> b.tableName("charged").item(item("pk", s("b"), "embedding",
                vector(1, 0, 0))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        var unchanged = client.putItem(b -> b.tableName("charged").item(written)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

        // a small entry is charged the 1 KB minimum, in each index it is written to
        assertThat(indexes.vectorIndexes()).containsOnlyKeys("plain", "schema");
        assertThat(indexes.vectorIndexes().get("plain").vectorWriteRequestBytes()).isEqualTo(1024.0);
        assertThat(indexes.vectorIndexes().get("schema").vectorWriteRequestBytes()).isEqualTo(1024.0);
        assertThat(total.hasVectorIndexes()).isFalse();
        assertThat(unchanged.hasVectorIndexes()).isFalse();
    }

    @Test
    void createTable_readsTheVectorIndexMembersWithTheirWireTypes() throws Exception {
        String request = "{\"TableName\":\"wire\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                + "\"VectorIndexes\":[{\"IndexName\":\"plain\",\"VectorAttribute\":{\"AttributeName\":\"e\"},"
                + "\"Projection\":{\"ProjectionType\":\"ALL\"},\"DistanceFunction\":\"COSINE\",\"Dimensions\":";
        RawRequests.assertSerializationError(RawRequests.post(local.endpoint(), "CreateTable", request + "true}]}"),
                "TRUE_VALUE cannot be converted to Long");
        assertThat(RawRequests.post(local.endpoint(), "CreateTable", request + "3}]}").statusCode()).isEqualTo(200);
    }
}
