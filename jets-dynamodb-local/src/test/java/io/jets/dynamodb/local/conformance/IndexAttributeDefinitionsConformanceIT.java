package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.range;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The AttributeDefinitions DynamoDB describes: exactly the key attributes of the table and its indexes, sorted by
 * name, whatever order they were given in and whatever else an UpdateTable listed; and the NonKeyAttributes of an
 * INCLUDE projection, sorted too.
 */
class IndexAttributeDefinitionsConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start(LocalServer::instantIndexes);
    private static final DynamoDbClient client = local.dynamoDb();

    private static java.util.List<String> definedNames(String table) {
        return client.describeTable(b -> b.tableName(table)).table().attributeDefinitions().stream()
                .map(AttributeDefinition::attributeName).toList();
    }

    @Test
    void attributeDefinitionsAndNonKeyAttributes_areDescribedInNameOrder() {
        var created = client.createTable(b -> b.tableName("readings").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("zone", ScalarAttributeType.S), attribute("sensor", ScalarAttributeType.S),
                        attribute("at", ScalarAttributeType.N))
                .keySchema(hash("sensor"), range("at"))
                .globalSecondaryIndexes(g -> g.indexName("by-zone").keySchema(hash("zone"))
                        .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("value", "unit"))))
                .tableDescription();

        assertThat(created.attributeDefinitions()).extracting(AttributeDefinition::attributeName)
                .containsExactly("at", "sensor", "zone");
        assertThat(definedNames("readings")).containsExactly("at", "sensor", "zone");
        assertThat(client.describeTable(b -> b.tableName("readings")).table().globalSecondaryIndexes().get(0)
                .projection().nonKeyAttributes()).containsExactly("unit", "value");
    }

    @Test
    void updateTable_keepsOnlyTheDefinitionsOfKeyAttributes_andDropsThoseOfADeletedIndex() {
        client.createTable(b -> b.tableName("parcels").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id")));

        client.updateTable(b -> b.tableName("parcels")
                .attributeDefinitions(attribute("depot", ScalarAttributeType.S), attribute("spare", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("by-depot")
                        .keySchema(hash("depot")).projection(p -> p.projectionType(ProjectionType.ALL))).build()));
        var withIndex = definedNames("parcels");
        client.updateTable(b -> b.tableName("parcels").globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                .delete(d -> d.indexName("by-depot")).build()));

        assertThat(withIndex).containsExactly("depot", "id");
        assertThat(definedNames("parcels")).containsExactly("id");
    }
}
