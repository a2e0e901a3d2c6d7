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
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Nested paths ({@code a.b}, {@code a[0]}) into key attributes of a table or of its indexes, which DynamoDB refuses
 * in projections, filters and updates because key attributes are scalars.
 */
class NestedKeyPathConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    private static final String SCALARS = "Key attributes must be scalars; list random access '[]' and map lookup"
            + " '.' are not allowed: ";

    @BeforeAll
    static void createTable() {
        client.createTable(b -> b.tableName("visits").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("site", ScalarAttributeType.S), attribute("at", ScalarAttributeType.S),
                        attribute("page", ScalarAttributeType.S), attribute("visitor", ScalarAttributeType.S))
                .keySchema(hash("site"), range("at"))
                .localSecondaryIndexes(l -> l.indexName("by-page").keySchema(hash("site"), range("page"))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .globalSecondaryIndexes(g -> g.indexName("by-visitor").keySchema(hash("visitor"))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        client.putItem(b -> b.tableName("visits").item(item("site", s("jets.io"), "at", s("2024-05-01"),
                "page", s("/docs"), "visitor", s("v1"))));
    }

    @Test
    void getItem_projectingIntoAKey_isRefused() {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key = item("site", s("jets.io"),
                "at", s("2024-05-01"));

        assertValidation(() -> client.getItem(b -> b.tableName("visits").key(key).projectionExpression("site.host")),
                SCALARS + "Key: site");
        assertValidation(() -> client.getItem(b -> b.tableName("visits").key(key).projectionExpression("visitor[0]")),
                SCALARS + "IndexKey: visitor");
    }

    @Test
    void queryAndScan_reachingIntoAnIndexKey_areRefused() {
        assertValidation(() -> client.query(b -> b.tableName("visits").indexName("by-visitor")
                        .keyConditionExpression("visitor = :v").projectionExpression("page.slug")
                        .expressionAttributeValues(Map.of(":v", s("v1")))),
                SCALARS + "IndexKey: page");
        assertValidation(() -> client.query(b -> b.tableName("visits").keyConditionExpression("site = :s")
                        .filterExpression("visitor.id = :v")
                        .expressionAttributeValues(Map.of(":s", s("jets.io"), ":v", s("v1")))),
                SCALARS + "IndexKey: visitor");
        assertValidation(() -> client.scan(b -> b.tableName("visits").filterExpression("#at.dd = :d")
                        .expressionAttributeNames(Map.of("#at", "at")).expressionAttributeValues(Map.of(":d", s("1")))),
                SCALARS + "Key: at");
    }

    @Test
    void updateItem_reachingIntoAnIndexKey_isRefusedBeforeTheItemIsRead() {
        assertValidation(() -> client.updateItem(b -> b.tableName("visits")
                        .key(item("site", s("jets.io"), "at", s("2030-01-01")))
                        .updateExpression("SET page.title = :t").expressionAttributeValues(Map.of(":t", s("Docs")))),
                SCALARS + "IndexKey: page");
        assertValidation(() -> client.updateItem(b -> b.tableName("visits")
                        .key(item("site", s("jets.io"), "at", s("2024-05-01"))).updateExpression("REMOVE visitor.id")),
                SCALARS + "IndexKey: visitor");
        assertThat(client.getItem(b -> b.tableName("visits").key(item("site", s("jets.io"), "at",
                s("2030-01-01")))).hasItem()).isFalse();
    }
}
