package io.jets.core.images;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One item change of a DynamoDB stream, with its images read as {@code T}: a record, a bean, or
 * {@code Map<String, Object>} for plain values (see {@link Images}).
 *
 * <pre>{@code
 * @DynamoDbTrigger("orders")
 * public void audit(List<Change<Order>> changes) {
 *     for (Change<Order> change : changes) {
 *         if (change.kind() == Change.Kind.MODIFY) {
 *             Order before = change.before().orElseThrow();
 *             Order after = change.after().orElseThrow();
 *         }
 *     }
 * }
 * }</pre>
 *
 * A missing image (a KEYS_ONLY stream, the old image of an INSERT) is an empty {@link Optional}, never a null.
 *
 * @param kind             INSERT, MODIFY or REMOVE ({@code eventName})
 * @param keys             the item's key attributes as plain values
 * @param before           {@code OldImage}, when the stream view type carries it
 * @param after            {@code NewImage}, when the stream view type carries it
 * @param sequenceNumber   the record's {@code SequenceNumber}, the identifier a partial batch response reports
 * @param approximateCreationTime {@code ApproximateCreationDateTime}, null when the record has none
 */
public record Change<T>(Kind kind, Map<String, Object> keys, Optional<T> before, Optional<T> after,
                        String sequenceNumber, Instant approximateCreationTime) {

    /** The {@code eventName} of a DynamoDB stream record. */
    public enum Kind { INSERT, MODIFY, REMOVE }

    public Change {
        Objects.requireNonNull(kind, "kind");
        keys = keys == null ? Map.of() : keys;
        before = before == null ? Optional.empty() : before;
        after = after == null ? Optional.empty() : after;
    }
}
