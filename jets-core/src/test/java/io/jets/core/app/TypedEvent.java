package io.jets.core.app;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.jets.core.DynamoDbTrigger;
import io.jets.core.FunctionConfig;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Handlers taking Lambda's types in either order, one reporting partial failures, one failing. */
public class TypedEvent extends ApplicationEvent {

    /** How many instances dispatchers have created, to check that they create one per class. */
    public static final AtomicInteger CONSTRUCTED = new AtomicInteger();

    private int invocations;

    public TypedEvent() {
        CONSTRUCTED.incrementAndGet();
    }

    @DynamoDbTrigger(value = "orders", batchSize = 10)
    @FunctionConfig(timeoutSeconds = 60, memorySize = 512, environment = {"MODE=strict"}, description = "typed")
    public void eventAndContext(DynamodbEvent event, Context context) {
        Recorder.record(event, context);
    }

    @DynamoDbTrigger("orders")
    public void contextAndEvent(Context context, DynamodbEvent event) {
        Recorder.record(context, event);
    }

    @DynamoDbTrigger("orders")
    public void count() {
        invocations++;
        Recorder.record(this, invocations);
    }

    @DynamoDbTrigger(value = "orders", reportBatchItemFailures = true)
    public StreamsEventResponse partial(DynamodbEvent event) {
        String last = event.getRecords().get(event.getRecords().size() - 1).getDynamodb().getSequenceNumber();
        return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(last)));
    }

    @DynamoDbTrigger("orders")
    @DynamoDbTrigger(value = "arn:aws:dynamodb:us-west-2:112233445566:table/audit/stream/2024-02-11T15:44:30.751",
            startingPosition = DynamoDbTrigger.StartingPosition.LATEST)
    public void explode() throws OrderRejectedException {
        throw new OrderRejectedException("order 1 rejected");
    }

    /** A checked user exception, which must reach Lambda with its own type. */
    public static class OrderRejectedException extends Exception {
        public OrderRejectedException(String message) {
            super(message);
        }
    }
}
