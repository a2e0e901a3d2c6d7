package io.jets.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.core.app.TypedEvent.OrderRejectedException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaHandlerTest {

    private final ClassLoader classLoader = getClass().getClassLoader();

    @Test
    void handleRequest_withSeedPayload_printsTheEventExactlyAsReceived() throws Exception {
        byte[] payload = resource("/events/dynamodb/modify.json");
        LambdaHandler handler = new LambdaHandler(Map.of("JETS_FUNCTION", "clerk_event-file"), classLoader);
        ByteArrayOutputStream response = new ByteArrayOutputStream();

        String printed = StandardOut.capture(() -> {
            handler.handleRequest(new ByteArrayInputStream(payload), response,
                    LocalContext.create("demo-dev-clerk_event-file", Duration.ofSeconds(30), 1536, Clock.systemUTC()));
            return null;
        });

        String compacted = new ObjectMapper().readTree(payload).toString();
        assertThat(printed).isEqualTo("event " + compacted + System.lineSeparator());
        assertThat(compacted).startsWith("{\"Records\":[{\"eventID\":\"1a87201789a6e14315b8038ebbd3b99d\",\"eventName\":\"MODIFY\"");
        assertThat(response.toByteArray()).isEmpty();
    }

    @Test
    void handleRequest_withNullContext_stillRuns() throws Exception {
        LambdaHandler handler = new LambdaHandler(Map.of("JETS_FUNCTION", "clerk_event-file"), classLoader);

        String printed = StandardOut.capture(() -> {
            handler.handleRequest(new ByteArrayInputStream(resource("/events/dynamodb/modify.json")),
                    new ByteArrayOutputStream(), null);
            return null;
        });

        assertThat(printed).startsWith("event {\"Records\":[");
    }

    @Test
    void handleRequest_whenUserMethodThrowsCheckedException_propagatesItUnwrapped() {
        LambdaHandler handler = new LambdaHandler(Map.of("JETS_FUNCTION", "typed_event-explode"), classLoader);

        assertThatThrownBy(() -> handler.handleRequest(new ByteArrayInputStream(resource("/events/dynamodb/modify.json")),
                new ByteArrayOutputStream(), null))
                .isExactlyInstanceOf(OrderRejectedException.class)
                .hasMessage("order 1 rejected");
    }

    @Test
    void constructor_withoutFunctionVariable_listsKnownFunctions() {
        assertThatThrownBy(() -> new LambdaHandler(Map.of(), classLoader))
                .isExactlyInstanceOf(JetsException.class)
                .hasMessageStartingWith("Environment variable JETS_FUNCTION is not set; set it to one of: ")
                .hasMessageContaining("clerk_event-file")
                .hasMessageContaining("typed_event-partial");
    }

    @Test
    void constructor_withUnknownFunction_listsKnownFunctions() {
        assertThatThrownBy(() -> new LambdaHandler(Map.of("JETS_FUNCTION", "clerk_event-flie"), classLoader))
                .isExactlyInstanceOf(JetsException.class)
                .hasMessageStartingWith("Unknown function clerk_event-flie in JETS_FUNCTION; known functions: ")
                .hasMessageContaining("clerk_event-file, ");
    }

    @Test
    void constructor_inDeploymentWithoutIndex_pointsAtTheAnnotationProcessor() throws Exception {
        try (java.net.URLClassLoader empty = new java.net.URLClassLoader(new java.net.URL[0], null)) {
            assertThatThrownBy(() -> new LambdaHandler(Map.of("JETS_FUNCTION", "clerk_event-file"), empty))
                    .isExactlyInstanceOf(JetsException.class)
                    .hasMessage("Unknown function clerk_event-file in JETS_FUNCTION; known functions: none (no"
                            + " META-INF/jets/handlers.json in the deployment; was it compiled with jets-core's"
                            + " annotation processor?)");
        }
    }

    @Test
    void constructor_withBrokenHandlerClass_failsInitialisationWithTheUsersException() {
        assertThatThrownBy(() -> new LambdaHandler(Map.of("JETS_FUNCTION", "broken_event-file"), classLoader))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("TABLE_PREFIX is not set")
                .hasNoCause();
    }

    static byte[] resource(String name) throws Exception {
        try (InputStream in = LambdaHandlerTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    static String text(String name) throws Exception {
        return new String(resource(name), StandardCharsets.UTF_8);
    }
}
