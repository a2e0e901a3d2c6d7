package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.Json;
import java.time.Duration;
import java.util.Set;

/**
 * One Kinesis data stream destination of a table, as stored: the last call that changed it and when, from which its
 * status is read on the server clock, so that nothing runs in the background and a durable server that restarts
 * carries on where it was. Each call starts a walk of {@link #TRANSITION}: Enable goes ENABLING, then ACTIVE (or
 * ENABLE_FAILED when the ARN names no Kinesis data stream); Update goes UPDATING, then ACTIVE; Disable goes
 * DISABLING, then DISABLED, and the entry stays listed until the stream is enabled again or the table deleted.
 *
 * @param action      the last call: ENABLE, UPDATE or DISABLE
 * @param changed     when that call was made, in epoch milliseconds
 * @param enabled     when the stream was last enabled: DescribeKinesisStreamingDestination lists the latest first
 * @param precision   the ApproximateCreationDateTimePrecision a call set, or null (DynamoDB's MILLISECOND, not shown)
 * @param failure     the DestinationStatusDescription an enable that cannot succeed ends with, or null
 */
record KinesisDestination(String streamArn, Action action, long changed, long enabled, String precision,
                          String failure) {

    /**
     * How long each walk takes. DynamoDB takes 2 to 7 s to enable, 1 to 2 s to disable and about two minutes to
     * change the precision; one second keeps every intermediate status observable, so code that acts before the
     * destination is ACTIVE meets the ValidationException it would meet on DynamoDB, without holding up the start
     * of an application for longer than that.
     */
    static final Duration TRANSITION = Duration.ofSeconds(1);

    /** The statuses during which the table takes no other Enable. */
    private static final Set<String> LIVE = Set.of("ENABLING", "ACTIVE", "UPDATING", "DISABLING");

    enum Action { ENABLE, UPDATE, DISABLE }

    /** The DestinationStatus at {@code now}. */
    String status(long now) {
        boolean walking = now - changed < TRANSITION.toMillis();
        return switch (action) {
            case ENABLE -> walking ? "ENABLING" : failure != null ? "ENABLE_FAILED" : "ACTIVE";
            case UPDATE -> walking ? "UPDATING" : "ACTIVE";
            case DISABLE -> walking ? "DISABLING" : "DISABLED";
        };
    }

    /** Whether the destination holds the table's one place for a stream: it is neither DISABLED nor ENABLE_FAILED. */
    boolean live(long now) {
        return LIVE.contains(status(now));
    }

    /** The precision in force: DynamoDB's default when none was set. */
    String effectivePrecision() {
        return precision == null ? "MILLISECOND" : precision;
    }

    /** The KinesisDataStreamDestination DescribeKinesisStreamingDestination lists. */
    ObjectNode describe(long now) {
        String status = status(now);
        ObjectNode described = Json.object().put("StreamArn", streamArn).put("DestinationStatus", status);
        if (status.equals("ENABLE_FAILED")) {
            described.put("DestinationStatusDescription", failure);
        }
        if (precision != null) {
            described.put("ApproximateCreationDateTimePrecision", precision);
        }
        return described;
    }
}
