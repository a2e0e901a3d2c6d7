package io.jets.dynamodb.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ApproximateCreationDateTimePrecision;
import software.amazon.awssdk.services.dynamodb.model.DestinationStatus;
import software.amazon.awssdk.services.dynamodb.model.KinesisDataStreamDestination;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A table's Kinesis streaming destinations outlive a restart of a durable server, their walk carrying on. */
class KinesisDestinationDurabilityIT {

    private static final String ORDERS = "arn:aws:kinesis:us-east-1:000000000000:stream/order-changes";
    private static final String AUDIT = "arn:aws:kinesis:us-east-1:000000000000:stream/audit-trail";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-09-01T08:00:00Z"));

    private DynamoDbLocal start(Path data) {
        return DynamoDbLocal.builder().port(0).dataDirectory(data).clock(clock).start();
    }

    private static List<KinesisDataStreamDestination> destinations(DynamoDbClient client) {
        return client.describeKinesisStreamingDestination(b -> b.tableName("orders")).kinesisDataStreamDestinations();
    }

    @Test
    void restart_keepsTheDestinations_andAWalkUnderWayCarriesOn(@TempDir Path data) {
        try (DynamoDbLocal server = start(data); DynamoDbClient client = Clients.dynamoDb(server.endpoint())) {
            client.createTable(b -> b.tableName("orders").billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(Clients.attribute("id", ScalarAttributeType.S))
                    .keySchema(Clients.key("id", KeyType.HASH)));
            client.enableKinesisStreamingDestination(b -> b.tableName("orders").streamArn(AUDIT));
            clock.advance(Duration.ofSeconds(1));
            client.disableKinesisStreamingDestination(b -> b.tableName("orders").streamArn(AUDIT));
            clock.advance(Duration.ofSeconds(1));
            client.enableKinesisStreamingDestination(b -> b.tableName("orders").streamArn(ORDERS)
                    .enableKinesisStreamingConfiguration(c -> c
                            .approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MICROSECOND)));
        }
        try (DynamoDbLocal server = start(data); DynamoDbClient client = Clients.dynamoDb(server.endpoint())) {
            List<KinesisDataStreamDestination> enabling = destinations(client);
            clock.advance(Duration.ofSeconds(1));

            assertThat(enabling).extracting(KinesisDataStreamDestination::streamArn,
                    KinesisDataStreamDestination::destinationStatus).containsExactly(
                    tuple(ORDERS, DestinationStatus.ENABLING),
                    tuple(AUDIT, DestinationStatus.DISABLED));
            assertThat(destinations(client).get(0)).isEqualTo(KinesisDataStreamDestination.builder()
                    .streamArn(ORDERS).destinationStatus(DestinationStatus.ACTIVE)
                    .approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MICROSECOND).build());
        }
    }
}
