package io.jets.dynamodb.local.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The sync client as applications build it: with no HTTP client chosen (the SDK's default, Apache HttpClient 5),
 * or with the Apache HttpClient 4 client that older applications still configure.
 */
class DefaultHttpClientIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient defaultHttp = builder().build();
    private static final DynamoDbClient apache4 = builder().httpClientBuilder(ApacheHttpClient.builder()
            .maxConnections(16)).build();

    private static DynamoDbClientBuilder builder() {
        return DynamoDbClient.builder().endpointOverride(local.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")));
    }

    static Stream<Arguments> clients() {
        return Stream.of(Arguments.of(Named.of("default HTTP client", defaultHttp)),
                Arguments.of(Named.of("Apache HttpClient 4", apache4)));
    }

    @BeforeAll
    static void createTable() {
        defaultHttp.createTable(b -> b.tableName("things").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
    }

    @AfterAll
    static void closeClients() {
        defaultHttp.close();
        apache4.close();
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("clients")
    void manyThreadsOnePool_largeItemsAndErrorsInBetween_keepEveryConnectionUsable(DynamoDbClient client)
            throws Exception {
        String large = "z".repeat(300_000);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> results = IntStream.range(0, 160).mapToObj(i -> threads.submit(() -> {
                String id = client.hashCode() + "-" + i;
                client.putItem(b -> b.tableName("things").item(Map.of("id", AttributeValue.fromS(id),
                        "body", AttributeValue.fromS(i % 10 == 0 ? large : id))));
                try {
                    client.putItem(b -> b.tableName("things").item(Map.of("id", AttributeValue.fromS(id)))
                            .conditionExpression("attribute_not_exists(id)"));
                    return "written twice";
                } catch (ConditionalCheckFailedException expected) {
                    return client.getItem(b -> b.tableName("things").key(Map.of("id", AttributeValue.fromS(id))))
                            .item().get("body").s();
                }
            })).toList();

            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(i % 10 == 0 ? large : client.hashCode() + "-" + i);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("clients")
    void anItemOverTheSizeLimit_isRefused_andTheConnectionStillServes(DynamoDbClient client) {
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("things").item(Map.of(
                "id", AttributeValue.fromS("big"), "body", AttributeValue.fromS("x".repeat(410_000))))))
                .hasMessageStartingWith("Item size has exceeded the maximum allowed size");

        assertThat(client.describeTable(b -> b.tableName("things")).table().tableName()).isEqualTo("things");
    }
}
