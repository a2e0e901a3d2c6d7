package io.jets.test;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import io.jets.core.events.DynamodbEventJson;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One invocation of a handler by the local event source mapping, as the test observed it.
 *
 * @param functionName the function invoked ({@code clerk_event-file})
 * @param payload      the exact Lambda payload the handler received, as JSON
 * @param startedAt    when the invocation started
 * @param error        what the handler threw, or {@code null} when it returned normally
 */
public record HandlerInvocation(String functionName, String payload, Instant startedAt, Throwable error) {

    public HandlerInvocation {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** The payload as the aws-lambda-java-events type a handler method may take. */
    public DynamodbEvent event() {
        return DynamodbEventJson.parse(payload);
    }

    /** The stream records of the batch, in delivery order. */
    public List<DynamodbStreamRecord> records() {
        return event().getRecords();
    }

    /** Whether the handler returned without throwing. */
    public boolean succeeded() {
        return error == null;
    }

    /** What the handler threw, if it did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(error);
    }
}
