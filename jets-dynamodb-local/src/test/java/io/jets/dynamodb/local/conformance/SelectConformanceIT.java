package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.range;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Select against the projection: which combinations DynamoDB refuses, and with which words for Query and Scan. */
class SelectConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("select").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.S))
                .keySchema(hash("pk"), range("sk")));
        client.putItem(b -> b.tableName("select").item(item("pk", s("p"), "sk", s("a"), "data", s("d"))));
    }

    @Test
    void query_specificAttributesWithoutProjection_isRefusedInsideTheEnvelope() {
        assertValidation(() -> client.query(b -> b.tableName("select").keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", s("p"))).select(Select.SPECIFIC_ATTRIBUTES)),
                "1 validation error detected: Must specify the AttributesToGet or ProjectionExpression when choosing"
                        + " to get SPECIFIC_ATTRIBUTES");
    }

    @Test
    void scan_specificAttributesWithoutProjection_isRefusedBare() {
        assertValidation(() -> client.scan(b -> b.tableName("select").select(Select.SPECIFIC_ATTRIBUTES)),
                "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
    }

    @Test
    void allAttributesWithAProjectionExpression_isRefused() {
        assertValidation(() -> client.scan(b -> b.tableName("select").select(Select.ALL_ATTRIBUTES)
                        .projectionExpression("pk")),
                "Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES");
    }

    @Test
    void countWithAProjectionExpression_isRefused() {
        assertValidation(() -> client.query(b -> b.tableName("select").keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", s("p"))).select(Select.COUNT)
                        .projectionExpression("sk")),
                "1 validation error detected: Cannot specify the ProjectionExpression when choosing to get only"
                        + " the Count");
    }

    @Test
    void countWithAttributesToGet_isRefused() {
        assertValidation(() -> client.scan(b -> b.tableName("select").select(Select.COUNT).attributesToGet("pk")),
                "Cannot specify the AttributesToGet when choosing to get only the Count");
    }

    @Test
    void query_allAttributesWithAttributesToGet_isRefusedInsideTheEnvelope() {
        assertValidation(() -> client.query(b -> b.tableName("select")
                        .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                                .attributeValueList(s("p")).build()))
                        .select(Select.ALL_ATTRIBUTES).attributesToGet("sk")),
                "1 validation error detected: Cannot specify the AttributesToGet when choosing to get ALL_ATTRIBUTES");
    }

    @Test
    void allProjectedAttributesWithoutAnIndex_isRefused() {
        assertValidation(() -> client.query(b -> b.tableName("select").keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", s("p"))).select(Select.ALL_PROJECTED_ATTRIBUTES)),
                "1 validation error detected: ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an"
                        + " IndexName");
    }

    @Test
    void specificAttributesWithAProjection_returnsOnlyThoseAttributes() {
        var items = client.query(b -> b.tableName("select").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p"))).select(Select.SPECIFIC_ATTRIBUTES)
                .projectionExpression("sk")).items();

        assertThat(items).containsExactly(item("sk", s("a")));
    }
}
