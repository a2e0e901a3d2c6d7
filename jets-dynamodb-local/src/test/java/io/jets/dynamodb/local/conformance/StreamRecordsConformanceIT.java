package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.range;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Stream records as a consumer reads them with the streams client: one per change and none for writes that
 * change nothing, images as the view type says, increasing sequence numbers, and a closed shard that ends.
 */
class StreamRecordsConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();
    private static final DynamoDbStreamsClient streams = local.streams();

    private static String create(String name, StreamViewType viewType) {
        return client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id"))
                .streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(viewType)
                        .build())).tableDescription().latestStreamArn();
    }

    private static String onlyShard(String streamArn) {
        return streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards().get(0).shardId();
    }

    private static List<Record> readAll(String streamArn) {
        String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(onlyShard(streamArn))
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        List<Record> records = new ArrayList<>();
        while (iterator != null) {
            String current = iterator;
            var page = streams.getRecords(b -> b.shardIterator(current).limit(1000));
            records.addAll(page.records());
            if (page.records().isEmpty()) {
                break;
            }
            iterator = page.nextShardIterator();
        }
        return records;
    }

    @Test
    void eachChange_hasOneRecord_andWritesThatChangeNothing_haveNone() {
        String arn = create("changes", StreamViewType.NEW_AND_OLD_IMAGES);
        client.putItem(b -> b.tableName("changes").item(item("id", s("a"), "v", n("1"))));
        client.putItem(b -> b.tableName("changes").item(item("id", s("a"), "v", n("1"))));
        client.updateItem(b -> b.tableName("changes").key(item("id", s("a"))).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", n("2"))));
        client.deleteItem(b -> b.tableName("changes").key(item("id", s("a"))));
        client.deleteItem(b -> b.tableName("changes").key(item("id", s("never-there"))));

        List<Record> records = readAll(arn);

        assertThat(records).extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        assertThat(records.get(1).dynamodb().oldImage()).containsEntry("v", n("1"));
        assertThat(records.get(1).dynamodb().newImage()).containsEntry("v", n("2"));
        assertThat(records.get(2).dynamodb().hasNewImage()).isFalse();
        List<BigInteger> sequence = records.stream()
                .map(record -> new BigInteger(record.dynamodb().sequenceNumber())).toList();
        assertThat(sequence).isSorted().doesNotHaveDuplicates();
        assertThat(records).allSatisfy(record -> {
            assertThat(record.eventSource()).isEqualTo("aws:dynamodb");
            assertThat(record.eventVersion()).isEqualTo("1.1");
            assertThat(record.awsRegion()).isEqualTo("us-east-1");
            assertThat(record.dynamodb().streamViewType().toString()).isEqualTo("NEW_AND_OLD_IMAGES");
        });
    }

    @Test
    void keysOnlyStream_carriesNoImages() {
        String arn = create("keys-only", StreamViewType.KEYS_ONLY);
        client.putItem(b -> b.tableName("keys-only").item(item("id", s("k"), "secret", s("x"))));

        List<Record> records = readAll(arn);

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.dynamodb().keys()).containsOnlyKeys("id");
            assertThat(record.dynamodb().hasNewImage()).isFalse();
            assertThat(record.dynamodb().hasOldImage()).isFalse();
        });
    }

    @Test
    void disablingTheStream_closesItsShard_whichThenEnds() {
        String arn = create("closing", StreamViewType.NEW_IMAGE);
        client.putItem(b -> b.tableName("closing").item(item("id", s("c"))));
        String shard = onlyShard(arn);
        String latest = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
                .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();

        client.updateTable(b -> b.tableName("closing").streamSpecification(s -> s.streamEnabled(false)));

        var description = streams.describeStream(b -> b.streamArn(arn)).streamDescription();
        assertThat(description.streamStatus()).isEqualTo(StreamStatus.DISABLED);
        assertThat(description.shards().get(0).sequenceNumberRange().endingSequenceNumber()).isNotNull();
        var end = streams.getRecords(b -> b.shardIterator(latest));
        assertThat(end.records()).isEmpty();
        assertThat(end.nextShardIterator()).isNull();
        assertThat(readAll(arn)).hasSize(1);
    }

    @Test
    void anItemHoldingOnlyItsKey_hasTheKeyAsItsImage_notAMissingOne() {
        String arn = create("key-only-items", StreamViewType.NEW_AND_OLD_IMAGES);
        // an UpdateItem without actions still creates the item
        client.updateItem(b -> b.tableName("key-only-items").key(item("id", s("e"))));
        client.updateItem(b -> b.tableName("key-only-items").key(item("id", s("e"))).updateExpression("SET x = :x")
                .expressionAttributeValues(Map.of(":x", n("2"))));
        client.updateItem(b -> b.tableName("key-only-items").key(item("id", s("e"))).updateExpression("REMOVE x"));
        client.deleteItem(b -> b.tableName("key-only-items").key(item("id", s("e"))));

        List<Record> records = readAll(arn);

        assertThat(records).extracting(Record::eventName).containsExactly(OperationType.INSERT,
                OperationType.MODIFY, OperationType.MODIFY, OperationType.REMOVE);
        assertThat(records.get(0).dynamodb().newImage()).isEqualTo(item("id", s("e")));
        assertThat(records.get(1).dynamodb().oldImage()).isEqualTo(item("id", s("e")));
        assertThat(records.get(2).dynamodb().newImage()).isEqualTo(item("id", s("e")));
        assertThat(records.get(3).dynamodb().oldImage()).isEqualTo(item("id", s("e")));
        assertThat(records.get(3).dynamodb().hasNewImage()).isFalse();
    }

    /**
     * SizeBytes adds up the keys and the images the record carries, each counted as DynamoDB sizes an item. The
     * sizes are those DynamoDB reported for this put, overwrite and delete in a published capture of its records.
     */
    @ParameterizedTest
    @CsvSource({"KEYS_ONLY, 6, 6, 6", "NEW_IMAGE, 20, 21, 6", "OLD_IMAGE, 6, 20, 21",
            "NEW_AND_OLD_IMAGES, 20, 35, 21"})
    void sizeBytes_countsTheKeysAndTheImagesTheViewTypeCarries(StreamViewType viewType, long insert, long modify,
                                                               long remove) {
        String table = "sizes-" + viewType.toString().toLowerCase().replace('_', '-');
        String arn = client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.S))
                .keySchema(hash("pk"), range("sk"))
                .streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(viewType)
                        .build())).tableDescription().latestStreamArn();
        client.putItem(b -> b.tableName(table).item(item("pk", s("a"), "sk", s("b"), "data", s("test"))));
        client.putItem(b -> b.tableName(table).item(item("pk", s("a"), "sk", s("b"), "data", s("hello"))));
        client.deleteItem(b -> b.tableName(table).key(item("pk", s("a"), "sk", s("b"))));

        assertThat(readAll(arn)).extracting(record -> record.dynamodb().sizeBytes())
                .containsExactly(insert, modify, remove);
    }
}
