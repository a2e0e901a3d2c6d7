package io.jets.dynamodb.local.internal;

import java.time.Duration;

/**
 * How long an index added to a live table by UpdateTable takes to build, phase by phase, measured from the
 * UpdateTable call: the table stays UPDATING for {@code tableUpdating}; the index is CREATING and allocating
 * ({@code Backfilling} false) for {@code allocation}, then CREATING and backfilling for {@code backfill}, then
 * ACTIVE. DynamoDB brings the table back to ACTIVE when the backfill starts, about 30 seconds in, and backfills for
 * minutes; these are shorter so that local work is not slowed, but long enough for a client polling DescribeTable
 * to see each phase. All zero: ACTIVE at once.
 *
 * <pre>{@code
 * DynamoDbLocal.builder().indexCreation(Duration.ZERO, Duration.ZERO, Duration.ZERO)   // no walk at all
 * }</pre>
 *
 * @param tableUpdating how long the table reports UPDATING after the call; at most {@code allocation}
 * @param allocation    how long the index spends in resource allocation after the call
 * @param backfill      how long the backfill then takes
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.html">Managing
 *     global secondary indexes</a>
 */
public record IndexCreationTimes(Duration tableUpdating, Duration allocation, Duration backfill) {

    /**
     * The table UPDATING and the index allocated for 2.5 s, then backfilled until 7 s: a client polling every
     * second sees the table UPDATING beside the allocating index for three polls, then the table ACTIVE beside the
     * backfill for four; one polling every 5 s sees the table ACTIVE beside a CREATING index.
     */
    public static final IndexCreationTimes DEFAULT = new IndexCreationTimes(Duration.ofMillis(2500),
            Duration.ofMillis(2500), Duration.ofMillis(4500));

    public IndexCreationTimes {
        requireNotNegative("tableUpdating", tableUpdating);
        requireNotNegative("allocation", allocation);
        requireNotNegative("backfill", backfill);
        if (tableUpdating.compareTo(allocation) > 0) {
            throw new IllegalArgumentException("the table cannot stay UPDATING longer than the index allocates: "
                    + "tableUpdating must be at most allocation, got: " + tableUpdating + " and " + allocation);
        }
    }

    private static void requireNotNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or a positive duration, got: " + value);
        }
    }
}
