package io.jets.cli.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.runtime.local.MappingStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

/**
 * {@code .jets/dev.json}: what a running {@code jets dev} tells other commands ({@code jets events}): its process,
 * endpoint and the live state of every mapping. Rewritten atomically, so a reader never sees half a file.
 */
public final class DevStatus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final long pid;
    private final URI endpoint;
    private final Instant started;

    public DevStatus(Path file, long pid, URI endpoint, Instant started) {
        this.file = file;
        this.pid = pid;
        this.endpoint = endpoint;
        this.started = started;
    }

    public void write(List<MappingStatus> mappings, Instant now) {
        ObjectNode root = JSON.createObjectNode();
        root.put("pid", pid);
        root.put("endpoint", endpoint.toString());
        root.put("started", started.toString());
        root.put("updated", now.toString());
        ArrayNode list = root.putArray("mappings");
        for (MappingStatus status : mappings) {
            ObjectNode node = list.addObject();
            node.put("function", status.function());
            node.put("source", status.source());
            node.put("table", status.table());
            node.put("streamArn", status.streamArn());
            node.put("state", status.state().name());
            node.put("position", status.position());
            node.put("lagMillis", status.lag().toMillis());
            node.put("lastError", status.lastError());
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), root);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
