package io.jets.cli;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** SDK clients pointed at a local server, as a user's own tools would be. */
public final class LocalClients {

    private LocalClients() {
    }

    public static DynamoDbClient dynamoDb(URI endpoint) {
        return dynamoDb(endpoint, "dummy", "dummy");
    }

    public static DynamoDbClient dynamoDb(URI endpoint, String accessKeyId, String secretAccessKey) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials(accessKeyId, secretAccessKey))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static DynamoDbStreamsClient streams(URI endpoint, String accessKeyId, String secretAccessKey) {
        return DynamoDbStreamsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials(accessKeyId, secretAccessKey))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static StaticCredentialsProvider credentials(String accessKeyId, String secretAccessKey) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }
}
