package io.jets.core.app;

import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import io.jets.core.DynamoDbTrigger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A tumbling-window aggregation, as in Lambda's documentation: counts records into the carried state. */
public class WindowEvent extends ApplicationEvent {

    @DynamoDbTrigger(value = "orders", tumblingWindowInSeconds = 60)
    public TimeWindowEventResponse tally(DynamodbTimeWindowEvent event) {
        Map<String, String> state = new HashMap<>(event.getState() == null ? Map.of() : event.getState());
        int count = Integer.parseInt(state.getOrDefault("count", "0")) + event.getRecords().size();
        state.put("count", Integer.toString(count));
        Recorder.record(event);
        return new TimeWindowEventResponse(state, List.of());
    }
}
