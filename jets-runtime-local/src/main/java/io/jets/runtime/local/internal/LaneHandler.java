package io.jets.runtime.local.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * ParallelizationFactor: the records read from a shard are spread over up to ten lanes by item key, so records
 * of one item stay in order in one lane, and the lanes' batches run concurrently, each with its own container.
 * With a factor of 1 the records are simply batched in order. The shard's checkpoint moves only when every lane
 * is done, so nothing is skipped after a restart.
 */
public final class LaneHandler implements BatchHandler {

    private final int lanes;
    private final int batchSize;
    private final Function<String, BatchRunner> runners;
    private final ExecutorService executor;

    /** @param runners a runner for the given shard id */
    public LaneHandler(int lanes, int batchSize, Function<String, BatchRunner> runners, ExecutorService executor) {
        this.lanes = lanes;
        this.batchSize = batchSize;
        this.runners = runners;
        this.executor = executor;
    }

    @Override
    public boolean handle(String shardId, List<StreamRecord> records, Consumer<StreamRecord> handled) {
        BatchRunner runner = runners.apply(shardId);
        if (lanes == 1) {
            for (List<StreamRecord> batch : Batches.split(records, batchSize)) {
                if (!runner.run(batch, handled)) {
                    return false;
                }
            }
            return true;
        }
        List<List<StreamRecord>> byLane = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            byLane.add(new ArrayList<>());
        }
        for (StreamRecord record : records) {
            byLane.get(Math.floorMod(record.itemKey().hashCode(), lanes)).add(record);
        }
        List<Future<Boolean>> running = new ArrayList<>();
        for (List<StreamRecord> lane : byLane) {
            if (!lane.isEmpty()) {
                running.add(executor.submit(() -> {
                    for (List<StreamRecord> batch : Batches.split(lane, batchSize)) {
                        if (!runner.run(batch, r -> { })) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
        }
        boolean complete = true;
        for (Future<Boolean> lane : running) {
            try {
                complete &= lane.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                complete = false;
            } catch (java.util.concurrent.ExecutionException e) {
                complete = false;
            }
        }
        if (complete) {
            handled.accept(records.get(records.size() - 1));
        }
        return complete;
    }
}
