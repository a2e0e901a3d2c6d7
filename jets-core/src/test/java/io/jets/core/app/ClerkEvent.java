package io.jets.core.app;

import io.jets.core.DynamoDbTrigger;

/** The seed's handler. */
public class ClerkEvent extends ApplicationEvent {

    @DynamoDbTrigger("test-table")
    public void file() {
        System.out.println("event " + event());
    }
}
