package io.jets.dynamodb.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.SearchSchemaElementType;
import software.amazon.awssdk.services.dynamodb.model.VectorDistanceFunction;
import software.amazon.awssdk.services.dynamodb.model.VectorIndexDescription;

/** A table's vector indexes live in the data directory with it: definitions and entries survive a restart. */
class VectorIndexDurabilityIT {

    private static AttributeValue vector(String... numbers) {
        return AttributeValue.fromL(Arrays.stream(numbers).map(Clients::n).toList());
    }

    private static VectorIndexDescription index(DynamoDbClient client) {
        return client.describeTable(b -> b.tableName("docs")).table().vectorIndexes().get(0);
    }

    @Test
    void restart_keepsTheVectorIndexes(@TempDir Path data) {
        try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).dataDirectory(data).start();
             DynamoDbClient client = Clients.dynamoDb(server.endpoint())) {
            client.createTable(b -> b.tableName("docs").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(Clients.attribute("id", ScalarAttributeType.S),
                            Clients.attribute("tenant", ScalarAttributeType.S))
                    .keySchema(Clients.key("id", KeyType.HASH))
                    .vectorIndexes(v -> v.indexName("by-meaning").vectorAttribute(a -> a.attributeName("embedding"))
                            .dimensions(2L).distanceFunction(VectorDistanceFunction.EUCLIDEAN)
                            .searchSchema(e -> e.attributeName("tenant")
                                    .searchSchemaElementType(SearchSchemaElementType.HASH))
                            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
            client.putItem(b -> b.tableName("docs").item(Map.of("id", Clients.s("a"), "tenant", Clients.s("t"),
                    "embedding", vector("1", "2"))));
        }
        try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).dataDirectory(data).start();
             DynamoDbClient client = Clients.dynamoDb(server.endpoint())) {
            VectorIndexDescription index = index(client);
            assertThat(index.indexName()).isEqualTo("by-meaning");
            assertThat(index.vectorAttribute().attributeName()).isEqualTo("embedding");
            assertThat(index.dimensions()).isEqualTo(2L);
            assertThat(index.distanceFunction()).isEqualTo(VectorDistanceFunction.EUCLIDEAN);
            assertThat(index.searchSchema()).singleElement()
                    .satisfies(e -> assertThat(e.attributeName()).isEqualTo("tenant"));
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
            assertThat(index.itemCount()).isEqualTo(1);

            client.putItem(b -> b.tableName("docs").item(Map.of("id", Clients.s("b"), "tenant", Clients.s("t"),
                    "embedding", vector("3", "4"))));
            assertThat(index(client).itemCount()).isEqualTo(2);
            assertThat(index(client).indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        }
    }
}
