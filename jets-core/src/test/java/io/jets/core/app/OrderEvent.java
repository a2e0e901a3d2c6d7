package io.jets.core.app;

import io.jets.core.DynamoDbTrigger;
import io.jets.core.images.Change;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Handlers taking typed changes: a record and plain values. */
public class OrderEvent extends ApplicationEvent {

    public record Order(String id, String name, BigDecimal total) {
    }

    @DynamoDbTrigger("test-table")
    public void audit(List<Change<Order>> changes) {
        Recorder.record(changes);
    }

    @DynamoDbTrigger("test-table")
    public void plain(List<Change<Map<String, Object>>> changes) {
        Recorder.record(changes);
    }
}
