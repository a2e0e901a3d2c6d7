package io.jets.dynamodb.local;

import static io.jets.dynamodb.local.Clients.n;
import static io.jets.dynamodb.local.Clients.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class StreamsIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();
    private static final DynamoDbStreamsClient streams = local.streams();

    private static List<Record> readAll(String streamArn) {
        StreamDescription description = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription();
        String shardId = description.shards().get(0).shardId();
        String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        return streams.getRecords(b -> b.shardIterator(iterator)).records();
    }

    @Test
    void writes_produceInsertModifyRemove_withBothImages() {
        String arn = Clients.createTable(client, "streams-images", false, StreamViewType.NEW_AND_OLD_IMAGES);
        client.putItem(b -> b.tableName("streams-images").item(Map.of("id", s("1"), "name", s("Tung"))));
        client.putItem(b -> b.tableName("streams-images").item(Map.of("id", s("1"), "name", s("Tung Nguyen"))));
        client.deleteItem(b -> b.tableName("streams-images").key(Map.of("id", s("1"))));

        List<Record> records = readAll(arn);

        assertThat(records).extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        Record modify = records.get(1);
        assertThat(modify.eventID()).matches("[0-9a-f]{32}");
        assertThat(modify.eventVersion()).isEqualTo("1.1");
        assertThat(modify.eventSource()).isEqualTo("aws:dynamodb");
        assertThat(modify.awsRegion()).isEqualTo("us-east-1");
        assertThat(modify.dynamodb().keys()).isEqualTo(Map.of("id", s("1")));
        assertThat(modify.dynamodb().newImage()).isEqualTo(Map.of("id", s("1"), "name", s("Tung Nguyen")));
        assertThat(modify.dynamodb().oldImage()).isEqualTo(Map.of("id", s("1"), "name", s("Tung")));
        assertThat(modify.dynamodb().sizeBytes()).isEqualTo(32);
        assertThat(modify.dynamodb().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(modify.dynamodb().approximateCreationDateTime()).isNotNull();
        assertThat(records.get(0).dynamodb().oldImage()).isEmpty();
        assertThat(records.get(2).dynamodb().newImage()).isEmpty();
        assertThat(records.get(2).dynamodb().oldImage()).isEqualTo(Map.of("id", s("1"), "name", s("Tung Nguyen")));
        BigInteger previous = BigInteger.ZERO;
        for (Record record : records) {
            String sequence = record.dynamodb().sequenceNumber();
            assertThat(sequence).hasSizeGreaterThanOrEqualTo(21).matches("\\d+");
            assertThat(new BigInteger(sequence)).isGreaterThan(previous);
            previous = new BigInteger(sequence);
        }
    }

    @Test
    void putItem_withUnchangedValue_writesNoStreamRecord() {
        String arn = Clients.createTable(client, "streams-unchanged", false, StreamViewType.NEW_AND_OLD_IMAGES);
        Map<String, AttributeValue> item = Map.of("id", s("id-1"), "name", s("name-1"), "n", n("1.50"));
        client.putItem(b -> b.tableName("streams-unchanged").item(item));
        client.putItem(b -> b.tableName("streams-unchanged").item(Map.of("id", s("id-1"), "name", s("name-1"),
                "n", n("1.5"))));
        client.deleteItem(b -> b.tableName("streams-unchanged").key(Map.of("id", s("missing"))));

        assertThat(readAll(arn)).extracting(Record::eventName).containsExactly(OperationType.INSERT);
    }

    @Test
    void batchReplacements_recordTheImageAsStored_andSkipTheSameItemInAnotherOrder() {
        String table = "streams-batch-images";
        String arn = Clients.createTable(client, table, false, StreamViewType.NEW_AND_OLD_IMAGES);
        Map<String, AttributeValue> first = new java.util.LinkedHashMap<>();
        first.put("id", s("k"));
        first.put("note", s("quote \" and é"));
        first.put("v", n("1"));
        Map<String, AttributeValue> second = new java.util.LinkedHashMap<>(first);
        second.put("v", n("2"));
        Map<String, AttributeValue> reordered = new java.util.LinkedHashMap<>();
        reordered.put("v", n("2.0"));
        reordered.put("note", s("quote \" and é"));
        reordered.put("id", s("k"));
        for (Map<String, AttributeValue> item : List.of(first, second, reordered)) {
            client.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(
                    software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                            .putRequest(p -> p.item(item)).build()))));
        }

        List<Record> records = readAll(arn);

        assertThat(records).extracting(Record::eventName).containsExactly(OperationType.INSERT, OperationType.MODIFY);
        assertThat(records.get(1).dynamodb().oldImage()).isEqualTo(first);
        assertThat(records.get(1).dynamodb().newImage()).isEqualTo(second);
        assertThat(records.get(1).dynamodb().sizeBytes()).isEqualTo(records.get(0).dynamodb().sizeBytes() * 2 - 3);
    }

    @Test
    void viewTypes_decideWhichImagesAppear() {
        for (StreamViewType type : List.of(StreamViewType.KEYS_ONLY, StreamViewType.NEW_IMAGE,
                StreamViewType.OLD_IMAGE)) {
            String table = "streams-view-" + type.toString().toLowerCase().replace('_', '-');
            String arn = Clients.createTable(client, table, false, type);
            client.putItem(b -> b.tableName(table).item(Map.of("id", s("k"), "v", s("1"))));
            client.putItem(b -> b.tableName(table).item(Map.of("id", s("k"), "v", s("2"))));

            Record modify = readAll(arn).get(1);

            assertThat(modify.dynamodb().keys()).isEqualTo(Map.of("id", s("k")));
            assertThat(modify.dynamodb().hasNewImage()).isEqualTo(type == StreamViewType.NEW_IMAGE);
            assertThat(modify.dynamodb().hasOldImage()).isEqualTo(type == StreamViewType.OLD_IMAGE);
            assertThat(modify.dynamodb().streamViewType()).isEqualTo(type);
        }
    }

    @Test
    void shardIterators_ofEveryType_startWhereAsked() {
        String arn = Clients.createTable(client, "streams-iterators", false, StreamViewType.KEYS_ONLY);
        for (int i = 0; i < 3; i++) {
            String id = "k" + i;
            client.putItem(b -> b.tableName("streams-iterators").item(Map.of("id", s(id))));
        }
        String shardId = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        List<Record> all = readAll(arn);
        String second = all.get(1).dynamodb().sequenceNumber();

        String at = streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(second)).shardIterator();
        String after = streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(second)).shardIterator();
        String latest = streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
        client.putItem(b -> b.tableName("streams-iterators").item(Map.of("id", s("k3"))));

        assertThat(keys(streams.getRecords(b -> b.shardIterator(at)).records())).containsExactly("k1", "k2", "k3");
        assertThat(keys(streams.getRecords(b -> b.shardIterator(after)).records())).containsExactly("k2", "k3");
        assertThat(keys(streams.getRecords(b -> b.shardIterator(latest)).records())).containsExactly("k3");
    }

    @Test
    void getRecords_pagesWithLimit_andNextIteratorContinues() {
        String arn = Clients.createTable(client, "streams-paging", false, StreamViewType.KEYS_ONLY);
        for (int i = 0; i < 5; i++) {
            String id = "k" + i;
            client.putItem(b -> b.tableName("streams-paging").item(Map.of("id", s(id))));
        }
        String shardId = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();

        var first = streams.getRecords(b -> b.shardIterator(iterator).limit(2));
        var second = streams.getRecords(b -> b.shardIterator(first.nextShardIterator()).limit(10));
        var third = streams.getRecords(b -> b.shardIterator(second.nextShardIterator()));

        assertThat(keys(first.records())).containsExactly("k0", "k1");
        assertThat(keys(second.records())).containsExactly("k2", "k3", "k4");
        assertThat(third.records()).isEmpty();
        assertThat(third.nextShardIterator()).isNotNull();
    }

    @Test
    void getRecords_limitOver1000_isValidationError() {
        String arn = Clients.createTable(client, "streams-limit", false, StreamViewType.KEYS_ONLY);
        String shardId = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();

        assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator(iterator).limit(2000)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("1 validation error detected: Value '2000' at 'limit' failed to satisfy"
                        + " constraint: Member must have value less than or equal to 1000");
    }

    @Test
    void disableThenEnable_closesOldStreamAndCreatesNewArn() {
        String first = Clients.createTable(client, "streams-toggle", false, StreamViewType.NEW_IMAGE);
        client.putItem(b -> b.tableName("streams-toggle").item(Map.of("id", s("before"))));
        client.updateTable(b -> b.tableName("streams-toggle").streamSpecification(sp -> sp.streamEnabled(false)));
        client.putItem(b -> b.tableName("streams-toggle").item(Map.of("id", s("while-disabled"))));
        String second = client.updateTable(b -> b.tableName("streams-toggle").streamSpecification(sp -> sp
                .streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))).tableDescription().latestStreamArn();
        client.putItem(b -> b.tableName("streams-toggle").item(Map.of("id", s("after"))));

        StreamDescription old = streams.describeStream(b -> b.streamArn(first)).streamDescription();
        String oldShard = old.shards().get(0).shardId();
        String iterator = streams.getShardIterator(b -> b.streamArn(first).shardId(oldShard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        var oldRecords = streams.getRecords(b -> b.shardIterator(iterator));

        assertThat(second).isNotEqualTo(first);
        assertThat(old.streamStatus()).isEqualTo(StreamStatus.DISABLED);
        assertThat(old.shards().get(0).sequenceNumberRange().endingSequenceNumber()).isNotNull();
        assertThat(keys(oldRecords.records())).containsExactly("before");
        assertThat(oldRecords.nextShardIterator()).isNull();
        assertThat(keys(readAll(second))).containsExactly("after");
        assertThat(streams.listStreams(b -> b.tableName("streams-toggle")).streams())
                .extracting(s -> s.streamArn()).containsExactly(first, second);
    }

    @Test
    void deleteTable_disablesItsStream_whichStaysReadable() {
        String arn = Clients.createTable(client, "streams-deleted", false, StreamViewType.KEYS_ONLY);
        client.putItem(b -> b.tableName("streams-deleted").item(Map.of("id", s("kept"))));

        client.deleteTable(b -> b.tableName("streams-deleted"));

        assertThat(streams.describeStream(b -> b.streamArn(arn)).streamDescription().streamStatus())
                .isEqualTo(StreamStatus.DISABLED);
        assertThat(keys(readAll(arn))).containsExactly("kept");
    }

    @Test
    void getShardIterator_sequenceNumberOutsideShard_isValidationError() {
        String arn = Clients.createTable(client, "streams-bad-seq", false, StreamViewType.KEYS_ONLY);
        String shardId = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();

        assertThatThrownBy(() -> streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber("7")))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Invalid SequenceNumber");
    }

    @Test
    void enableStream_whenAlreadyEnabled_isValidationError() {
        Clients.createTable(client, "streams-enabled", false, StreamViewType.NEW_IMAGE);

        assertThatThrownBy(() -> client.updateTable(b -> b.tableName("streams-enabled").streamSpecification(sp -> sp
                .streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Table already has an enabled stream: TableName: streams-enabled");
    }

    @Test
    void describeStream_unknownArn_isResourceNotFound() {
        String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/none/stream/2024-01-01T00:00:00.000";

        assertThatThrownBy(() -> streams.describeStream(b -> b.streamArn(arn)))
                .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Stream: " + arn + " not found");
    }

    @Test
    void streamListener_runsAfterEachCommittedRecord() {
        AtomicInteger calls = new AtomicInteger();
        local.server().addStreamListener(calls::incrementAndGet);
        Clients.createTable(client, "streams-listener", false, StreamViewType.KEYS_ONLY);
        Clients.createTable(client, "streams-listener-off", false, null);
        int before = calls.get();

        client.putItem(b -> b.tableName("streams-listener").item(Map.of("id", s("a"))));
        int afterStreamed = calls.get();
        client.putItem(b -> b.tableName("streams-listener-off").item(Map.of("id", s("a"))));

        assertThat(afterStreamed).isGreaterThan(before);
        assertThat(calls.get()).isEqualTo(afterStreamed);
    }

    private static List<String> keys(List<Record> records) {
        return records.stream().map(r -> r.dynamodb().keys().get("id").s()).toList();
    }
}
