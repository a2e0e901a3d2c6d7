package io.jets.dynamodb.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** An index being built when the server stops carries on its walk, from where the clock says it is, on restart. */
class OnlineIndexDurabilityIT {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-08-23T10:00:00Z"));

    private DynamoDbLocal start(Path data) {
        return DynamoDbLocal.builder().port(0).dataDirectory(data).clock(clock).start();
    }

    private static GlobalSecondaryIndexDescription index(DynamoDbClient client) {
        return client.describeTable(b -> b.tableName("things")).table().globalSecondaryIndexes().get(0);
    }

    private static int query(DynamoDbClient client) {
        return client.query(b -> b.tableName("things").indexName("by-color").keyConditionExpression("color = :c")
                .expressionAttributeValues(Map.of(":c", Clients.s("red")))).count();
    }

    @Test
    void restart_midBackfill_continuesTheWalk(@TempDir Path data) {
        try (DynamoDbLocal server = start(data); DynamoDbClient client = Clients.dynamoDb(server.endpoint())) {
            client.createTable(b -> b.tableName("things").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(Clients.attribute("pk", ScalarAttributeType.S))
                    .keySchema(Clients.key("pk", KeyType.HASH)));
            for (String pk : new String[] {"a", "b", "c"}) {
                client.putItem(b -> b.tableName("things").item(Map.of("pk", Clients.s(pk),
                        "color", Clients.s("red"))));
            }
            client.updateTable(b -> b.tableName("things")
                    .attributeDefinitions(Clients.attribute("color", ScalarAttributeType.S))
                    .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-color")
                            .keySchema(Clients.key("color", KeyType.HASH))
                            .projection(p -> p.projectionType(ProjectionType.ALL)))));
            clock.advance(Duration.ofSeconds(3));
            assertThat(index(client).backfilling()).isTrue();
        }
        try (DynamoDbLocal server = start(data); DynamoDbClient client = Clients.dynamoDb(server.endpoint())) {
            assertThat(client.describeTable(b -> b.tableName("things")).table().tableStatus())
                    .isEqualTo(TableStatus.ACTIVE);
            assertThat(index(client).indexStatus()).isEqualTo(IndexStatus.CREATING);
            assertThat(index(client).backfilling()).isTrue();
            assertThatThrownBy(() -> query(client)).isInstanceOf(DynamoDbException.class)
                    .hasMessageStartingWith("Cannot read from backfilling global secondary index: by-color");
            client.putItem(b -> b.tableName("things").item(Map.of("pk", Clients.s("d"), "color", Clients.s("red"))));

            clock.advance(Duration.ofSeconds(4));
            assertThat(index(client).indexStatus()).isEqualTo(IndexStatus.ACTIVE);
            assertThat(index(client).backfilling()).isNull();
            assertThat(query(client)).isEqualTo(4);
        }
    }

    @Test
    void restart_afterTheWalkWouldHaveEnded_findsTheIndexActive(@TempDir Path data) {
        try (DynamoDbLocal server = start(data); DynamoDbClient client = Clients.dynamoDb(server.endpoint())) {
            client.createTable(b -> b.tableName("things").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(Clients.attribute("pk", ScalarAttributeType.S))
                    .keySchema(Clients.key("pk", KeyType.HASH)));
            client.putItem(b -> b.tableName("things").item(Map.of("pk", Clients.s("a"), "color", Clients.s("red"))));
            client.updateTable(b -> b.tableName("things")
                    .attributeDefinitions(Clients.attribute("color", ScalarAttributeType.S))
                    .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-color")
                            .keySchema(Clients.key("color", KeyType.HASH))
                            .projection(p -> p.projectionType(ProjectionType.ALL)))));
            assertThat(index(client).indexStatus()).isEqualTo(IndexStatus.CREATING);
        }
        clock.advance(Duration.ofMinutes(1));
        try (DynamoDbLocal server = start(data); DynamoDbClient client = Clients.dynamoDb(server.endpoint())) {
            assertThat(index(client).indexStatus()).isEqualTo(IndexStatus.ACTIVE);
            assertThat(query(client)).isEqualTo(1);
        }
    }
}
