package io.jets.dynamodb.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock tests move forward by hand, to reach retention, rollover and expiry without waiting: standing still from
 * a given instant, or {@link #ticking() running with the system clock} for clients that time their own work.
 */
public final class MutableClock extends Clock {

    private final AtomicLong millis;
    private final boolean ticking;

    public MutableClock(Instant start) {
        this(start.toEpochMilli(), false);
    }

    private MutableClock(long millis, boolean ticking) {
        this.millis = new AtomicLong(millis);
        this.ticking = ticking;
    }

    /** The system clock, plus whatever the test has moved it forward by. */
    public static MutableClock ticking() {
        return new MutableClock(0, true);
    }

    public void advance(Duration duration) {
        millis.addAndGet(duration.toMillis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public long millis() {
        return (ticking ? System.currentTimeMillis() : 0) + millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
