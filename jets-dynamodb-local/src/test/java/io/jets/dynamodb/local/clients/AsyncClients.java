package io.jets.dynamodb.local.clients;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;

/** Async clients over Netty as applications configure them, with room for hundreds of calls in flight. */
final class AsyncClients {

    static final int MAX_CONCURRENCY = 300;

    private AsyncClients() {
    }

    /**
     * With the SDK's standard retries, as applications run it. Under hundreds of calls answered with errors, the
     * Netty client now and then cancels a finished call after its connection went back to the pool, and closes
     * that connection under the next request ("Request cancelled", then "The connection was closed during the
     * request"); the server has answered every request it read and sees the client end the connection. The SDK
     * retries that request. Answers to client errors (400) are not retried, so they reach the test as answered.
     */
    static DynamoDbAsyncClient dynamoDb(URI endpoint) {
        return DynamoDbAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(MAX_CONCURRENCY)
                        .maxPendingConnectionAcquires(10_000))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(Duration.ofSeconds(60)).build())
                .build();
    }

    static DynamoDbStreamsAsyncClient streams(URI endpoint) {
        return DynamoDbStreamsAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build())
                .build();
    }
}
