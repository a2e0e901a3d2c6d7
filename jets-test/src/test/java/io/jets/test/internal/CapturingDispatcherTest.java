package io.jets.test.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.core.FunctionDispatcher;
import io.jets.test.HandlerInvocation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CapturingDispatcherTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private final InvocationLog log = new InvocationLog();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void invoke_passesTheExactPayloadOnAndRecordsIt() throws Exception {
        String payload = Files.readString(Path.of("src/test/resources/events/modify.json"));
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        FunctionDispatcher handler = (name, event, response, context) -> {
            event.transferTo(received);
            response.write("{\"batchItemFailures\":[]}".getBytes(StandardCharsets.UTF_8));
        };
        ByteArrayOutputStream response = new ByteArrayOutputStream();

        new CapturingDispatcher(handler, log, clock).invoke("clerk_event-file",
                new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), response, null);

        assertThat(received.toString(StandardCharsets.UTF_8)).isEqualTo(payload);
        assertThat(response.toString(StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[]}");
        HandlerInvocation invocation = log.all().get(0);
        assertThat(invocation.functionName()).isEqualTo("clerk_event-file");
        assertThat(invocation.payload()).isEqualTo(payload);
        assertThat(invocation.startedAt()).isEqualTo(NOW);
        assertThat(invocation.succeeded()).isTrue();
        assertThat(invocation.records()).singleElement().satisfies(r -> {
            assertThat(r.getEventName()).isEqualTo("MODIFY");
            assertThat(r.getDynamodb().getOldImage().get("name").getS()).isEqualTo("Tung");
            assertThat(r.getDynamodb().getNewImage().get("name").getS()).isEqualTo("Tung Nguyen");
        });
    }

    @Test
    void invoke_whenTheHandlerThrows_recordsTheFailureAndRethrowsTheSameException() {
        IllegalStateException thrown = new IllegalStateException("cannot file id-1");
        FunctionDispatcher handler = (name, event, response, context) -> {
            throw thrown;
        };

        assertThatThrownBy(() -> new CapturingDispatcher(handler, log, clock).invoke("clerk_event-file",
                new ByteArrayInputStream("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), null)).isSameAs(thrown);

        HandlerInvocation invocation = log.all().get(0);
        assertThat(invocation.succeeded()).isFalse();
        assertThat(invocation.failure()).containsSame(thrown);
    }
}
