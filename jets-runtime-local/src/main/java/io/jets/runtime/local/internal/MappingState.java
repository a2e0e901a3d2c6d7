package io.jets.runtime.local.internal;

import io.jets.runtime.local.MappingStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The live, thread-safe counterpart of {@link MappingStatus}, updated by a mapping's threads. */
public final class MappingState {

    private final String function;
    private final String source;
    private final String table;
    private final Clock clock;
    private String streamArn = "";
    private MappingStatus.State state;
    private String position = "";
    private Instant oldestPending;
    private String lastError = "";

    public MappingState(String function, String source, String table, MappingStatus.State initial, Clock clock) {
        this.function = function;
        this.source = source;
        this.table = table;
        this.state = initial;
        this.clock = clock;
    }

    public synchronized void state(MappingStatus.State newState, String arn) {
        this.state = newState;
        this.streamArn = arn == null ? "" : arn;
    }

    public synchronized void handled(String sequenceNumber) {
        this.position = sequenceNumber;
    }

    public synchronized void pending(Instant oldest) {
        this.oldestPending = oldest;
    }

    public synchronized void error(String error) {
        this.lastError = error == null ? "" : error;
    }

    public synchronized MappingStatus snapshot() {
        Duration lag = oldestPending == null ? Duration.ZERO
                : Duration.between(oldestPending, clock.instant()).isNegative() ? Duration.ZERO
                : Duration.between(oldestPending, clock.instant());
        return new MappingStatus(function, source, table, streamArn, state, position, lag, lastError);
    }
}
