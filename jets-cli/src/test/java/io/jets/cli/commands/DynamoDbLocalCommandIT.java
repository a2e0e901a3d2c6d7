package io.jets.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.jets.cli.CliRun;
import io.jets.cli.LocalClients;
import io.jets.cli.RunningCommand;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.model.Shard;

/** {@code jets dynamodb-local} with the settings a user gives on its command line, checked through the SDK. */
class DynamoDbLocalCommandIT {

    private static final Pattern ENDPOINT = Pattern.compile("listening on (http://\\S+)");

    @TempDir
    Path dir;

    @Test
    void serverSettings_fromTheCommandLine_shapeTtlIndexesShardsAndSignatures() throws Exception {
        try (RunningCommand server = RunningCommand.start(dir, "dynamodb-local", "--port", "0", "--in-memory",
                "--ttl-interval", "200ms", "--instant-indexes", "--shard-rollover", "1s",
                "--require-signature", "local-key:local-secret")) {
            URI endpoint = endpoint(server);
            try (DynamoDbClient client = LocalClients.dynamoDb(endpoint, "local-key", "local-secret");
                 DynamoDbStreamsClient streams = LocalClients.streams(endpoint, "local-key", "local-secret")) {
                String streamArn = client.createTable(b -> b.tableName("orders")
                        .attributeDefinitions(attribute("id"))
                        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)))
                        .tableDescription().latestStreamArn();

                // --instant-indexes: no CREATING walk
                client.updateTable(b -> b.tableName("orders").attributeDefinitions(attribute("id"), attribute("status"))
                        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-status")
                                .keySchema(KeySchemaElement.builder().attributeName("status").keyType(KeyType.HASH).build())
                                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))));
                assertThat(client.describeTable(b -> b.tableName("orders")).table().globalSecondaryIndexes().get(0)
                        .indexStatus()).isEqualTo(IndexStatus.ACTIVE);

                // --ttl-interval 200ms: an expired item goes within a second, not 30
                client.updateTimeToLive(b -> b.tableName("orders")
                        .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true)));
                client.putItem(b -> b.tableName("orders").item(Map.of("id", s("old"),
                        "expires", AttributeValue.fromN(Long.toString(Instant.now().getEpochSecond() - 60)))));
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> !client.getItem(b -> b.tableName("orders").key(Map.of("id", s("old")))).hasItem());

                // --shard-rollover 1s: a write after the period lands in a child shard
                Thread.sleep(1_200);
                client.putItem(b -> b.tableName("orders").item(Map.of("id", s("new"))));
                var shards = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards();
                assertThat(shards).hasSizeGreaterThanOrEqualTo(2);
                Shard child = shards.get(shards.size() - 1);
                assertThat(child.parentShardId()).isEqualTo(shards.get(shards.size() - 2).shardId());

                // --require-signature: other credentials are refused as DynamoDB refuses them
                try (DynamoDbClient stranger = LocalClients.dynamoDb(endpoint, "someone-else", "secret")) {
                    assertThatThrownBy(stranger::listTables).isInstanceOfSatisfying(DynamoDbException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
                }
            }
        }
    }

    @Test
    void aDurationThatIsNotOne_isRefusedBeforeAnythingStarts() {
        CliRun run = CliRun.in(dir, "dynamodb-local", "--port", "0", "--in-memory", "--ttl-interval", "30");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--ttl-interval': Not a duration: '30'. Write it as "
                + "250ms, 30s, 5m, 4h, 1d or PT30S.");
    }

    @Test
    void aSigningKeyWithoutItsSecret_isRefused() {
        CliRun run = CliRun.in(dir, "dynamodb-local", "--port", "0", "--in-memory", "--require-signature", "key");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--require-signature' (ACCESS_KEY_ID:SECRET_KEY): "
                + "'key' is not an access key id and a secret key joined by a colon");
    }

    private static URI endpoint(RunningCommand server) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ENDPOINT.matcher(server.out()).find());
        Matcher matcher = ENDPOINT.matcher(server.out());
        assertThat(matcher.find()).isTrue();
        return URI.create(matcher.group(1));
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
