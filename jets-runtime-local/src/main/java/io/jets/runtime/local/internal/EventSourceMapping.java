package io.jets.runtime.local.internal;

import io.jets.core.DynamoDbTrigger.StartingPosition;
import io.jets.core.index.TriggerDefinition;
import io.jets.runtime.local.MappingStatus;
import io.jets.runtime.local.MappingStatus.State;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One local event source mapping: a function's trigger on a table (or a given stream ARN). It waits for the table
 * and its stream, saying once how to create or enable them; reads every shard with a {@link ShardReader}, parents
 * before children; and when the table's stream is re-enabled under a new ARN it finishes the old stream and
 * follows the new one, saying once that on AWS this needs a redeploy.
 */
public final class EventSourceMapping implements AutoCloseable {

    private final MappingContext context;
    private final TriggerDefinition trigger;
    private final String table;
    private final MappingState state;
    private final Map<String, Thread> readers = new ConcurrentHashMap<>();
    private final Object wake = new Object();
    private volatile boolean stopped;
    private volatile boolean streamDone;
    private String lastNotice = "";
    private Thread coordinator;

    public EventSourceMapping(MappingContext context) {
        this.context = context;
        this.trigger = context.trigger();
        this.table = trigger.isStreamArn() ? tableOfArn(trigger.source())
                : context.config().tableName(trigger.source());
        this.state = new MappingState(context.function().name(), trigger.source(), table,
                trigger.enabled() ? State.WAITING_FOR_TABLE : State.DISABLED, context.clock());
    }

    /** Applies the StartingPosition (on the mapping's first start only), then reads in the background. */
    public void start() {
        if (!trigger.enabled()) {
            return;
        }
        applyStartingPosition();
        coordinator = new Thread(this::coordinate, "jets-mapping-" + context.function().name());
        coordinator.setDaemon(true);
        coordinator.start();
    }

    /**
     * Done before {@link #start()} returns, so a record written right after the runtime starts is delivered
     * even under LATEST. If the server cannot be reached, the position is applied when it first answers.
     */
    private void applyStartingPosition() {
        Checkpoint checkpoint = context.checkpoint();
        if (checkpoint.positioned()) {
            return;
        }
        try {
            if (trigger.startingPosition() == StartingPosition.LATEST) {
                currentStream().ifPresent(arn -> LatestPosition.pin(context.api(), checkpoint, arn));
            }
            checkpoint.markPositioned();
        } catch (RuntimeException e) {
            state.error("applying StartingPosition " + trigger.startingPosition() + ": " + e.getMessage());
        }
    }

    /** The stream the trigger reads now, if it exists. */
    private Optional<String> currentStream() {
        if (trigger.isStreamArn()) {
            try {
                context.api().describeStream(trigger.source());
                return Optional.of(trigger.source());
            } catch (StreamsApiException e) {
                if (e.is("ResourceNotFoundException")) {
                    return Optional.empty();
                }
                throw e;
            }
        }
        return context.api().describeTable(table).filter(StreamsApi.TableInfo::streamEnabled)
                .map(StreamsApi.TableInfo::latestStreamArn).filter(arn -> !arn.isEmpty());
    }

    public MappingStatus status() {
        return state.snapshot();
    }

    public MappingState state() {
        return state;
    }

    public boolean stopped() {
        return stopped;
    }

