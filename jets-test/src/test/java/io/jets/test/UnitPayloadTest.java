package io.jets.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.core.FunctionDispatcher;
import io.jets.core.index.HandlerIndex;
import io.jets.core.testing.DynamodbEvents;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The no-server path this module's documentation shows: a payload from jets-core's builder, run by the dispatcher. */
class UnitPayloadTest {

    @Test
    void payload_drivesTheApplicationsHandlerThroughItsDispatcher() {
        ClassLoader loader = getClass().getClassLoader();
        FunctionDispatcher dispatcher = FunctionDispatcher.create(loader, HandlerIndex.load(loader));
        var insert = DynamodbEvents.insert("demo-dev_orders").key("id", "order-9").newImage(Map.of("fail", true));

        assertThatThrownBy(() -> dispatcher.invoke("flaky_event-process", insert.toInputStream(),
                new ByteArrayOutputStream(), null))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("cannot process order-9");
    }
}
