package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.idTable;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.range;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.ENVELOPE;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * PutItem, UpdateItem and DeleteItem report what their request validation refuses inside the
 * {@code 1 validation error detected: } envelope, and word a malformed value as GetItem and Query do: an empty
 * number keeps its colon, an exponent is read in full, and a repeated set member is quoted in DynamoDB's order.
 * BatchWriteItem keeps the older, bare wording; an update of a key attribute is reported bare by both.
 */
class RequestValidationEnvelopeConformanceIT {

    private static final String NOT_NUMERIC = "The parameter cannot be converted to a numeric value";
    private static final String OVERFLOW =
            "Number overflow. Attempting to store a number with magnitude larger than supported range";
    private static final String INVALID = "One or more parameter values were invalid: ";

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        idTable(client, "notes");
        client.createTable(b -> b.tableName("series").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("seq", ScalarAttributeType.N))
                .keySchema(hash("id"), range("seq")));
    }

    private static final Map<String, AttributeValue> KEY = item("id", s("n1"));

    @Test
    void deleteItem_parameterErrors_comeInTheEnvelope() {
        assertValidation(() -> client.deleteItem(b -> b.tableName("notes").key(KEY)
                        .expressionAttributeValues(Map.of(":v", s("x")))),
                ENVELOPE + "ExpressionAttributeValues can only be specified when using expressions");
        assertValidation(() -> client.deleteItem(b -> b.tableName("notes").key(KEY)
                        .conditionExpression("attribute_exists(a)").expressionAttributeNames(Map.of())),
                ENVELOPE + "ExpressionAttributeNames must not be empty");
        assertValidation(() -> client.deleteItem(b -> b.tableName("notes").key(KEY).conditionExpression("")),
                ENVELOPE + "Invalid ConditionExpression: The expression can not be empty;");
        assertValidation(() -> client.deleteItem(b -> b.tableName("notes").key(KEY).returnValues(ReturnValue.ALL_NEW)),
                ENVELOPE + "ReturnValues can only be ALL_OLD or NONE");
        assertValidation(() -> client.deleteItem(b -> b.tableName("notes").key(KEY)
                        .expected(Map.of("a", ExpectedAttributeValue.builder().exists(true).build()))),
                ENVELOPE + INVALID + "Value must be provided when Exists is true for Attribute: a");
    }

    @Test
    void updateItem_undefinedValueInItsCondition_comesInTheEnvelope() {
        assertValidation(() -> client.updateItem(b -> b.tableName("notes").key(KEY).updateExpression("SET b = :w")
                        .conditionExpression("a = :v").expressionAttributeValues(Map.of(":w", s("x")))),
                ENVELOPE + "Invalid ConditionExpression: An expression attribute value used in expression is not"
                        + " defined; attribute value: :v");
    }

    @Test
    void itemWrites_malformedValues_areWordedByTheNewerValidation_inTheEnvelope() {
        assertValidation(() -> client.putItem(b -> b.tableName("notes").item(item("id", s("n2"), "v", n("")))),
                ENVELOPE + NOT_NUMERIC + ": ");
        assertValidation(() -> client.putItem(b -> b.tableName("notes").item(item("id", s("n2"),
                "v", n("1e2147483647")))), ENVELOPE + OVERFLOW);
        assertValidation(() -> client.putItem(b -> b.tableName("notes").item(item("id", s("n2")))
                        .expected(Map.of("v", ExpectedAttributeValue.builder()
                                .value(AttributeValue.fromSs(List.of("b", "a", "b"))).build()))),
                ENVELOPE + INVALID + "Input collection [\"a\", \"b\", \"b\"] contains duplicates.");
        assertValidation(() -> client.updateItem(b -> b.tableName("notes").key(KEY)
                        .attributeUpdates(Map.of("v", AttributeValueUpdate.builder().action(AttributeAction.PUT)
                                .value(AttributeValue.fromNs(List.of("2", "1", "2"))).build()))),
                ENVELOPE + INVALID + "Input collection contains duplicates.");
        assertValidation(() -> client.updateItem(b -> b.tableName("notes").key(KEY).updateExpression("SET v = :v")
                        .expressionAttributeValues(Map.of(":v", n("abc")))),
                ENVELOPE + NOT_NUMERIC + ": abc");
        assertValidation(() -> client.deleteItem(b -> b.tableName("notes").key(item("id", n("")))),
                ENVELOPE + NOT_NUMERIC + ": ");
        assertThat(client.getItem(b -> b.tableName("notes").key(item("id", s("n2")))).hasItem()).isFalse();
    }

    @Test
    void batchWriteItem_malformedValues_keepTheOlderBareWording() {
        assertValidation(() -> client.batchWriteItem(b -> b.requestItems(Map.of("notes", List.of(put(n("")))))),
                NOT_NUMERIC);
        assertValidation(() -> client.batchWriteItem(b -> b.requestItems(Map.of("notes",
                        List.of(put(n("1e2147483647")))))),
                "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        assertValidation(() -> client.batchWriteItem(b -> b.requestItems(Map.of("notes",
                        List.of(put(AttributeValue.fromSs(List.of("b", "a", "b"))))))),
                INVALID + "Input collection [b, a, b] contains duplicates.");
    }

    private static WriteRequest put(AttributeValue value) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item("id", s("b1"), "v", value)).build())
                .build();
    }

    @Test
    void query_keyConditionErrors_nameTheExpressionOrCountTheConditions() {
        assertValidation(() -> client.query(b -> b.tableName("series")
                        .keyConditionExpression("id = :p AND seq > :a AND seq < :b")
                        .expressionAttributeValues(Map.of(":p", s("q"), ":a", n("1"), ":b", n("5")))),
                "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
        assertValidation(() -> client.query(b -> b.tableName("series")
                        .keyConditionExpression("id = :p AND seq > :a AND extra = :b")
                        .expressionAttributeValues(Map.of(":p", s("q"), ":a", n("1"), ":b", n("5")))),
                "The number of query conditions (3) exceeds the number of key attributes defined in the schema (2)");
    }

    @Test
    void updateExpressionErrors_unusedPlaceholders_andEmptySets_comeInTheEnvelope() {
        assertValidation(() -> client.updateItem(b -> b.tableName("notes").key(KEY)
                        .updateExpression("INVALID SYNTAX")),
                ENVELOPE + "Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"");
        assertValidation(() -> client.updateItem(b -> b.tableName("notes").key(KEY).updateExpression("")),
                ENVELOPE + "Invalid UpdateExpression: The expression can not be empty;");
        assertValidation(() -> client.updateItem(b -> b.tableName("notes").key(KEY).updateExpression("SET a = :v")),
                ENVELOPE + "Invalid UpdateExpression: An expression attribute value used in expression is not"
                        + " defined; attribute value: :v");
        assertValidation(() -> client.updateItem(b -> b.tableName("notes").key(KEY)
                .updateExpression("ADD x :one SET a = :one ADD y :one")
                .expressionAttributeValues(Map.of(":one", n("1")))),
                ENVELOPE + "Invalid UpdateExpression: The \"ADD\" section can only be used once in an update"
                        + " expression;");
        String unusedName = ENVELOPE + "Value provided in ExpressionAttributeNames unused in expressions: keys:"
                + " {#count}";
        assertValidation(() -> client.updateItem(b -> b.tableName("notes").key(KEY).updateExpression("SET a = :v")
                .expressionAttributeNames(Map.of("#count", "count"))
                .expressionAttributeValues(Map.of(":v", s("v")))), unusedName);
        assertValidation(() -> client.putItem(b -> b.tableName("notes").item(KEY)
                .conditionExpression("attribute_not_exists(body)")
                .expressionAttributeNames(Map.of("#count", "count"))), unusedName);
        assertValidation(() -> client.deleteItem(b -> b.tableName("notes").key(KEY)
                .conditionExpression("attribute_not_exists(body)")
                .expressionAttributeNames(Map.of("#count", "count"))), unusedName);
        assertValidation(() -> client.updateItem(b -> b.tableName("notes").key(KEY).updateExpression("SET a = :v")
                        .expressionAttributeValues(Map.of(":v", s("v"), ":unused", s("u")))),
                ENVELOPE + "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
        assertValidation(() -> client.putItem(b -> b.tableName("notes").item(item("id", s("n1"), "tags",
                AttributeValue.fromSs(List.of())))), ENVELOPE + INVALID + "An string set  may not be empty");
        assertValidation(() -> client.putItem(b -> b.tableName("notes").item(item("id", s("n1"), "sizes",
                AttributeValue.fromNs(List.of())))), ENVELOPE + INVALID + "An number set  may not be empty");
        assertValidation(() -> client.putItem(b -> b.tableName("notes").item(item("id", s("n1"), "blobs",
                AttributeValue.fromBs(List.of())))), ENVELOPE + INVALID + "Binary sets should not be empty");
    }

    @Test
    void expressionAndLegacyParametersMixed_comeInTheEnvelope() {
        assertValidation(() -> client.putItem(b -> b.tableName("notes").item(KEY)
                        .expected(Map.of("id", ExpectedAttributeValue.builder().exists(false).build()))
                        .conditionExpression("attribute_not_exists(id)")),
                ENVELOPE + "Can not use both expression and non-expression parameters in the same request:"
                        + " Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}");
        assertValidation(() -> client.updateItem(b -> b.tableName("notes").key(KEY)
                        .attributeUpdates(Map.of("a", AttributeValueUpdate.builder().action(AttributeAction.PUT)
                                .value(s("x")).build()))
                        .updateExpression("SET a = :v").expressionAttributeValues(Map.of(":v", s("x")))),
                ENVELOPE + "Can not use both expression and non-expression parameters in the same request:"
                        + " Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}");
    }

    @Test
    void updatingAKeyAttribute_isReportedBare() {
        assertValidation(() -> client.updateItem(b -> b.tableName("notes").key(KEY).updateExpression("SET id = :v")
                        .expressionAttributeValues(Map.of(":v", s("n2")))),
                INVALID + "Cannot update attribute id. This attribute is part of the key");
    }
}
