package io.jets.dynamodb.local.internal.stream;

import io.jets.dynamodb.local.internal.storage.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes a stream's open shard once its period has passed and opens its child, on the clock: a shard lives one
 * period whether or not writes arrive, as DynamoDB closes a shard after about four hours even on an idle table.
 * Nothing runs on a timer. A write rolls over the shard it is about to append to, and a read of the stream first
 * {@linkplain #catchUp catches up} and stores the rollover it finds due, so readers of an idle stream see its shard
 * end and move to the child.
 *
 * <p>Children open on the period's boundaries, counted from the stream's first shard: the shard open at any time is
 * the same whether the stream was read then or long after, before a restart or after it. A stream left unread for
 * several periods gets one child, opened at the last boundary, rather than one empty shard per period missed.
 */
public final class ShardRollover {

    private final Database database;
    private final StreamStore streams;
    private final Clock clock;
    private final long periodMillis;
    /** Per stream, a time before which its open shard is known not to be due: boundaries only move later. */
    private final Map<String, Long> notDueBefore = new ConcurrentHashMap<>();

    public ShardRollover(Database database, StreamStore streams, Clock clock, Duration period) {
        this.database = database;
        this.streams = streams;
        this.clock = clock;
        this.periodMillis = period.toMillis();
    }

    /** Whether {@code shard}'s period has passed at {@code nowMillis}. */
    public boolean due(Shard shard, long nowMillis) {
        return shard.open() && shard.createdMillis() + periodMillis <= nowMillis;
    }

    /** Closes {@code shard}, due at {@code nowMillis}, and opens its child at the last boundary passed. */
    public Shard rollOver(Connection connection, Shard shard, long nowMillis) throws SQLException {
        long periods = (nowMillis - shard.createdMillis()) / periodMillis;
        Shard child = streams.rollOver(connection, shard, shard.createdMillis() + periods * periodMillis);
        long nextDue = child.createdMillis() + periodMillis;
        database.onCommit(() -> notDueBefore.merge(shard.streamArn(), nextDue, Math::max));
        return child;
    }

    /** Stores the rollover of {@code streamArn}'s open shard if it is due, before the stream is read. */
    public void catchUp(String streamArn) {
        long now = clock.millis();
        Long notBefore = notDueBefore.get(streamArn);
        if (notBefore != null && now < notBefore) {
            return;
        }
        Shard open = database.read(connection -> streams.currentShard(connection, streamArn));
        if (open == null) {
            return; // no such stream, or a disabled one: no shard will open again
        }
        if (!due(open, now)) {
            notDueBefore.merge(streamArn, open.createdMillis() + periodMillis, Math::max);
            return;
        }
        database.write(connection -> {
            // a write or another reader may have rolled it over since
            Shard current = streams.currentShard(connection, streamArn);
            return current != null && due(current, now) ? rollOver(connection, current, now) : null;
        });
    }
}
