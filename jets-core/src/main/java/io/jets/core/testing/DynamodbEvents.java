package io.jets.core.testing;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.core.events.DynamodbEventJson;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Exact Lambda payloads for unit tests and for {@code jets generate:payload}: DynamoDB stream events as Lambda
 * delivers them (32-hex {@code eventID}, {@code eventVersion} 1.1, {@code eventSource} aws:dynamodb, a numeric
 * {@code SequenceNumber}, {@code SizeBytes} by DynamoDB's item size rules, a stream {@code eventSourceARN}).
 *
 * <pre>{@code
 * String json = DynamodbEvents.insert("demo-dev_test-table")
 *         .key("id", "id-1")
 *         .newImage(Map.of("name", "name-1"))
 *         .toJson();
 *
 * DynamodbEvent batch = DynamodbEvents.toEvent(
 *         DynamodbEvents.insert("orders").key("id", "o-1").newImage(Map.of("total", 12)),
 *         DynamodbEvents.remove("orders").key("id", "o-0").oldImage(Map.of("total", 3)));
 *
 * FunctionDispatcher dispatcher = FunctionDispatcher.create(loader, HandlerIndex.load(loader));
 * dispatcher.invoke("clerk_event-file", DynamodbEvents.insert("demo-dev_test-table").key("id", "id-1")
 *         .toInputStream(), response, context);
 * }</pre>
 *
 * Images always include the key attributes, as DynamoDB's do; what the stream view type leaves out (the old
 * image of an INSERT, every image of KEYS_ONLY) is left out of the payload.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html">Using AWS Lambda with Amazon DynamoDB</a>
 */
public final class DynamodbEvents {

    private DynamodbEvents() {
    }

    /** A new item in {@code table} (the physical table name, or a stream ARN). */
    public static StreamRecordBuilder insert(String table) {
        return new StreamRecordBuilder("INSERT", table);
    }

    /** A changed item. */
    public static StreamRecordBuilder modify(String table) {
        return new StreamRecordBuilder("MODIFY", table);
    }

    /** A deleted item. */
    public static StreamRecordBuilder remove(String table) {
        return new StreamRecordBuilder("REMOVE", table);
    }

    /**
     * One event with these records in order. Records without an explicit sequence number get increasing ones,
     * so the batch reads like one shard's.
     */
    public static String toJson(StreamRecordBuilder... records) {
        return tree(records).toString();
    }

    /** {@link #toJson(StreamRecordBuilder...)} as the aws-lambda-java-events type. */
    public static DynamodbEvent toEvent(StreamRecordBuilder... records) {
        return DynamodbEventJson.parse(tree(records));
    }

    /**
     * {@link #toJson(StreamRecordBuilder...)} as UTF-8 bytes to read, the input of
     * {@code FunctionDispatcher.invoke}, which runs the handler exactly as the deployed entry point does.
     */
    public static InputStream toInputStream(StreamRecordBuilder... records) {
        return new ByteArrayInputStream(toJson(records).getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode tree(StreamRecordBuilder... records) {
        ObjectNode event = StreamRecordBuilder.NODES.objectNode();
        ArrayNode array = event.putArray("Records");
        List<StreamRecordBuilder> list = List.of(records);
        for (int i = 0; i < list.size(); i++) {
            array.add(list.get(i).recordTree(i));
        }
        return event;
    }
}
