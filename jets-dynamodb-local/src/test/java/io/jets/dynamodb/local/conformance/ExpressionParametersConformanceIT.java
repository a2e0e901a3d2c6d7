package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.ENVELOPE;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * ExpressionAttributeNames and ExpressionAttributeValues sent without an expression to use them: DynamoDB refuses
 * them, and the values message names the expressions the operation was missing.
 */
class ExpressionParametersConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("placeholders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id")));
        client.putItem(b -> b.tableName("placeholders").item(item("id", s("a"), "count", n("1"))));
    }

    @Test
    void putItem_valuesWithoutConditionExpression_areRefused() {
        assertValidation(() -> client.putItem(b -> b.tableName("placeholders").item(item("id", s("b")))
                        .expressionAttributeValues(Map.of(":v", n("1")))),
                ENVELOPE + "ExpressionAttributeValues can only be specified when using expressions");
    }

    @Test
    void deleteItem_namesWithoutAnExpression_areRefused() {
        assertValidation(() -> client.deleteItem(b -> b.tableName("placeholders").key(item("id", s("b")))
                        .expressionAttributeNames(Map.of("#c", "count"))),
                ENVELOPE + "ExpressionAttributeNames can only be specified when using expressions");
    }

    @Test
    void updateItem_valuesWithLegacyAttributeUpdates_areRefusedInTheEnvelope() {
        assertValidation(() -> client.updateItem(b -> b.tableName("placeholders").key(item("id", s("a")))
                        .attributeUpdates(Map.of("count", AttributeValueUpdate.builder().action("ADD").value(n("1"))
                                .build()))
                        .expressionAttributeValues(Map.of(":v", n("1")))),
                ENVELOPE + "ExpressionAttributeValues can only be specified when using expressions");
    }

    @Test
    void getItem_namesWithoutProjectionExpression_areRefused() {
        assertValidation(() -> client.getItem(b -> b.tableName("placeholders").key(item("id", s("a")))
                        .expressionAttributeNames(Map.of("#c", "count"))),
                "ExpressionAttributeNames can only be specified when using expressions");
    }

    @Test
    void query_valuesWithLegacyKeyConditions_nameFilterAndKeyConditionExpressions() {
        assertValidation(() -> client.query(b -> b.tableName("placeholders")
                        .keyConditions(Map.of("id", software.amazon.awssdk.services.dynamodb.model.Condition.builder()
                                .comparisonOperator("EQ").attributeValueList(s("a")).build()))
                        .expressionAttributeValues(Map.of(":v", n("1")))),
                "ExpressionAttributeValues can only be specified when using expressions: FilterExpression and"
                        + " KeyConditionExpression are null");
    }

    @Test
    void scan_valuesWithOnlyAProjectionExpression_nameTheFilterExpression() {
        assertValidation(() -> client.scan(b -> b.tableName("placeholders").projectionExpression("id")
                        .expressionAttributeValues(Map.of(":v", n("1")))),
                "ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null");
    }

    @Test
    void scan_namesUsedByTheProjectionExpression_areAccepted() {
        var response = client.scan(b -> b.tableName("placeholders").projectionExpression("#c")
                .expressionAttributeNames(Map.of("#c", "count")));

        assertThat(response.items()).containsExactly(item("count", n("1")));
    }

    @Test
    void emptyAttributeName_isRefusedWhateverTheExpression() {
        assertValidation(() -> client.getItem(b -> b.tableName("placeholders").key(item("id", s("a")))
                        .projectionExpression("#c").expressionAttributeNames(Map.of("#c", ""))),
                "ExpressionAttributeNames contains invalid value: Empty attribute name for key #c");
        assertValidation(() -> client.updateItem(b -> b.tableName("placeholders").key(item("id", s("a")))
                        .updateExpression("SET #c = :v").expressionAttributeNames(Map.of("#c", ""))
                        .expressionAttributeValues(Map.of(":v", n("2")))),
                ENVELOPE + "ExpressionAttributeNames contains invalid value: Empty attribute name for key #c");
        assertThat(client.getItem(b -> b.tableName("placeholders").key(item("id", s("a")))).item())
                .isEqualTo(item("id", s("a"), "count", n("1")));
    }
}
