package io.jets.dynamodb.local.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.ClientConfiguration;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;
import com.amazonaws.services.dynamodbv2.model.ScanRequest;
import io.jets.dynamodb.local.LocalServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Client options that change what goes over the wire: endpoint discovery and gzip-compressed answers. */
class ClientOptionsIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final String BODY = "compressible ".repeat(8_000);

    @BeforeAll
    static void createTable() {
        local.dynamoDb().createTable(b -> b.tableName("blobs").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
        for (String id : List.of("a", "b", "c")) {
            local.dynamoDb().putItem(b -> b.tableName("blobs").item(Map.of("id", AttributeValue.fromS(id),
                    "body", AttributeValue.fromS(BODY))));
        }
    }

    @Test
    void endpointDiscovery_asksDescribeEndpoints_thenCallsTheAddressItNames() {
        List<String> targets = new CopyOnWriteArrayList<>();
        try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(local.endpoint())
                .region(Region.US_EAST_1).endpointDiscoveryEnabled(true).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        targets.add(context.httpRequest().port() + " "
                                + context.httpRequest().firstMatchingHeader("X-Amz-Target").orElse(""));
                    }
                })).build()) {

            assertThat(client.listTables().tableNames()).contains("blobs");
            assertThat(client.getItem(b -> b.tableName("blobs").key(Map.of("id", AttributeValue.fromS("a"))))
                    .item().get("body").s()).isEqualTo(BODY);
        }

        // discovery is optional for DynamoDB, so the SDK asks for endpoints in the background of the first call
        assertThat(targets).containsExactlyInAnyOrder(local.port() + " DynamoDB_20120810.DescribeEndpoints",
                local.port() + " DynamoDB_20120810.ListTables", local.port() + " DynamoDB_20120810.GetItem");
    }

    @Test
    void sdkV1WithGzip_checksTheCrc32OfTheCompressedAnswer() {
        // DynamoDB's x-amz-crc32 covers the bytes sent, compressed ones included, as SDK v1's DynamoDB client
        // expects (its DynamoDB Streams client checks the decompressed bytes instead, and fails against AWS too)
        AmazonDynamoDB client = AmazonDynamoDBClientBuilder.standard()
                .withEndpointConfiguration(new EndpointConfiguration(local.endpoint().toString(), "us-east-1"))
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials("dummy", "dummy")))
                .withClientConfiguration(new ClientConfiguration().withGzip(true)).build();
        try {
            var item = client.getItem("blobs",
                    Map.of("id", new com.amazonaws.services.dynamodbv2.model.AttributeValue("b"))).getItem();
            var scan = client.scan(new ScanRequest("blobs"));

            assertThat(item.get("body").getS()).isEqualTo(BODY);
            assertThat(scan.getItems()).hasSize(3).allSatisfy(i -> assertThat(i.get("body").getS()).isEqualTo(BODY));
        } finally {
            client.shutdown();
        }
    }
}
