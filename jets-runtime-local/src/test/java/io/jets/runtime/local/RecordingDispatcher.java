package io.jets.runtime.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.core.FunctionDispatcher;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A dispatcher standing in for compiled user code: records every event it receives and runs a behaviour per
 * invocation, which may print, throw, loop or answer with a response.
 */
final class RecordingDispatcher implements FunctionDispatcher {

    /** What the handler does with an event; returns the response JSON or null. */
    @FunctionalInterface
    interface Behaviour {
        String handle(String function, JsonNode event, Context context) throws Exception;
    }

    static final ObjectMapper JSON = new ObjectMapper();

    /** Every invocation: function name and event, shared by all dispatchers of one test. */
    record Call(String function, JsonNode event, Context context) {
        List<String> sequenceNumbers() {
            return event.path("Records").findValuesAsText("SequenceNumber");
        }
    }

    private final List<Call> calls;
    private final Behaviour behaviour;

    RecordingDispatcher(List<Call> calls, Behaviour behaviour) {
        this.calls = calls;
        this.behaviour = behaviour;
    }

    static List<Call> newCalls() {
        return new CopyOnWriteArrayList<>();
    }

    @Override
    public void invoke(String functionName, InputStream event, OutputStream response, Context context)
            throws Exception {
        JsonNode tree = JSON.readTree(event);
        calls.add(new Call(functionName, tree, context));
        String answer = behaviour.handle(functionName, tree, context);
        if (answer != null) {
            response.write(answer.getBytes(StandardCharsets.UTF_8));
        }
    }
}
