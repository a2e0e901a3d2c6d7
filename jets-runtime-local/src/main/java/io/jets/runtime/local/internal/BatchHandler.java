package io.jets.runtime.local.internal;

import java.util.List;
import java.util.function.Consumer;

/** Handles records a shard reader has read, in order; tells {@code handled} how far everything is done. */
@FunctionalInterface
public interface BatchHandler {

    /** Returns false when the runtime stopped before the records were handled. */
    boolean handle(String shardId, List<StreamRecord> records, Consumer<StreamRecord> handled);

    /** Called while the shard has nothing to read, so time-based work (a window ending) can happen. */
    default void idle(String shardId) {
    }
}
