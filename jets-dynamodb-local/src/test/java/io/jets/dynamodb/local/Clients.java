package io.jets.dynamodb.local;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Clients of a server under test: real SDK v2 clients pointed at its endpoint, with no retries. */
final class Clients {

    private Clients() {
    }

    static DynamoDbClient dynamoDb(URI endpoint) {
        return pointedAt(DynamoDbClient.builder(), endpoint).build();
    }

    static DynamoDbStreamsClient streams(URI endpoint) {
        return pointedAt(DynamoDbStreamsClient.builder(), endpoint).build();
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B pointedAt(B builder,
            URI endpoint) {
        return builder.endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryPolicy(RetryPolicy.none()).apiCallTimeout(Duration.ofSeconds(30)).build());
    }

    /** Creates a table keyed by {@code id} (S), optionally with sort key {@code sk} (N) and a stream. */
    static String createTable(DynamoDbClient client, String name, boolean sortKey, StreamViewType viewType) {
        var request = software.amazon.awssdk.services.dynamodb.model.CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST);
        if (sortKey) {
            request.attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N))
                    .keySchema(key("id", KeyType.HASH), key("sk", KeyType.RANGE));
        } else {
            request.attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(key("id", KeyType.HASH));
        }
        if (viewType != null) {
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(viewType)
                    .build());
        }
        return client.createTable(request.build()).tableDescription().latestStreamArn();
    }

    static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
