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
    public static Path checkpointFile(Path stateDirectory, String function, String source) {
        return stateDirectory.resolve("mappings")
                .resolve(function + "@" + source.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
    }

    ShardReader.Settings readerSettings(MappingState state, BooleanSupplier stopped) {
        LaneHandler handler = new LaneHandler(trigger.parallelizationFactor(), trigger.batchSize(),
                shardId -> runner(shardId, state, stopped), lanes);
        return new ShardReader.Settings(api, payload, checkpoint, signal, recordPoll, trigger.batchSize(),
                trigger.parallelizationFactor(), Duration.ofSeconds(trigger.maximumBatchingWindowInSeconds()),
                new FilterCriteria(trigger.filters(), json), handler, state, clock, stopped);
    }

    private BatchRunner runner(String shardId, MappingState state, BooleanSupplier stopped) {
        String streamArn = checkpoint.streamArn();
        String[] arn = streamArn.split(":");
        String region = arn.length > 4 ? arn[3] : "us-east-1";
        String account = arn.length > 4 ? arn[4] : "000000000000";
        String functionArn = "arn:aws:lambda:" + region + ":" + account + ":function:"
                + invoker.settings().physicalName();
        FailureSink sink = (records, condition, invokes, last) -> {
            if (trigger.onFailure().isEmpty()) {
                status.println(function.name() + ": discarded " + records.size() + " record(s) of " + shardId
                        + " (" + condition + "); no onFailure destination is configured");
                return;
            }
            failures.write(trigger.onFailure(), uuid(), functionArn, streamArn, shardId, records, condition,
                    invokes, last, payload.event(records));
        };
        return new BatchRunner(BatchPolicy.of(trigger),
                records -> invoke(records, region, account, state), sink, clock, stopped, json, state::error);
    }

    private InvokeResult invoke(List<StreamRecord> records, String region, String account, MappingState state) {
        InvokeResult result = invoker.invoke(pool.get(), payload.event(records), region, account);
        if (result.succeeded()) {
            state.error("");
        }
        return result;
    }
}
