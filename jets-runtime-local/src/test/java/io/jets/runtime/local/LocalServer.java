package io.jets.runtime.local;

import io.jets.dynamodb.local.DynamoDbLocal;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
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

/** The embedded server on port 0 and an SDK client for it, as a user's aws CLI would talk to it. */
final class LocalServer implements AutoCloseable {

    final DynamoDbLocal server = DynamoDbLocal.builder().port(0).inMemory().start();
    final DynamoDbClient client = DynamoDbClient.builder()
            .endpointOverride(server.endpoint())
            .region(Region.US_WEST_2)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    /** aws dynamodb create-table … id (S) HASH, PAY_PER_REQUEST. */
    void createTable(String table) {
        client.createTable(b -> b.tableName(table)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    /** aws dynamodb update-table --stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES. */
    String enableStream(String table) {
        client.updateTable(b -> b.tableName(table).streamSpecification(StreamSpecification.builder()
                .streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build()));
        return latestStreamArn(table);
    }

    void disableStream(String table) {
        client.updateTable(b -> b.tableName(table)
                .streamSpecification(StreamSpecification.builder().streamEnabled(false).build()));
    }

    String latestStreamArn(String table) {
        return client.describeTable(b -> b.tableName(table)).table().latestStreamArn();
    }

    void put(String table, String id, String name) {
        client.putItem(b -> b.tableName(table).item(Map.of(
                "id", AttributeValue.fromS(id), "name", AttributeValue.fromS(name))));
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
