package io.jets.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.core.FunctionDispatcher;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The benchmarks' handler: takes {@code System.nanoTime()} the moment it is invoked, then hands each record's
 * key ({@code pk}) and version ({@code v} of the new image, 0 when absent) to a listener. It does nothing else,
 * so what is measured is delivery, not handler work.
 */
final class RecordingDispatcher implements FunctionDispatcher {

    /** Receives every delivered record. */
    interface Listener {
        void record(long invokedAtNanos, String key, long version);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Listener listener;

    RecordingDispatcher(Listener listener) {
        this.listener = listener;
    }

    @Override
    public void invoke(String functionName, InputStream event, OutputStream response, Context context)
            throws Exception {
        long invokedAt = System.nanoTime();
        for (JsonNode record : JSON.readTree(event).path("Records")) {
            JsonNode dynamodb = record.path("dynamodb");
            String key = dynamodb.path("Keys").path("pk").path("S").asText();
            long version = dynamodb.path("NewImage").path("v").path("N").asLong(0);
            listener.record(invokedAt, key, version);
        }
    }
}
