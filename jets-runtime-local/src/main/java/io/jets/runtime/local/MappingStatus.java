package io.jets.runtime.local;

import java.time.Duration;
import java.util.Objects;

/**
 * Where one local event source mapping stands, as {@code jets events} shows it.
 *
 * @param function   the function name ({@code clerk_event-file})
 * @param source     the trigger's source as written (table name or stream ARN)
 * @param table      the physical table ({@code demo-dev_test-table})
 * @param streamArn  the stream being read; empty while waiting
 * @param state      what the mapping is doing
 * @param position   the last sequence number handled; empty when none yet
 * @param lag        how old the oldest record not yet handled is; zero when caught up
 * @param lastError  the last function error, one line; empty when the last batch succeeded
 */
public record MappingStatus(String function, String source, String table, String streamArn, State state,
                            String position, Duration lag, String lastError) {

    /** The phases of a mapping's life. */
    public enum State { WAITING_FOR_TABLE, WAITING_FOR_STREAM, RUNNING, DISABLED, STOPPED }

    public MappingStatus {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(state, "state");
        streamArn = streamArn == null ? "" : streamArn;
        position = position == null ? "" : position;
        lag = lag == null ? Duration.ZERO : lag;
        lastError = lastError == null ? "" : lastError;
    }
}
