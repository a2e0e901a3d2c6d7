package io.jets.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/** The benchmark table: {@code pk} (S) hash key, {@code sk} (S) range key, stream NEW_AND_OLD_IMAGES. */
final class BenchTable {

    static final int BATCH_WRITE_LIMIT = 25;

    private BenchTable() {
    }

    /** Creates the table with its stream on and waits until it is ACTIVE. */
    static void create(DynamoDbClient client, String table) {
        client.createTable(b -> b.tableName(table)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (client.describeTable(b -> b.tableName(table)).table().tableStatus() != TableStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Table " + table + " did not become ACTIVE within 30 s");
            }
            sleep(100);
        }
    }

    /** An item of about {@code bytes} bytes (DynamoDB's size: attribute names plus values). */
    static Map<String, AttributeValue> item(String pk, String sk, int bytes, long salt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(pk));
        item.put("sk", AttributeValue.fromS(sk));
        int used = 2 + pk.length() + 2 + sk.length() + "payload".length();
        StringBuilder payload = new StringBuilder(Long.toHexString(salt)).append('-');
        while (payload.length() < bytes - used) {
            payload.append((char) ('a' + payload.length() % 26));
        }
        item.put("payload", AttributeValue.fromS(payload.toString()));
        return item;
    }

    /** Writes items with BatchWriteItem, resubmitting UnprocessedItems until every item is stored. */
    static void batchWrite(DynamoDbClient client, String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += BATCH_WRITE_LIMIT) {
            List<WriteRequest> requests = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + BATCH_WRITE_LIMIT))) {
                requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, requests);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> batch = pending;
                BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(batch));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    /**
     * What the endpoint's stream offers: {@code yes} when the first shard returns records, otherwise why not,
     * so that a peer without Streams is reported as such rather than silently compared.
     */
    static String streamSupport(DynamoDbClient client, DynamoDbStreamsClient streams, String table) {
        String streamArn = client.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        if (streamArn == null) {
            return "no stream (StreamSpecification ignored)";
        }
        try {
            var shards = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards();
            if (shards.isEmpty()) {
                return "stream has no shards";
            }
            String iterator = streams.getShardIterator(b -> b.streamArn(streamArn)
                    .shardId(shards.get(0).shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            int records = streams.getRecords(b -> b.shardIterator(iterator).limit(10)).records().size();
            return records > 0 ? "yes" : "stream returned no records";
        } catch (SdkException e) {
            return "no Streams API (" + e.getClass().getSimpleName() + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
