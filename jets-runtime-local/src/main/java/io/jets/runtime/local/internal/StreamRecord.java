package io.jets.runtime.local.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * One stream record in the shape Lambda delivers it ({@code eventSourceARN} added, fields in Lambda's order),
 * with what the mapping needs to batch, order and age it. The record travels as its serialised form; the tree is
 * built only when something looks inside it (filters, tumbling windows).
 */
public final class StreamRecord implements Comparable<StreamRecord> {

    /** Reads the tree back as it was built: ApproximateCreationDateTime stays a double (1.550272599E9). */
    private static final ObjectMapper TREES = new ObjectMapper();

    private final String sequenceNumber;
    private final Instant created;
    private final String itemKey;
    private final byte[] json;
    private ObjectNode event;

    /**
     * @param event           the record as it appears in the event's {@code Records} array
     * @param sequenceNumber  {@code dynamodb.SequenceNumber}
     * @param created         {@code dynamodb.ApproximateCreationDateTime}
     * @param itemKey         the item's key (its {@code Keys} JSON), for ordering per key
     * @param json            {@code event} serialised once, so batches are assembled without serialising again
     */
    public StreamRecord(ObjectNode event, String sequenceNumber, Instant created, String itemKey, byte[] json) {
        this(sequenceNumber, created, itemKey, json);
        this.event = Objects.requireNonNull(event, "event");
    }

    /** A record known by its serialised form only. */
    public StreamRecord(String sequenceNumber, Instant created, String itemKey, byte[] json) {
        this.sequenceNumber = Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        this.created = Objects.requireNonNull(created, "created");
        this.itemKey = Objects.requireNonNull(itemKey, "itemKey");
        this.json = Objects.requireNonNull(json, "json");
    }

    public synchronized ObjectNode event() {
        if (event == null) {
            try {
                event = (ObjectNode) TREES.readTree(json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return event;
    }

    public String sequenceNumber() {
        return sequenceNumber;
    }

    public Instant created() {
        return created;
    }

    public String itemKey() {
        return itemKey;
    }

    public byte[] json() {
        return json;
    }

    /** The record's share of the event payload (with its separating comma), for the 6 MB cap. */
    public int payloadBytes() {
        return json.length + 1;
    }

    public BigInteger sequence() {
        return new BigInteger(sequenceNumber);
    }

    @Override
    public int compareTo(StreamRecord other) {
        return sequence().compareTo(other.sequence());
    }

    @Override
    public String toString() {
        return "StreamRecord[" + sequenceNumber + " " + itemKey + "]";
    }
}
