package io.jets.core.app;

import io.jets.core.DynamoDbTrigger;

/** A handler whose construction fails, as one reading missing configuration would. */
public class BrokenEvent extends ApplicationEvent {

    public BrokenEvent() {
        throw new IllegalStateException("TABLE_PREFIX is not set");
    }

    @DynamoDbTrigger("test-table")
    public void file() {
    }
}
