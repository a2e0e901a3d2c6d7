package io.jets.runtime.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a mapping stands in its stream, kept in {@code .jets/mappings/<mapping>.json} so that a restart neither
 * replays processed records nor skips any: per shard, the last sequence number handled (an empty one means the
 * shard was started with nothing before it) and whether the shard is finished. Each change is written at once,
 * atomically.
 */
public final class Checkpoint {

    private final Path file;
    private final ObjectMapper json;
    private String streamArn = "";
    private boolean positioned;
    private final Map<String, ShardState> shards = new LinkedHashMap<>();

    private record ShardState(String sequenceNumber, boolean finished, JsonNode window) {
    }

    private Checkpoint(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
    }

    public static Checkpoint load(Path file, ObjectMapper json) {
        Checkpoint checkpoint = new Checkpoint(file, json);
        if (Files.exists(file)) {
            try {
                JsonNode root = json.readTree(file.toFile());
                checkpoint.streamArn = root.path("streamArn").asText("");
                checkpoint.positioned = root.path("positioned").asBoolean(!checkpoint.streamArn.isEmpty());
                root.path("shards").fields().forEachRemaining(e -> checkpoint.shards.put(e.getKey(),
                        new ShardState(e.getValue().path("sequenceNumber").asText(""),
                                e.getValue().path("finished").asBoolean(false),
                                e.getValue().get("window"))));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read checkpoint " + file + ": " + e.getMessage()
                        + ". Delete it to start the mapping over.", e);
            }
        }
        return checkpoint;
    }

    public synchronized String streamArn() {
        return streamArn;
    }

    /** Whether the mapping's StartingPosition was applied, when it first started. */
    public synchronized boolean positioned() {
        return positioned;
    }

    public synchronized void markPositioned() {
        positioned = true;
        save();
    }

    /** Starts over on another stream (a re-enabled stream has a new ARN and new shards). */
    public synchronized void switchTo(String newStreamArn) {
        if (!newStreamArn.equals(streamArn)) {
            streamArn = newStreamArn;
            shards.clear();
            save();
        }
    }

    /** Whether the shard was ever started: then it resumes after {@link #sequenceNumber}. */
    public synchronized boolean started(String shardId) {
        return shards.containsKey(shardId);
    }

    /** The last handled sequence number of the shard, empty when none. */
    public synchronized Optional<String> sequenceNumber(String shardId) {
        ShardState state = shards.get(shardId);
        return state == null || state.sequenceNumber().isEmpty() ? Optional.empty()
                : Optional.of(state.sequenceNumber());
    }

    public synchronized boolean finished(String shardId) {
        ShardState state = shards.get(shardId);
        return state != null && state.finished();
    }

    /** Records that everything up to {@code sequenceNumber} (or nothing, when empty) is handled. */
    public synchronized void advance(String shardId, String sequenceNumber) {
        ShardState old = shards.get(shardId);
        shards.put(shardId, new ShardState(sequenceNumber, false, old == null ? null : old.window()));
        save();
    }

    public synchronized void finish(String shardId) {
        ShardState old = shards.get(shardId);
        shards.put(shardId, new ShardState(old == null ? "" : old.sequenceNumber(), true, null));
        save();
    }

    /** A tumbling window's carried state for the shard, if any. */
    public synchronized Optional<JsonNode> window(String shardId) {
        ShardState state = shards.get(shardId);
        return state == null ? Optional.empty() : Optional.ofNullable(state.window());
    }

    /** Keeps a tumbling window's state (null when no window is open) with the shard's position. */
    public synchronized void window(String shardId, JsonNode window) {
        ShardState old = shards.get(shardId);
        shards.put(shardId, new ShardState(old == null ? "" : old.sequenceNumber(), false, window));
        save();
    }

    private void save() {
        ObjectNode root = json.createObjectNode().put("streamArn", streamArn).put("positioned", positioned);
        ObjectNode shardsNode = root.putObject("shards");
        shards.forEach((id, state) -> {
            ObjectNode node = shardsNode.putObject(id).put("sequenceNumber", state.sequenceNumber())
                    .put("finished", state.finished());
            if (state.window() != null) {
                node.set("window", state.window());
            }
        });
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), root);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }
}
