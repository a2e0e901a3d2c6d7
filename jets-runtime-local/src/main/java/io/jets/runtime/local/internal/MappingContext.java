package io.jets.runtime.local.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.core.config.ProjectConfig;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.TriggerDefinition;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything one mapping works with, and the wiring of its readers: records are filtered, batched (across
 * parallel lanes) and run through a {@link BatchRunner} that invokes the function and sends discarded batches to
 * the on-failure destination.
 */
public record MappingContext(FunctionDefinition function, TriggerDefinition trigger, ProjectConfig config,
                             URI endpoint, StreamsApi api, EventPayload payload, Checkpoint checkpoint, Signal signal,
                             Duration recordPoll, Duration lifecyclePoll, Invoker invoker,
                             Supplier<DispatcherPool> pool, FailureWriter failures, ExecutorService lanes,
                             Clock clock, PrintStream status, ObjectMapper json) {

    /** The mapping's id, stable across restarts, as the UUID of an AWS event source mapping. */
    public String uuid() {
        return uuidOf(function.name(), trigger.source());
    }

    public static String uuidOf(String function, String source) {
        return UUID.nameUUIDFromBytes((function + "\n" + source).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    /** {@code .jets/mappings/<function>@<source>.json}. */
    public static Path checkpointFile(Path checkpointDirectory, String function, String source) {
        return checkpointDirectory
                .resolve(function + "@" + source.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
    }

    ShardReader.Settings readerSettings(MappingState state, BooleanSupplier stopped) {
        BatchHandler handler;
        int lanesPerShard = trigger.parallelizationFactor();
        if (trigger.tumblingWindowInSeconds() > 0) {
            // A window's state is carried from one invocation to the next, so a shard's windows run in one lane.
            lanesPerShard = 1;
            handler = new TumblingWindowHandler(trigger.tumblingWindowInSeconds(), trigger.batchSize(), checkpoint,
                    checkpoint.streamArn(), (shardId, function) -> runner(shardId, state, stopped, function),
                    event -> invoke(event, state), json, clock, stopped);
        } else {
            handler = new LaneHandler(trigger.parallelizationFactor(), trigger.batchSize(),
                    shardId -> runner(shardId, state, stopped, records -> invoke(payload.event(records), state)),
                    lanes);
        }
        return new ShardReader.Settings(api, payload, checkpoint, signal, recordPoll, trigger.batchSize(),
                lanesPerShard, Duration.ofSeconds(trigger.maximumBatchingWindowInSeconds()),
                new FilterCriteria(trigger.filters(), json), handler, state, clock, stopped);
    }

    private BatchRunner runner(String shardId, MappingState state, BooleanSupplier stopped,
                               Function<List<StreamRecord>, InvokeResult> function) {
        String streamArn = checkpoint.streamArn();
        FailureSink sink = (records, condition, invokes, last) -> {
            if (trigger.onFailure().isEmpty()) {
                status.println(this.function.name() + ": discarded " + records.size() + " record(s) of " + shardId
                        + " (" + condition + "); no onFailure destination is configured");
                return;
            }
            failures.write(trigger.onFailure(), uuid(), functionArn(), streamArn, shardId, records, condition,
                    invokes, last, payload.event(records));
        };
        return new BatchRunner(BatchPolicy.of(trigger), function, sink, clock, stopped, json, state::error);
    }

    /** The region and account of the stream's ARN, so the function ARN matches the stream's. */
    private String[] regionAndAccount() {
        String[] arn = checkpoint.streamArn().split(":");
        return arn.length > 4 ? new String[] {arn[3], arn[4]} : new String[] {"us-east-1", "000000000000"};
    }

    private String functionArn() {
        String[] where = regionAndAccount();
        return "arn:aws:lambda:" + where[0] + ":" + where[1] + ":function:" + invoker.settings().physicalName();
    }

    private InvokeResult invoke(byte[] event, MappingState state) {
        String[] where = regionAndAccount();
        InvokeResult result = invoker.invoke(pool.get(), event, where[0], where[1]);
        if (result.succeeded()) {
            state.error("");
        }
        return result;
    }
}
