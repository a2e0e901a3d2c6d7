package io.jets.runtime.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * TumblingWindowInSeconds: records are grouped into fixed windows by their creation time; every invocation of a
 * window gets the {@code state} the previous one returned, and once the window is over a final invocation with
 * {@code isFinalInvokeForWindow: true} and no records hands over the aggregate. A response without {@code state}
 * fails the invocation. A state grown past 1 MB ends the window early ({@code isWindowTerminatedEarly: true}).
 * The window and its state are checkpointed with the shard. See
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-windows.html">tumbling windows</a>.
 */
public final class TumblingWindowHandler implements BatchHandler {

    /** A window's state may hold up to 1 MB. */
    static final int MAX_STATE_BYTES = 1024 * 1024;

    private final long windowSeconds;
    private final int batchSize;
    private final Checkpoint checkpoint;
    private final String streamArn;
    private final BiFunction<String, Function<List<StreamRecord>, InvokeResult>, BatchRunner> runners;
    private final Function<byte[], InvokeResult> invoke;
    private final ObjectMapper json;
    private final Clock clock;
    private final BooleanSupplier stopped;

    /**
     * @param runners a batch runner for a shard around the given invocation function
     * @param invoke  invokes the function with an event
     */
    public TumblingWindowHandler(int windowSeconds, int batchSize, Checkpoint checkpoint, String streamArn,
                                 BiFunction<String, Function<List<StreamRecord>, InvokeResult>, BatchRunner> runners,
                                 Function<byte[], InvokeResult> invoke, ObjectMapper json, Clock clock,
                                 BooleanSupplier stopped) {
        this.windowSeconds = windowSeconds;
        this.batchSize = batchSize;
        this.checkpoint = checkpoint;
        this.streamArn = streamArn;
        this.runners = runners;
        this.invoke = invoke;
        this.json = json;
        this.clock = clock;
        this.stopped = stopped;
    }

    @Override
    public boolean handle(String shardId, List<StreamRecord> records, Consumer<StreamRecord> handled) {
        int from = 0;
        while (from < records.size()) {
            long start = windowStart(records.get(from).created());
            int to = from;
            while (to < records.size() && windowStart(records.get(to).created()) == start) {
                to++;
            }
            ObjectNode window = checkpoint.window(shardId).map(w -> (ObjectNode) w.deepCopy()).orElse(null);
            if (window != null && window.path("start").asLong() != start) {
                if (!finish(shardId, window, false)) {
                    return false;
                }
                window = null;
            }
            if (window == null) {
                window = json.createObjectNode().put("start", start);
                window.putObject("state");
            }
            ObjectNode current = window;
            BatchRunner runner = runners.apply(shardId, batch -> invokeWindow(shardId, current, batch));
            for (List<StreamRecord> batch : Batches.split(records.subList(from, to), batchSize)) {
                if (!runner.run(batch, handled)) {
                    return false;
                }
                if (current.path("state").toString().length() > MAX_STATE_BYTES) {
                    // Lambda ends a window whose state outgrows 1 MB and starts the rest of it afresh.
                    if (!finish(shardId, current, true)) {
                        return false;
                    }
                    current.putObject("state");
                }
                checkpoint.window(shardId, current);
            }
            from = to;
        }
        return true;
    }

    /** A window whose end has passed gets its final invocation even if no record follows it. */
    @Override
    public void idle(String shardId) {
        checkpoint.window(shardId).ifPresent(window -> {
            long end = window.path("start").asLong() + windowSeconds;
            if (!clock.instant().isBefore(Instant.ofEpochSecond(end))) {
                finish(shardId, (ObjectNode) window.deepCopy(), false);
            }
        });
    }

    private boolean finish(String shardId, ObjectNode window, boolean terminatedEarly) {
        int failures = 0;
        while (!stopped.getAsBoolean()) {
            InvokeResult result = invokeWindowEvent(shardId, window, List.of(), true, terminatedEarly);
            if (result.succeeded() || failures++ >= 3) {
                checkpoint.window(shardId, null);
                return true;
            }
        }
        return false;
    }

    private InvokeResult invokeWindow(String shardId, ObjectNode window, List<StreamRecord> batch) {
        return invokeWindowEvent(shardId, window, batch, false, false);
    }

    private InvokeResult invokeWindowEvent(String shardId, ObjectNode window, List<StreamRecord> batch,
                                           boolean last, boolean terminatedEarly) {
        long start = window.path("start").asLong();
        ObjectNode event = json.createObjectNode();
        ArrayNode array = event.putArray("Records");
        batch.forEach(r -> array.add(r.event()));
        event.putObject("window").put("start", Instant.ofEpochSecond(start).toString())
                .put("end", Instant.ofEpochSecond(start + windowSeconds).toString());
        event.set("state", window.path("state"));
        event.put("shardId", shardId);
        event.put("eventSourceARN", streamArn);
        event.put("isFinalInvokeForWindow", last);
        event.put("isWindowTerminatedEarly", terminatedEarly);
        InvokeResult result;
        try {
            result = invoke.apply(json.writeValueAsBytes(event));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (!result.succeeded() || last) {
            return result;
        }
        JsonNode state = readState(result.response());
        if (state == null) {
            return new InvokeResult(result.requestId(), InvokeResult.Outcome.ERROR, result.response(),
                    "InvalidWindowResponse",
                    "the response of a tumbling window invocation must return state, got: "
                            + new String(result.response(), java.nio.charset.StandardCharsets.UTF_8));
        }
        window.set("state", state);
        return result;
    }

    private JsonNode readState(byte[] response) {
        try {
            JsonNode node = response.length == 0 ? null : json.readTree(response);
            JsonNode state = node == null ? null : node.get("state");
            return state != null && state.isObject() ? state : null;
        } catch (IOException e) {
            return null;
        }
    }

    private long windowStart(Instant created) {
        return Math.floorDiv(created.getEpochSecond(), windowSeconds) * windowSeconds;
    }
}
