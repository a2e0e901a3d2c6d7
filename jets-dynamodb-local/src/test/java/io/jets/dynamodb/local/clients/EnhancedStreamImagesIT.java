package io.jets.dynamodb.local.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Stream records of Enhanced Client writes, mapped back to the bean the way a stream consumer does. */
class EnhancedStreamImagesIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder()
            .dynamoDbClient(local.dynamoDb()).build();
    private static final DynamoDbTable<Order> orders = enhanced.table("orders", EnhancedClientIT.ORDER);
    private static final DynamoDbStreamsClient streams = local.streams();
    private static String streamArn;

    @BeforeAll
    static void createTableWithAStream() {
        EnhancedClientIT.createOrdersTable(orders);
        streamArn = local.dynamoDb().updateTable(b -> b.tableName("orders").streamSpecification(s -> s
                .streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription().latestStreamArn();
    }

    private static List<Record> records() {
        String shard = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards().get(0)
                .shardId();
        String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        return streams.getRecords(b -> b.shardIterator(iterator)).records();
    }

    @Test
    void versionedWrites_appearAsImagesThatMapBackToTheBean() {
        orders.putItem(new Order("stream", "o-1", "open", 10));
        Order current = orders.getItem(Key.builder().partitionValue("stream").sortValue("o-1").build());
        current.setStatus("shipped");
        orders.updateItem(current);
        orders.deleteItem(current);

        List<Record> records = records();

        assertThat(records).extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        Order inserted = EnhancedClientIT.ORDER.mapToItem(records.get(0).dynamodb().newImage());
        Order before = EnhancedClientIT.ORDER.mapToItem(records.get(1).dynamodb().oldImage());
        Order after = EnhancedClientIT.ORDER.mapToItem(records.get(1).dynamodb().newImage());
        Order removed = EnhancedClientIT.ORDER.mapToItem(records.get(2).dynamodb().oldImage());
        assertThat(inserted.getVersion()).isEqualTo(1L);
        assertThat(inserted.getViews()).isZero();
        assertThat(before.getStatus()).isEqualTo("open");
        assertThat(after.getStatus()).isEqualTo("shipped");
        assertThat(after.getVersion()).isEqualTo(2L);
        assertThat(after.getViews()).isEqualTo(1L);
        assertThat(removed.getVersion()).isEqualTo(2L);
        assertThat(records.get(2).dynamodb().newImage()).isEmpty();
        assertThat(records.get(1).dynamodb().keys()).containsOnlyKeys("customer", "order");
    }
}
