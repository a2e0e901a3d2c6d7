package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * An ARN's second field is the partition of the region the request was signed for: {@code aws-us-gov} for the
 * GovCloud regions, {@code aws-cn} for the China regions, {@code aws} for the commercial ones. The ARNs DynamoDB
 * answers with (table, index, stream, KMS key) carry it, and the requests that take an ARN back accept it.
 */
class PartitionArnsConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();

    private static DynamoDbClient tables(String region) {
        return DynamoDbClient.builder().endpointOverride(local.endpoint()).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .build();
    }

    private static DynamoDbStreamsClient streams(String region) {
        return DynamoDbStreamsClient.builder().endpointOverride(local.endpoint()).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .build();
    }

    private static TableDescription create(DynamoDbClient client, String name) {
        return client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id"))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))
                .sseSpecification(s -> s.enabled(true))).tableDescription();
    }

    @Test
    void tableInGovCloudRegion_hasArnsOfTheAwsUsGovPartition_andTakesThemBack() {
        try (DynamoDbClient client = tables("us-gov-west-1"); DynamoDbStreamsClient stream = streams("us-gov-west-1")) {
            TableDescription table = create(client, "gov-orders");

            assertThat(table.tableArn()).matches("arn:aws-us-gov:dynamodb:us-gov-west-1:\\d{12}:table/gov-orders");
            assertThat(table.latestStreamArn())
                    .startsWith("arn:aws-us-gov:dynamodb:us-gov-west-1:")
                    .contains(":table/gov-orders/stream/");
            assertThat(table.sseDescription().kmsMasterKeyArn()).startsWith("arn:aws-us-gov:kms:us-gov-west-1:");
            assertThat(client.describeTable(b -> b.tableName(table.tableArn())).table().tableArn())
                    .isEqualTo(table.tableArn());
            assertThat(stream.describeStream(b -> b.streamArn(table.latestStreamArn())).streamDescription()
                    .streamArn()).isEqualTo(table.latestStreamArn());

            client.tagResource(b -> b.resourceArn(table.tableArn()).tags(Tag.builder().key("team").value("a")
                    .build()));
            assertThat(client.listTagsOfResource(b -> b.resourceArn(table.tableArn())).tags())
                    .extracting(Tag::key).containsExactly("team");
        }
    }

    @Test
    void tableInChinaRegion_hasArnsOfTheAwsCnPartition() {
        try (DynamoDbClient client = tables("cn-north-1")) {
            TableDescription table = create(client, "cn-orders");

            assertThat(table.tableArn()).matches("arn:aws-cn:dynamodb:cn-north-1:\\d{12}:table/cn-orders");
            assertThat(table.latestStreamArn()).startsWith("arn:aws-cn:dynamodb:cn-north-1:");
            assertThat(table.sseDescription().kmsMasterKeyArn()).startsWith("arn:aws-cn:kms:cn-north-1:");
        }
    }

    @Test
    void tableInCommercialRegion_hasArnsOfTheAwsPartition() {
        try (DynamoDbClient client = tables("eu-west-3")) {
            assertThat(create(client, "eu-orders").tableArn())
                    .matches("arn:aws:dynamodb:eu-west-3:\\d{12}:table/eu-orders");
        }
    }
}
