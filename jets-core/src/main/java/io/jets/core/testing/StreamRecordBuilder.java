package io.jets.core.testing;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.core.JetsException;
import io.jets.core.events.DynamodbEventJson;
import io.jets.core.images.Images;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One DynamoDB stream record of a test payload; start from {@link DynamodbEvents#insert}, {@code modify} or
 * {@code remove}. Values are plain Java values ({@code "x"}, {@code 12}, {@code Set.of("a")}, {@code byte[]},
 * maps, lists, records) or, with the {@code …Json} methods, DynamoDB JSON.
 *
 * <pre>{@code
 * DynamodbEvents.modify("demo-dev_test-table")
 *         .key("id", "id-1")
 *         .oldImage(Map.of("name", "name-1"))
 *         .newImageJson("{"name":{"S":"name-1-edit-1"}}")
 *         .at(Instant.parse("2024-02-11T15:44:30Z"))
 *         .toJson();
 * }</pre>
 */
public final class StreamRecordBuilder {

    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final Set<String> VIEW_TYPES = Set.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES");
    private static final Pattern SEQUENCE_NUMBER = Pattern.compile("\\d{1,40}");
    private static final Pattern STREAM_ARN = Pattern.compile("arn:aws[a-z-]*:dynamodb:([a-z0-9-]+):\\d{12}:table/.+/stream/.+");
    private static final BigInteger FIRST_SEQUENCE_NUMBER = new BigInteger("100000000000000000001");

    private final String eventName;
    private final String table;
    private final Map<String, AttributeValue> keys = new LinkedHashMap<>();
    private Map<String, AttributeValue> newImage;
    private Map<String, AttributeValue> oldImage;
    private String streamViewType = "NEW_AND_OLD_IMAGES";
    private String region = "us-east-1";
    private String account = "123456789012";
    private String streamLabel = "2024-01-01T00:00:00.000";
    private String sequenceNumber;
    private String eventId;
    private Instant approximateCreationTime;
    private boolean timeToLive;

    StreamRecordBuilder(String eventName, String table) {
        if (table == null || table.isBlank()) {
            throw new JetsException("A stream record needs a table name or stream ARN, got: \"" + table + "\"");
        }
        this.eventName = eventName;
        this.table = table;
    }

    /** Adds a key attribute (partition key, then sort key). */
    public StreamRecordBuilder key(String name, Object value) {
        keys.put(name, Images.toAttributeValue(value));
        return this;
    }

    public StreamRecordBuilder keys(Map<String, ?> values) {
        keys.putAll(Images.toImage(values));
        return this;
    }

    public StreamRecordBuilder keysJson(String dynamodbJson) {
        keys.putAll(DynamodbEventJson.parseImage(dynamodbJson));
        return this;
    }

    public StreamRecordBuilder newImage(Map<String, ?> values) {
        requireNot("REMOVE", "A REMOVE record has no new image; use DynamodbEvents.modify(…) for a changed item");
        newImage = Images.toImage(values);
        return this;
    }

    public StreamRecordBuilder newImageJson(String dynamodbJson) {
        requireNot("REMOVE", "A REMOVE record has no new image; use DynamodbEvents.modify(…) for a changed item");
        newImage = DynamodbEventJson.parseImage(dynamodbJson);
        return this;
    }

    public StreamRecordBuilder oldImage(Map<String, ?> values) {
        requireNot("INSERT", "An INSERT record has no old image; use DynamodbEvents.modify(…) for a changed item");
        oldImage = Images.toImage(values);
        return this;
    }

    public StreamRecordBuilder oldImageJson(String dynamodbJson) {
        requireNot("INSERT", "An INSERT record has no old image; use DynamodbEvents.modify(…) for a changed item");
        oldImage = DynamodbEventJson.parseImage(dynamodbJson);
        return this;
    }

    /** KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES (the default). */
    public StreamRecordBuilder streamViewType(String viewType) {
        if (!VIEW_TYPES.contains(viewType)) {
            throw new JetsException("StreamViewType must be one of KEYS_ONLY, NEW_IMAGE, OLD_IMAGE,"
                    + " NEW_AND_OLD_IMAGES, got: " + viewType);
        }
        this.streamViewType = viewType;
        return this;
    }

    /** The record's region (default us-east-1), also used in the stream ARN. */
    public StreamRecordBuilder region(String region) {
        this.region = region;
        return this;
    }

    /** The account in the stream ARN (default 123456789012). */
    public StreamRecordBuilder account(String account) {
        this.account = account;
        return this;
    }

    /** The stream label, an ISO timestamp such as 2019-02-15T23:01:06.871. */
    public StreamRecordBuilder streamLabel(String label) {
        this.streamLabel = label;
        return this;
    }

    /** A numeric string of up to 40 digits; by default records of a batch are numbered from 100000000000000000001. */
    public StreamRecordBuilder sequenceNumber(String sequenceNumber) {
        if (!SEQUENCE_NUMBER.matcher(sequenceNumber).matches()) {
            throw new JetsException("SequenceNumber must be a numeric string of up to 40 digits, got: " + sequenceNumber);
        }
        this.sequenceNumber = sequenceNumber;
        return this;
    }

    /** By default a 32-hex id derived from the record, so that the same builder gives the same payload. */
    public StreamRecordBuilder eventId(String eventId) {
        this.eventId = eventId;
        return this;
    }

    /** ApproximateCreationDateTime (whole seconds, as Lambda delivers it); by default now. */
    public StreamRecordBuilder at(Instant time) {
        this.approximateCreationTime = time.truncatedTo(ChronoUnit.SECONDS);
        return this;
    }

    /** A deletion by Time to Live: adds {@code userIdentity} of the DynamoDB service. */
    public StreamRecordBuilder byTimeToLive() {
        if (!eventName.equals("REMOVE")) {
            throw new JetsException("Time to Live only deletes items; use DynamodbEvents.remove(…).byTimeToLive()");
        }
        this.timeToLive = true;
        return this;
    }

    /** An event holding this one record. */
    public String toJson() {
        return DynamodbEvents.toJson(this);
    }

    public DynamodbEvent toEvent() {
        return DynamodbEvents.toEvent(this);
    }

    /** An event holding this one record, as the input of {@code FunctionDispatcher.invoke}. */
    public InputStream toInputStream() {
        return DynamodbEvents.toInputStream(this);
    }

    ObjectNode recordTree(int position) {
        if (keys.isEmpty()) {
            throw new JetsException("A stream record needs its key attributes: add .key(\"id\", \"id-1\")");
        }
        String sequence = sequenceNumber != null ? sequenceNumber
                : FIRST_SEQUENCE_NUMBER.add(BigInteger.valueOf(position)).toString();
        Map<String, AttributeValue> newShown = viewIncludes("NEW") ? withKeys(newImage) : null;
        Map<String, AttributeValue> oldShown = viewIncludes("OLD") ? withKeys(oldImage) : null;
        long size = ItemSize.of(keys) + ItemSize.of(newShown) + ItemSize.of(oldShown);
        Instant created = approximateCreationTime != null ? approximateCreationTime
                : Instant.now().truncatedTo(ChronoUnit.SECONDS);

        ObjectNode record = NODES.objectNode();
        record.put("eventID", eventId != null ? eventId : derivedEventId(sequence));
        record.put("eventName", eventName);
        record.put("eventVersion", "1.1");
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", region());
        ObjectNode dynamodb = record.putObject("dynamodb");
        // whole seconds in a floating-point number (1.550272599E9), as Lambda writes it
        dynamodb.put("ApproximateCreationDateTime", (double) created.getEpochSecond());
        dynamodb.set("Keys", DynamodbEventJson.imageTree(keys));
        if (newShown != null) {
            dynamodb.set("NewImage", DynamodbEventJson.imageTree(newShown));
        }
        if (oldShown != null) {
            dynamodb.set("OldImage", DynamodbEventJson.imageTree(oldShown));
        }
        dynamodb.put("SequenceNumber", sequence);
        dynamodb.put("SizeBytes", size);
        dynamodb.put("StreamViewType", streamViewType);
        record.put("eventSourceARN", streamArn());
        if (timeToLive) {
            ObjectNode identity = record.putObject("userIdentity");
            identity.put("type", "Service");
            identity.put("principalId", "dynamodb.amazonaws.com");
        }
        return record;
    }

    private boolean viewIncludes(String which) {
        boolean present = which.equals("NEW") ? !eventName.equals("REMOVE") : !eventName.equals("INSERT");
        return present && (streamViewType.equals("NEW_AND_OLD_IMAGES") || streamViewType.equals(which + "_IMAGE"));
    }

    // DynamoDB images always carry the key attributes; missing ones are added after the given attributes.
    private Map<String, AttributeValue> withKeys(Map<String, AttributeValue> image) {
        Map<String, AttributeValue> complete = new LinkedHashMap<>(image == null ? Map.of() : image);
        keys.forEach(complete::putIfAbsent);
        return complete;
    }

    private String region() {
        var matcher = STREAM_ARN.matcher(table);
        return matcher.matches() ? matcher.group(1) : region;
    }

    private String streamArn() {
        return STREAM_ARN.matcher(table).matches() ? table
                : "arn:aws:dynamodb:" + region + ":" + account + ":table/" + table + "/stream/" + streamLabel;
    }

    private String derivedEventId(String sequence) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest((streamArn() + "/" + sequence + "/" + eventName).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
    }

    private void requireNot(String kind, String message) {
        if (eventName.equals(kind)) {
            throw new JetsException(message);
        }
    }
}
