package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.idTable;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.range;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A key attribute's name, in a table's or an index's key schema, is at most 255 characters, and so is a name an
 * index projects explicitly; DynamoDB checks these lengths before the schema's consistency. Other attribute names
 * may be far longer.
 */
class KeyAttributeNamesConformanceIT {

    private static final String LONGEST = "k".repeat(255);
    private static final String TOO_LONG = "k".repeat(256);
    private static final String LENGTH_FAILURE = "' failed to satisfy constraint: Member must have length less than"
            + " or equal to 255";

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    private static String tooLongAt(String member) {
        return "Value '" + TOO_LONG + "' at '" + member + LENGTH_FAILURE;
    }

    @Test
    void createTable_keyNamesOf255Characters_areAccepted() {
        client.createTable(b -> b.tableName("long-keys").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute(LONGEST, ScalarAttributeType.S),
                        attribute("sort", ScalarAttributeType.S))
                .keySchema(hash(LONGEST), range("sort")));
        client.putItem(b -> b.tableName("long-keys").item(item(LONGEST, s("a"), "sort", s("b"), TOO_LONG, s("c"))));

        assertThat(client.getItem(b -> b.tableName("long-keys").key(item(LONGEST, s("a"), "sort", s("b"))))
                .item()).containsKey(TOO_LONG);
    }

    @Test
    void createTable_keyNameOf256Characters_isRefusedBeforeTheDefinitionsAreMatched() {
        assertValidation(() -> client.createTable(b -> b.tableName("too-long-key")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("id", ScalarAttributeType.S))
                        .keySchema(hash(TOO_LONG))),
                "1 validation error detected: " + tooLongAt("keySchema.1.member.attributeName"));
        assertValidation(() -> client.createTable(b -> b.tableName("too-long-key")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("id", ScalarAttributeType.S),
                                attribute(TOO_LONG, ScalarAttributeType.S))
                        .keySchema(hash("id"), range(TOO_LONG))),
                "2 validation errors detected: " + tooLongAt("attributeDefinitions.2.member.attributeName") + "; "
                        + tooLongAt("keySchema.2.member.attributeName"));
    }

    @Test
    void createTable_indexKeyNameOf256Characters_isRefused() {
        assertValidation(() -> client.createTable(b -> b.tableName("too-long-index-key")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("id", ScalarAttributeType.S),
                                attribute("sort", ScalarAttributeType.S))
                        .keySchema(hash("id"), range("sort"))
                        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-other")
                                .keySchema(hash(TOO_LONG)).projection(p -> p.projectionType(ProjectionType.ALL))
                                .build())),
                "1 validation error detected: "
                        + tooLongAt("globalSecondaryIndexes.1.member.keySchema.1.member.attributeName"));
    }

    @Test
    void createTable_projectedNameOf256Characters_isRefused() {
        assertValidation(() -> client.createTable(b -> b.tableName("too-long-projection")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("id", ScalarAttributeType.S),
                                attribute("sort", ScalarAttributeType.S), attribute("other", ScalarAttributeType.S))
                        .keySchema(hash("id"), range("sort"))
                        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-other")
                                .keySchema(hash("id"), range("other"))
                                .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes(TOO_LONG))
                                .build())),
                "1 validation error detected: Value '[" + TOO_LONG + "]' at"
                        + " 'localSecondaryIndexes.1.member.projection.nonKeyAttributes' failed to satisfy constraint:"
                        + " Member must satisfy constraint: [Member must have length less than or equal to 255,"
                        + " Member must have length greater than or equal to 1]");
    }

    @Test
    void updateTable_createdIndexKeyNameOf256Characters_isRefused() {
        idTable(client, "index-later");

        assertValidation(() -> client.updateTable(b -> b.tableName("index-later")
                        .attributeDefinitions(attribute("other", ScalarAttributeType.S))
                        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-other")
                                .keySchema(hash(TOO_LONG)).projection(p -> p.projectionType(ProjectionType.ALL))))),
                "1 validation error detected: "
                        + tooLongAt("globalSecondaryIndexUpdates.1.member.create.keySchema.1.member.attributeName"));
    }
}