    private void coordinate() {
        while (!stopped) {
            if (!context.checkpoint().positioned()) {
                applyStartingPosition();
            }
            Duration pause = context.lifecyclePoll();
            try {
                String arn = resolveStream();
                if (arn != null) {
                    readShards(arn);
                    pause = Duration.ofSeconds(1);
                }
            } catch (RuntimeException e) {
                state.error(e.getMessage());
            }
            synchronized (wake) {
                if (!stopped) {
                    try {
                        wake.wait(pause.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** The stream to read now, or null while waiting for the table or its stream. */
    private String resolveStream() {
        Checkpoint checkpoint = context.checkpoint();
        if (trigger.isStreamArn()) {
            try {
                context.api().describeStream(trigger.source());
            } catch (StreamsApiException e) {
                if (!e.is("ResourceNotFoundException")) {
                    throw e;
                }
                state.state(State.WAITING_FOR_STREAM, "");
                notice(Commands.waitingForPinnedStream(context.function().name(), trigger.source(), context.endpoint()));
                return null;
            }
            checkpoint.switchTo(trigger.source());
            attach(trigger.source());
            return trigger.source();
        }
        var described = context.api().describeTable(table);
        String latest = described.filter(StreamsApi.TableInfo::streamEnabled)
                .map(StreamsApi.TableInfo::latestStreamArn).orElse("");
        String current = checkpoint.streamArn();
        if (!current.isEmpty() && !streamDone) {
            attach(current);
            return current;
        }
        if (described.isEmpty()) {
            state.state(State.WAITING_FOR_TABLE, "");
            notice(Commands.waitingForTable(context.function().name(), table, context.endpoint()));
            return null;
        }
        if (latest.isEmpty()) {
            state.state(State.WAITING_FOR_STREAM, "");
            notice(Commands.waitingForStream(context.function().name(), table, context.endpoint()));
            return null;
        }
        if (!current.isEmpty() && !latest.equals(current)) {
            notice(Commands.streamChanged(context.function().name(), table, latest));
        }
        if (!latest.equals(current)) {
            checkpoint.switchTo(latest);
            streamDone = false;
        }
        attach(latest);
        return streamDone ? null : latest;
    }

    private void attach(String arn) {
        state.state(State.RUNNING, arn);
        notice(context.function().name() + ": reading " + table + " stream " + arn);
    }

    private void readShards(String arn) {
        StreamsApi.StreamInfo stream;
        try {
            stream = context.api().describeStream(arn);
        } catch (StreamsApiException e) {
            if (e.is("ResourceNotFoundException")) {
                streamDone = true;
                return;
            }
            throw e;
        }
        Set<String> known = new HashSet<>();
        stream.shards().forEach(s -> known.add(s.shardId()));
        boolean allFinished = true;
        for (StreamsApi.ShardInfo shard : stream.shards()) {
            if (context.checkpoint().finished(shard.shardId())) {
                continue;
            }
            allFinished = false;
            // a parent is pending while listed and unfinished, or while its reader still runs: one that has passed
            // the retention is no longer listed, but a batch of it may still be retried
            String parent = shard.parentShardId();
            boolean parentPending = !parent.isEmpty() && (readers.containsKey(parent)
                    || known.contains(parent) && !context.checkpoint().finished(parent));
            if (!parentPending && !readers.containsKey(shard.shardId())) {
                startReader(arn, shard.shardId());
            }
        }
        // a disabled stream whose shards all passed the retention lists none: nothing is left to read there either
        streamDone = allFinished && stream.shards().stream().allMatch(StreamsApi.ShardInfo::closed)
                && (!stream.shards().isEmpty() || "DISABLED".equals(stream.status()));
    }

    private void startReader(String arn, String shardId) {
        ShardReader reader = new ShardReader(context.readerSettings(state, () -> stopped), arn, shardId);
        Thread thread = new Thread(() -> {
            try {
                ShardReader.End end = reader.run();
                if (end == ShardReader.End.STREAM_GONE) {
                    streamDone = true;
                }
            } catch (RuntimeException e) {
                state.error(shardId + ": " + e.getMessage());
            } finally {
                readers.remove(shardId);
                synchronized (wake) {
                    wake.notifyAll();
                }
            }
        }, "jets-shard-" + context.function().name() + "-" + shardId);
        thread.setDaemon(true);
        readers.put(shardId, thread);
        thread.start();
    }

    private void notice(String message) {
        if (!message.equals(lastNotice)) {
            lastNotice = message;
            context.status().println(message);
        }
    }

    /** Stops reading; a batch in progress is left unhandled and is read again on the next start. */
    @Override
    public void close() {
        stopped = true;
        context.signal().fire();
        synchronized (wake) {
            wake.notifyAll();
        }
        join(coordinator);
        for (Thread reader : List.copyOf(readers.values())) {
            join(reader);
        }
        state.state(trigger.enabled() ? State.STOPPED : State.DISABLED, state.snapshot().streamArn());
    }

    private static void join(Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(2000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String tableOfArn(String streamArn) {
        int start = streamArn.indexOf(":table/");
        int end = streamArn.indexOf("/stream/");
        return start < 0 || end < start ? streamArn : streamArn.substring(start + 7, end);
    }
}
