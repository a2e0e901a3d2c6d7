package io.jets.cli.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.core.FunctionDispatcher;
import io.jets.core.JetsException;
import io.jets.core.testing.DynamodbEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each local "container" loads the application anew, as each Lambda execution environment is a JVM of its own:
 * static state (a cache, a counter, an SDK client) is never shared by two containers of one function. See
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html">the Lambda execution
 * environment lifecycle</a>.
 */
class LoadedAppTest {

    private static final String FUNCTION = "counter_event-count";

    /** Counts its invocations in a static field and appends the count to a file. */
    private static final String COUNTER_EVENT = """
            package demo.events;

            import io.jets.core.DynamoDbTrigger;
            import io.jets.core.JetsEvent;
            import java.io.IOException;
import java.io.InputStream;
            import java.io.UncheckedIOException;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;

            public class CounterEvent extends JetsEvent {

                private static int invocations;

                @DynamoDbTrigger("test-table")
                public void count() {
                    invocations++;
                    try {
                        Files.writeString(Path.of("%s"), invocations + "\\n", StandardOpenOption.CREATE,
                                StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            """;

    @TempDir
    Path root;

    @Test
    void twoContainersOfOneFunction_eachHaveTheHandlersStaticStateOfTheirOwn() throws Exception {
        Path counts = root.resolve("counts.txt");
        try (LoadedApp loaded = load(counts)) {
            FunctionDispatcher first = loaded.newDispatcher();
            FunctionDispatcher second = loaded.newDispatcher();

            invoke(first);
            invoke(first);
            invoke(second);
            invoke(first);
        }

        assertThat(Files.readAllLines(counts)).containsExactly("1", "2", "1", "3");
    }

    @Test
    void aClosedContainer_cannotLoadClassesAnyMore_whileTheOthersKeepWorking() throws Exception {
        Path counts = root.resolve("counts.txt");
        try (LoadedApp loaded = load(counts)) {
            FunctionDispatcher discarded = loaded.newDispatcher();
            FunctionDispatcher kept = loaded.newDispatcher();

            ((AutoCloseable) discarded).close();

            assertThatThrownBy(() -> discarded.prepare(FUNCTION))
                    .isExactlyInstanceOf(JetsException.class)
                    .hasMessageStartingWith("Cannot load function " + FUNCTION + " (demo.events.CounterEvent#count): "
                            + "java.lang.ClassNotFoundException: demo.events.CounterEvent");
            invoke(kept);
        }
        assertThat(Files.readAllLines(counts)).containsExactly("1");
    }

    @Test
    void closingTheGeneration_closesTheLoadersOfItsContainers_andRefusesNewOnes() throws Exception {
        LoadedApp loaded = load(root.resolve("counts.txt"));
        FunctionDispatcher container = loaded.newDispatcher();

        loaded.close();

        assertThatThrownBy(() -> container.prepare(FUNCTION))
                .isExactlyInstanceOf(JetsException.class)
                .hasMessageStartingWith("Cannot load function " + FUNCTION + " (demo.events.CounterEvent#count): "
                        + "java.lang.ClassNotFoundException: demo.events.CounterEvent");
        assertThatThrownBy(loaded::newDispatcher)
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("This generation of the application is closed: it was reloaded, or jets dev is stopping");
    }

    private LoadedApp load(Path counts) throws IOException {
        MavenApp app = CompiledApp.compile(root, "CounterEvent", COUNTER_EVENT.formatted(counts));
        LoadedApp loaded = LoadedApp.load(app);
        assertThat(loaded.index().functionNames()).isEqualTo(List.of(FUNCTION));
        return loaded;
    }

    private static void invoke(FunctionDispatcher dispatcher) throws Exception {
        InputStream event = DynamodbEvents.toInputStream(
                DynamodbEvents.insert("demo-dev_test-table").key("id", "id-1"));
        dispatcher.invoke(FUNCTION, event, new ByteArrayOutputStream(), null);
    }
}
