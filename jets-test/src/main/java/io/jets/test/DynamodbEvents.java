package io.jets.test;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.core.events.DynamodbEventJson;
import io.jets.test.internal.AttributeJson;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Builds the exact payload Lambda delivers for a DynamoDB stream batch, for unit tests of a handler without a
 * server: records in the order added, increasing sequence numbers, images shaped by the stream view type and
 * {@code SizeBytes} as DynamoDB counts it.
 *
 * <pre>{@code
 * String payload = DynamodbEvents.forTable("demo-dev_test-table")
 *         .insert(Map.of("id", "id-1", "name", "name-1"))
 *         .modify(Map.of("id", "id-1", "name", "name-1"), Map.of("id", "id-1", "name", "name-1-edit-1"))
 *         .toJson();
 * DynamodbEvent event = DynamodbEvents.forTable("orders").remove(Map.of("id", "o-1")).toEvent();
 * }</pre>
 *
 * Values are plain Java values (String, Number, Boolean, byte[], List, Map, Set, null) or SDK
 * {@code AttributeValue}s.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html">Using AWS Lambda with Amazon DynamoDB</a>
 */
public final class DynamodbEvents {

    private static final DateTimeFormatter LABEL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final BigInteger FIRST_SEQUENCE_NUMBER = BigInteger.TEN.pow(20);
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final String table;
    private final List<ObjectNode> records = new ArrayList<>();
    private List<String> keys = List.of("id");
    private StreamViewType viewType = StreamViewType.NEW_AND_OLD_IMAGES;
    private String region = "us-east-1";
    private String account = "000000000000";
    private String streamArn;
    private Clock clock = Clock.systemUTC();

    private DynamodbEvents(String table) {
        this.table = table;
    }

    /** A batch from the stream of {@code table} (the physical name, {@code demo-dev_test-table}). */
    public static DynamodbEvents forTable(String table) {
        if (table == null || table.isBlank()) {
            throw new JetsTestException("table must be a table name, got: '" + table + "'");
        }
        return new DynamodbEvents(table);
    }

    /** The key attributes, partition key first; default {@code id}. */
    public DynamodbEvents keys(String... attributeNames) {
        if (attributeNames.length < 1 || attributeNames.length > 2) {
            throw new JetsTestException("keys takes a partition key and an optional sort key, got: "
                    + List.of(attributeNames));
        }
        this.keys = List.of(attributeNames);
        return this;
    }

    /** The stream's view type, which decides which images the records carry; default NEW_AND_OLD_IMAGES. */
    public DynamodbEvents viewType(StreamViewType viewType) {
        this.viewType = viewType;
        return this;
    }

    /** Region and account of the stream ARN; default us-east-1 and 000000000000, as the local server. */
    public DynamodbEvents region(String region, String account) {
        this.region = region;
        this.account = account;
        return this;
    }

    /** The eventSourceARN to use as is; default one of the table with a label from the clock. */
    public DynamodbEvents streamArn(String streamArn) {
        this.streamArn = streamArn;
        return this;
    }

    /** The clock of ApproximateCreationDateTime and the stream label. Set it before adding records. */
    public DynamodbEvents clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** An INSERT record of {@code item}. */
    public DynamodbEvents insert(Map<String, ?> item) {
        return add("INSERT", null, item, false);
    }

    /** A MODIFY record from {@code before} to {@code after}. */
    public DynamodbEvents modify(Map<String, ?> before, Map<String, ?> after) {
        return add("MODIFY", before, after, false);
    }

    /** A REMOVE record of {@code item}. */
    public DynamodbEvents remove(Map<String, ?> item) {
        return add("REMOVE", item, null, false);
    }

    /** A REMOVE record written by Time to Live, with the service's {@code userIdentity}. */
    public DynamodbEvents expire(Map<String, ?> item) {
        return add("REMOVE", item, null, true);
    }

    /** The payload as Lambda's JSON. */
    public String toJson() {
        ObjectNode event = NODES.objectNode();
        ArrayNode array = event.putArray("Records");
        records.forEach(array::add);
        return event.toString();
    }

    /** The payload as the aws-lambda-java-events type. */
    public DynamodbEvent toEvent() {
        return DynamodbEventJson.parse(toJson());
    }

    /** The payload as a stream, for {@code FunctionDispatcher.invoke}. */
    public InputStream toInputStream() {
        return new ByteArrayInputStream(toJson().getBytes(StandardCharsets.UTF_8));
    }

    private DynamodbEvents add(String eventName, Map<String, ?> before, Map<String, ?> after, boolean expired) {
        ObjectNode oldImage = before == null ? null : AttributeJson.image(before);
        ObjectNode newImage = after == null ? null : AttributeJson.image(after);
        ObjectNode keyImage = keysOf(newImage != null ? newImage : oldImage);
        String sequenceNumber = FIRST_SEQUENCE_NUMBER.add(BigInteger.valueOf(records.size() + 1)).toString();
        String arn = streamArn != null ? streamArn : "arn:aws:dynamodb:" + region + ":" + account + ":table/" + table
                + "/stream/" + LABEL.format(clock.instant());

        ObjectNode record = NODES.objectNode();
        record.put("eventID", eventId(arn, sequenceNumber));
        record.put("eventName", eventName);
        record.put("eventVersion", "1.1");
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", region);
        ObjectNode dynamodb = record.putObject("dynamodb");
        dynamodb.put("ApproximateCreationDateTime", clock.instant().getEpochSecond());
        dynamodb.set("Keys", keyImage);
        long size = AttributeJson.size(keyImage);
        boolean keysOnly = viewType == StreamViewType.KEYS_ONLY;
        if (newImage != null && !keysOnly && viewType != StreamViewType.OLD_IMAGE) {
            dynamodb.set("NewImage", newImage);
            size += AttributeJson.size(newImage);
        }
        if (oldImage != null && !keysOnly && viewType != StreamViewType.NEW_IMAGE) {
            dynamodb.set("OldImage", oldImage);
            size += AttributeJson.size(oldImage);
        }
        dynamodb.put("SequenceNumber", sequenceNumber);
        dynamodb.put("SizeBytes", size);
        dynamodb.put("StreamViewType", viewType.toString());
        if (expired) {
            ObjectNode identity = record.putObject("userIdentity");
            identity.put("type", "Service");
            identity.put("principalId", "dynamodb.amazonaws.com");
        }
        record.put("eventSourceARN", arn);
        records.add(record);
        return this;
    }

    private ObjectNode keysOf(ObjectNode image) {
        ObjectNode keyImage = NODES.objectNode();
        for (String key : keys) {
            if (!image.has(key)) {
                throw new JetsTestException("The item has no key attribute " + key + ": " + image
                        + "; add it, or name the table's keys with keys(...)");
            }
            keyImage.set(key, image.get(key));
        }
        return keyImage;
    }

    /** Lambda's event IDs are 32 hex digits; derived here from the record so that payloads are reproducible. */
    private static String eventId(String arn, String sequenceNumber) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest((arn + "/" + sequenceNumber).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
