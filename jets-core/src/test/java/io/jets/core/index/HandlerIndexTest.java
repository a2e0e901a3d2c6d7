package io.jets.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.core.DynamoDbTrigger.StartingPosition;
import io.jets.core.JetsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandlerIndexTest {

    @TempDir
    Path root;

    @Test
    void load_readsTheIndexThatTheProcessorWroteForTheTestHandlers() {
        HandlerIndex index = HandlerIndex.load(getClass().getClassLoader());

        assertThat(index.functionNames()).contains("clerk_event-file", "typed_event-event_and_context",
                "order_event-audit", "window_event-tally");
        FunctionDefinition file = index.function("clerk_event-file").orElseThrow();
        assertThat(file).isEqualTo(new FunctionDefinition("clerk_event-file", "io.jets.core.app.ClerkEvent", "file",
                List.of(), List.of(TriggerDefinition.withDefaults("test-table")), 0, 0, Map.of(), ""));
    }

    @Test
    void load_recordsFunctionConfigAndTriggerSettings() {
        HandlerIndex index = HandlerIndex.load(getClass().getClassLoader());

        FunctionDefinition typed = index.function("typed_event-event_and_context").orElseThrow();
        assertThat(typed.parameterTypes()).containsExactly(
                "com.amazonaws.services.lambda.runtime.events.DynamodbEvent",
                "com.amazonaws.services.lambda.runtime.Context");
        assertThat(typed.timeoutSeconds()).isEqualTo(60);
        assertThat(typed.memorySize()).isEqualTo(512);
        assertThat(typed.environment()).isEqualTo(Map.of("MODE", "strict"));
        assertThat(typed.description()).isEqualTo("typed");
        assertThat(typed.triggers()).singleElement().extracting(TriggerDefinition::batchSize).isEqualTo(10);
    }

    @Test
    void load_withRepeatedTrigger_keepsEachMappingInSourceOrder() {
        FunctionDefinition explode = HandlerIndex.load(getClass().getClassLoader())
                .function("typed_event-explode").orElseThrow();

        assertThat(explode.triggers()).extracting(TriggerDefinition::source).containsExactly("orders",
                "arn:aws:dynamodb:us-west-2:112233445566:table/audit/stream/2024-02-11T15:44:30.751");
        assertThat(explode.triggers().get(1).isStreamArn()).isTrue();
        assertThat(explode.triggers().get(1).startingPosition()).isEqualTo(StartingPosition.LATEST);
    }

    @Test
    void load_withGenericParameter_recordsTheTypeArguments() {
        FunctionDefinition audit = HandlerIndex.load(getClass().getClassLoader())
                .function("order_event-audit").orElseThrow();

        assertThat(audit.parameterTypes())
                .containsExactly("java.util.List<io.jets.core.images.Change<io.jets.core.app.OrderEvent$Order>>");
        assertThat(audit.parameterClassNames()).containsExactly("java.util.List");
    }

    @Test
    void load_withoutIndex_isEmpty() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            assertThat(HandlerIndex.load(loader).functions()).isEmpty();
        }
    }

    @Test
    void load_withTwoResources_mergesTheirFunctions() throws IOException {
        Path main = index("main", function("clerk_event-file", "demo.ClerkEvent"));
        Path test = index("test", function("probe_event-check", "demo.ProbeEvent"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {main.toUri().toURL(), test.toUri().toURL()}, null)) {
            assertThat(HandlerIndex.load(loader).functionNames())
                    .containsExactly("clerk_event-file", "probe_event-check");
        }
    }

    @Test
    void load_withOneNameInTwoResources_namesBoth() throws IOException {
        Path main = index("main", function("clerk_event-file", "demo.ClerkEvent"));
        Path other = index("other", function("clerk_event-file", "other.ClerkEvent"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {main.toUri().toURL(), other.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> HandlerIndex.load(loader))
                    .isExactlyInstanceOf(JetsException.class)
                    .hasMessage("Function clerk_event-file is defined twice: by " + main.toUri().toURL()
                            + "META-INF/jets/handlers.json and by " + other.toUri().toURL()
                            + "META-INF/jets/handlers.json; rename one of the handler methods or classes");
        }
    }

    @Test
    void toJson_thenRead_givesTheSameDefinitions() throws IOException {
        TriggerDefinition trigger = new TriggerDefinition("orders", 500, 5, StartingPosition.LATEST, 4, true, 3, 120,
                "arn:aws:sqs:us-east-1:123456789012:dlq", List.of("{\"eventName\":[\"INSERT\"]}"), true, 0, false);
        HandlerIndex index = new HandlerIndex(List.of(new FunctionDefinition("a-b", "demo.A", "b",
                List.of("com.amazonaws.services.lambda.runtime.Context"), List.of(trigger), 30, 1024,
                Map.of("K", "v"), "desc")));

        HandlerIndex read = HandlerIndex.read(new ByteArrayInputStream(index.toJson().getBytes(StandardCharsets.UTF_8)));

        assertThat(read.functions()).isEqualTo(index.functions());
    }

    @Test
    void read_withOnlyRequiredFields_fillsAwsDefaults() throws IOException {
        String json = "{\"functions\":[{\"name\":\"clerk_event-file\",\"className\":\"demo.ClerkEvent\","
                + "\"methodName\":\"file\",\"triggers\":[{\"source\":\"test-table\"}]}]}";

        HandlerIndex index = HandlerIndex.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(index.functions()).containsExactly(new FunctionDefinition("clerk_event-file", "demo.ClerkEvent",
                "file", List.of(), List.of(TriggerDefinition.withDefaults("test-table")), 0, 0, Map.of(), ""));
    }

    @Test
    void read_withNewerVersion_saysToAlignVersions() {
        String json = "{\"version\":2,\"functions\":[]}";

        assertThatThrownBy(() -> HandlerIndex.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isExactlyInstanceOf(IOException.class)
                .hasMessage("index version 2 is newer than this jets-core reads (1); use the same jets-core version"
                        + " to compile and to run");
    }

    private static FunctionDefinition function(String name, String className) {
        return new FunctionDefinition(name, className, "m", List.of(), List.of(TriggerDefinition.withDefaults("t")),
                0, 0, Map.of(), "");
    }

    private Path index(String dir, FunctionDefinition function) throws IOException {
        Path base = root.resolve(dir);
        Path file = base.resolve(HandlerIndex.RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, new HandlerIndex(List.of(function)).toJson());
        return base;
    }
}
