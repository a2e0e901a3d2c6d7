package io.jets.core;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.fasterxml.jackson.databind.JsonNode;
import io.jets.core.images.Change;
import io.jets.core.images.Images;
import java.util.List;
import java.util.Map;

/**
 * The base class of an application's event classes (its {@code ApplicationEvent extends JetsEvent}). Each public
 * method annotated {@link DynamoDbTrigger} becomes one Lambda function; while it runs, the event is reachable
 * from here, as in Jets:
 *
 * <pre>{@code
 * public class ClerkEvent extends ApplicationEvent {
 *     @DynamoDbTrigger("test-table")
 *     public void file() {
 *         System.out.println("event " + event());      // the payload exactly as received
 *         for (Change<Map<String, Object>> change : changes()) {
 *             System.out.println(change.kind() + " " + change.keys());
 *         }
 *     }
 * }
 * }</pre>
 *
 * A handler method may instead take any of {@code DynamodbEvent} (or {@code DynamodbTimeWindowEvent}),
 * {@code Context} and {@code List<Change<T>>}, and return {@code void}, a {@code StreamsEventResponse}
 * (ReportBatchItemFailures) or a {@code TimeWindowEventResponse} (tumbling windows). One instance per class
 * serves every invocation of a container, so fields can hold clients and caches.
 */
public abstract class JetsEvent {

    private Invocation invocation;

    protected JetsEvent() {
    }

    /** The raw event: its {@code toString()} is the JSON received, field order and numbers kept. */
    public final JsonNode event() {
        return current().tree();
    }

    /** The Lambda context of the running invocation. */
    public final Context context() {
        return current().context();
    }

    /** The event as aws-lambda-java-events' {@link DynamodbEvent}. */
    public final DynamodbEvent dynamodbEvent() {
        return current().dynamodbEvent();
    }

    /** Every record of the batch, in stream order. */
    public final List<DynamodbStreamRecord> records() {
        List<DynamodbStreamRecord> records = dynamodbEvent().getRecords();
        return records == null ? List.of() : records;
    }

    /** Every record of the batch as a change with plain-valued images (see {@link Images}). */
    public final List<Change<Map<String, Object>>> changes() {
        return Images.changes(dynamodbEvent());
    }

    /** Every record of the batch as a change with images read as {@code type}. */
    public final <T> List<Change<T>> changes(Class<T> type) {
        return Images.changes(dynamodbEvent(), type);
    }

    final void bind(Invocation invocation) {
        this.invocation = invocation;
    }

    private Invocation current() {
        if (invocation == null) {
            throw new JetsException("The event of " + getClass().getName() + " is only available while Jets runs"
                    + " one of its handler methods; to test a handler, invoke it through FunctionDispatcher");
        }
        return invocation;
    }
}
