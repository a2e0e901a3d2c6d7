package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.range;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.ENVELOPE;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Which of several problems in one request DynamoDB reports, and with which constraints together. */
class ValidationOrderConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("events").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("feed", ScalarAttributeType.S),
                        attribute("posted", ScalarAttributeType.S))
                .keySchema(hash("feed"), range("posted")));
    }

    @Test
    void query_operandNoKeyCouldMatch_isReportedBeforeTheMissingTable() {
        assertValidation(() -> client.query(b -> b.tableName("no-such-events")
                        .keyConditionExpression("feed = :s AND begins_with(posted, :prefix)")
                        .expressionAttributeValues(Map.of(":s", s("orders"), ":prefix", n("2026")))),
                "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or"
                        + " function: begins_with, operand type: N");
    }

    @Test
    void query_wellFormedConditionOnAMissingTable_isResourceNotFound() {
        assertThatThrownBy(() -> client.query(b -> b.tableName("no-such-events")
                        .keyConditionExpression("feed = :s AND begins_with(posted, :prefix)")
                        .expressionAttributeValues(Map.of(":s", s("orders"), ":prefix", s("2026")))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void itemOperations_emptyTableName_failOnlyTheMinimumLengthOfOne() {
        assertValidation(() -> client.putItem(b -> b.tableName("").item(item("feed", s("a"), "posted", s("1")))),
                "1 validation error detected: Value '' at 'tableName' failed to satisfy constraint: Member must"
                        + " have length greater than or equal to 1");
        assertValidation(() -> client.updateItem(b -> b.tableName("").updateExpression("SET seen = :t")
                        .expressionAttributeValues(Map.of(":t", s("yes")))),
                "2 validation errors detected: Value '' at 'tableName' failed to satisfy constraint: Member must"
                        + " have length greater than or equal to 1; Value null at 'key' failed to satisfy"
                        + " constraint: Member must not be null");
    }

    @Test
    void createTable_keySchemaConstraints_comeTogether_beforeTheCapacityBounds() {
        // dynalite's createTable tests, recorded against DynamoDB: the key schema's length, its missing members
        // and its bad key type are reported together; the capacity out of bounds is a later check
        assertValidation(() -> client.createTable(b -> b.tableName("abc")
                        .keySchema(k -> k.keyType("HASH"), k -> k.attributeName("a"),
                                k -> k.attributeName("a").keyType("Woop"))
                        .attributeDefinitions(java.util.List.of())
                        .provisionedThroughput(t -> t.readCapacityUnits(1000000000001L)
                                .writeCapacityUnits(1000000000001L))),
                "4 validation errors detected: Value '[KeySchemaElement(attributeName=null, keyType=HASH),"
                        + " KeySchemaElement(attributeName=a, keyType=null), KeySchemaElement(attributeName=a,"
                        + " keyType=Woop)]' at 'keySchema' failed to satisfy constraint: Member must have length less"
                        + " than or equal to 2; Value null at 'keySchema.1.member.attributeName' failed to satisfy"
                        + " constraint: Member must not be null; Value null at 'keySchema.2.member.keyType' failed to"
                        + " satisfy constraint: Member must not be null; Value 'Woop' at 'keySchema.3.member.keyType'"
                        + " failed to satisfy constraint: Member must satisfy enum value set: [HASH, RANGE]");
    }

    @Test
    void createTable_shortIndexNames_reportTheGlobalIndexBeforeTheLocalOne() {
        Projection all = Projection.builder().projectionType(ProjectionType.ALL).build();
        CreateTableRequest request = CreateTableRequest.builder().tableName("short-index-names")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("feed", ScalarAttributeType.S),
                        attribute("posted", ScalarAttributeType.S))
                .keySchema(hash("feed"), range("posted"))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("ab")
                        .keySchema(hash("feed"), range("by")).projection(all).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("yz")
                        .keySchema(hash("kind")).projection(all).build())
                .build();

        assertValidation(() -> client.createTable(request), "2 validation errors detected: Value 'yz' at"
                + " 'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must have"
                + " length greater than or equal to 3; Value 'ab' at 'localSecondaryIndexes.1.member.indexName'"
                + " failed to satisfy constraint: Member must have length greater than or equal to 3");
    }

    private static CreateTableRequest.Builder feedTable(String name) {
        return CreateTableRequest.builder().tableName(name)
                .attributeDefinitions(attribute("feed", ScalarAttributeType.S)).keySchema(hash("feed"));
    }

    /** Both capacities below 1: the write capacity is reported first. */
    private static final String ZERO_CAPACITIES = "2 validation errors detected: Value '0' at"
            + " 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member must have value greater"
            + " than or equal to 1; Value '0' at 'provisionedThroughput.readCapacityUnits' failed to satisfy"
            + " constraint: Member must have value greater than or equal to 1";

    @Test
    void createTable_zeroThroughput_reportsTheWriteCapacityBeforeTheReadCapacity() {
        assertValidation(() -> client.createTable(feedTable("zero-throughput")
                        .provisionedThroughput(p -> p.readCapacityUnits(0L).writeCapacityUnits(0L)).build()),
                ZERO_CAPACITIES);
    }

    @Test
    void createTable_onDemandWithZeroThroughput_failsTheConstraintsBeforeTheBillingModeRule() {
        assertValidation(() -> client.createTable(feedTable("on-demand-zero").billingMode(BillingMode.PAY_PER_REQUEST)
                        .provisionedThroughput(p -> p.readCapacityUnits(0L).writeCapacityUnits(0L)).build()),
                ZERO_CAPACITIES);
    }

    @Test
    void createTable_emptyThroughput_reportsBothCapacitiesMissing_writeFirst() {
        assertValidation(() -> client.createTable(feedTable("empty-throughput")
                        .provisionedThroughput(ProvisionedThroughput.builder().build()).build()),
                "2 validation errors detected: Value null at 'provisionedThroughput.writeCapacityUnits' failed to"
                        + " satisfy constraint: Member must not be null; Value null at"
                        + " 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must not"
                        + " be null");
        assertValidation(() -> client.createTable(feedTable("read-only-throughput")
                        .provisionedThroughput(p -> p.readCapacityUnits(1L)).build()),
                "1 validation error detected: Value null at 'provisionedThroughput.writeCapacityUnits' failed to"
                        + " satisfy constraint: Member must not be null");
    }

    @Test
    void createTable_emptyKeySchema_failsItsLengthConstraint() {
        assertValidation(() -> client.createTable(feedTable("empty-key-schema").keySchema(java.util.List.of())
                        .billingMode(BillingMode.PAY_PER_REQUEST).build()),
                "1 validation error detected: Value '[]' at 'keySchema' failed to satisfy constraint: Member must"
                        + " have length greater than or equal to 1");
    }

    private static final String EMPTY_NAME = "Value '' at 'tableName' failed to satisfy constraint: Member must have"
            + " length greater than or equal to 1";
    private static final String NO_KEY = "Value null at 'key' failed to satisfy constraint: Member must not be null";
    private static final String BAD_CAPACITY = "Value 'INVALID' at 'returnConsumedCapacity' failed to satisfy"
            + " constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]";
    private static final String BAD_RETURN_VALUES = "Value 'INVALID' at 'returnValues' failed to satisfy constraint:"
            + " Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]";

    @Test
    void updateItem_withoutKey_joinsTheEnumsTheTableNameAndTheKey_inDynamoDbsMemberOrder() {
        assertValidation(() -> client.updateItem(b -> b.tableName("").updateExpression("SET seen = :t")
                        .expressionAttributeValues(Map.of(":t", s("yes")))
                        .returnConsumedCapacity("INVALID").returnValues("INVALID")),
                "4 validation errors detected: " + BAD_CAPACITY + "; " + EMPTY_NAME + "; " + BAD_RETURN_VALUES + "; "
                        + NO_KEY);
    }

    @Test
    void updateItem_withoutKey_reportsTheConditionalOperatorBeforeTheKey() {
        assertValidation(() -> client.updateItem(b -> b.tableName("events")
                        .attributeUpdates(Map.of("x", software.amazon.awssdk.services.dynamodb.model
                                .AttributeValueUpdate.builder().action("PUT").value(s("1")).build()))
                        .expected(Map.of("a", software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue
                                        .builder().exists(false).build(),
                                "b", software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue.builder()
                                        .exists(false).build()))
                        .conditionalOperator("XOR")),
                "2 validation errors detected: Value 'XOR' at 'conditionalOperator' failed to satisfy constraint:"
                        + " Member must satisfy enum value set: [OR, AND]; " + NO_KEY);
    }

    @Test
    void updateItem_withKey_reportsAnUnknownReturnValuesAlone_inTheNewerWording() {
        // with a Key, DynamoDB stops at ReturnValues and leaves the unknown ReturnConsumedCapacity out
        assertValidation(() -> client.updateItem(b -> b.tableName("events")
                        .key(Map.of("feed", s("a"), "posted", s("1")))
                        .returnConsumedCapacity("INVALID").returnValues("INVALID")),
                "1 validation error detected: Failed to satisfy constraint: Member must satisfy enum value set:"
                        + " [ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATE_NEW, NONE]");
        assertValidation(() -> client.updateItem(b -> b.tableName("no-such-events")
                        .key(Map.of("feed", s("a"), "posted", s("1"))).returnValues("INVALID")),
                "1 validation error detected: Failed to satisfy constraint: Member must satisfy enum value set:"
                        + " [ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATE_NEW, NONE]");
    }

    @Test
    void updateItem_withKey_reportsTheTableNameAlone() {
        assertValidation(() -> client.updateItem(b -> b.tableName("bad!name").key(Map.of())
                        .returnConsumedCapacity("INVALID").returnValues("INVALID")),
                "1 validation error detected: Value 'bad!name' at 'tableName' failed to satisfy constraint: Member"
                        + " must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }

    @Test
    void updateItem_withKey_listsATooShortTableNameLengthBeforeItsPattern() {
        // the newer validation lists the length first; the joined form without a Key keeps the pattern first
        assertValidation(() -> client.updateItem(b -> b.tableName("x!").key(Map.of("feed", s("a")))
                        .updateExpression("ADD tags :none")),
                "2 validation errors detected: Value 'x!' at 'tableName' failed to satisfy constraint: Member must"
                        + " have length greater than or equal to 3; Value 'x!' at 'tableName' failed to satisfy"
                        + " constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }

    @Test
    void query_unknownConditionalOperator_isReportedBareAndAlone_beforeSelectAndTheMissingTable() {
        assertValidation(() -> client.query(b -> b.tableName("no-such-events")
                        .keyConditions(Map.of("feed", software.amazon.awssdk.services.dynamodb.model.Condition
                                .builder().comparisonOperator("EQ").attributeValueList(s("a")).build()))
                        .queryFilter(Map.of(
                                "seen", software.amazon.awssdk.services.dynamodb.model.Condition.builder()
                                        .comparisonOperator("NULL").build(),
                                "kind", software.amazon.awssdk.services.dynamodb.model.Condition.builder()
                                        .comparisonOperator("NULL").build()))
                        .conditionalOperator("XOR").select("BOGUS")),
                "Failed to satisfy constraint: Member must satisfy enum value set: [ALL, OR]");
    }

    @Test
    void scan_constraintFailures_inDynamoDbsMemberOrder() {
        assertValidation(() -> client.scan(b -> b.tableName("abc;").returnConsumedCapacity("hi").segment(-1)
                        .totalSegments(-1).select("hi").limit(-1).conditionalOperator("AN")),
                "7 validation errors detected: Value 'hi' at 'select' failed to satisfy constraint: Member must"
                        + " satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES,"
                        + " ALL_PROJECTED_ATTRIBUTES]; Value '-1' at 'totalSegments' failed to satisfy constraint:"
                        + " Member must have value greater than or equal to 1; Value 'hi' at 'returnConsumedCapacity'"
                        + " failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE];"
                        + " Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular"
                        + " expression pattern: [a-zA-Z0-9_.-]+; Value 'AN' at 'conditionalOperator' failed to"
                        + " satisfy constraint: Member must satisfy enum value set: [OR, AND]; Value '-1' at"
                        + " 'segment' failed to satisfy constraint: Member must have value greater than or equal to"
                        + " 0; Value '-1' at 'limit' failed to satisfy constraint: Member must have value greater"
                        + " than or equal to 1");
    }

    @Test
    void scan_indexNameAndAttributesToGet_areConstraints_inDynamoDbsMemberOrder() {
        assertValidation(() -> client.scan(b -> b.tableName("abc;").indexName("by;day").attributesToGet(
                        java.util.List.of()).select("hi")),
                "4 validation errors detected: Value 'hi' at 'select' failed to satisfy constraint: Member must"
                        + " satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES,"
                        + " ALL_PROJECTED_ATTRIBUTES]; Value 'by;day' at 'indexName' failed to satisfy constraint:"
                        + " Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value 'abc;' at"
                        + " 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern:"
                        + " [a-zA-Z0-9_.-]+; Value '[]' at 'attributesToGet' failed to satisfy constraint: Member must"
                        + " have length greater than or equal to 1");
    }

    @Test
    void query_malformedIndexNameOrSelect_isReportedBeforeTheMissingTable() {
        assertValidation(() -> client.query(b -> b.tableName("no-such-events").indexName("ab")
                        .keyConditionExpression("feed = :s").expressionAttributeValues(Map.of(":s", s("orders")))),
                "1 validation error detected: Value 'ab' at 'indexName' failed to satisfy constraint: Member must"
                        + " have length greater than or equal to 3");
        assertValidation(() -> client.query(b -> b.tableName("no-such-events").select("hi")
                        .keyConditionExpression("feed = :s").expressionAttributeValues(Map.of(":s", s("orders")))),
                "1 validation error detected: Value 'hi' at 'select' failed to satisfy constraint: Member must"
                        + " satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES,"
                        + " ALL_PROJECTED_ATTRIBUTES]");
    }

    @Test
    void query_keyConditionWithTheWrongArgumentCount_isReportedBeforeTheMissingTable() {
        assertValidation(() -> client.query(b -> b.tableName("no-such-events").keyConditions(Map.of("feed",
                        software.amazon.awssdk.services.dynamodb.model.Condition.builder().comparisonOperator("EQ")
                                .build()))),
                "One or more parameter values were invalid: Invalid number of argument(s) for the EQ"
                        + " ComparisonOperator");
    }

    @Test
    void createTable_moreThanTenFailures_reportsTheFirstTen() {
        Projection all = Projection.builder().projectionType(ProjectionType.ALL).build();
        java.util.List<GlobalSecondaryIndex> indexes = new java.util.ArrayList<>();
        StringBuilder expected = new StringBuilder("10 validation errors detected: ");
        for (int i = 1; i <= 11; i++) {
            String name = "g" + (char) ('a' + i);
            indexes.add(GlobalSecondaryIndex.builder().indexName(name).keySchema(hash("feed")).projection(all).build());
            if (i <= 10) {
                expected.append(i > 1 ? "; " : "").append("Value '").append(name)
                        .append("' at 'globalSecondaryIndexes.").append(i).append(".member.indexName' failed to"
                                + " satisfy constraint: Member must have length greater than or equal to 3");
            }
        }

        assertValidation(() -> client.createTable(feedTable("eleven-short-index-names")
                        .billingMode(BillingMode.PAY_PER_REQUEST).globalSecondaryIndexes(indexes).build()),
                expected.toString());
    }

    private static final String BOGUS_CAPACITY = "Value 'BOGUS' at 'returnConsumedCapacity' failed to satisfy"
            + " constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]";

    @Test
    void batchGetItem_malformedTableName_isReportedWithAnUnknownReturnConsumedCapacity() {
        assertValidation(() -> client.batchGetItem(b -> b.returnConsumedCapacity("BOGUS").requestItems(Map.of(
                        "bad!name", software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
                                .keys(Map.of("pk", s("a"))).build()))),
                "2 validation errors detected: Value '{\"bad!name\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}}' at"
                        + " 'requestItems' failed to satisfy constraint: Map keys must satisfy constraint: [Member"
                        + " must have length less than or equal to 255, Member must have length greater than or equal"
                        + " to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]; " + BOGUS_CAPACITY);
    }

    @Test
    void batchWriteItem_unknownReturnConsumedCapacity_isReportedAloneOverAMalformedTableName() {
        assertValidation(() -> client.batchWriteItem(b -> b.returnConsumedCapacity("BOGUS").requestItems(Map.of(
                        "bad!name", java.util.List.of(software.amazon.awssdk.services.dynamodb.model.WriteRequest
                                .builder().putRequest(p -> p.item(Map.of("pk", s("a")))).build())))),
                "1 validation error detected: " + BOGUS_CAPACITY);
    }

    @Test
    void putItem_emptyTableNameAndInvalidReturnValues_listReturnValuesFirst() {
        assertValidation(() -> client.putItem(b -> b.tableName("").item(item("feed", s("a"), "posted", s("1")))
                        .returnValues("INVALID")),
                "2 validation errors detected: " + BAD_RETURN_VALUES + "; " + EMPTY_NAME);
    }

    @Test
    void deleteItem_invalidReturnValuesAndReturnConsumedCapacity_areReportedTogether() {
        assertValidation(() -> client.deleteItem(b -> b.tableName("events").key(item("feed", s("a"), "posted", s("1")))
                        .returnValues("INVALID").returnConsumedCapacity("INVALID")),
                "2 validation errors detected: " + BAD_RETURN_VALUES + "; " + BAD_CAPACITY);
    }

    @Test
    void transactWriteItems_tableNamesOfEveryAction_areReportedWithTheEnums() {
        assertValidation(() -> client.transactWriteItems(b -> b.returnConsumedCapacity("BOGUS").transactItems(
                        software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder()
                                .put(p -> p.tableName("bad!").item(item("feed", s("a"), "posted", s("1")))).build(),
                        software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder()
                                .delete(d -> d.tableName("x?").key(item("feed", s("a"), "posted", s("1")))).build())),
                "4 validation errors detected: Value 'bad!' at 'transactItems.1.member.put.tableName' failed to"
                        + " satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+;"
                        + " Value 'x?' at 'transactItems.2.member.delete.tableName' failed to satisfy constraint:"
                        + " Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value 'x?' at"
                        + " 'transactItems.2.member.delete.tableName' failed to satisfy constraint: Member must have"
                        + " length greater than or equal to 3; " + BOGUS_CAPACITY);
    }

    @Test
    void transactWriteItems_unknownReturnConsumedCapacity_isReportedAheadOfAMissingTable() {
        assertValidation(() -> client.transactWriteItems(b -> b.returnConsumedCapacity("BOGUS").transactItems(
                        software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder()
                                .put(p -> p.tableName("no-such-events").item(item("feed", s("a"), "posted", s("1"))))
                                .build())),
                "1 validation error detected: " + BOGUS_CAPACITY);
    }

    private static final String NOT_A_NUMBER = "The parameter cannot be converted to a numeric value: many";

    @Test
    void itemOperations_malformedValue_isReportedBeforeTheMissingTable() {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key =
                item("feed", s("a"), "posted", n("many"));
        assertValidation(() -> client.putItem(b -> b.tableName("no-such-events").item(key)), ENVELOPE + NOT_A_NUMBER);
        assertValidation(() -> client.getItem(b -> b.tableName("no-such-events").key(key)), NOT_A_NUMBER);
        assertValidation(() -> client.deleteItem(b -> b.tableName("no-such-events").key(key)), ENVELOPE + NOT_A_NUMBER);
        assertValidation(() -> client.updateItem(b -> b.tableName("no-such-events").key(key)), ENVELOPE + NOT_A_NUMBER);
    }

    @Test
    void batchOperations_malformedValue_isReportedBeforeTheMissingTable() {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key =
                item("feed", s("a"), "posted", n("many"));
        assertValidation(() -> client.batchGetItem(b -> b.requestItems(Map.of("no-such-events",
                        software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(key).build()))),
                NOT_A_NUMBER);
        assertValidation(() -> client.batchWriteItem(b -> b.requestItems(Map.of("no-such-events", java.util.List.of(
                        software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                                .putRequest(p -> p.item(key)).build())))),
                NOT_A_NUMBER);
        assertValidation(() -> client.batchWriteItem(b -> b.requestItems(Map.of("no-such-events", java.util.List.of(
                        software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                                .deleteRequest(d -> d.key(key)).build())))),
                NOT_A_NUMBER);
    }

    @Test
    void putItem_itemOverTheSizeLimit_isReportedBeforeTheMissingTable() {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> large =
                item("feed", s("a"), "posted", s("1"), "body", s("x".repeat(400 * 1024)));
        assertValidation(() -> client.putItem(b -> b.tableName("no-such-events").item(large)),
                "Item size has exceeded the maximum allowed size");
        assertValidation(() -> client.batchWriteItem(b -> b.requestItems(Map.of("no-such-events", java.util.List.of(
                        software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                                .putRequest(p -> p.item(large)).build())))),
                "Item size has exceeded the maximum allowed size");
    }

    @Test
    void putItem_wellFormedItemOfAMissingTable_isResourceNotFound() {
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("no-such-events")
                        .item(item("feed", s("a"), "posted", s("1"), "body", s("x".repeat(1024))))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void itemOperations_malformedValue_isReportedBeforeThePlaceholdersAndTheConditions() {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key =
                item("feed", s("a"), "posted", n("many"));
        assertValidation(() -> client.putItem(b -> b.tableName("events").item(key)
                        .conditionExpression("attribute_not_exists(feed) OR seen = :undefined")),
                ENVELOPE + NOT_A_NUMBER);
        assertValidation(() -> client.updateItem(b -> b.tableName("events").key(key).updateExpression("SET seen = :t")
                        .expressionAttributeNames(Map.of()).expressionAttributeValues(Map.of(":t", s("yes")))),
                ENVELOPE + NOT_A_NUMBER);
        assertValidation(() -> client.updateItem(b -> b.tableName("events").key(key).attributeUpdates(Map.of("seen",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate.builder().action("ADD")
                                .value(s("yes")).build()))),
                ENVELOPE + NOT_A_NUMBER);
        assertValidation(() -> client.deleteItem(b -> b.tableName("events").key(key)
                        .conditionExpression("seen = :undefined")),
                ENVELOPE + NOT_A_NUMBER);
        assertValidation(() -> client.getItem(b -> b.tableName("events").key(key).projectionExpression("#undefined")),
                NOT_A_NUMBER);
    }

    @Test
    void expressionAttributeValues_malformedKey_isReportedOverAnEarlierMalformedValue() {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> values =
                new java.util.LinkedHashMap<>();
        values.put(":seen", n("many"));
        values.put("seen", s("yes"));
        assertValidation(() -> client.updateItem(b -> b.tableName("events").key(item("feed", s("a"), "posted", s("1")))
                        .updateExpression("SET seen = :seen").expressionAttributeValues(values)),
                ENVELOPE + "ExpressionAttributeValues contains invalid key: Syntax error; key: \"seen\"");
    }

    @Test
    void wronglyTypedIndexKey_namesTheLastIndexItKeys() {
        Projection all = Projection.builder().projectionType(ProjectionType.ALL).build();
        client.createTable(b -> b.tableName("indexed-events").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("feed", ScalarAttributeType.S),
                        attribute("posted", ScalarAttributeType.S), attribute("c", ScalarAttributeType.S),
                        attribute("d", ScalarAttributeType.S))
                .keySchema(hash("feed"), range("posted"))
                .localSecondaryIndexes(
                        LocalSecondaryIndex.builder().indexName("ls-c").keySchema(hash("feed"), range("c"))
                                .projection(all).build(),
                        LocalSecondaryIndex.builder().indexName("ls-d").keySchema(hash("feed"), range("d"))
                                .projection(all).build())
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder().indexName("gs-c").keySchema(hash("c")).projection(all).build(),
                        GlobalSecondaryIndex.builder().indexName("gs-cd").keySchema(hash("c"), range("d"))
                                .projection(all).build()));
        String mismatch = "One or more parameter values were invalid: Type mismatch for Index Key c Expected: S"
                + " Actual: N IndexName: gs-cd";

        assertValidation(() -> client.putItem(b -> b.tableName("indexed-events")
                        .item(item("feed", s("a"), "posted", s("1"), "c", n("7")))),
                mismatch);
        assertValidation(() -> client.updateItem(b -> b.tableName("indexed-events")
                        .key(item("feed", s("a"), "posted", s("1")))
                        .attributeUpdates(Map.of(
                                "d", software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate.builder()
                                        .value(n("8")).build(),
                                "c", software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate.builder()
                                        .value(n("7")).build()))),
                mismatch);
    }

    @Test
    void wronglyTypedKeysOfSeveralIndexes_nameTheLastDeclaredIndex_evenWhenItsAttributeSortsLater() {
        Projection all = Projection.builder().projectionType(ProjectionType.ALL).build();
        client.createTable(b -> b.tableName("indexed-readings").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("gk", ScalarAttributeType.S),
                        attribute("nk", ScalarAttributeType.N))
                .keySchema(hash("id"))
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder().indexName("g_s").keySchema(hash("gk")).projection(all).build(),
                        GlobalSecondaryIndex.builder().indexName("g_n").keySchema(hash("nk")).projection(all).build()));

        assertValidation(() -> client.putItem(b -> b.tableName("indexed-readings").item(item("id", s("a"),
                        "gk", AttributeValue.fromL(java.util.List.of()), "nk", s("x")))),
                "One or more parameter values were invalid: Type mismatch for Index Key nk Expected: N Actual: S"
                        + " IndexName: g_n");
    }

    @Test
    void getItem_emptyAttributesToGet_isReportedWithTheMissingKey() {
        assertValidation(() -> client.getItem(b -> b.tableName("events").attributesToGet(java.util.List.of())),
                "2 validation errors detected: Value '[]' at 'attributesToGet' failed to satisfy constraint: Member"
                        + " must have length greater than or equal to 1; " + NO_KEY);
    }

    private static final String TOO_DEEP = "Nesting Levels have exceeded supported limits: Attributes in the item"
            + " have nested levels beyond supported limit";

    /** A string wrapped in {@code wraps} single-member maps. */
    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue wrapped(int wraps) {
        software.amazon.awssdk.services.dynamodb.model.AttributeValue value = s("leaf");
        for (int i = 0; i < wraps; i++) {
            value = software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM(Map.of("n", value));
        }
        return value;
    }

    private static software.amazon.awssdk.services.dynamodb.model.TransactWriteItem put(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        return software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder()
                .put(p -> p.tableName("no-such-events").item(item)).build();
    }

    @Test
    void transactWriteItems_emptyAttributeName_isFoundBeforeAValueNestedTooDeep_inTheSameItemOrALaterAction() {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> emptyNameFirst =
                new java.util.LinkedHashMap<>(item("feed", s("a"), "posted", s("1")));
        emptyNameFirst.put("", s("x"));
        emptyNameFirst.put("body", wrapped(100));
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> emptyNameLast =
                new java.util.LinkedHashMap<>(item("feed", s("a"), "posted", s("1")));
        emptyNameLast.put("body", wrapped(100));
        emptyNameLast.put("", s("x"));
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> emptyName =
                item("feed", s("a"), "posted", s("1"), "", s("x"));

        assertValidation(() -> client.transactWriteItems(b -> b.transactItems(put(emptyNameFirst))),
                "Empty attribute name");
        assertValidation(() -> client.transactWriteItems(b -> b.transactItems(put(emptyNameLast))),
                "Empty attribute name");
        assertValidation(() -> client.transactWriteItems(b -> b.transactItems(put(emptyName),
                        put(item("feed", s("b"), "posted", s("1"), "body", wrapped(100))))),
                "Empty attribute name");
        // the actions are still checked in request order
        assertValidation(() -> client.transactWriteItems(b -> b.transactItems(
                        put(item("feed", s("b"), "posted", s("1"), "body", wrapped(40))), put(emptyName))),
                TOO_DEEP);
    }

    @Test
    void scan_scanFilterValueNestedTooDeep_isReportedBeforeTheMissingTableAndTheConditionalOperator() {
        assertValidation(() -> client.scan(b -> b.tableName("no-such-events").conditionalOperator("AND")
                        .scanFilter(Map.of("body", software.amazon.awssdk.services.dynamodb.model.Condition.builder()
                                .comparisonOperator("EQ").attributeValueList(wrapped(40)).build()))),
                TOO_DEEP);
    }

    @Test
    void transactWriteItems_missingItems_isReportedWithTheUnknownEnums() {
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.returnConsumedCapacity("hi")
                        .returnItemCollectionMetrics("hi")))
                .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class)
                .satisfies(e -> assertThat(((software.amazon.awssdk.services.dynamodb.model.DynamoDbException) e)
                        .awsErrorDetails().errorMessage())
                        .startsWith("3 validation errors detected: ")
                        .contains("Value null at 'transactItems' failed to satisfy constraint: Member must not be null")
                        .contains("Value 'hi' at 'returnConsumedCapacity' failed to satisfy constraint: Member must"
                                + " satisfy enum value set: [INDEXES, TOTAL, NONE]")
                        .contains("Value 'hi' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member"
                                + " must satisfy enum value set: [SIZE, NONE]"));
    }
}
