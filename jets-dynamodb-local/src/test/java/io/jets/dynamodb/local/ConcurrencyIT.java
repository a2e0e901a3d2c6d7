package io.jets.dynamodb.local;

import static io.jets.dynamodb.local.Clients.n;
import static io.jets.dynamodb.local.Clients.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class ConcurrencyIT {

    @Test
    void concurrentAdds_toOneItem_loseNoUpdate_andStreamThemInOrder(@TempDir Path data) throws Exception {
        try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).dataDirectory(data).start();
             DynamoDbClient client = Clients.dynamoDb(server.endpoint());
             DynamoDbStreamsClient streams = Clients.streams(server.endpoint())) {
            String arn = Clients.createTable(client, "counter", false, StreamViewType.NEW_IMAGE);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                writers.add(pool.submit(() -> {
                    try (DynamoDbClient own = Clients.dynamoDb(server.endpoint())) {
                        for (int i = 0; i < 1000; i++) {
                            own.updateItem(b -> b.tableName("counter").key(Map.of("id", s("c")))
                                    .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", n("1"))));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            pool.shutdown();

            var item = client.getItem(b -> b.tableName("counter").key(Map.of("id", s("c")))).item();
            List<Record> records = readAll(streams, arn);

            assertThat(item.get("n").n()).isEqualTo("8000");
            assertThat(records).hasSize(8000);
            for (int i = 0; i < records.size(); i++) {
                assertThat(records.get(i).dynamodb().newImage().get("n").n()).isEqualTo(Integer.toString(i + 1));
            }
        }
    }

    static List<Record> readAll(DynamoDbStreamsClient streams, String arn) {
        List<Record> records = new ArrayList<>();
        for (var shard : streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()) {
            String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                var page = streams.getRecords(b -> b.shardIterator(current));
                records.addAll(page.records());
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return records;
    }
}
