package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import java.math.BigInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * How the Streams API and UpdateTable's StreamSpecification refuse what DynamoDB refuses: ARNs that are not
 * stream ARNs, tables that do not exist, sequence numbers given to iterator types that take none, and stream
 * switches that change nothing.
 */
class StreamsApiConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();
    private static final DynamoDbStreamsClient streams = local.streams();

    private static String create(String name, boolean withStream) {
        return client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id"))
                .streamSpecification(withStream ? StreamSpecification.builder().streamEnabled(true)
                        .streamViewType(StreamViewType.KEYS_ONLY).build() : null))
                .tableDescription().latestStreamArn();
    }

    private static Shard onlyShard(String streamArn) {
        return streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards().get(0);
    }

    @Test
    void describeStream_withAnArnThatIsNoStreamArn_isAValidationError() {
        assertValidation(() -> streams.describeStream(b -> b.streamArn("orders-table-events-stream-of-last-week")),
                "Invalid StreamArn");
        assertValidation(() -> streams.listStreams(b -> b.exclusiveStartStreamArn(
                "orders-table-events-stream-of-last-week")), "Invalid StreamArn");
    }

    @Test
    void listStreams_ofATableThatDoesNotExist_isResourceNotFound() {
        assertThatThrownBy(() -> streams.listStreams(b -> b.tableName("orders-that-never-were")))
                .isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(((ResourceNotFoundException) e).awsErrorDetails().errorMessage())
                        .isEqualTo("Requested resource not found: Table: orders-that-never-were not found"));
    }

    @Test
    void listStreams_ofATableWithoutAStream_listsNone() {
        create("orders-without-stream", false);

        assertThat(streams.listStreams(b -> b.tableName("orders-without-stream")).streams()).isEmpty();
    }

    @Test
    void listStreams_ofADeletedTable_stillListsItsStream() {
        String arn = create("orders-deleted", true);
        client.deleteTable(b -> b.tableName("orders-deleted"));

        assertThat(streams.listStreams(b -> b.tableName("orders-deleted")).streams())
                .extracting(stream -> stream.streamArn()).containsExactly(arn);
    }

    @Test
    void listStreams_parametersOutsideTheirConstraints_areValidationErrors() {
        assertValidation(() -> streams.listStreams(b -> b.exclusiveStartStreamArn("arn:aws:dynamodb:stream")),
                "1 validation error detected: Value 'arn:aws:dynamodb:stream' at 'exclusiveStartStreamArn' failed to"
                        + " satisfy constraint: Member must have length greater than or equal to 37");
        assertValidation(() -> streams.listStreams(b -> b.tableName("orders table")),
                "1 validation error detected: Value 'orders table' at 'tableName' failed to satisfy constraint:"
                        + " Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        assertValidation(() -> streams.listStreams(b -> b.tableName("or")),
                "1 validation error detected: Value 'or' at 'tableName' failed to satisfy constraint: Member must"
                        + " have length greater than or equal to 3");
        assertValidation(() -> streams.listStreams(b -> b.limit(0)),
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have"
                        + " value greater than or equal to 1");
    }

    @Test
    void streamArns_ofAnyRegionTheClientSigns_areAccepted() {
        try (var elsewhere = DynamoDbStreamsClient.builder()
                .endpointOverride(local.endpoint())
                .region(Region.of("Lab_Region"))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("x", "x")))
                .build();
             var tables = DynamoDbClient.builder().endpointOverride(local.endpoint())
                .region(Region.of("Lab_Region"))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("x", "x")))
                .build()) {
            String arn = tables.createTable(b -> b.tableName("lab-table").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id"))
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)))
                    .tableDescription().latestStreamArn();

            assertThat(arn).startsWith("arn:aws:dynamodb:Lab_Region:");
            assertThat(elsewhere.describeStream(b -> b.streamArn(arn)).streamDescription().streamArn())
                    .isEqualTo(arn);
        }
    }

    @Test
    void getShardIterator_withAnArnThatIsNoStreamArn_isAValidationError() {
        String arn = create("iterator-bad-arn", true);
        String shardId = onlyShard(arn).shardId();

        assertValidation(() -> streams.getShardIterator(b -> b.streamArn("orders-table-events-stream-of-last-week")
                .shardId(shardId).shardIteratorType(ShardIteratorType.LATEST)), "Invalid StreamArn");
    }

    @Test
    void getShardIterator_withASequenceNumber_forTrimHorizonOrLatest_isAValidationError() {
        String arn = create("iterator-extra-sequence", true);
        Shard shard = onlyShard(arn);
        String start = shard.sequenceNumberRange().startingSequenceNumber();

        for (ShardIteratorType type : new ShardIteratorType[] {ShardIteratorType.TRIM_HORIZON,
            ShardIteratorType.LATEST}) {
            assertThatThrownBy(() -> streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                    .shardIteratorType(type).sequenceNumber(start)))
                    .isInstanceOf(DynamoDbException.class)
                    .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode())
                            .isEqualTo("ValidationException"))
                    .hasMessageContaining("SequenceNumber");
        }
    }

    @Test
    void firstRecordOfAShard_hasASequenceNumberAboveTheShardsStartingOne() {
        String arn = create("sequence-after-start", true);
        Shard shard = onlyShard(arn);
        BigInteger start = new BigInteger(shard.sequenceNumberRange().startingSequenceNumber());
        client.putItem(b -> b.tableName("sequence-after-start").item(item("id", s("first-order"))));
        client.putItem(b -> b.tableName("sequence-after-start").item(item("id", s("second-order"))));

        String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                .sequenceNumber(start.toString())).shardIterator();
        var records = streams.getRecords(b -> b.shardIterator(iterator)).records();

        assertThat(records).extracting(r -> r.dynamodb().keys().get("id").s())
                .containsExactly("first-order", "second-order");
        assertThat(new BigInteger(records.get(0).dynamodb().sequenceNumber())).isGreaterThan(start);
    }

    @Test
    void describeStream_afterAShardIdPastTheLastOne_listsNoShards() {
        String arn = create("shards-after-last", true);

        var page = streams.describeStream(b -> b.streamArn(arn).exclusiveStartShardId("shardId-99999999999999999999"))
                .streamDescription();

        assertThat(page.shards()).isEmpty();
        assertThat(page.lastEvaluatedShardId()).isNull();
    }

    @Test
    void shardIterators_startWithTheStreamArn_andAVersion_andStillRead() {
        String arn = create("iterator-shape", true);
        client.putItem(b -> b.tableName("iterator-shape").item(item("id", s("first-order"))));
        String format = "^" + Pattern.quote(arn) + "\\|\\d\\|.+$";

        String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(onlyShard(arn).shardId())
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        var page = streams.getRecords(b -> b.shardIterator(iterator));

        assertThat(iterator).matches(format);
        assertThat(page.records()).hasSize(1);
        assertThat(page.nextShardIterator()).matches(format);
        assertThat(streams.getRecords(b -> b.shardIterator(page.nextShardIterator())).records()).isEmpty();
    }

    @Test
    void updateTable_switchingTheStreamToWhatItIs_isAValidationError() {
        create("stream-never", false);
        create("stream-already", true);

        assertValidation(() -> client.updateTable(b -> b.tableName("stream-never")
                .streamSpecification(s -> s.streamEnabled(false))),
                "Table has no stream to disable: TableName: stream-never");
        assertValidation(() -> client.updateTable(b -> b.tableName("stream-already")
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))),
                "Table already has an enabled stream: TableName: stream-already");
    }

    @Test
    void streamSpecification_withoutAViewTypeToEnable_orWithOneToDisable_isAValidationError() {
        create("stream-view-type", true);

        assertValidation(() -> client.createTable(b -> b.tableName("stream-no-view-type")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id"))
                .streamSpecification(s -> s.streamEnabled(true))),
                "One or more parameter values were invalid: Table is being created with a stream enabled,"
                        + " UpdateViewType is required");
        assertValidation(() -> client.updateTable(b -> b.tableName("stream-view-type")
                .streamSpecification(s -> s.streamEnabled(false).streamViewType(StreamViewType.KEYS_ONLY))),
                "One or more parameter values were invalid: If stream is being disabled, then UpdateViewType must"
                        + " not be specified");
        client.updateTable(b -> b.tableName("stream-view-type").streamSpecification(s -> s.streamEnabled(false)));
        assertValidation(() -> client.updateTable(b -> b.tableName("stream-view-type")
                .streamSpecification(s -> s.streamEnabled(true))),
                "One or more parameter values were invalid: If stream is being enabled then UpdateViewType is"
                        + " required");
    }

    @Test
    void streamSpecification_withoutStreamEnabled_failsItsConstraint() {
        create("stream-unsaid", false);

        assertValidation(() -> client.updateTable(b -> b.tableName("stream-unsaid")
                .streamSpecification(s -> s.streamViewType(StreamViewType.NEW_IMAGE))),
                "1 validation error detected: Value null at 'streamSpecification.streamEnabled' failed to satisfy"
                        + " constraint: Member must not be null");
    }

    @Test
    void describeTable_afterTheStreamIsDisabled_hasNoStreamSpecification_butKeepsTheLatestStream() {
        String arn = create("stream-switched-off", true);

        client.updateTable(b -> b.tableName("stream-switched-off").streamSpecification(s -> s.streamEnabled(false)));
        var table = client.describeTable(b -> b.tableName("stream-switched-off")).table();

        assertThat(table.streamSpecification()).isNull();
        assertThat(table.latestStreamArn()).isEqualTo(arn);
        assertThat(table.latestStreamLabel()).isEqualTo(arn.substring(arn.lastIndexOf('/') + 1));
    }
}
