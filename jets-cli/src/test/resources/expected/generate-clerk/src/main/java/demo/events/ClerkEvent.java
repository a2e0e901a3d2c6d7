package demo.events;

import io.jets.core.DynamoDbTrigger;

public class ClerkEvent extends ApplicationEvent {

    @DynamoDbTrigger("test-table") // existing table: demo-dev_test-table
    public void file() {
        System.out.println("event " + event());
    }
}
