package io.jets.runtime.local.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * One stream record in the shape Lambda delivers it ({@code eventSourceARN} added, fields in Lambda's order),
 * with what the mapping needs to batch, order and age it.
 *
 * @param event           the record as it appears in the event's {@code Records} array
 * @param sequenceNumber  {@code dynamodb.SequenceNumber}
 * @param created         {@code dynamodb.ApproximateCreationDateTime}
 * @param itemKey         the item's key (its {@code Keys} JSON), for ordering per key
 * @param json            {@code event} serialised once, so batches are assembled without serialising again
 */
public record StreamRecord(ObjectNode event, String sequenceNumber, Instant created, String itemKey,
                           byte[] json) implements Comparable<StreamRecord> {

    public StreamRecord {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(itemKey, "itemKey");
        Objects.requireNonNull(json, "json");
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
}
