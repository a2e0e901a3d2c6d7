package io.jets.runtime.local.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Reads one shard from its checkpoint to its end, in order, and hands the records to the mapping's
 * {@link BatchHandler}. A new record is read as soon as the server signals it; without a signal the shard is
 * polled four times a second, as Lambda does. An expired iterator is renewed from the last record read, so a
 * long idle never stalls the mapping.
 */
public final class ShardReader {

    private static final int PAGE_LIMIT = 1000;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    /** How a reader run ended. */
    public enum End { FINISHED, STOPPED, STREAM_GONE }

    /** What the reader of every shard of one mapping shares. */
    public record Settings(StreamsApi api, EventPayload payload, Checkpoint checkpoint, Signal signal,
                           Duration pollInterval, int batchSize, int lanes, Duration batchingWindow,
                           FilterCriteria filter, BatchHandler handler, MappingState state, Clock clock,
                           BooleanSupplier stopped) {
    }

    private final Settings settings;
    private final String streamArn;
    private final String shardId;
    private final ArrayDeque<StreamRecord> buffer = new ArrayDeque<>();
    private long bufferedBytes;
    private String lastRead;
    private String lastHandled;

    /** A shard never started before is read from TRIM_HORIZON (LATEST is applied when the mapping starts). */
    public ShardReader(Settings settings, String streamArn, String shardId) {
        this.settings = settings;
        this.streamArn = streamArn;
        this.shardId = shardId;
    }

    public End run() {
        String iterator;
        try {
            iterator = initialIterator();
        } catch (StreamsApiException e) {
            if (e.is("ResourceNotFoundException")) {
                return gone();
            }
            settings.state().error("starting " + shardId + ": " + e.getMessage());
            return End.STOPPED;
        }
        int wanted = settings.batchSize() * settings.lanes();
        // The batching window is a real wait, timed on the monotonic clock (a test's fixed Clock must not stall it).
        long windowOpened = -1;
        while (!settings.stopped().getAsBoolean()) {
            if (iterator != null && buffer.size() < wanted) {
                long seen = settings.signal().generation();
                EventPayload.ShapedPage page;
                try {
                    page = settings.api().shapedRecords(iterator, PAGE_LIMIT, settings.payload(), streamArn);
                } catch (StreamsApiException e) {
                    if (e.is("ResourceNotFoundException")) {
                        return gone();
                    }
                    try {
                        iterator = renewIterator(e);
                    } catch (StreamsApiException again) {
                        return again.is("ResourceNotFoundException") ? gone() : End.STOPPED;
                    }
                    continue;
                } catch (RuntimeException e) {
                    settings.state().error("reading " + shardId + ": " + e.getMessage());
                    settings.signal().await(seen, RETRY_PAUSE);
                    continue;
                }
                take(page.records());
                iterator = page.nextShardIterator();
                if (windowOpened < 0 && !buffer.isEmpty()) {
                    windowOpened = System.nanoTime();
                }
                if (page.records().size() >= PAGE_LIMIT && iterator != null && buffer.size() < wanted) {
                    continue; // a full page: more is waiting, fill the batch before invoking
                }
                if (buffer.isEmpty()) {
                    if (iterator == null) {
                        break;
                    }
                    skipFiltered();
                    settings.handler().idle(shardId);
                    settings.signal().await(seen, settings.pollInterval());
                    continue;
                }
                if (iterator != null && buffer.size() < settings.batchSize()
                        && bufferedBytes < EventPayload.MAX_PAYLOAD_BYTES
                        && !settings.batchingWindow().isZero()) {
                    Duration left = Duration.ofNanos(windowOpened + settings.batchingWindow().toNanos()
                            - System.nanoTime());
                    if (!left.isNegative() && !left.isZero()) {
                        settings.signal().await(seen, min(left, settings.pollInterval()));
                        continue;
                    }
                }
            }
            if (buffer.isEmpty()) {
                break;
            }
            List<StreamRecord> records = new ArrayList<>();
            while (!buffer.isEmpty() && records.size() < wanted) {
                StreamRecord record = buffer.pollFirst();
                bufferedBytes -= record.payloadBytes();
                records.add(record);
            }
            settings.state().pending(records.get(0).created());
            if (!settings.handler().handle(shardId, records, this::handled)) {
                return End.STOPPED;
            }
            settings.state().pending(buffer.isEmpty() ? null : buffer.peekFirst().created());
            windowOpened = buffer.isEmpty() ? -1 : System.nanoTime();
        }
        if (settings.stopped().getAsBoolean()) {
            return End.STOPPED;
        }
        skipFiltered();
        settings.checkpoint().finish(shardId);
        return End.FINISHED;
    }

    /**
     * The shard answered ResourceNotFound: either its whole stream is gone, or the stream is there and the shard
     * is not, because it closed longer ago than the stream's retention period (24 hours on DynamoDB) while its
     * records waited, for example behind a batch that kept failing. Its records are gone with it, on AWS as here:
     * the shard counts as read, so that its children are read next, and the loss is reported.
     */
    private End gone() {
        try {
            settings.api().describeStream(streamArn);
        } catch (StreamsApiException e) {
            if (e.is("ResourceNotFoundException")) {
                return End.STREAM_GONE;
            }
            throw e;
        }
        settings.state().error(shardId + " is gone: it passed the stream's retention period before all its records"
                + " were processed");
        settings.checkpoint().finish(shardId);
        return End.FINISHED;
    }

    private void take(List<StreamRecord> records) {
        for (StreamRecord shaped : records) {
            lastRead = shaped.sequenceNumber();
            if (settings.filter().acceptsEverything() || settings.filter().test(shaped.event())) {
                buffer.addLast(shaped);
                bufferedBytes += shaped.payloadBytes();
            }
        }
    }

    private void handled(StreamRecord record) {
        lastHandled = record.sequenceNumber();
        settings.checkpoint().advance(shardId, lastHandled);
        settings.state().handled(lastHandled);
    }

    /** Records dropped by the filters are checkpointed too, once nothing before them is pending. */
    private void skipFiltered() {
        if (buffer.isEmpty() && lastRead != null && !lastRead.equals(lastHandled)) {
            lastHandled = lastRead;
            settings.checkpoint().advance(shardId, lastRead);
            settings.state().handled(lastRead);
        }
    }

    private String initialIterator() {
        Checkpoint checkpoint = settings.checkpoint();
        if (checkpoint.sequenceNumber(shardId).isPresent()) {
            lastRead = checkpoint.sequenceNumber(shardId).get();
            lastHandled = lastRead;
            settings.state().handled(lastRead);
            try {
                return iterator("AFTER_SEQUENCE_NUMBER", lastRead);
            } catch (StreamsApiException e) {
                if (!e.is("TrimmedDataAccessException")) {
                    throw e;
                }
                // Records past the retention period are gone, on AWS as here: go on from the oldest one left.
                return iterator("TRIM_HORIZON", null);
            }
        }
        checkpoint.advance(shardId, "");
        return iterator("TRIM_HORIZON", null);
    }

    private String renewIterator(StreamsApiException cause) {
        if (cause.is("ExpiredIteratorException") && lastRead != null) {
            return iterator("AFTER_SEQUENCE_NUMBER", lastRead);
        }
        // Trimmed or otherwise unusable: start from the oldest record still there.
        return iterator("TRIM_HORIZON", null);
    }

    private String iterator(String type, String sequenceNumber) {
        return settings.api().shardIterator(streamArn, shardId, type, sequenceNumber);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
